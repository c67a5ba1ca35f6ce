/**
 * Opening hours, the public-holiday calendar and bookable slots of a citizen centre. Pure functions, shared by the
 * API (the rule that counts) and the mini program (what residents see). Dates and times are on the Shanghai clock
 * (./time); a range of opening hours cannot cross midnight.
 */
import { addDays, formatMinutes, instantOf, isoWeekdayOf, MINUTE_MS, parseDate, parseTime, requireTime, shanghaiDateOf, type IsoWeekday } from './time';

export type { IsoWeekday } from './time';

/** `HH:mm` to `HH:mm` within one day; start < end. */
export interface TimeRange {
  start: string;
  end: string;
}

/** A centre's regular hours on one weekday. One entry per weekday: split days (lunch break) use several ranges. */
export interface WeeklyOpening {
  weekday: IsoWeekday;
  ranges: TimeRange[];
  slotMinutes: number;
  seats: number;
}

/** A national holiday (closed) or a 调休 make-up working day (open, although it is usually a Saturday or Sunday). */
export type CalendarDayKind = 'holiday' | 'workday';

export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
  /** For 'workday': whose weekly opening applies; default 1 (Monday). */
  worksAs?: IsoWeekday;
}

/** A centre's own change for one date (staff training, a special opening); it beats the weekly hours and the calendar. */
export type DateException =
  { date: string; kind: 'closed'; reason: string } | { date: string; kind: 'open'; ranges: TimeRange[]; slotMinutes: number; seats: number; reason: string };

export interface BookingPolicy {
  /** How many calendar days residents can book, today included (see generateSlots). */
  bookingWindowDays: number;
  /** A slot must start at least this long after now to be offered. */
  minNoticeMinutes: number;
  /** A booking can be cancelled until this long before its start. */
  cancelCutoffMinutes: number;
}

export interface Slot {
  date: string;
  start: string;
  end: string;
  /** ISO UTC. */
  startsAt: string;
  /** ISO UTC. */
  endsAt: string;
  seats: number;
}

/** What a centre offers on one date. */
export interface DayOpening {
  ranges: TimeRange[];
  slotMinutes: number;
  seats: number;
}

export const SLOT_MINUTES_MIN = 5;
export const SLOT_MINUTES_MAX = 480;
export const SEATS_MIN = 1;
export const SEATS_MAX = 500;

function findOnly<T extends { date: string }>(items: T[], date: string, what: string): T | undefined {
  const found = items.filter((item) => item.date === date);
  if (found.length > 1) throw new RangeError(`more than one ${what} for ${date}`);
  return found[0];
}

function weeklyFor(weekday: IsoWeekday, weekly: WeeklyOpening[]): DayOpening | null {
  const found = weekly.filter((opening) => opening.weekday === weekday);
  if (found.length > 1) throw new RangeError(`more than one weekly opening for weekday ${weekday}`);
  if (found.length === 0) return null;
  const { ranges, slotMinutes, seats } = found[0];
  return { ranges, slotMinutes, seats };
}

/**
 * What is open on `date`, or null when closed. Precedence, strongest first:
 * 1. the centre's own date exception ('closed' → null, 'open' → its hours);
 * 2. the national calendar: a 'holiday' closes, a 'workday' (调休) opens with the hours of `worksAs` (default
 *    Monday) — so a make-up Saturday gets weekday hours, not the Saturday ones;
 * 3. the weekly opening of the date's own weekday (null when there is none).
 *
 * Ambiguous data (two weekly entries for one weekday, two exceptions or calendar days for one date) throws a
 * RangeError rather than silently picking one: the validators below keep such data out at write time.
 */
export function openingFor(date: string, weekly: WeeklyOpening[], calendar: CalendarDay[], exceptions: DateException[]): DayOpening | null {
  const exception = findOnly(exceptions, date, 'date exception');
  if (exception) {
    if (exception.kind === 'closed') return null;
    const { ranges, slotMinutes, seats } = exception;
    return { ranges, slotMinutes, seats };
  }
  const day = findOnly(calendar, date, 'calendar day');
  if (day?.kind === 'holiday') return null;
  if (day?.kind === 'workday') return weeklyFor(day.worksAs ?? 1, weekly);
  return weeklyFor(isoWeekdayOf(date), weekly);
}

export interface GenerateSlotsInput {
  weekly: WeeklyOpening[];
  calendar: CalendarDay[];
  exceptions: DateException[];
  policy: BookingPolicy;
  now: Date;
  /** How many calendar days to cover, today included; default policy.bookingWindowDays. */
  days?: number;
}

/**
 * The bookable slots from now on, sorted by start.
 *
 * Window: `days` (default policy.bookingWindowDays) calendar days counted in Shanghai, today included — with a
 * 7-day window on a Thursday, residents see Thursday through next Wednesday. Whole days: the last day is fully
 * offered whatever the time of day now is.
 *
 * Notice: a slot is offered only when it starts at or after now + minNoticeMinutes (the boundary itself is
 * allowed). This is an instant comparison, so it is right whatever the server's zone, and it can also drop slots
 * of tomorrow morning when the notice is long.
 *
 * Each range is cut into consecutive slots of slotMinutes from its start; a trailing remainder shorter than
 * slotMinutes is dropped. Seats are the capacity of each slot; bookings already taken are not subtracted here.
 */
export function generateSlots(input: GenerateSlotsInput): Slot[] {
  const { weekly, calendar, exceptions, policy, now } = input;
  const days = input.days ?? policy.bookingWindowDays;
  const today = shanghaiDateOf(now);
  const slots: Slot[] = [];

  for (let offset = 0; offset < days; offset++) {
    const date = addDays(today, offset);
    const opening = openingFor(date, weekly, calendar, exceptions);
    if (!opening) continue;
    // A zero or fractional step would loop forever or make odd times; bad data must fail loudly, not hang.
    if (!Number.isInteger(opening.slotMinutes) || opening.slotMinutes <= 0) {
      throw new RangeError(`invalid slotMinutes on ${date}: ${opening.slotMinutes}`);
    }
    for (const range of opening.ranges) {
      const rangeEnd = requireTime(range.end);
      for (let start = requireTime(range.start); start + opening.slotMinutes <= rangeEnd; start += opening.slotMinutes) {
        const startsAt = instantOf(date, formatMinutes(start));
        if (!meetsNotice(startsAt, now, policy.minNoticeMinutes)) continue;
        const end = formatMinutes(start + opening.slotMinutes);
        slots.push({
          date,
          start: formatMinutes(start),
          end,
          startsAt: startsAt.toISOString(),
          endsAt: instantOf(date, end).toISOString(),
          seats: opening.seats,
        });
      }
    }
  }
  // ISO UTC strings of the same format sort chronologically as text.
  return slots.sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.endsAt < b.endsAt ? -1 : 1));
}

/** Whether a slot starting at `startsAt` is far enough ahead of `now`: at least minNoticeMinutes, the boundary allowed. */
export function meetsNotice(startsAt: Date, now: Date, minNoticeMinutes: number): boolean {
  return startsAt.getTime() >= now.getTime() + minNoticeMinutes * MINUTE_MS;
}

/**
 * Why a slot (or a home-visit window) cannot be booked now, so a screen can say what is true instead of one vague
 * word: it is over, it is under way, it starts too soon for the notice required (a window 47 minutes away under a
 * 60-minute rule has not passed), or every seat is taken.
 */
export type SlotUnavailableReason = { kind: 'passed' } | { kind: 'started' } | { kind: 'too_soon'; minNoticeMinutes: number } | { kind: 'full' };

export interface SlotTiming {
  /** Date or ISO UTC. */
  startsAt: Date | string;
  endsAt: Date | string;
  /** Seats left, when the slot has a capacity. */
  remaining?: number;
}

/**
 * The reason a slot cannot be booked at `now` with `minNoticeMinutes` of notice, or null when it can. Time comes
 * first (a full slot in the past is past); generateSlots offers exactly the slots this finds no time reason for
 * (so with no notice a slot starting this very instant is still offered, and counts as started a moment later).
 */
export function slotUnavailableReason(slot: SlotTiming, now: Date, minNoticeMinutes: number): SlotUnavailableReason | null {
  const startsAt = new Date(slot.startsAt);
  if (now.getTime() >= new Date(slot.endsAt).getTime()) return { kind: 'passed' };
  if (now.getTime() > startsAt.getTime()) return { kind: 'started' };
  if (!meetsNotice(startsAt, now, minNoticeMinutes)) return { kind: 'too_soon', minNoticeMinutes };
  if (slot.remaining !== undefined && slot.remaining <= 0) return { kind: 'full' };
  return null;
}

/**
 * Whether a booking may still be cancelled: until cancelCutoffMinutes before the start, the boundary itself
 * included (same convention as the booking notice: "at least N minutes before" is satisfied by exactly N).
 */
export function canCancel(slotStartsAt: Date, now: Date, policy: BookingPolicy): boolean {
  return now.getTime() + policy.cancelCutoffMinutes * MINUTE_MS <= slotStartsAt.getTime();
}

/** Problems with a day's hours, shared by weekly openings and 'open' exceptions. */
function validateDayOpening(opening: { ranges: TimeRange[]; slotMinutes: number; seats: number }): string[] {
  const problems: string[] = [];
  const { ranges, slotMinutes, seats } = opening;
  const slotMinutesValid = Number.isInteger(slotMinutes) && slotMinutes >= SLOT_MINUTES_MIN && slotMinutes <= SLOT_MINUTES_MAX;
  if (!slotMinutesValid) problems.push(`slotMinutes must be ${SLOT_MINUTES_MIN}..${SLOT_MINUTES_MAX}`);
  if (!(Number.isInteger(seats) && seats >= SEATS_MIN && seats <= SEATS_MAX)) problems.push(`seats must be ${SEATS_MIN}..${SEATS_MAX}`);
  if (!Array.isArray(ranges) || ranges.length === 0) {
    problems.push('at least one range is required');
    return problems;
  }

  const parsed: { index: number; start: number; end: number }[] = [];
  ranges.forEach((range, index) => {
    const start = parseTime(range.start);
    const end = parseTime(range.end);
    if (start === null) problems.push(`ranges[${index}]: start must be HH:mm`);
    if (end === null) problems.push(`ranges[${index}]: end must be HH:mm`);
    if (start === null || end === null) return;
    if (end <= start) {
      problems.push(`ranges[${index}]: range end must be after start`);
      return;
    }
    // Would yield no slot at all: almost certainly a typo, not an intent.
    if (slotMinutesValid && end - start < slotMinutes) problems.push(`ranges[${index}]: range is shorter than slotMinutes`);
    parsed.push({ index, start, end });
  });

  // Touching ranges (09:00-12:00, 12:00-13:00) are fine; sharing any minute is not.
  // Compare each range with the one reaching furthest so far, so a long range covering several short ones is caught.
  parsed.sort((a, b) => a.start - b.start);
  let furthest = parsed[0];
  for (const current of parsed.slice(1)) {
    if (current.start < furthest.end) {
      const [first, second] = [furthest.index, current.index].sort((a, b) => a - b);
      problems.push(`ranges overlap: ranges[${first}] and ranges[${second}]`);
    }
    if (current.end > furthest.end) furthest = current;
  }
  return problems;
}

/** Problems with one weekly opening in short English messages; empty when valid. */
export function validateWeeklyOpening(opening: WeeklyOpening): string[] {
  const problems: string[] = [];
  if (!(Number.isInteger(opening.weekday) && opening.weekday >= 1 && opening.weekday <= 7)) problems.push('weekday must be 1..7');
  return [...problems, ...validateDayOpening(opening)];
}

/** A centre's whole week: each entry valid (messages prefixed `weekday N: `) and at most one entry per weekday. */
export function validateWeeklyOpenings(weekly: WeeklyOpening[]): string[] {
  const problems = weekly.flatMap((opening) => validateWeeklyOpening(opening).map((problem) => `weekday ${opening.weekday}: ${problem}`));
  const seen = new Set<number>();
  for (const { weekday } of weekly) {
    if (seen.has(weekday)) problems.push(`weekday ${weekday}: more than one entry (use several ranges instead)`);
    seen.add(weekday);
  }
  return [...new Set(problems)];
}

/** Problems with one date exception in short English messages; empty when valid. */
export function validateDateException(exception: DateException): string[] {
  const problems: string[] = [];
  if (parseDate(exception.date) === null) problems.push('date must be YYYY-MM-DD');
  if (typeof exception.reason !== 'string' || exception.reason.trim() === '') problems.push('reason is required');
  if (exception.kind === 'open') return [...problems, ...validateDayOpening(exception)];
  if (exception.kind !== 'closed') problems.push("kind must be 'closed' or 'open'");
  return problems;
}
