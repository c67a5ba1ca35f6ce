import { BOOKING_EVENTS, BOOKING_STATUSES, availableBookingEvents, groupResidentBookings, holdsSeat, initialBookingStatus, transitionBooking, type BookingStatus } from './booking';
import { instantOf } from './time';
import { SERVICE_CATALOGUE } from './catalogue';

describe('booking state machine', () => {
  it('starts in review only for services staff must confirm', () => {
    expect(initialBookingStatus(true)).toBe('pending_review');
    expect(initialBookingStatus(false)).toBe('confirmed');
  });

  it.each([
    ['pending_review', 'approve', 'staff', 'confirmed'],
    ['pending_review', 'decline', 'staff', 'rejected'],
    ['pending_review', 'cancel', 'resident', 'cancelled'],
    ['confirmed', 'cancel', 'resident', 'cancelled'],
    ['confirmed', 'cancel', 'staff', 'cancelled'],
    ['confirmed', 'check_in', 'staff', 'checked_in'],
    ['confirmed', 'mark_no_show', 'system', 'no_show'],
    ['checked_in', 'complete', 'staff', 'completed'],
  ] as const)('%s --%s by %s--> %s', (from, event, actor, to) => {
    expect(transitionBooking(from, event, actor)).toEqual({ ok: true, to });
  });

  it('refuses every transition not in the diagram, from every status', () => {
    const allowed = new Set([
      'pending_review:approve',
      'pending_review:decline',
      'pending_review:cancel',
      'confirmed:cancel',
      'confirmed:check_in',
      'confirmed:mark_no_show',
      'checked_in:complete',
    ]);
    for (const from of BOOKING_STATUSES) {
      for (const event of BOOKING_EVENTS) {
        const result = transitionBooking(from, event, 'staff');
        if (!allowed.has(`${from}:${event}`)) expect(result).toEqual({ ok: false, reason: 'invalid_transition' });
      }
    }
  });

  it('keeps staff-only actions away from residents', () => {
    for (const event of ['approve', 'decline', 'check_in', 'complete', 'mark_no_show'] as const) {
      const from = event === 'complete' ? 'checked_in' : event === 'approve' || event === 'decline' ? 'pending_review' : 'confirmed';
      expect(transitionBooking(from, event, 'resident')).toEqual({ ok: false, reason: 'actor_not_allowed' });
    }
    expect(availableBookingEvents('confirmed', 'resident')).toEqual(['cancel']);
    expect(availableBookingEvents('confirmed', 'staff')).toEqual(['cancel', 'check_in', 'mark_no_show']);
  });

  it('counts a seat as held while the booking is live or was used, not after a cancellation, rejection or no-show', () => {
    expect(BOOKING_STATUSES.filter(holdsSeat)).toEqual(['pending_review', 'confirmed', 'checked_in', 'completed']);
  });
});

describe('service catalogue', () => {
  it('has the plan’s eight categories and 22 services, with unique codes', () => {
    const services = SERVICE_CATALOGUE.flatMap((category) => category.services);
    expect(SERVICE_CATALOGUE).toHaveLength(8);
    expect(services).toHaveLength(22);
    expect(new Set(services.map((s) => s.code)).size).toBe(22);
    expect(services.filter((s) => s.needsReview).map((s) => s.name)).toEqual(['人民调解', '社会救助申请', '社会组织备案与孵化咨询']);
    expect(services.filter((s) => s.mode === 'home').map((s) => s.name)).toEqual(['居家养老上门服务', '邻里互助求助', '家政保洁上门', '家电水电维修上门']);
  });
});

describe('groupResidentBookings', () => {
  // Thursday 26 November 2026, 10:15 in Shanghai.
  const now = new Date('2026-11-26T02:15:00Z');
  const booking = (id: string, status: BookingStatus, date: string, start: string, end: string) => ({ id, status, date, end, startsAt: instantOf(date, start).toISOString() });
  const ids = (items: Array<{ id: string }>) => items.map((item) => item.id);

  it('lists a cancelled booking for tomorrow under cancelled, not among the ended ones', () => {
    const groups = groupResidentBookings([booking('tomorrow-cancelled', 'cancelled', '2026-11-27', '09:00', '09:30')], now);
    expect(groups).toEqual({ upcoming: [], ended: [], cancelled: [expect.objectContaining({ id: 'tomorrow-cancelled' })] });
  });

  it('groups by what matters: still to come (soonest first), over, and called off (latest first)', () => {
    const bookings = [
      booking('next-week', 'confirmed', '2026-12-03', '09:00', '09:30'),
      booking('last-week-done', 'completed', '2026-11-19', '09:00', '09:30'),
      booking('tomorrow-review', 'pending_review', '2026-11-27', '14:00', '14:30'),
      booking('this-morning-missed', 'confirmed', '2026-11-26', '09:00', '09:30'),
      booking('now-checked-in', 'checked_in', '2026-11-26', '10:00', '10:30'),
      booking('yesterday-no-show', 'no_show', '2026-11-25', '09:00', '09:30'),
      booking('declined', 'rejected', '2026-11-30', '09:00', '09:30'),
      booking('cancelled-old', 'cancelled', '2026-11-20', '09:00', '09:30'),
      booking('cancelled-soon', 'cancelled', '2026-11-28', '09:00', '09:30'),
    ];
    const groups = groupResidentBookings(bookings, now);
    expect(ids(groups.upcoming)).toEqual(['now-checked-in', 'tomorrow-review', 'next-week']);
    expect(ids(groups.ended)).toEqual(['this-morning-missed', 'yesterday-no-show', 'last-week-done']);
    expect(ids(groups.cancelled)).toEqual(['declined', 'cancelled-soon', 'cancelled-old']);
  });

  it('ends a booking at its end time, the boundary itself included', () => {
    const slot = booking('slot', 'confirmed', '2026-11-26', '09:45', '10:15');
    expect(ids(groupResidentBookings([slot], new Date('2026-11-26T02:14:59Z')).upcoming)).toEqual(['slot']);
    expect(ids(groupResidentBookings([slot], now).ended)).toEqual(['slot']);
  });
});
