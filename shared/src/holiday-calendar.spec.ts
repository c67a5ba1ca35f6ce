import type { CalendarDay } from './schedule';
import type { FestivalDates, HolidayNotice } from './holiday-calendar';
import { calendarFromNotice, missingOfficialCalendarYear, provisionalCalendar, resolveCalendarYear } from './holiday-calendar';
import { addDays } from './time';

const range = (first: string, last: string): string[] => {
  const dates = [first];
  while (dates.at(-1)! < last) dates.push(addDays(dates.at(-1)!, 1));
  return dates;
};

/**
 * The days off of the State Council's notices under the 2024 revision of the law, as published:
 * 国办发明电〔2024〕12号 for 2025 and 国办发明电〔2025〕7号 (4 November 2025) for 2026.
 */
const NOTICE_DAYS_OFF: Record<number, string[]> = {
  2025: [
    '2025-01-01',
    ...range('2025-01-28', '2025-02-04'),
    ...range('2025-04-04', '2025-04-06'),
    ...range('2025-05-01', '2025-05-05'),
    ...range('2025-05-31', '2025-06-02'),
    ...range('2025-10-01', '2025-10-08'),
  ],
  2026: [
    ...range('2026-01-01', '2026-01-03'),
    ...range('2026-02-15', '2026-02-23'),
    ...range('2026-04-04', '2026-04-06'),
    ...range('2026-05-01', '2026-05-05'),
    ...range('2026-06-19', '2026-06-21'),
    ...range('2026-09-25', '2026-09-27'),
    ...range('2026-10-01', '2026-10-07'),
  ],
};

/** The lunar dates of the years below (除夕, the 清明 term, 端午, 中秋), as the almanac gives them. */
const FESTIVALS: Record<number, FestivalDates> = {
  2025: { springFestivalEve: '2025-01-28', qingming: '2025-04-04', dragonBoat: '2025-05-31', midAutumn: '2025-10-06' },
  2026: { springFestivalEve: '2026-02-16', qingming: '2026-04-05', dragonBoat: '2026-06-19', midAutumn: '2026-09-25' },
  2027: { springFestivalEve: '2027-02-05', qingming: '2027-04-05', dragonBoat: '2027-06-09', midAutumn: '2027-09-15' },
  2028: { springFestivalEve: '2028-01-25', qingming: '2028-04-04', dragonBoat: '2028-05-28', midAutumn: '2028-10-03' },
};

const datesOf = (days: CalendarDay[]) => days.map((day) => day.date);

describe('provisionalCalendar', () => {
  it.each([2025, 2026])('every provisional day of %i is a day off in that year’s notice', (year) => {
    const provisional = provisionalCalendar(year, FESTIVALS[year]);
    expect(provisional.length).toBeGreaterThanOrEqual(13);
    expect(datesOf(provisional).filter((date) => !NOTICE_DAYS_OFF[year].includes(date))).toEqual([]);
  });

  it.each([
    ['元旦 on a weekday', 2027, '2027-01-01', '元旦'],
    ['除夕 starts 春节', 2027, '2027-02-05', '春节'],
    ['春节’s Saturday and Sunday are owed on the next working days', 2027, '2027-02-10', '春节'],
    ['清明 on the solar term', 2027, '2027-04-05', '清明节'],
    ['劳动节’s Saturday is owed on Monday', 2027, '2027-05-03', '劳动节'],
    ['端午 on 五月初五', 2027, '2027-06-09', '端午节'],
    ['中秋 on 八月十五', 2027, '2027-09-15', '中秋节'],
    ['国庆节’s Sunday is owed after its three days', 2028, '2028-10-04', '国庆节'],
    ['中秋 on a 国庆 day is owed after both', 2028, '2028-10-05', '中秋节'],
  ])('%s', (_case, year, date, name) => {
    expect(provisionalCalendar(year, FESTIVALS[year])).toContainEqual({ date, kind: 'holiday', name });
  });

  it('has exactly the statutory days and the days owed for 2027', () => {
    expect(datesOf(provisionalCalendar(2027, FESTIVALS[2027]))).toEqual([
      '2027-01-01',
      ...range('2027-02-05', '2027-02-10'),
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-05-03',
      '2027-05-04',
      '2027-06-09',
      '2027-09-15',
      ...range('2027-10-01', '2027-10-05'),
    ]);
  });

  it('has no make-up working days: only the notice can say which weekend days are worked', () => {
    expect(provisionalCalendar(2027, FESTIVALS[2027]).every((day) => day.kind === 'holiday')).toBe(true);
  });

  it('is empty before the 2024 revision of the law applies', () => {
    expect(provisionalCalendar(2024, { springFestivalEve: '2024-02-09', qingming: '2024-04-04', dragonBoat: '2024-06-10', midAutumn: '2024-09-17' })).toEqual([]);
  });
});

describe('calendarFromNotice', () => {
  const notice: HolidayNotice = {
    holidays: { '2026-01-01': '元旦', '2026-01-02': '元旦', '2026-01-03': '元旦', '2026-10-06': '国庆节', '2026-10-07': '国庆节' },
    workdays: { '2026-01-04': '元旦', '2026-09-20': '国庆节', '2026-10-10': '国庆节', '2026-12-26': '元旦' },
    inLieuDays: { '2026-01-02': '元旦', '2026-10-06': '国庆节', '2026-10-07': '国庆节' },
  };

  it.each([
    ['a Sunday that pays for a Friday off works as Friday', '2026-01-04', 5],
    ['the first make-up day pays for the first day in lieu', '2026-09-20', 2],
    ['the second for the second', '2026-10-10', 3],
    ['without a partner it works as a Monday', '2026-12-26', undefined],
  ])('%s', (_case, date, worksAs) => {
    const day = calendarFromNotice(notice).find((candidate) => candidate.date === date);
    expect(day).toEqual({ date, kind: 'workday', name: `${notice.workdays[date]}调休上班`, ...(worksAs === undefined ? {} : { worksAs }) });
  });

  it('lists the holidays and the make-up days in date order', () => {
    expect(datesOf(calendarFromNotice(notice))).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
      '2026-01-04',
      '2026-09-20',
      '2026-10-06',
      '2026-10-07',
      '2026-10-10',
      '2026-12-26',
    ]);
  });
});

describe('resolveCalendarYear', () => {
  const admin: CalendarDay[] = [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }];
  const official: CalendarDay[] = [{ date: '2027-01-02', kind: 'holiday', name: '元旦' }];
  const provisional: CalendarDay[] = [{ date: '2027-01-03', kind: 'holiday', name: '元旦' }];

  it.each([
    ['an admin’s import beats the dataset', admin, official, 'admin', '2027-01-01'],
    ['the dataset beats the law', [], official, 'official', '2027-01-02'],
    ['the law when neither has the year', [], null, 'provisional', '2027-01-03'],
  ] as const)('%s', (_case, adminDays, officialDays, source, date) => {
    expect(resolveCalendarYear({ admin: [...adminDays], official: officialDays && [...officialDays], provisional: () => provisional })).toEqual([
      { date, kind: 'holiday', name: '元旦', source },
    ]);
  });
});

describe('missingOfficialCalendarYear', () => {
  it.each([
    ['nothing is missing before November', '2026-10-31', [2026], null],
    ['next year from 1 November', '2026-11-01', [2026], 2027],
    ['next year in December', '2026-12-01', [2025, 2026], 2027],
    ['nothing once next year is in', '2026-12-01', [2026, 2027], null],
    ['the current year when it has none', '2027-01-02', [2026], 2027],
    ['the current year first, even in November', '2027-11-15', [2026], 2027],
  ])('%s', (_case, today, years, expected) => {
    expect(missingOfficialCalendarYear(today, years)).toBe(expected);
  });
});
