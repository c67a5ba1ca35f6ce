/**
 * Opening hours of a convenience outlet (便民网点), evaluated on the Shanghai clock (./time).
 *
 * Unlike a citizen centre's hours (./schedule), a shop's hours may run past midnight: a range whose end is not after
 * its start (22:00–02:00) belongs to the day it starts on and ends on the next; 00:00–24:00 is the whole day, and a
 * day of 00:00–24:00 following another is open without a break (24 h). A dated entry (a holiday, a closure, a
 * special opening) replaces that date's weekly hours; with no ranges the outlet is closed that date. Ranges
 * carried over from the day before (the tail of 22:00–02:00) still run on a dated day: the night was opened
 * before the closure began.
 */
import { addDays, instantOf, isoWeekdayOf, MINUTE_MS, parseDate, parseTime, shanghaiDateOf, shanghaiTimeOf, type IsoWeekday } from './time';

/** `HH:mm`; `end` may be `24:00`; an end not after the start runs into the next day. */
export interface OutletTimeRange {
  start: string;
  end: string;
}

export interface OutletWeekday {
  weekday: IsoWeekday;
  ranges: OutletTimeRange[];
}

/** A date's own hours: no ranges means closed (a holiday or a closure). */
export interface OutletDatedHours {
  date: string;
  ranges: OutletTimeRange[];
  note: string;
}

export interface OutletHours {
  /** Weekdays not listed are closed. */
  weekly: OutletWeekday[];
  dated: OutletDatedHours[];
}

export interface OutletOpenState {
  open: boolean;
  /** ISO UTC: when an open outlet closes, or when a closed one opens next; null when that is more than a week away. */
  changesAt: string | null;
}

const HORIZON_DAYS = 8;
const DAY_MINUTES = 24 * 60;

function minutesOf(time: string, isEnd: boolean): number | null {
  if (isEnd && time === '24:00') return DAY_MINUTES;
  return parseTime(time);
}

/** Everything wrong with a set of hours, in words for staff; empty when it is usable. */
export function outletHoursProblems(hours: OutletHours): string[] {
  const problems: string[] = [];
  const checkRanges = (ranges: OutletTimeRange[], where: string) => {
    for (const range of ranges) {
      const start = minutesOf(range.start, false);
      const end = minutesOf(range.end, true);
      if (start === null || end === null) problems.push(`${where}：时间请写成 08:00 这样（24 小时制）`);
      else if (start === end) problems.push(`${where}：开始与结束时间相同`);
    }
  };
  const weekdays = new Set<number>();
  for (const day of hours.weekly) {
    if (weekdays.has(day.weekday)) problems.push(`${weekdayName(day.weekday)}重复`);
    weekdays.add(day.weekday);
    checkRanges(day.ranges, weekdayName(day.weekday));
  }
  const dates = new Set<string>();
  for (const day of hours.dated) {
    if (parseDate(day.date) === null) problems.push(`${day.date}：日期无效`);
    if (dates.has(day.date)) problems.push(`${day.date}重复`);
    dates.add(day.date);
    checkRanges(day.ranges, day.date);
  }
  return problems;
}

/** The ranges that start on `date`: its dated entry when it has one, otherwise its weekday's. */
export function rangesStartingOn(hours: OutletHours, date: string, weekday: IsoWeekday = isoWeekdayOf(date)): OutletTimeRange[] {
  const dated = hours.dated.find((day) => day.date === date);
  if (dated) return dated.ranges;
  return hours.weekly.find((day) => day.weekday === weekday)?.ranges ?? [];
}

interface Interval {
  from: number;
  to: number;
}

/** One Shanghai calendar day: its date, weekday and the instant its midnight falls on. */
interface DayFrame {
  date: string;
  weekday: IsoWeekday;
  midnight: number;
}

function dayFrames(firstDate: string, days: number): DayFrame[] {
  const firstMidnight = instantOf(firstDate, '00:00').getTime();
  const firstWeekday = isoWeekdayOf(firstDate);
  return Array.from({ length: days }, (_, offset) => ({
    date: offset === 0 ? firstDate : addDays(firstDate, offset),
    weekday: (((firstWeekday - 1 + offset) % 7) + 1) as IsoWeekday,
    midnight: firstMidnight + offset * DAY_MINUTES * MINUTE_MS,
  }));
}

/** Opening intervals (ms since epoch) of the ranges starting on the given days, merged where they touch. */
function openIntervals(hours: OutletHours, frames: DayFrame[]): Interval[] {
  const intervals: Interval[] = [];
  for (const frame of frames) {
    for (const range of rangesStartingOn(hours, frame.date, frame.weekday)) {
      const start = minutesOf(range.start, false);
      const end = minutesOf(range.end, true);
      if (start === null || end === null || start === end) continue;
      const endMinutes = end > start ? end : end + DAY_MINUTES;
      intervals.push({ from: frame.midnight + start * MINUTE_MS, to: frame.midnight + endMinutes * MINUTE_MS });
    }
  }
  intervals.sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const interval of intervals) {
    const last = merged[merged.length - 1];
    if (last && interval.from <= last.to) last.to = Math.max(last.to, interval.to);
    else merged.push({ ...interval });
  }
  return merged;
}

/**
 * Evaluates many outlets' hours at one instant; the calendar days around it are worked out once (a search checks
 * hundreds), and each hours value's answer is kept for the clock's life: outlets share a few patterns of hours, and a
 * reader that hands out one value per pattern (the API parses each distinct text once) has each pattern evaluated once.
 * Hours values must not change while a clock is in use.
 */
export interface OpeningClock {
  isOpen: (hours: OutletHours) => boolean;
  state: (hours: OutletHours) => OutletOpenState;
}

export function openingClockAt(at: Date): OpeningClock {
  const now = at.getTime();
  const frames = dayFrames(addDays(shanghaiDateOf(at), -1), HORIZON_DAYS + 1);
  const horizon = now + (HORIZON_DAYS - 1) * DAY_MINUTES * MINUTE_MS;
  const openByHours = new WeakMap<OutletHours, boolean>();
  const stateByHours = new WeakMap<OutletHours, OutletOpenState>();
  return {
    isOpen: (hours) => {
      let open = openByHours.get(hours);
      if (open === undefined) {
        // Open now depends only on the ranges starting yesterday (past midnight) and today.
        open = openIntervals(hours, frames.slice(0, 2)).some((interval) => interval.from <= now && now < interval.to);
        openByHours.set(hours, open);
      }
      return open;
    },
    state: (hours) => {
      let state = stateByHours.get(hours);
      if (state === undefined) {
        const intervals = openIntervals(hours, frames);
        const current = intervals.find((interval) => interval.from <= now && now < interval.to);
        const next = intervals.find((interval) => interval.from > now);
        state = current
          ? { open: true, changesAt: current.to > horizon ? null : new Date(current.to).toISOString() }
          : { open: false, changesAt: next && next.from <= horizon ? new Date(next.from).toISOString() : null };
        stateByHours.set(hours, state);
      }
      return { ...state };
    },
  };
}

/** Whether the outlet is open at `at`, and when that changes (within about a week). */
export function outletOpenState(hours: OutletHours, at: Date): OutletOpenState {
  return openingClockAt(at).state(hours);
}

export function isOpenAt(hours: OutletHours, at: Date): boolean {
  return openingClockAt(at).isOpen(hours);
}

/** When an outlet open at `at` closes (ISO UTC); null when it is closed then, or open for more than a week on. */
export function openUntil(hours: OutletHours, at: Date): string | null {
  const state = outletOpenState(hours, at);
  return state.open ? state.changesAt : null;
}

/** Every hour of the day: the open-hours mask of an outlet open around the clock, and a safe default for any outlet. */
export const EVERY_HOUR_MASK = 2 ** 24 - 1;

/**
 * The hours of the day (Shanghai time) in which an outlet may be open on some day: bit `h` set when any of its
 * weekly or dated ranges covers part of h:00–h+1:00 (a range past midnight covers the hours of both days). It is a
 * superset — a closure, or a weekday without that hour, still leaves the bit set — so a search may skip outlets whose
 * bit for the asked hour is clear without looking at their hours, and must still check the rest exactly
 * (`OpeningClock.isOpen`). Kept beside the hours on every write; searches read it from the index (docs/outlets.md).
 */
export function openHoursMask(hours: OutletHours): number {
  let mask = 0;
  for (const range of [...hours.weekly, ...hours.dated].flatMap((day) => day.ranges)) {
    const start = minutesOf(range.start, false);
    const end = minutesOf(range.end, true);
    if (start === null || end === null || start === end) continue;
    const last = (end > start ? end : end + DAY_MINUTES) - 1;
    for (let hour = Math.floor(start / 60); hour <= Math.floor(last / 60); hour++) mask |= 1 << (hour % 24);
  }
  return mask >>> 0;
}

/** The open-hours mask bit of the Shanghai hour `at` falls in. */
export function openHourBitAt(at: Date): number {
  return 1 << Number(shanghaiTimeOf(at).slice(0, 2));
}

/** Every day open 00:00–24:00. */
export const ALWAYS_OPEN: OutletHours = {
  weekly: ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, ranges: [{ start: '00:00', end: '24:00' }] })),
  dated: [],
};

const WEEKDAY_NAMES: Record<IsoWeekday, string> = { 1: '周一', 2: '周二', 3: '周三', 4: '周四', 5: '周五', 6: '周六', 7: '周日' };

export function weekdayName(weekday: IsoWeekday): string {
  return WEEKDAY_NAMES[weekday];
}

/** A day's ranges as residents read them: `08:00–11:30、13:30–20:00`, `次日` on a range past midnight, `24小时`, `休息`. */
export function describeRanges(ranges: OutletTimeRange[]): string {
  if (ranges.length === 0) return '休息';
  if (ranges.length === 1 && ranges[0].start === '00:00' && ranges[0].end === '24:00') return '24小时';
  return ranges.map((range) => `${range.start}–${minutesOf(range.end, true)! <= minutesOf(range.start, false)! ? '次日' : ''}${range.end}`).join('、');
}

/** "营业中，至 20:00" / "休息中，明天 06:00 开门" in Shanghai time; the day is named when it is not today. */
export function describeOpenState(state: OutletOpenState, now: Date): string {
  // No change within a week: open around the clock, or not opening soon.
  if (!state.changesAt) return state.open ? '24小时营业' : '近期不营业';
  const at = new Date(state.changesAt);
  const sameDay = shanghaiDateOf(at) === shanghaiDateOf(now);
  const when = `${sameDay ? '' : sameDayOrName(at, now)}${shanghaiTimeOf(at)}`;
  return state.open ? `营业中，至 ${when}` : `休息中，${when} 开门`;
}

function sameDayOrName(at: Date, now: Date): string {
  return shanghaiDateOf(at) === addDays(shanghaiDateOf(now), 1) ? '明天 ' : `${weekdayName(isoWeekdayOf(shanghaiDateOf(at)))} `;
}

/**
 * Weekly hours as one line of text, for CSV files: `1-5 08:00-11:30,13:30-20:00; 6,7 09:00-17:00`, `1-7 24h`,
 * `1-7 22:00-02:00`. Weekdays not named are closed.
 */
export function formatWeeklyHours(weekly: OutletWeekday[]): string {
  const groups = new Map<string, IsoWeekday[]>();
  for (const day of [...weekly].sort((a, b) => a.weekday - b.weekday)) {
    if (day.ranges.length === 0) continue;
    const text =
      day.ranges.length === 1 && day.ranges[0].start === '00:00' && day.ranges[0].end === '24:00' ? '24h' : day.ranges.map((range) => `${range.start}-${range.end}`).join(',');
    groups.set(text, [...(groups.get(text) ?? []), day.weekday]);
  }
  return [...groups].map(([text, weekdays]) => `${formatWeekdays(weekdays)} ${text}`).join('; ');
}

function formatWeekdays(weekdays: IsoWeekday[]): string {
  const consecutive = weekdays.every((weekday, index) => index === 0 || weekday === weekdays[index - 1] + 1);
  return consecutive && weekdays.length > 2 ? `${weekdays[0]}-${weekdays[weekdays.length - 1]}` : weekdays.join(',');
}

const GROUP_PATTERN = /^([1-7](?:-[1-7])?(?:,[1-7](?:-[1-7])?)*)\s+(24h|\d{2}:\d{2}-\d{2}:\d{2}(?:,\d{2}:\d{2}-\d{2}:\d{2})*)$/;

/** The inverse of formatWeeklyHours; a string saying what is wrong when the text cannot be read. */
export function parseWeeklyHours(text: string): OutletWeekday[] | string {
  const byWeekday = new Map<IsoWeekday, OutletTimeRange[]>();
  const groups = text
    .split(/[;；]/)
    .map((group) => group.trim())
    .filter(Boolean);
  for (const group of groups) {
    const match = GROUP_PATTERN.exec(group);
    if (!match) return `营业时间“${group}”无法识别（例：1-5 08:00-11:30,13:30-20:00; 6,7 24h）`;
    const weekdays = match[1].split(',').flatMap((part) => {
      const [from, to] = part.split('-').map(Number);
      return Array.from({ length: (to ?? from) - from + 1 }, (_, index) => (from + index) as IsoWeekday);
    });
    if (weekdays.length === 0) return `营业时间“${group}”的星期范围无效`;
    const ranges =
      match[2] === '24h'
        ? [{ start: '00:00', end: '24:00' }]
        : match[2].split(',').map((range) => {
            const [start, end] = range.split('-');
            return { start, end };
          });
    for (const weekday of weekdays) {
      if (byWeekday.has(weekday)) return `营业时间中星期${weekday}出现了两次`;
      byWeekday.set(weekday, ranges);
    }
  }
  const weekly = [...byWeekday].sort(([a], [b]) => a - b).map(([weekday, ranges]) => ({ weekday, ranges }));
  const problems = outletHoursProblems({ weekly, dated: [] });
  return problems.length > 0 ? `营业时间有误：${problems[0]}` : weekly;
}
