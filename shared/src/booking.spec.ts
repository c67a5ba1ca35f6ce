import { BOOKING_EVENTS, BOOKING_STATUSES, availableBookingEvents, holdsSeat, initialBookingStatus, transitionBooking, type BookingActor } from './booking';
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
    const allowed = new Set(['pending_review:approve', 'pending_review:decline', 'pending_review:cancel', 'confirmed:cancel', 'confirmed:check_in', 'confirmed:mark_no_show', 'checked_in:complete']);
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
    expect(availableBookingEvents('confirmed', 'staff' as BookingActor)).toEqual(['cancel', 'check_in', 'mark_no_show']);
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
