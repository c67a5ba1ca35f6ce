/**
 * Where the national holiday calendar of a year comes from, and what it is when the State Council has not yet
 * published it. Pure functions: the API feeds them the maintained dataset, a city admin's import and the lunar
 * dates of the year (decision 0016); the mini program only shows what the API answers.
 */
import type { CalendarDay } from './schedule';
import { addDays, isoWeekdayOf, type IsoWeekday } from './time';

/**
 * - 'official': the State Council's notice, as the maintained dataset ships it;
 * - 'admin': a year a city admin loaded (PUT /api/admin/calendar/:year), which beats the dataset;
 * - 'provisional': derived from the law for a year with neither, until its notice arrives.
 */
export type CalendarDaySource = 'official' | 'admin' | 'provisional';

export const CALENDAR_DAY_SOURCES: readonly CalendarDaySource[] = ['official', 'admin', 'provisional'];

export interface SourcedCalendarDay extends CalendarDay {
  source: CalendarDaySource;
}

/** The first year under the 2024 revision of 全国年节及纪念日放假办法 (春节 4 days from 除夕, 劳动节 2 days). */
export const HOLIDAY_LAW_SINCE_YEAR = 2025;

/** The lunar-calendar dates of a year that the law's festivals fall on, as `YYYY-MM-DD`. */
export interface FestivalDates {
  /** 除夕: the day before 正月初一 (腊月廿九 in a year whose 腊月 has 29 days). */
  springFestivalEve: string;
  /** The day of the 清明 solar term. */
  qingming: string;
  /** 五月初五. */
  dragonBoat: string;
  /** 八月十五. */
  midAutumn: string;
}

interface StatutoryFestival {
  name: string;
  first: string;
  days: number;
}

/** The festivals of 全国年节及纪念日放假办法 (2024 revision, art. 2) with their days off for everyone. */
function statutoryFestivals(year: number, lunar: FestivalDates): StatutoryFestival[] {
  return [
    { name: '元旦', first: `${year}-01-01`, days: 1 },
    { name: '春节', first: lunar.springFestivalEve, days: 4 },
    { name: '清明节', first: lunar.qingming, days: 1 },
    { name: '劳动节', first: `${year}-05-01`, days: 2 },
    { name: '端午节', first: lunar.dragonBoat, days: 1 },
    { name: '中秋节', first: lunar.midAutumn, days: 1 },
    { name: '国庆节', first: `${year}-10-01`, days: 3 },
  ];
}

const isWeekend = (date: string) => isoWeekdayOf(date) >= 6;

/**
 * The holidays a year will have at least, by the law alone: each festival's statutory days, and — as the law
 * requires (art. 6) — a day in lieu for each that falls on a Saturday or Sunday or on another festival's day, on
 * the first working day after it. The State Council's notice adds bridge days and 调休 make-up working days that
 * no rule predicts, so a provisional calendar has no 'workday' entries and every day in it is a holiday in the
 * notice that follows (checked against 2025 and 2026). Empty before HOLIDAY_LAW_SINCE_YEAR: older years follow
 * older rules and come from the dataset.
 */
export function provisionalCalendar(year: number, lunar: FestivalDates): CalendarDay[] {
  if (year < HOLIDAY_LAW_SINCE_YEAR) return [];
  const days = new Map<string, string>();
  const festivals = statutoryFestivals(year, lunar).sort((a, b) => a.first.localeCompare(b.first));
  for (const festival of festivals) {
    const statutory = Array.from({ length: festival.days }, (_unused, offset) => addDays(festival.first, offset));
    const lost = statutory.filter((date) => isWeekend(date) || days.has(date)).length;
    for (const date of statutory) if (!days.has(date)) days.set(date, festival.name);
    let candidate = statutory.at(-1)!;
    for (let owed = lost; owed > 0; owed--) {
      do candidate = addDays(candidate, 1);
      while (isWeekend(candidate) || days.has(candidate));
      days.set(candidate, festival.name);
    }
  }
  return [...days]
    .filter(([date]) => date.startsWith(`${year}-`))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, name]) => ({ date, kind: 'holiday', name }));
}

/** One year of a State Council notice: dates (`YYYY-MM-DD`) to the festival's name. */
export interface HolidayNotice {
  /** Every day off: statutory days, weekends inside the break and days in lieu. */
  holidays: Record<string, string>;
  /** 调休 make-up working days (usually a Saturday or Sunday). */
  workdays: Record<string, string>;
  /** The weekdays off that the make-up working days pay for, a subset of `holidays`. */
  inLieuDays: Record<string, string>;
}

/**
 * A notice as calendar days. A make-up working day swaps with a day in lieu of the same festival (the first
 * make-up day with the first day in lieu, and so on), and works as that weekday — a Sunday that makes up for a
 * Friday off gets Friday's hours; without a partner it works as a Monday (CalendarDay's default).
 */
export function calendarFromNotice(notice: HolidayNotice): CalendarDay[] {
  const byFestival = (days: Record<string, string>, name: string) =>
    Object.keys(days)
      .filter((date) => days[date] === name)
      .sort();
  const holidays: CalendarDay[] = Object.entries(notice.holidays).map(([date, name]) => ({ date, kind: 'holiday', name }));
  const workdays: CalendarDay[] = Object.entries(notice.workdays).map(([date, name]) => {
    const inLieu = byFestival(notice.inLieuDays, name)[byFestival(notice.workdays, name).indexOf(date)];
    const worksAs: IsoWeekday | undefined = inLieu === undefined ? undefined : isoWeekdayOf(inLieu);
    return { date, kind: 'workday', name: `${name}调休上班`, ...(worksAs === undefined ? {} : { worksAs }) };
  });
  return [...holidays, ...workdays].sort((a, b) => a.date.localeCompare(b.date));
}

/** What is known of one year, strongest first. */
export interface CalendarYearSources {
  /** The days a city admin loaded for the year; empty when none did. */
  admin: CalendarDay[];
  /** The dataset's year, or null when the dataset does not have it yet. */
  official: CalendarDay[] | null;
  /** The law's calendar for the year, asked for only when neither of the above has it. */
  provisional: () => CalendarDay[];
}

/** A year's calendar from the strongest source that has it: an admin's import, the dataset, else the law. */
export function resolveCalendarYear(sources: CalendarYearSources): SourcedCalendarDay[] {
  const [source, days]: [CalendarDaySource, CalendarDay[]] =
    sources.admin.length > 0 ? ['admin', sources.admin] : sources.official ? ['official', sources.official] : ['provisional', sources.provisional()];
  return days.map((day) => ({ ...day, source }));
}

/** First month (1-12) in which next year's missing notice is worth a warning: the State Council publishes in November or December. */
export const NEXT_YEAR_CALENDAR_WARNING_MONTH = 11;

/**
 * The year whose official calendar is missing and matters now, or null: the current year if it has none (its
 * bookings already run on the provisional calendar), else next year from 1 November on. `officialYears` are the
 * years with a notice, from the dataset or an admin's import.
 */
export function missingOfficialCalendarYear(today: string, officialYears: readonly number[]): number | null {
  const year = Number(today.slice(0, 4));
  if (!officialYears.includes(year)) return year;
  const month = Number(today.slice(5, 7));
  if (month >= NEXT_YEAR_CALENDAR_WARNING_MONTH && !officialYears.includes(year + 1)) return year + 1;
  return null;
}

/** What a city admin's console shows about the holiday calendar. */
export interface HolidayCalendarStatus {
  /** The last year with an official calendar (dataset or admin import); null when there is none at all. */
  lastOfficialYear: number | null;
  /** The year to load now (see missingOfficialCalendarYear), or null when nothing is missing. */
  missingOfficialYear: number | null;
}
