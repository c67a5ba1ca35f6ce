import { instantOf } from './time';

import type { BookingView } from './appointments';

/**
 * The booking state machine, shared so the mini program only offers actions the API will accept.
 *
 *   pending_review ──approve──▶ confirmed ──check_in──▶ checked_in ──complete──▶ completed
 *        │ decline                 │ cancel / mark_no_show
 *        ▼                         ▼
 *     rejected              cancelled / no_show          (pending_review can also be cancelled)
 */
export const BOOKING_STATUSES = ['pending_review', 'confirmed', 'checked_in', 'completed', 'cancelled', 'rejected', 'no_show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const BOOKING_EVENTS = ['approve', 'decline', 'cancel', 'check_in', 'complete', 'mark_no_show'] as const;
export type BookingEvent = (typeof BOOKING_EVENTS)[number];

/** Who causes an event: the resident (or their household proxy), staff of the centre's region, or the system. */
export type BookingActor = 'resident' | 'staff' | 'system';

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  pending_review: '待审核',
  confirmed: '已预约',
  checked_in: '已签到',
  completed: '已完成',
  cancelled: '已取消',
  rejected: '未通过',
  no_show: '未到场',
};

const TRANSITIONS: Record<BookingEvent, { from: readonly BookingStatus[]; to: BookingStatus; actors: readonly BookingActor[] }> = {
  approve: { from: ['pending_review'], to: 'confirmed', actors: ['staff'] },
  decline: { from: ['pending_review'], to: 'rejected', actors: ['staff'] },
  cancel: { from: ['pending_review', 'confirmed'], to: 'cancelled', actors: ['resident', 'staff'] },
  check_in: { from: ['confirmed'], to: 'checked_in', actors: ['staff'] },
  complete: { from: ['checked_in'], to: 'completed', actors: ['staff', 'system'] },
  mark_no_show: { from: ['confirmed'], to: 'no_show', actors: ['staff', 'system'] },
};

/**
 * Statuses that hold a seat: the capacity counter counts exactly these. A completed visit used its seat; a no-show,
 * a cancellation or a rejection gives it back.
 */
export const SEAT_HOLDING_STATUSES: readonly BookingStatus[] = ['pending_review', 'confirmed', 'checked_in', 'completed'];

export function holdsSeat(status: BookingStatus): boolean {
  return SEAT_HOLDING_STATUSES.includes(status);
}

export function initialBookingStatus(needsReview: boolean): BookingStatus {
  return needsReview ? 'pending_review' : 'confirmed';
}

export type TransitionResult = { ok: true; to: BookingStatus } | { ok: false; reason: 'invalid_transition' | 'actor_not_allowed' };

/** The status an event leads to, or why it may not happen. */
export function transitionBooking(from: BookingStatus, event: BookingEvent, actor: BookingActor): TransitionResult {
  const rule = TRANSITIONS[event];
  if (!rule.from.includes(from)) return { ok: false, reason: 'invalid_transition' };
  if (!rule.actors.includes(actor)) return { ok: false, reason: 'actor_not_allowed' };
  return { ok: true, to: rule.to };
}

/** Events an actor may cause from a status (to show only the buttons that will work). */
export function availableBookingEvents(from: BookingStatus, actor: BookingActor): BookingEvent[] {
  return BOOKING_EVENTS.filter((event) => transitionBooking(from, event, actor).ok);
}

/** Statuses of a booking that is still going to happen (or happening): awaiting review, booked, checked in. */
export const LIVE_BOOKING_STATUSES: readonly BookingStatus[] = ['pending_review', 'confirmed', 'checked_in'];

/** Statuses of a booking that did not and will not happen: cancelled by someone, or not approved by staff. */
const CALLED_OFF_STATUSES: readonly BookingStatus[] = ['cancelled', 'rejected'];

export interface ResidentBookingGroups<T> {
  /** Live and not yet over, soonest first. */
  upcoming: T[];
  /** Over: done, missed, or live bookings whose time has gone; latest first. */
  ended: T[];
  /** Called off (cancelled or not approved), whenever they were for; latest first. */
  cancelled: T[];
}

/**
 * A resident's bookings grouped by what matters to them: what is still coming, what is over, and what was called
 * off. A cancelled booking for tomorrow is cancelled, not "past"; a booking ends at its slot's end (Shanghai time).
 */
export function groupResidentBookings<T extends Pick<BookingView, 'status' | 'date' | 'end' | 'startsAt'>>(bookings: readonly T[], now: Date): ResidentBookingGroups<T> {
  const groups: ResidentBookingGroups<T> = { upcoming: [], ended: [], cancelled: [] };
  for (const booking of bookings) {
    if (CALLED_OFF_STATUSES.includes(booking.status)) groups.cancelled.push(booking);
    else if (LIVE_BOOKING_STATUSES.includes(booking.status) && instantOf(booking.date, booking.end).getTime() > now.getTime()) groups.upcoming.push(booking);
    else groups.ended.push(booking);
  }
  // ISO UTC strings of one format sort chronologically as text.
  const latestFirst = (a: T, b: T) => b.startsAt.localeCompare(a.startsAt);
  return {
    upcoming: groups.upcoming.sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
    ended: groups.ended.sort(latestFirst),
    cancelled: groups.cancelled.sort(latestFirst),
  };
}
