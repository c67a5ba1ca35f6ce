/**
 * Money typed in yuan (15, 15.5, 15.50) as the integer fen the API takes, or null when it is not an amount: no sign,
 * at most two decimals, so a price never loses or gains a fen on the way.
 */
export function fenOfYuan(text: string): number | null {
  const match = /^(\d{1,6})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
