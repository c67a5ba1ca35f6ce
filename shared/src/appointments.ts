import type { BookingEvent, BookingStatus } from './booking';
import type { BookingPolicy, DateException, WeeklyOpening } from './schedule';
import type { ServiceMode } from './catalogue';
import type { SourcedCalendarDay } from './holiday-calendar';
import type { ListResponse } from './regions';

/** One bookable slot with what is left of it. */
export interface SlotAvailability {
  date: string;
  start: string;
  end: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  remaining: number;
}

/**
 * The bookable slots of a centre's service, and the national calendar's days within the same window, so a screen
 * can say why a date has no slots (元旦, closed) and that a provisional holiday awaits the State Council's notice.
 */
export interface SlotList extends ListResponse<SlotAvailability> {
  calendar: SourcedCalendarDay[];
}

/** Largest group a venue booking may declare. */
export const MAX_GROUP_SIZE = 100;

/** A centre's hours and rules for one service, as staff edit them. */
export interface ServiceSchedule {
  weekly: WeeklyOpening[];
  policy: BookingPolicy;
  exceptions: DateException[];
}

/** A booking as its resident, their household proxy, or staff see it. */
export interface BookingView {
  id: string;
  status: BookingStatus;
  service: { id: string; name: string; mode: ServiceMode };
  centre: { id: string; name: string; address: string };
  date: string;
  start: string;
  end: string;
  startsAt: string;
  person: { id: string; name: string };
  /** For venue services (rooms, courts): how many people will use it; null otherwise. */
  groupSize: number | null;
  /** Whose booking this is, seen from the caller: their own, a household member's, or (for staff) a resident's. */
  bookedFor: 'self' | 'household' | 'staff';
  /** The events the caller may cause now (buttons to show). */
  actions: BookingEvent[];
  createdAt: string;
}

/** A place in a full slot's waiting line, as its person (or their household proxy) sees it. */
export interface WaitlistEntryView {
  id: string;
  status: 'waiting' | 'promoted' | 'left';
  /** 1 = next in line; null once promoted or left. */
  position: number | null;
  service: { id: string; name: string };
  centre: { id: string; name: string };
  date: string;
  start: string;
  end: string;
  startsAt: string;
  person: { id: string; name: string };
  /** The booking made when the entry was promoted. */
  bookingId: string | null;
}

/**
 * How a booking is checked in at the desk: the QR carries `code` (signed, expiring) for staff to scan; `shortCode`
 * is six digits the person can read out instead, unique among the centre's bookings of that day.
 */
export interface CheckInCode {
  code: string;
  /** Six digits; null only for a booking made before short codes existed whose day had already passed. */
  shortCode: string | null;
  expiresAt: string;
}

/** The six digits of a short check-in code, as staff type them (spaces and the like removed first). */
export const SHORT_CHECK_IN_CODE = /^\d{6}$/;

/** `482915` → `482 915`: two groups of three, the way people read numbers aloud. */
export function groupShortCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}

/** Booking counts for one group (a category, a service, a centre's area, a day). */
export interface BookingCounts {
  key: string;
  label: string;
  /** Bookings that were made and not cancelled or rejected. */
  bookings: number;
  noShows: number;
  /** noShows / (bookings whose slot has passed and were not cancelled), 0..1; null when nothing has passed yet. */
  noShowRate: number | null;
}

export interface BookingStatistics {
  from: string;
  to: string;
  totals: BookingCounts;
  byCategory: BookingCounts[];
  byService: BookingCounts[];
  byArea: BookingCounts[];
  byDay: BookingCounts[];
}
