import { provisionalCalendar, type CalendarDay } from '@linli/shared';
import { festivalDatesOf } from './lunar-festivals';
import { OFFICIAL_CALENDAR_YEARS } from './official-holidays';

const holidays = (name: string, dates: string[]): CalendarDay[] => dates.map((date) => ({ date, kind: 'holiday', name }));
const days = (month: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_unused, index) => `${month}-${String(from + index).padStart(2, '0')}`);
const makeUp = (date: string, name: string, worksAs: CalendarDay['worksAs']): CalendarDay => ({ date, kind: 'workday', name: `${name}调休上班`, worksAs });

/** The State Council's notices as published: 国办发明电〔2024〕12号 (2025) and 国办发明电〔2025〕7号 (2026). */
const NOTICES: Record<number, CalendarDay[]> = {
  2025: [
    ...holidays('元旦', ['2025-01-01']),
    makeUp('2025-01-26', '春节', 1),
    ...holidays('春节', [...days('2025-01', 28, 31), ...days('2025-02', 1, 4)]),
    makeUp('2025-02-08', '春节', 2),
    ...holidays('清明节', days('2025-04', 4, 6)),
    makeUp('2025-04-27', '劳动节', 1),
    ...holidays('劳动节', days('2025-05', 1, 5)),
    ...holidays('端午节', [...days('2025-05', 31, 31), ...days('2025-06', 1, 2)]),
    makeUp('2025-09-28', '国庆节', 2),
    ...holidays('国庆节', days('2025-10', 1, 5)),
    ...holidays('中秋节', ['2025-10-06']),
    ...holidays('国庆节', days('2025-10', 7, 8)),
    makeUp('2025-10-11', '国庆节', 3),
  ],
  2026: [
    ...holidays('元旦', days('2026-01', 1, 3)),
    makeUp('2026-01-04', '元旦', 5),
    makeUp('2026-02-14', '春节', 5),
    ...holidays('春节', days('2026-02', 15, 23)),
    makeUp('2026-02-28', '春节', 1),
    ...holidays('清明节', days('2026-04', 4, 6)),
    ...holidays('劳动节', days('2026-05', 1, 5)),
    makeUp('2026-05-09', '劳动节', 2),
    ...holidays('端午节', days('2026-06', 19, 21)),
    makeUp('2026-09-20', '国庆节', 2),
    ...holidays('中秋节', days('2026-09', 25, 27)),
    ...holidays('国庆节', days('2026-10', 1, 7)),
    makeUp('2026-10-10', '国庆节', 3),
  ],
};

describe('the holiday dataset (chinese-days)', () => {
  it.each([2025, 2026])('has %i exactly as the State Council announced it', (year) => {
    expect(OFFICIAL_CALENDAR_YEARS.get(year)).toEqual(NOTICES[year]);
  });
});

describe('festivalDatesOf (tyme4ts)', () => {
  it.each([
    [2025, { springFestivalEve: '2025-01-28', qingming: '2025-04-04', dragonBoat: '2025-05-31', midAutumn: '2025-10-06' }],
    [2026, { springFestivalEve: '2026-02-16', qingming: '2026-04-05', dragonBoat: '2026-06-19', midAutumn: '2026-09-25' }],
    [2027, { springFestivalEve: '2027-02-05', qingming: '2027-04-05', dragonBoat: '2027-06-09', midAutumn: '2027-09-15' }],
    [2028, { springFestivalEve: '2028-01-25', qingming: '2028-04-04', dragonBoat: '2028-05-28', midAutumn: '2028-10-03' }],
  ])('gives the almanac’s dates for %i', (year, expected) => {
    expect(festivalDatesOf(year)).toEqual(expected);
  });
});

describe('the provisional calendar from the lunar library', () => {
  it.each([2025, 2026])('closes only on days the %i notice also gives off', (year) => {
    const official = new Set(
      OFFICIAL_CALENDAR_YEARS.get(year)!
        .filter((day) => day.kind === 'holiday')
        .map((day) => day.date),
    );
    const provisional = provisionalCalendar(year, festivalDatesOf(year));
    expect(provisional.filter((day) => !official.has(day.date))).toEqual([]);
  });
});
