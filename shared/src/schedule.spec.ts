import type { BookingPolicy, CalendarDay, DateException, WeeklyOpening } from './schedule';
import { canCancel, generateSlots, openingFor, slotUnavailableReason, validateDateException, validateWeeklyOpening, validateWeeklyOpenings } from './schedule';
import { instantOf, isoWeekdayOf } from './time';

// The fixture week: Monday has its own hours so that a make-up workday visibly borrows them; Tuesday-Friday share
// one shape; Saturday is a short morning; Sunday is closed (no entry).
const MORNING = { start: '09:00', end: '12:00' };
const AFTERNOON = { start: '14:00', end: '17:00' };
const MONDAY: WeeklyOpening = { weekday: 1, ranges: [{ start: '08:30', end: '12:00' }, AFTERNOON], slotMinutes: 30, seats: 4 };
const TUESDAY: WeeklyOpening = { weekday: 2, ranges: [MORNING, AFTERNOON], slotMinutes: 30, seats: 3 };
const WEDNESDAY: WeeklyOpening = { ...TUESDAY, weekday: 3 };
const THURSDAY: WeeklyOpening = { ...TUESDAY, weekday: 4 };
const FRIDAY: WeeklyOpening = { ...TUESDAY, weekday: 5 };
const SATURDAY: WeeklyOpening = { weekday: 6, ranges: [MORNING], slotMinutes: 60, seats: 2 };
const WEEK: WeeklyOpening[] = [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY];

// National Day 2026 falls on a Thursday; Saturday 10 October is a make-up working day (调休).
const NATIONAL_DAY = '2026-10-01';
const MAKE_UP_SATURDAY = '2026-10-10';
const CALENDAR: CalendarDay[] = [
  { date: NATIONAL_DAY, kind: 'holiday', name: '国庆节' },
  { date: MAKE_UP_SATURDAY, kind: 'workday', name: '国庆节调休' },
];

const ORDINARY_THURSDAY = '2026-11-26';
const ORDINARY_SATURDAY = '2026-11-28';
const ORDINARY_SUNDAY = '2026-11-29';
const NO_EXCEPTIONS: DateException[] = [];

const POLICY: BookingPolicy = { bookingWindowDays: 7, minNoticeMinutes: 120, cancelCutoffMinutes: 60 };

const utc = (iso: string) => new Date(iso);

describe('openingFor', () => {
  const hoursOf = (opening: WeeklyOpening) => ({ ranges: opening.ranges, slotMinutes: opening.slotMinutes, seats: opening.seats });

  it('uses the weekday hours on an ordinary day', () => {
    expect(openingFor(ORDINARY_THURSDAY, WEEK, CALENDAR, NO_EXCEPTIONS)).toEqual(hoursOf(THURSDAY));
    expect(openingFor(ORDINARY_SATURDAY, WEEK, CALENDAR, NO_EXCEPTIONS)).toEqual(hoursOf(SATURDAY));
  });

  it('is closed on a weekday without an entry', () => {
    expect(openingFor(ORDINARY_SUNDAY, WEEK, CALENDAR, NO_EXCEPTIONS)).toBeNull();
  });

  it('closes on a weekday national holiday (国庆节)', () => {
    expect(isoWeekdayOf(NATIONAL_DAY)).toBe(4);
    expect(openingFor(NATIONAL_DAY, WEEK, CALENDAR, NO_EXCEPTIONS)).toBeNull();
  });

  it('opens a make-up Saturday (调休) with Monday hours, not Saturday ones', () => {
    expect(isoWeekdayOf(MAKE_UP_SATURDAY)).toBe(6);
    expect(openingFor(MAKE_UP_SATURDAY, WEEK, CALENDAR, NO_EXCEPTIONS)).toEqual(hoursOf(MONDAY));
  });

  it('follows worksAs when the make-up day works as another weekday', () => {
    const calendar: CalendarDay[] = [{ date: '2026-09-20', kind: 'workday', name: '国庆节调休', worksAs: 5 }];
    expect(openingFor('2026-09-20', WEEK, calendar, NO_EXCEPTIONS)).toEqual(hoursOf(FRIDAY));
  });

  it("lets a 'closed' exception beat a make-up workday", () => {
    const exceptions: DateException[] = [{ date: MAKE_UP_SATURDAY, kind: 'closed', reason: 'staff training' }];
    expect(openingFor(MAKE_UP_SATURDAY, WEEK, CALENDAR, exceptions)).toBeNull();
  });

  it("lets an 'open' exception open a Sunday", () => {
    const exceptions: DateException[] = [{ date: ORDINARY_SUNDAY, kind: 'open', ranges: [{ start: '10:00', end: '12:00' }], slotMinutes: 60, seats: 5, reason: 'free clinic' }];
    expect(openingFor(ORDINARY_SUNDAY, WEEK, CALENDAR, exceptions)).toEqual({ ranges: [{ start: '10:00', end: '12:00' }], slotMinutes: 60, seats: 5 });
  });

  it("lets an 'open' exception replace the hours of a national holiday", () => {
    const exceptions: DateException[] = [{ date: NATIONAL_DAY, kind: 'open', ranges: [{ start: '09:00', end: '10:00' }], slotMinutes: 30, seats: 1, reason: 'duty desk' }];
    expect(openingFor(NATIONAL_DAY, WEEK, CALENDAR, exceptions)?.ranges).toEqual([{ start: '09:00', end: '10:00' }]);
  });

  it('refuses two weekly entries for one weekday instead of picking one', () => {
    const doubled = [...WEEK, { ...THURSDAY, ranges: [{ start: '18:00', end: '20:00' }] }];
    expect(() => openingFor(ORDINARY_THURSDAY, doubled, CALENDAR, NO_EXCEPTIONS)).toThrow('more than one weekly opening for weekday 4');
  });

  it('refuses two exceptions for one date', () => {
    const exceptions: DateException[] = [
      { date: ORDINARY_THURSDAY, kind: 'closed', reason: 'a' },
      { date: ORDINARY_THURSDAY, kind: 'closed', reason: 'b' },
    ];
    expect(() => openingFor(ORDINARY_THURSDAY, WEEK, CALENDAR, exceptions)).toThrow(RangeError);
  });
});

describe('generateSlots', () => {
  // Thursday 2026-11-26 09:30 in Shanghai, as a UTC server's clock reads it.
  const THURSDAY_0930 = utc('2026-11-26T01:30:00Z');

  const slotsAt = (now: Date, overrides: Partial<Parameters<typeof generateSlots>[0]> = {}) =>
    generateSlots({ weekly: WEEK, calendar: CALENDAR, exceptions: NO_EXCEPTIONS, policy: POLICY, now, ...overrides });

  it("drops today's slots that start within the minimum notice, on a UTC clock", () => {
    const slots = slotsAt(THURSDAY_0930);
    expect(slots[0]).toEqual({
      date: ORDINARY_THURSDAY,
      start: '11:30',
      end: '12:00',
      startsAt: '2026-11-26T03:30:00.000Z',
      endsAt: '2026-11-26T04:00:00.000Z',
      seats: 3,
    });
    expect(slots.filter((slot) => slot.date === ORDINARY_THURSDAY).map((slot) => slot.start)).toEqual(['11:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30']);
  });

  it('offers a slot that starts exactly at now + notice', () => {
    const slots = slotsAt(utc('2026-11-26T01:30:00Z'), { policy: { ...POLICY, minNoticeMinutes: 120 } });
    expect(slots[0].start).toBe('11:30');
    const oneSecondLater = slotsAt(utc('2026-11-26T01:30:01Z'));
    expect(oneSecondLater[0].start).toBe('14:00');
  });

  it('lets a long notice reach into tomorrow', () => {
    // Thursday 16:00 Shanghai + 24 h: Friday before 16:00 is gone.
    const slots = slotsAt(utc('2026-11-26T08:00:00Z'), { policy: { ...POLICY, minNoticeMinutes: 24 * 60 } });
    expect(slots[0]).toMatchObject({ date: '2026-11-27', start: '16:00' });
  });

  it('starts the window on the Shanghai date when UTC is still on the day before', () => {
    // 2026-11-26T17:00Z is Friday 27th 01:00 in Shanghai: nothing of Thursday, all of Friday.
    const slots = slotsAt(utc('2026-11-26T17:00:00Z'));
    expect(slots[0]).toMatchObject({ date: '2026-11-27', start: '09:00', startsAt: '2026-11-27T01:00:00.000Z' });
    expect(slots.some((slot) => slot.date === ORDINARY_THURSDAY)).toBe(false);
  });

  it('covers bookingWindowDays calendar days, today included', () => {
    const dates = [...new Set(slotsAt(THURSDAY_0930).map((slot) => slot.date))];
    // Thursday 26 … Wednesday 2 December; Sunday 29 is closed; Thursday 3 December is outside.
    expect(dates).toEqual(['2026-11-26', '2026-11-27', '2026-11-28', '2026-11-30', '2026-12-01', '2026-12-02']);
  });

  it('offers the whole last day whatever the time now', () => {
    const lateEvening = utc('2026-11-26T15:00:00Z'); // Thursday 23:00 Shanghai
    const lastDay = slotsAt(lateEvening).filter((slot) => slot.date === '2026-12-02');
    expect(lastDay.map((slot) => slot.start)[0]).toBe('09:00');
    expect(lastDay).toHaveLength(12);
  });

  it('lets days override the policy window', () => {
    expect(new Set(slotsAt(THURSDAY_0930, { days: 1 }).map((slot) => slot.date))).toEqual(new Set([ORDINARY_THURSDAY]));
    expect(slotsAt(THURSDAY_0930, { days: 0 })).toEqual([]);
  });

  it('cuts ranges into consecutive slots and drops a short remainder', () => {
    const weekly: WeeklyOpening[] = [{ weekday: 4, ranges: [{ start: '09:00', end: '10:50' }], slotMinutes: 25, seats: 1 }];
    const slots = slotsAt(utc('2026-11-25T16:00:00Z'), { weekly, days: 1, policy: { ...POLICY, minNoticeMinutes: 0 } });
    // 110 minutes = 4 × 25 + 10: the last 10 minutes make no slot.
    expect(slots.map((slot) => `${slot.start}-${slot.end}`)).toEqual(['09:00-09:25', '09:25-09:50', '09:50-10:15', '10:15-10:40']);
  });

  it('uses Monday hours on a make-up Saturday and nothing on the holiday', () => {
    const slots = slotsAt(utc('2026-09-30T16:00:00Z'), { days: 10, policy: { ...POLICY, minNoticeMinutes: 0 } }); // 1-10 October
    expect(slots.some((slot) => slot.date === NATIONAL_DAY)).toBe(false);
    const makeUp = slots.filter((slot) => slot.date === MAKE_UP_SATURDAY);
    expect(makeUp[0]).toMatchObject({ start: '08:30', seats: 4 });
    expect(makeUp).toHaveLength(13); // 08:30-12:00 → 7, 14:00-17:00 → 6
  });

  it('opens a Sunday through an exception and sorts everything by start', () => {
    const exceptions: DateException[] = [
      {
        date: ORDINARY_SUNDAY,
        kind: 'open',
        ranges: [
          { start: '14:00', end: '15:00' },
          { start: '10:00', end: '11:00' },
        ],
        slotMinutes: 60,
        seats: 5,
        reason: 'free clinic',
      },
    ];
    const slots = slotsAt(THURSDAY_0930, { exceptions });
    expect(slots.filter((slot) => slot.date === ORDINARY_SUNDAY).map((slot) => slot.start)).toEqual(['10:00', '14:00']);
    const starts = slots.map((slot) => slot.startsAt);
    expect(starts).toEqual([...starts].sort());
  });

  it('fails loudly on a zero slot length instead of looping forever', () => {
    const weekly: WeeklyOpening[] = [{ ...THURSDAY, slotMinutes: 0 }];
    expect(() => slotsAt(THURSDAY_0930, { weekly })).toThrow('invalid slotMinutes');
  });
});

describe('canCancel', () => {
  const start = utc('2026-11-27T02:00:00Z'); // Friday 10:00 Shanghai; cut-off 60 min → 09:00

  it('allows cancelling before the cut-off', () => expect(canCancel(start, utc('2026-11-27T00:59:00Z'), POLICY)).toBe(true));
  it('allows cancelling exactly at the cut-off', () => expect(canCancel(start, utc('2026-11-27T01:00:00Z'), POLICY)).toBe(true));
  it('refuses a millisecond after the cut-off', () => expect(canCancel(start, utc('2026-11-27T01:00:00.001Z'), POLICY)).toBe(false));
  it('refuses after the start', () => expect(canCancel(start, utc('2026-11-27T02:30:00Z'), POLICY)).toBe(false));
});

describe('validateWeeklyOpening', () => {
  it('accepts the fixture week', () => {
    for (const opening of WEEK) expect(validateWeeklyOpening(opening)).toEqual([]);
    expect(validateWeeklyOpenings(WEEK)).toEqual([]);
  });

  it('accepts touching ranges', () => {
    expect(validateWeeklyOpening({ ...TUESDAY, ranges: [MORNING, { start: '12:00', end: '13:00' }] })).toEqual([]);
  });

  it.each<[string, Partial<WeeklyOpening>, string]>([
    ['end before start', { ranges: [{ start: '12:00', end: '09:00' }] }, 'ranges[0]: range end must be after start'],
    ['empty range', { ranges: [{ start: '09:00', end: '09:00' }] }, 'ranges[0]: range end must be after start'],
    ['overlap', { ranges: [AFTERNOON, { start: '11:00', end: '13:00' }, MORNING] }, 'ranges overlap: ranges[1] and ranges[2]'],
    ['malformed start', { ranges: [{ start: '9:00', end: '12:00' }] }, 'ranges[0]: start must be HH:mm'],
    ['malformed end', { ranges: [{ start: '09:00', end: '24:00' }] }, 'ranges[0]: end must be HH:mm'],
    ['no ranges', { ranges: [] }, 'at least one range is required'],
    ['slot too short', { slotMinutes: 4 }, 'slotMinutes must be 5..480'],
    ['slot too long', { slotMinutes: 481 }, 'slotMinutes must be 5..480'],
    ['fractional slot', { slotMinutes: 12.5 }, 'slotMinutes must be 5..480'],
    ['no seats', { seats: 0 }, 'seats must be 1..500'],
    ['too many seats', { seats: 501 }, 'seats must be 1..500'],
    ['range shorter than a slot', { ranges: [{ start: '09:00', end: '09:20' }] }, 'ranges[0]: range is shorter than slotMinutes'],
    ['bad weekday', { weekday: 8 as WeeklyOpening['weekday'] }, 'weekday must be 1..7'],
  ])('reports %s', (_case, change, message) => {
    expect(validateWeeklyOpening({ ...TUESDAY, ...change })).toEqual([message]);
  });

  it('catches a long range covering several short ones', () => {
    const ranges = [
      { start: '09:00', end: '17:00' },
      { start: '10:00', end: '11:00' },
      { start: '12:00', end: '13:00' },
    ];
    expect(validateWeeklyOpening({ ...TUESDAY, ranges })).toEqual(['ranges overlap: ranges[0] and ranges[1]', 'ranges overlap: ranges[0] and ranges[2]']);
  });

  it('reports several problems at once', () => {
    expect(validateWeeklyOpening({ weekday: 2, ranges: [{ start: 'nine', end: '12:00' }], slotMinutes: 0, seats: 0 })).toEqual([
      'slotMinutes must be 5..480',
      'seats must be 1..500',
      'ranges[0]: start must be HH:mm',
    ]);
  });

  it('reports two entries for one weekday in a week', () => {
    expect(validateWeeklyOpenings([...WEEK, { ...THURSDAY }])).toEqual(['weekday 4: more than one entry (use several ranges instead)']);
  });
});

describe('validateDateException', () => {
  it('accepts a closure and a special opening', () => {
    expect(validateDateException({ date: ORDINARY_THURSDAY, kind: 'closed', reason: 'staff training' })).toEqual([]);
    expect(validateDateException({ date: ORDINARY_SUNDAY, kind: 'open', ranges: [MORNING], slotMinutes: 30, seats: 2, reason: '义诊' })).toEqual([]);
  });

  it('reports a bad date and a missing reason', () => {
    expect(validateDateException({ date: '2026-02-29', kind: 'closed', reason: '  ' })).toEqual(['date must be YYYY-MM-DD', 'reason is required']);
  });

  it('checks the hours of an opening like a weekly opening', () => {
    expect(validateDateException({ date: ORDINARY_SUNDAY, kind: 'open', ranges: [MORNING, { start: '11:00', end: '13:00' }], slotMinutes: 30, seats: 600, reason: 'x' })).toEqual([
      'seats must be 1..500',
      'ranges overlap: ranges[0] and ranges[1]',
    ]);
  });

  it('reports an unknown kind from untyped input', () => {
    expect(validateDateException({ date: ORDINARY_THURSDAY, kind: 'maybe', reason: 'x' } as unknown as DateException)).toEqual(["kind must be 'closed' or 'open'"]);
  });
});

describe('slotUnavailableReason', () => {
  // Thursday 26 November 2026, 08:13 in Shanghai; the morning window is 09:00-12:00 the same day.
  const at0813 = utc('2026-11-26T00:13:00Z');
  const morning = { startsAt: instantOf(ORDINARY_THURSDAY, '09:00'), endsAt: instantOf(ORDINARY_THURSDAY, '12:00') };

  it('says a window 47 minutes away is too soon under a 60-minute lead, not passed', () => {
    expect(slotUnavailableReason(morning, at0813, 60)).toEqual({ kind: 'too_soon', minNoticeMinutes: 60 });
  });

  it('offers it when the lead is met, the boundary itself included', () => {
    expect(slotUnavailableReason(morning, at0813, 47)).toBeNull();
    expect(slotUnavailableReason(morning, utc('2026-11-26T00:00:00Z'), 60)).toBeNull();
  });

  it('says started once the start is past, and passed once the end is reached', () => {
    expect(slotUnavailableReason(morning, utc('2026-11-26T01:00:00Z'), 0)).toBeNull();
    expect(slotUnavailableReason(morning, utc('2026-11-26T01:00:00.001Z'), 0)).toEqual({ kind: 'started' });
    expect(slotUnavailableReason(morning, utc('2026-11-26T01:20:00Z'), 60)).toEqual({ kind: 'started' });
    expect(slotUnavailableReason(morning, utc('2026-11-26T03:59:59Z'), 0)).toEqual({ kind: 'started' });
    expect(slotUnavailableReason(morning, utc('2026-11-26T04:00:00Z'), 60)).toEqual({ kind: 'passed' });
  });

  it('says full for a slot with no seat left, after the time reasons', () => {
    const slot = { startsAt: morning.startsAt.toISOString(), endsAt: morning.endsAt.toISOString(), remaining: 0 };
    expect(slotUnavailableReason(slot, utc('2026-11-25T00:00:00Z'), 60)).toEqual({ kind: 'full' });
    expect(slotUnavailableReason({ ...slot, remaining: 1 }, utc('2026-11-25T00:00:00Z'), 60)).toBeNull();
    expect(slotUnavailableReason(slot, at0813, 60)).toEqual({ kind: 'too_soon', minNoticeMinutes: 60 });
  });

  it('is the rule generateSlots offers by: every generated slot is bookable, the first one dropped was too soon', () => {
    const now = utc('2026-11-26T01:31:00Z'); // Thursday 09:31; notice 120 min → first offer 11:31
    const slots = generateSlots({ weekly: WEEK, calendar: CALENDAR, exceptions: NO_EXCEPTIONS, policy: POLICY, now, days: 1 });
    for (const slot of slots) expect(slotUnavailableReason(slot, now, POLICY.minNoticeMinutes)).toBeNull();
    const dropped = { startsAt: instantOf(ORDINARY_THURSDAY, '11:30'), endsAt: instantOf(ORDINARY_THURSDAY, '12:00') };
    expect(slots[0].start).toBe('14:00');
    expect(slotUnavailableReason(dropped, now, POLICY.minNoticeMinutes)).toEqual({ kind: 'too_soon', minNoticeMinutes: 120 });
  });
});
