import { shanghaiDateOf, shanghaiTimeOf } from '@linli/shared';

/**
 * `2026-11-26T07:05:00Z` → `2026年11月26日 15:05` on the Shanghai clock, like every slot, window and cut-off the app
 * shows — not the phone's zone, which for a child ordering from abroad would put an order's times beside its
 * cut-off in two different clocks. Null for an unreadable value.
 */
export function formatDateTime(iso: string): string | null {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return null;
  const [year, month, day] = shanghaiDateOf(instant).split('-').map(Number);
  return `${year}年${month}月${day}日 ${shanghaiTimeOf(instant)}`;
}
