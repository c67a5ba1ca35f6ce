import dataset from 'chinese-days/dist/chinese-days.json';
import { calendarFromNotice, type CalendarDay, type HolidayNotice } from '@linli/shared';

/**
 * The State Council's notices as the maintained `chinese-days` package ships them (pinned in api/package.json;
 * docs/operations.md says how to take a new year in). Its values read `English name,中文名,statutory days`; the
 * calendar uses the Chinese name, with 节 where everyday speech has it.
 */
const FESTIVAL_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

function festivalName(value: string): string {
  const chinese = value.split(',')[1];
  return FESTIVAL_NAMES[chinese] ?? chinese;
}

function noticesByYear(): Map<number, HolidayNotice> {
  const notices = new Map<number, HolidayNotice>();
  const noticeOf = (date: string) => {
    const year = Number(date.slice(0, 4));
    if (!notices.has(year)) notices.set(year, { holidays: {}, workdays: {}, inLieuDays: {} });
    return notices.get(year)!;
  };
  for (const part of ['holidays', 'workdays', 'inLieuDays'] as const) {
    for (const [date, value] of Object.entries(dataset[part] as Record<string, string>)) noticeOf(date)[part][date] = festivalName(value);
  }
  return notices;
}

/** Every year the dataset has a notice for, as calendar days, read once. */
export const OFFICIAL_CALENDAR_YEARS: ReadonlyMap<number, CalendarDay[]> = new Map([...noticesByYear()].map(([year, notice]) => [year, calendarFromNotice(notice)]));
