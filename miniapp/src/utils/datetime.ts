const pad = (value: number) => String(value).padStart(2, '0');

/** `2026-11-26T07:05:00Z` → `2026年11月26日 15:05` in the phone's own time zone; null for an unreadable value. */
export function formatLocalDateTime(iso: string): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日 ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
