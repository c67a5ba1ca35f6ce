import type { BookingEvent, BookingStatus, BookingView, CheckInCode, ResidentProfile, SlotList, WaitlistEntryView } from '@linli/shared';

import { request, requestList } from './request';

/** What a booking or a waitlist place is for: one slot of one service at one centre, for one person. */
export interface SlotRequest {
  centreId: string;
  serviceId: string;
  startsAt: string;
  residentId: string;
}

/** A booking or waitlist request: the slot, plus (venue services only) how many people will use it. */
export interface BookingRequest extends SlotRequest {
  groupSize?: number;
}

const path = (...parts: string[]) => parts.map((part) => `/${encodeURIComponent(part)}`).join('');

/** The bookable slots and the national holidays of the same window (why a date has none). */
export function fetchSlots(centreId: string, serviceId: string): Promise<SlotList> {
  return request<SlotList>(`${path('centres', centreId, 'services', serviceId)}/slots`, { auth: false });
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A fresh Idempotency-Key (24 characters of [A-Za-z0-9]). One per confirm screen: a retry after a lost answer
 * sends the same key, so the server answers with the booking it already made instead of booking twice.
 */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(24);
  const cryptoApi = (globalThis as { crypto?: { getRandomValues?: (array: Uint8Array) => Uint8Array } }).crypto;
  if (cryptoApi?.getRandomValues) cryptoApi.getRandomValues(bytes);
  else for (let index = 0; index < bytes.length; index += 1) bytes[index] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (byte) => KEY_ALPHABET[byte % KEY_ALPHABET.length]).join('');
}

export function createBooking(input: BookingRequest, idempotencyKey: string): Promise<BookingView> {
  return request<BookingView>('/bookings', { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } });
}

/** Mine and my household's, newest slot first. */
export function fetchMyBookings(): Promise<BookingView[]> {
  return requestList<BookingView>('/bookings');
}

export function cancelBooking(bookingId: string): Promise<BookingView> {
  return request<BookingView>(`${path('bookings', bookingId)}/cancel`, { method: 'POST' });
}

export function rescheduleBooking(bookingId: string, startsAt: string): Promise<BookingView> {
  return request<BookingView>(`${path('bookings', bookingId)}/reschedule`, { method: 'POST', body: { startsAt } });
}

export function fetchCheckInCode(bookingId: string): Promise<CheckInCode> {
  return request<CheckInCode>(`${path('bookings', bookingId)}/check-in-code`);
}

export function joinWaitlist(input: BookingRequest): Promise<WaitlistEntryView> {
  return request<WaitlistEntryView>('/waitlist', { method: 'POST', body: input });
}

export function fetchMyWaitlist(): Promise<WaitlistEntryView[]> {
  return requestList<WaitlistEntryView>('/waitlist');
}

export function leaveWaitlist(entryId: string): Promise<WaitlistEntryView> {
  return request<WaitlistEntryView>(`${path('waitlist', entryId)}/leave`, { method: 'POST' });
}

// ---- staff -------------------------------------------------------------------------------------------------------

export interface CentreDayQuery {
  centreId: string;
  /** Shanghai `YYYY-MM-DD`; the server's today when left out. */
  date?: string;
  name?: string;
  phoneTail?: string;
  serviceId?: string;
  status?: BookingStatus;
}

/** One centre's bookings of one day. Empty filters are left out of the query. */
export function fetchCentreBookings({ centreId, date, name, phoneTail, serviceId, status }: CentreDayQuery): Promise<BookingView[]> {
  const query = {
    centreId,
    date,
    name: name?.trim() || undefined,
    phoneTail: phoneTail?.trim() || undefined,
    serviceId: serviceId || undefined,
    status: status || undefined,
  };
  return requestList<BookingView>('/staff/bookings', { query });
}

export type StaffBookingEvent = Exclude<BookingEvent, 'cancel'>;

export function applyStaffEvent(bookingId: string, event: StaffBookingEvent): Promise<BookingView> {
  return request<BookingView>(`${path('staff', 'bookings', bookingId)}/transitions`, { method: 'POST', body: { event } });
}

/** Checks the person in with the code from their QR (scanned or typed); spaces and case do not matter. */
/** `code`: the six digits the person reads out, or the long code from their QR. */
export function checkInWithCode(code: string, centreId: string): Promise<BookingView> {
  return request<BookingView>('/staff/check-ins', { method: 'POST', body: { code: code.replace(/\s+/g, ''), centreId } });
}

export function searchResidents(name: string): Promise<ResidentProfile[]> {
  return requestList<ResidentProfile>('/staff/residents', { query: { name: name.trim() } });
}
