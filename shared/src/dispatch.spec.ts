import {
  ORDER_EVENTS,
  ORDER_STATUSES,
  availableOrderEvents,
  isOrderOverdue,
  phoneCallOpen,
  rankCandidates,
  setOutOpensAt,
  setOutState,
  smoothedRating,
  transitionOrder,
  validateWorkingHours,
  workingHoursCover,
  type DispatchCandidate,
  type OrderActor,
  type OrderEvent,
  type OrderStatus,
  type WorkingDay,
} from './dispatch';

const ACTORS: OrderActor[] = ['resident', 'worker', 'staff', 'system'];

/** The whole diagram, written out once more by hand: every (from, event, actor) that must succeed, and where it goes. */
const ALLOWED: [OrderStatus, OrderEvent, OrderActor, OrderStatus][] = [
  ['pending_dispatch', 'offer', 'system', 'offered'],
  ['offered', 'accept', 'worker', 'accepted'],
  ['offered', 'reject', 'worker', 'pending_dispatch'],
  ['offered', 'expire', 'system', 'pending_dispatch'],
  ['pending_dispatch', 'grab', 'worker', 'accepted'],
  ['pending_dispatch', 'escalate', 'system', 'escalated'],
  ['offered', 'escalate', 'system', 'escalated'],
  ['pending_dispatch', 'assign', 'staff', 'accepted'],
  ['offered', 'assign', 'staff', 'accepted'],
  ['escalated', 'assign', 'staff', 'accepted'],
  ['accepted', 'assign', 'staff', 'accepted'],
  ['escalated', 'requeue', 'staff', 'pending_dispatch'],
  ['accepted', 'set_out', 'worker', 'en_route'],
  ['en_route', 'start', 'worker', 'in_service'],
  ['in_service', 'complete', 'worker', 'completed'],
  ['completed', 'confirm', 'resident', 'confirmed'],
  ['completed', 'confirm', 'system', 'confirmed'],
  ['pending_dispatch', 'cancel', 'resident', 'cancelled'],
  ['offered', 'cancel', 'resident', 'cancelled'],
  ['accepted', 'cancel', 'resident', 'cancelled'],
  ['escalated', 'cancel', 'resident', 'cancelled'],
  ['pending_dispatch', 'cancel', 'staff', 'cancelled'],
  ['offered', 'cancel', 'staff', 'cancelled'],
  ['accepted', 'cancel', 'staff', 'cancelled'],
  ['escalated', 'cancel', 'staff', 'cancelled'],
  ['en_route', 'cancel', 'staff', 'cancelled'],
  ['in_service', 'cancel', 'staff', 'cancelled'],
  ['completed', 'dispute', 'resident', 'disputed'],
  ['confirmed', 'dispute', 'resident', 'disputed'],
  ['disputed', 'resolve', 'staff', 'confirmed'],
];

describe('order state machine', () => {
  it.each(ALLOWED)('%s --%s by %s--> %s', (from, event, actor, to) => {
    expect(transitionOrder(from, event, actor)).toEqual({ ok: true, to });
  });

  it('refuses every other (status, event, actor) combination: all of them, exhaustively', () => {
    const allowed = new Set(ALLOWED.map(([from, event, actor]) => `${from}:${event}:${actor}`));
    let refused = 0;
    for (const from of ORDER_STATUSES) {
      for (const event of ORDER_EVENTS) {
        for (const actor of ACTORS) {
          if (allowed.has(`${from}:${event}:${actor}`)) continue;
          expect(transitionOrder(from, event, actor).ok).toBe(false);
          refused++;
        }
      }
    }
    expect(refused).toBe(ORDER_STATUSES.length * ORDER_EVENTS.length * ACTORS.length - ALLOWED.length);
  });

  it('tells a wrong actor apart from a wrong status', () => {
    expect(transitionOrder('offered', 'accept', 'resident')).toEqual({ ok: false, reason: 'actor_not_allowed' });
    expect(transitionOrder('completed', 'accept', 'worker')).toEqual({ ok: false, reason: 'invalid_transition' });
  });

  it('lets a resident cancel only before the worker sets out', () => {
    expect(transitionOrder('en_route', 'cancel', 'resident')).toEqual({ ok: false, reason: 'invalid_transition' });
    expect(transitionOrder('in_service', 'cancel', 'resident')).toEqual({ ok: false, reason: 'invalid_transition' });
    expect(transitionOrder('en_route', 'cancel', 'staff')).toEqual({ ok: true, to: 'cancelled' });
  });

  it('has no way out of cancelled, and confirmed only leads to a dispute', () => {
    for (const actor of ACTORS) expect(availableOrderEvents('cancelled', actor)).toEqual([]);
    expect(availableOrderEvents('confirmed', 'resident')).toEqual(['dispute']);
    expect(availableOrderEvents('confirmed', 'staff')).toEqual([]);
  });

  it('lists the buttons each actor gets', () => {
    expect(availableOrderEvents('accepted', 'worker')).toEqual(['set_out']);
    expect(availableOrderEvents('completed', 'resident')).toEqual(['confirm', 'dispute']);
    expect(availableOrderEvents('escalated', 'staff')).toEqual(['assign', 'requeue', 'cancel']);
  });
});

describe('working hours cover a window', () => {
  // 2026-12-01 is a Tuesday (weekday 2); times are Asia/Shanghai (+08:00).
  const at = (time: string, date = '2026-12-01') => new Date(`${date}T${time}:00+08:00`);
  const weekdays: WorkingDay[] = [1, 2, 3, 4, 5].map((weekday) => ({
    weekday: weekday as WorkingDay['weekday'],
    ranges: [
      { start: '08:00', end: '12:00' },
      { start: '14:00', end: '18:00' },
    ],
  }));

  it('covers a window inside the hours', () => {
    expect(workingHoursCover(weekdays, at('09:00'), at('11:00'))).toBe(true);
  });

  it('covers a long window the worker overlaps for at least an hour', () => {
    expect(workingHoursCover(weekdays, at('11:00'), at('15:30'))).toBe(true); // 14:00–15:30 is 90 minutes
    expect(workingHoursCover(weekdays, at('11:30'), at('14:30'))).toBe(false); // 30 + 30 minutes, never an hour in one go
  });

  it('needs the whole of a window shorter than an hour', () => {
    expect(workingHoursCover(weekdays, at('11:40'), at('12:00'))).toBe(true);
    expect(workingHoursCover(weekdays, at('11:40'), at('12:10'))).toBe(false);
  });

  it('does not cover a day off or an empty window', () => {
    expect(workingHoursCover(weekdays, at('09:00', '2026-12-05'), at('11:00', '2026-12-05'))).toBe(false); // Saturday
    expect(workingHoursCover(weekdays, at('11:00'), at('09:00'))).toBe(false);
  });

  it('looks at both days of a window across midnight', () => {
    const nights: WorkingDay[] = [{ weekday: 3, ranges: [{ start: '00:00', end: '06:00' }] }];
    expect(workingHoursCover(nights, at('22:00'), at('02:00', '2026-12-02'))).toBe(true);
  });

  it('counts hours that run on through midnight as one stretch (23:59 is the end of the day: hours cannot say 24:00)', () => {
    const allDay: WorkingDay[] = ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, ranges: [{ start: '00:00', end: '23:59' }] }));
    expect(workingHoursCover(allDay, at('23:10'), at('00:10', '2026-12-02'))).toBe(true);
    expect(workingHoursCover(allDay, at('23:59'), at('00:59', '2026-12-02'))).toBe(true);
    const lateShift: WorkingDay[] = [
      { weekday: 2, ranges: [{ start: '20:00', end: '23:59' }] },
      { weekday: 3, ranges: [{ start: '00:00', end: '00:40' }] },
    ];
    expect(workingHoursCover(lateShift, at('23:30'), at('00:30', '2026-12-02'))).toBe(true);
    // A break before midnight still splits the evening from the small hours.
    const withBreak: WorkingDay[] = [
      { weekday: 2, ranges: [{ start: '20:00', end: '23:30' }] },
      { weekday: 3, ranges: [{ start: '00:00', end: '02:00' }] },
    ];
    expect(workingHoursCover(withBreak, at('23:00'), at('00:40', '2026-12-02'))).toBe(false);
    expect(workingHoursCover(withBreak, at('23:00'), at('01:00', '2026-12-02'))).toBe(true); // 00:00–01:00 alone
  });

  it('runs a range ending 24:00 to midnight, and joins Sunday night to Monday morning and a window over two midnights', () => {
    const toMidnight: WorkingDay[] = [
      { weekday: 2, ranges: [{ start: '22:00', end: '24:00' }] },
      { weekday: 3, ranges: [{ start: '00:00', end: '01:00' }] },
    ];
    expect(workingHoursCover(toMidnight, at('23:30'), at('00:30', '2026-12-02'))).toBe(true);
    const sundayNight: WorkingDay[] = [
      { weekday: 7, ranges: [{ start: '23:00', end: '23:59' }] },
      { weekday: 1, ranges: [{ start: '00:00', end: '06:00' }] },
    ];
    expect(workingHoursCover(sundayNight, at('23:30', '2026-12-06'), at('00:30', '2026-12-07'))).toBe(true);
    const allWeek: WorkingDay[] = ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, ranges: [{ start: '00:00', end: '23:59' }] }));
    expect(workingHoursCover(allWeek, at('23:50'), at('00:10', '2026-12-03'))).toBe(true);
  });

  it('joins touching ranges within a day', () => {
    const touching: WorkingDay[] = [
      {
        weekday: 2,
        ranges: [
          { start: '08:00', end: '10:30' },
          { start: '10:30', end: '12:00' },
        ],
      },
    ];
    expect(workingHoursCover(touching, at('10:00'), at('11:00'))).toBe(true);
  });

  it('validates hours', () => {
    expect(validateWorkingHours(weekdays)).toEqual([]);
    expect(validateWorkingHours([{ weekday: 8 as never, ranges: [] }])).toEqual(['weekday 8: must be 1..7']);
    expect(validateWorkingHours([{ weekday: 1, ranges: [{ start: '10:00', end: '09:00' }] }])).toEqual(['weekday 1: 10:00-09:00 ends before it starts']);
    expect(
      validateWorkingHours([
        {
          weekday: 1,
          ranges: [
            { start: '08:00', end: '12:00' },
            { start: '11:00', end: '13:00' },
          ],
        },
      ]),
    ).toEqual(['weekday 1: ranges overlap']);
    expect(
      validateWorkingHours([
        { weekday: 1, ranges: [] },
        { weekday: 1, ranges: [] },
      ]),
    ).toEqual(['weekday 1: more than one entry (use several ranges instead)']);
  });
});

describe('dispatch ranking', () => {
  const now = new Date('2026-12-01T02:00:00Z');
  const place = { latitude: 31.8206, longitude: 117.2272 };
  const base: DispatchCandidate = { workerId: 'w', position: place, openOrders: 0, maxOpenOrders: 3, ratingSum: 0, ratingCount: 0, lastOfferedAt: null };
  const near = (meters: number) => ({ latitude: place.latitude + meters / 111_320, longitude: place.longitude });
  const order = (candidates: DispatchCandidate[]) => rankCandidates(candidates, place, now).map((candidate) => candidate.workerId);

  it('prefers the nearer worker, all else equal', () => {
    expect(
      order([
        { ...base, workerId: 'far', position: near(5000) },
        { ...base, workerId: 'near', position: near(300) },
      ]),
    ).toEqual(['near', 'far']);
  });

  it('prefers the less loaded worker, all else equal', () => {
    expect(
      order([
        { ...base, workerId: 'busy', openOrders: 2 },
        { ...base, workerId: 'free', openOrders: 0 },
      ]),
    ).toEqual(['free', 'busy']);
  });

  it('prefers the better rated worker, all else equal, with a prior so one review does not decide', () => {
    expect(
      order([
        { ...base, workerId: 'ok', ratingSum: 30, ratingCount: 10 },
        { ...base, workerId: 'good', ratingSum: 48, ratingCount: 10 },
      ]),
    ).toEqual(['good', 'ok']);
    expect(smoothedRating(5, 1)).toBeCloseTo(4.25);
    expect(smoothedRating(0, 0)).toBe(4);
  });

  it('prefers whoever waited longest for an offer, all else equal (fairness)', () => {
    const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    expect(
      order([
        { ...base, workerId: 'just', lastOfferedAt: minutesAgo(1) },
        { ...base, workerId: 'waited', lastOfferedAt: minutesAgo(45) },
        { ...base, workerId: 'never' },
      ]),
    ).toEqual(['never', 'waited', 'just']);
  });

  it('weighs distance above a small fairness difference, but a much lighter load can beat a little distance', () => {
    expect(
      order([
        { ...base, workerId: 'near-recent', position: near(200), lastOfferedAt: new Date(now.getTime() - 50 * 60_000) },
        { ...base, workerId: 'far-waited', position: near(8000) },
      ]),
    ).toEqual(['near-recent', 'far-waited']);
    expect(
      order([
        { ...base, workerId: 'slightly-nearer-busy', position: near(500), openOrders: 2 },
        { ...base, workerId: 'free', position: near(1000) },
      ]),
    ).toEqual(['free', 'slightly-nearer-busy']);
  });

  it('treats a worker with no position as far, and reports distances', () => {
    const ranked = rankCandidates(
      [
        { ...base, workerId: 'unknown', position: null },
        { ...base, workerId: 'known', position: near(9000) },
      ],
      place,
      now,
    );
    expect(ranked.map((candidate) => candidate.workerId)).toEqual(['known', 'unknown']);
    expect(ranked[1].distanceMeters).toBeNull();
    expect(ranked[0].distanceMeters).toBeGreaterThan(8900);
  });

  it('is deterministic on exact ties (by id) and does not change its input', () => {
    const input = [
      { ...base, workerId: 'b' },
      { ...base, workerId: 'a' },
    ];
    expect(order(input)).toEqual(['a', 'b']);
    expect(input.map((candidate) => candidate.workerId)).toEqual(['b', 'a']);
  });

  it('scores within 0..1', () => {
    const best = rankCandidates([{ ...base, ratingSum: 50, ratingCount: 10 }], place, now)[0];
    const worst = rankCandidates([{ ...base, position: null, openOrders: 3, ratingSum: 10, ratingCount: 10, lastOfferedAt: now }], place, now)[0];
    expect(best.score).toBeLessThanOrEqual(1);
    expect(worst.score).toBeGreaterThanOrEqual(0);
    expect(best.score).toBeGreaterThan(worst.score);
  });
});

describe('SLA: overdue orders', () => {
  const start = new Date('2026-12-01T01:00:00Z');
  const end = new Date('2026-12-01T04:00:00Z');
  const before = new Date('2026-12-01T00:59:00Z');
  const during = new Date('2026-12-01T02:00:00Z');
  const after = new Date('2026-12-01T04:00:00Z');

  it('warns when the window has begun and nobody holds the order', () => {
    for (const status of ['pending_dispatch', 'offered', 'escalated'] as const) {
      expect(isOrderOverdue(status, start, end, before)).toBe(false);
      expect(isOrderOverdue(status, start, end, during)).toBe(true);
    }
  });

  it('warns when the window has ended and a held order has not started', () => {
    for (const status of ['accepted', 'en_route'] as const) {
      expect(isOrderOverdue(status, start, end, during)).toBe(false);
      expect(isOrderOverdue(status, start, end, after)).toBe(true);
    }
  });

  it('never warns once the work started or the order ended', () => {
    for (const status of ['in_service', 'completed', 'confirmed', 'cancelled', 'disputed'] as const) expect(isOrderOverdue(status, start, end, after)).toBe(false);
  });
});

describe('setting out: only on the service day, from the lead time before the window', () => {
  // 2026-12-01 09:00–12:00 in Shanghai.
  const start = new Date('2026-12-01T01:00:00Z');
  const at = (shanghai: string) => new Date(`${shanghai}+08:00`);

  it('opens the lead time before the window on the service day', () => {
    expect(setOutOpensAt(start, 120)).toEqual(at('2026-12-01T07:00:00'));
    expect(setOutState(start, 120, at('2026-12-01T06:59:59'))).toEqual({ allowed: false, opensAt: at('2026-12-01T07:00:00'), notice: '服务当天 07:00 后可出发' });
    expect(setOutState(start, 120, at('2026-12-01T07:00:00'))).toEqual({ allowed: true });
    expect(setOutState(start, 30, at('2026-12-01T08:00:00'))).toMatchObject({ allowed: false, notice: '服务当天 08:30 后可出发' });
  });

  it('never on the day before, however long the lead', () => {
    const earlyWindow = at('2026-12-01T01:00:00');
    expect(setOutOpensAt(earlyWindow, 120)).toEqual(at('2026-12-01T00:00:00'));
    expect(setOutState(earlyWindow, 120, at('2026-11-30T23:30:00'))).toMatchObject({ allowed: false, notice: '服务当天 00:00 后可出发' });
    expect(setOutState(start, 24 * 60, at('2026-11-30T09:00:00'))).toMatchObject({ allowed: false });
    expect(setOutState(earlyWindow, 120, at('2026-12-01T00:00:00'))).toEqual({ allowed: true });
  });

  it('stays open once the window has begun or passed (a late visit must still be made)', () => {
    expect(setOutState(start, 120, at('2026-12-01T10:00:00'))).toEqual({ allowed: true });
    expect(setOutState(start, 120, at('2026-12-02T10:00:00'))).toEqual({ allowed: true });
  });
});

describe('calling the other side of an order', () => {
  const now = new Date('2026-12-01T06:00:00Z');
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3600_000);

  it('is open while a worker holds the order', () => {
    for (const status of ['accepted', 'en_route', 'in_service'] as const) expect(phoneCallOpen(status, null, now)).toBe(true);
  });

  it('stays open for 24 hours after completion, until confirmed', () => {
    expect(phoneCallOpen('completed', hoursAgo(23.9), now)).toBe(true);
    expect(phoneCallOpen('completed', hoursAgo(24), now)).toBe(false);
    expect(phoneCallOpen('confirmed', hoursAgo(1), now)).toBe(false);
  });

  it('is closed before anyone accepts and after the order ends', () => {
    for (const status of ['pending_dispatch', 'offered', 'escalated', 'cancelled', 'confirmed', 'disputed'] as const) expect(phoneCallOpen(status, hoursAgo(1), now)).toBe(false);
  });
});
