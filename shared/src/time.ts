/**
 * The Shanghai clock: business dates and times for every rule in Linli (opening hours, cut-offs, ages, offers).
 *
 * Business time is Asia/Shanghai. Servers run in UTC, so every "today" and every "before now" must be worked out
 * in Shanghai time, never in the process's own zone. Shanghai is UTC+8 all year (China has had no daylight saving
 * since 1991), so a fixed +8 h offset is exact and we need no time-zone database.
 *
 * - dates are `YYYY-MM-DD` in Shanghai local time;
 * - times are `HH:mm`, 24 h, 00:00-23:59;
 * - instants are JS `Date`s or ISO UTC strings.
 */

/** ISO 8601 weekday: Monday = 1 … Sunday = 7. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000; // UTC+8, no daylight saving since 1991
export const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Milliseconds of `date` 00:00 as if it were UTC, or null when it is not a real calendar date. */
export function parseDate(date: string): number | null {
  const match = DATE_PATTERN.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  const real = check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
  return real ? ms : null;
}

/** Minutes since midnight, or null when `time` is not `HH:mm` 00:00-23:59. */
export function parseTime(time: string): number | null {
  const match = TIME_PATTERN.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

function requireDate(date: string): number {
  const ms = parseDate(date);
  if (ms === null) throw new RangeError(`invalid date (want YYYY-MM-DD): ${date}`);
  return ms;
}

export function requireTime(time: string): number {
  const minutes = parseTime(time);
  if (minutes === null) throw new RangeError(`invalid time (want HH:mm): ${time}`);
  return minutes;
}

/** 570 → `09:30`. */
export function formatMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The Shanghai calendar date of an instant: 2026-11-26T17:00Z is already 2026-11-27 in Shanghai. */
export function shanghaiDateOf(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Shanghai wall-clock time `HH:mm` of an instant (seconds dropped). */
export function shanghaiTimeOf(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16);
}

/** The UTC instant of a Shanghai local date and time. Throws RangeError on a malformed date or time. */
export function instantOf(date: string, time: string): Date {
  return new Date(requireDate(date) + requireTime(time) * MINUTE_MS - SHANGHAI_OFFSET_MS);
}

/** Calendar arithmetic on `YYYY-MM-DD` (no time zone involved, so no DST or midnight surprises). */
export function addDays(date: string, days: number): string {
  return new Date(requireDate(date) + days * DAY_MS).toISOString().slice(0, 10);
}

export function isoWeekdayOf(date: string): IsoWeekday {
  return (new Date(requireDate(date)).getUTCDay() || 7) as IsoWeekday;
}
