import {
  describeOpenState,
  describeRanges,
  formatWeeklyHours,
  isOpenAt,
  EVERY_HOUR_MASK,
  openHourBitAt,
  openHoursMask,
  openingClockAt,
  openUntil,
  outletHoursProblems,
  outletOpenState,
  parseWeeklyHours,
  ALWAYS_OPEN,
  type OutletHours,
} from './outlet-hours';
import { instantOf } from './time';

// 2026-12-07 is a Monday; 2026-12-12 a Saturday.
const shop: OutletHours = {
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({
    weekday: weekday as 1,
    ranges: [
      { start: '08:00', end: '11:30' },
      { start: '13:30', end: '20:00' },
    ],
  })),
  dated: [
    { date: '2026-12-09', ranges: [], note: '盘点' },
    { date: '2026-12-10', ranges: [{ start: '10:00', end: '12:00' }], note: '缩短' },
  ],
};
const nightStall: OutletHours = {
  weekly: [5, 6].map((weekday) => ({ weekday: weekday as 5, ranges: [{ start: '22:00', end: '02:00' }] })),
  dated: [{ date: '2026-12-12', ranges: [], note: '元旦' }],
};
const at = (date: string, time: string) => instantOf(date, time);

describe('isOpenAt (Shanghai clock)', () => {
  it.each([
    ['before opening', shop, '2026-12-07', '07:59', false],
    ['at opening', shop, '2026-12-07', '08:00', true],
    ['lunch break', shop, '2026-12-07', '12:00', false],
    ['afternoon', shop, '2026-12-07', '19:59', true],
    ['closing minute', shop, '2026-12-07', '20:00', false],
    ['weekend', shop, '2026-12-12', '10:00', false],
    ['dated closure', shop, '2026-12-09', '09:00', false],
    ['dated short hours', shop, '2026-12-10', '11:00', true],
    ['dated short hours, after', shop, '2026-12-10', '14:00', false],
    ['overnight, evening', nightStall, '2026-12-11', '23:00', true],
    ['overnight, after midnight', nightStall, '2026-12-12', '01:59', true],
    ['overnight, ended', nightStall, '2026-12-12', '02:00', false],
    ['holiday closes its own night only', nightStall, '2026-12-12', '23:00', false],
    ['the next dawn after the holiday', nightStall, '2026-12-13', '01:00', false],
    ['24 h', ALWAYS_OPEN, '2026-12-08', '03:00', true],
  ] as const)('%s', (_name, hours, date, time, open) => {
    expect(isOpenAt(hours, at(date, time))).toBe(open);
  });

  it('uses Shanghai time, not the process zone: 2026-12-07T00:30Z is 08:30 in Shanghai', () => {
    expect(isOpenAt(shop, new Date('2026-12-07T00:30:00Z'))).toBe(true);
  });
});

describe('openingClockAt', () => {
  it('says open exactly when the week’s intervals do, every quarter hour of a week, for each kind of hours', () => {
    for (const hours of [shop, nightStall, ALWAYS_OPEN]) {
      for (let quarter = 0; quarter < 7 * 96; quarter++) {
        const at = new Date(instantOf('2026-12-07', '00:00').getTime() + quarter * 15 * 60_000);
        const clock = openingClockAt(at);
        expect(clock.isOpen(hours)).toBe(clock.state(hours).open);
      }
    }
  });

  it('keeps each hours value’s answer apart when one clock evaluates many, and hands out a state the caller may change', () => {
    const night = new Date('2026-12-11T23:30:00+08:00'); // a Friday night: the stall is open, the shop not
    const clock = openingClockAt(night);
    for (let pass = 0; pass < 2; pass++) {
      expect(clock.isOpen(shop)).toBe(false);
      expect(clock.isOpen(nightStall)).toBe(true);
      expect(clock.isOpen(structuredClone(nightStall))).toBe(true);
      expect(clock.state(shop)).toEqual(outletOpenState(shop, night));
    }
    clock.state(nightStall).open = false;
    expect(clock.state(nightStall).open).toBe(true);
  });
});

describe('openHoursMask', () => {
  const hoursOf = (mask: number) => Array.from({ length: 24 }, (_, hour) => hour).filter((hour) => mask & (1 << hour));

  it.each([
    ['split day, a dated short day inside it', shop, [8, 9, 10, 11, 13, 14, 15, 16, 17, 18, 19]],
    ['overnight: the evening and the small hours', nightStall, [0, 1, 22, 23]],
    ['24 h', ALWAYS_OPEN, hoursOf(EVERY_HOUR_MASK)],
    ['never open', { weekly: [], dated: [{ date: '2026-12-12', ranges: [], note: '停业' }] }, []],
    [
      'a range ending on the hour leaves that hour out; one ending a minute after keeps it',
      {
        weekly: [
          {
            weekday: 1,
            ranges: [
              { start: '06:00', end: '10:00' },
              { start: '16:30', end: '17:01' },
            ],
          },
        ],
        dated: [],
      },
      [6, 7, 8, 9, 16, 17],
    ],
    ['a dated special opening adds its hours', { weekly: [], dated: [{ date: '2026-12-31', ranges: [{ start: '23:30', end: '00:30' }], note: '跨年' }] }, [0, 23]],
  ] as Array<[string, OutletHours, number[]]>)('%s', (_name, hours, expected) => {
    expect(hoursOf(openHoursMask(hours))).toEqual(expected);
  });

  it('has the bit of the hour whenever the outlet is open, every quarter hour of a week with holidays, for random hours', () => {
    let seed = 7;
    const random = (below: number) => Math.floor(((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) * below);
    const time = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const range = () => {
      const start = random(96) * 15;
      return { start: time(start), end: time((start + 15 + random(60) * 15) % 1440) };
    };
    for (let sample = 0; sample < 40; sample++) {
      const hours: OutletHours = {
        weekly: [1, 2, 3, 4, 5, 6, 7].filter(() => random(4) > 0).map((weekday) => ({ weekday: weekday as 1, ranges: [range()] })),
        dated: [{ date: '2026-12-09', ranges: random(2) ? [range()] : [], note: '节日' }],
      };
      const mask = openHoursMask(hours);
      for (let quarter = 0; quarter < 7 * 96; quarter++) {
        const at = new Date(instantOf('2026-12-07', '00:00').getTime() + quarter * 15 * 60_000);
        if (isOpenAt(hours, at)) expect(mask & openHourBitAt(at)).not.toBe(0);
      }
    }
  });

  it('takes the hour on the Shanghai clock', () => {
    expect(openHourBitAt(new Date('2026-12-07T15:10:00Z'))).toBe(1 << 23);
    expect(openHourBitAt(new Date('2026-12-07T16:00:00Z'))).toBe(1);
  });
});

describe('openUntil and the next change', () => {
  it.each([
    ['closes for lunch', shop, '2026-12-07', '09:00', '2026-12-07T03:30:00.000Z'],
    ['overnight closes next day 02:00', nightStall, '2026-12-11', '23:00', '2026-12-11T18:00:00.000Z'],
    ['closed', shop, '2026-12-07', '21:00', null],
  ] as const)('%s', (_name, hours, date, time, until) => {
    expect(openUntil(hours, at(date, time))).toBe(until);
  });

  it('a 24 h outlet is open beyond the horizon', () => {
    expect(outletOpenState(ALWAYS_OPEN, at('2026-12-07', '10:00'))).toEqual({ open: true, changesAt: null });
  });

  it('joins 24 h days into one opening and a closed outlet says when it opens', () => {
    const weekdaysOnly: OutletHours = { weekly: [1, 2].map((weekday) => ({ weekday: weekday as 1, ranges: [{ start: '00:00', end: '24:00' }] })), dated: [] };
    expect(openUntil(weekdaysOnly, at('2026-12-07', '10:00'))).toBe(at('2026-12-09', '00:00').toISOString());
    expect(outletOpenState(shop, at('2026-12-08', '21:00'))).toEqual({ open: false, changesAt: at('2026-12-10', '10:00').toISOString() });
  });

  it('never opens: closed with no change', () => {
    expect(outletOpenState({ weekly: [], dated: [] }, at('2026-12-07', '10:00'))).toEqual({ open: false, changesAt: null });
  });
});

describe('hours as text', () => {
  it.each([['1-5 08:00-11:30,13:30-20:00; 6,7 09:00-17:00'], ['1-7 24h'], ['5,6 22:00-02:00']])('round-trips %s', (text) => {
    const weekly = parseWeeklyHours(text);
    expect(typeof weekly).not.toBe('string');
    expect(formatWeeklyHours(weekly as Exclude<typeof weekly, string>)).toBe(text);
  });

  it.each([['monday to friday'], ['1-5 08:00-08:00'], ['1-5 25:00-26:00'], ['1-3 08:00-12:00; 3 13:00-14:00']])('refuses %s with a reason', (text) => {
    expect(typeof parseWeeklyHours(text)).toBe('string');
  });

  it.each([
    ['open until later today', { open: true, changesAt: '2026-12-07T12:00:00.000Z' }, '营业中，至 20:00'],
    ['closed, opens tomorrow', { open: false, changesAt: '2026-12-07T22:00:00.000Z' }, '休息中，明天 06:00 开门'],
    ['closed, opens on Thursday', { open: false, changesAt: '2026-12-10T00:00:00.000Z' }, '休息中，周四 08:00 开门'],
    ['open around the clock', { open: true, changesAt: null }, '24小时营业'],
    ['not opening within a week', { open: false, changesAt: null }, '近期不营业'],
  ])('says the open state: %s', (_name, state, text) => {
    expect(describeOpenState(state, instantOf('2026-12-07', '10:00'))).toBe(text);
  });

  it('describes a day for residents', () => {
    expect(describeRanges([{ start: '22:00', end: '02:00' }])).toBe('22:00–次日02:00');
    expect(describeRanges([{ start: '00:00', end: '24:00' }])).toBe('24小时');
    expect(describeRanges([])).toBe('休息');
  });

  it('finds problems in hours', () => {
    expect(outletHoursProblems(shop)).toEqual([]);
    expect(
      outletHoursProblems({
        weekly: [
          { weekday: 1, ranges: [] },
          { weekday: 1, ranges: [] },
        ],
        dated: [{ date: '2026-02-30', ranges: [], note: '' }],
      }),
    ).toHaveLength(2);
  });
});
