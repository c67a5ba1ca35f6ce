import { MAX_GROUP_SIZE, addDays, availableBookingEvents, instantOf, shanghaiDateOf, transitionBooking } from '@linli/shared';

import type { BookingEvent, BookingStatus, BookingView, ResidentProfile, ServiceDetail, SlotAvailability, SourcedCalendarDay, WaitlistEntryView } from '@linli/shared';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { authed } from './fake-api';
import { readJson, sendJson } from './fixture-server';

import type { FakeApi } from './fake-api';
import type { Handler } from './fixture-server';

/** A one-time answer for the next request of a kind; 'drop' does the work, then closes the connection unanswered. */
export type Scripted = { status: number; code: string; message?: string; details?: unknown } | 'drop';

export type ScriptedKind = 'book' | 'cancel' | 'reschedule' | 'waitlist' | 'transition' | 'check-in' | 'staff-list';

export interface BookingPost {
  key: string | undefined;
  body: { centreId: string; serviceId: string; startsAt: string; residentId: string; groupSize?: number };
}

/** What the fake appointments API remembers between requests of one test. */
export interface FakeBookings {
  service: ServiceDetail;
  slots: SlotAvailability[];
  /** The national calendar's days the slot list carries beside its slots. */
  calendar: SourcedCalendarDay[];
  bookings: BookingView[];
  waitlist: WaitlistEntryView[];
  /** Names of the people bookings can be made for, by resident id. */
  people: Record<string, string>;
  residents: ResidentProfile[];
  /** Every POST /bookings with its Idempotency-Key header, in order. */
  bookingPosts: BookingPost[];
  /** Every POST /staff/check-ins body, in order. */
  checkInPosts: Array<{ code: string; centreId: string }>;
  /** Query strings of GET /staff/bookings, in order. */
  staffQueries: URLSearchParams[];
  /** What the booking's QR carries. */
  checkInCode: string;
  /** The six digits under the QR. */
  shortCode: string;
  next: Partial<Record<ScriptedKind, Scripted>>;
  /** 'staff' when the caller is staff (actions as staff see them), else 'resident'. */
  actor: 'resident' | 'staff';
}

export const TODAY = shanghaiDateOf(new Date());

export function slotOf(dayOffset: number, start: string, end: string, remaining: number, capacity = 4): SlotAvailability {
  const date = addDays(TODAY, dayOffset);
  return {
    date,
    start,
    end,
    startsAt: instantOf(date, start).toISOString(),
    endsAt: instantOf(date, end).toISOString(),
    capacity,
    remaining,
  };
}

export function bookingOf(
  fake: Pick<FakeBookings, 'service' | 'actor'>,
  slot: SlotAvailability,
  person: { id: string; name: string },
  status: BookingStatus,
  id: string,
  groupSize: number | null = null,
): BookingView {
  const centre = fake.service.centres[0];
  return {
    id,
    status,
    service: { id: fake.service.id, name: fake.service.name, mode: fake.service.mode },
    centre: { id: centre.centreId, name: centre.centreName, address: centre.address },
    date: slot.date,
    start: slot.start,
    end: slot.end,
    startsAt: slot.startsAt,
    person,
    groupSize,
    bookedFor: fake.actor === 'staff' ? 'staff' : person.id === 'resident-wang' ? 'self' : 'household',
    actions: availableBookingEvents(status, fake.actor),
    createdAt: new Date().toISOString(),
  };
}

export function createFakeBookings(service: ServiceDetail, overrides: Partial<FakeBookings> = {}): FakeBookings {
  return {
    service,
    slots: [slotOf(1, '09:00', '09:30', 2), slotOf(1, '09:30', '10:00', 0), slotOf(2, '14:00', '14:30', 3)],
    calendar: [],
    bookings: [],
    waitlist: [],
    people: { 'resident-wang': '王秀英' },
    residents: [],
    bookingPosts: [],
    checkInPosts: [],
    staffQueries: [],
    checkInCode: 'LL7Q2X9K',
    shortCode: '482915',
    next: {},
    actor: 'resident',
    ...overrides,
  };
}

let nextId = 1;

/** Answers the scripted outcome for `kind`, if one is set; true when it did (the route then stops). */
function scripted(fake: FakeBookings, kind: ScriptedKind, res: ServerResponse, work: () => void = () => undefined): boolean {
  const next = fake.next[kind];
  if (!next) return false;
  delete fake.next[kind];
  if (next === 'drop') {
    work();
    res.socket?.destroy();
    return true;
  }
  sendJson(res, next.status, { code: next.code, message: next.message ?? next.code, details: next.details, requestId: 'r' });
  return true;
}

/** Segment `index` of the request path, counting the /api prefix as 1: /api/bookings/<id> has the id at 3. */
const segment = (req: IncomingMessage, index: number) => (req.url ?? '').split('?')[0].split('/')[index] ?? '';

function withStatus(fake: FakeBookings, booking: BookingView, status: BookingStatus): BookingView {
  return { ...booking, status, actions: availableBookingEvents(status, fake.actor) };
}

function saveBooking(fake: FakeBookings, saved: BookingView): BookingView {
  fake.bookings = fake.bookings.map((booking) => (booking.id === saved.id ? saved : booking));
  return saved;
}

function notFound(res: ServerResponse): void {
  sendJson(res, 404, { code: 'NOT_FOUND', message: '没有找到', requestId: 'r' });
}

/** The appointment routes, answering with the shapes the real API has. */
export function bookingRoutes(api: FakeApi, fake: FakeBookings): Record<string, Handler> {
  const byKey = new Map<string, BookingView>();
  const route = (handle: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>) => authed(api, (_state, req, res) => handle(req, res));

  return {
    [`/services/${fake.service.id}`]: (_req, res) => sendJson(res, 200, fake.service),
    '/centres/:centreId/services/:serviceId/slots': (_req, res) => sendJson(res, 200, { items: fake.slots, calendar: fake.calendar }),
    '/bookings': route(async (req, res) => {
      if (req.method === 'GET') {
        sendJson(res, 200, { items: [...fake.bookings].sort((a, b) => b.startsAt.localeCompare(a.startsAt)) });
        return;
      }
      const body = await readJson<BookingPost['body']>(req);
      const key = req.headers['idempotency-key'] as string | undefined;
      fake.bookingPosts.push({ key, body });
      const replay = key ? byKey.get(key) : undefined;
      if (replay) {
        sendJson(res, 201, replay);
        return;
      }
      const book = () => {
        const slot = fake.slots.find((item) => item.startsAt === body.startsAt)!;
        slot.remaining -= 1;
        const person = { id: body.residentId, name: fake.people[body.residentId] ?? '居民' };
        const status = fake.service.needsReview ? 'pending_review' : 'confirmed';
        const booking = bookingOf(fake, slot, person, status, `booking-${nextId++}`, body.groupSize ?? null);
        fake.bookings = [...fake.bookings, booking];
        if (key) byKey.set(key, booking);
        return booking;
      };
      // Like the API: venue services need a group size (1..MAX_GROUP_SIZE), other modes refuse one.
      const venue = fake.service.mode === 'venue';
      const size = body.groupSize;
      const sizeOk = venue ? Number.isInteger(size) && size! >= 1 && size! <= MAX_GROUP_SIZE : size === undefined;
      if (!sizeOk) {
        const message = venue ? '场地预约请填写使用人数' : 'groupSize is only for venue services';
        sendJson(res, 400, { code: 'VALIDATION_FAILED', message, details: [{ field: 'groupSize', message }], requestId: 'r' });
        return;
      }
      if (scripted(fake, 'book', res, book)) return;
      const slot = fake.slots.find((item) => item.startsAt === body.startsAt);
      if (!slot || slot.remaining <= 0) {
        sendJson(res, 409, { code: 'SLOT_FULL', message: '该时段已约满', requestId: 'r' });
        return;
      }
      sendJson(res, 201, book());
    }),
    '/bookings/:id/cancel': route((req, res) => {
      if (scripted(fake, 'cancel', res)) return;
      const booking = fake.bookings.find((item) => item.id === segment(req, 3));
      if (!booking) return notFound(res);
      sendJson(res, 200, saveBooking(fake, withStatus(fake, booking, 'cancelled')));
    }),
    '/bookings/:id/reschedule': route(async (req, res) => {
      const { startsAt } = await readJson<{ startsAt: string }>(req);
      if (scripted(fake, 'reschedule', res)) return;
      const booking = fake.bookings.find((item) => item.id === segment(req, 3));
      const slot = fake.slots.find((item) => item.startsAt === startsAt);
      if (!booking || !slot) return notFound(res);
      sendJson(res, 200, saveBooking(fake, { ...booking, date: slot.date, start: slot.start, end: slot.end, startsAt }));
    }),
    '/bookings/:id/check-in-code': route((_req, res) =>
      sendJson(res, 200, { code: fake.checkInCode, shortCode: fake.shortCode, expiresAt: new Date(Date.now() + 3600_000).toISOString() }),
    ),
    '/waitlist': route(async (req, res) => {
      if (req.method === 'GET') {
        sendJson(res, 200, { items: fake.waitlist });
        return;
      }
      const body = await readJson<BookingPost['body']>(req);
      if (scripted(fake, 'waitlist', res)) return;
      const slot = fake.slots.find((item) => item.startsAt === body.startsAt)!;
      const entry: WaitlistEntryView = {
        id: `wait-${nextId++}`,
        status: 'waiting',
        position: fake.waitlist.filter((item) => item.startsAt === slot.startsAt).length + 1,
        service: { id: fake.service.id, name: fake.service.name },
        centre: { id: body.centreId, name: fake.service.centres.find((c) => c.centreId === body.centreId)!.centreName },
        date: slot.date,
        start: slot.start,
        end: slot.end,
        startsAt: slot.startsAt,
        person: { id: body.residentId, name: fake.people[body.residentId] ?? '居民' },
        bookingId: null,
      };
      fake.waitlist = [...fake.waitlist, entry];
      sendJson(res, 201, entry);
    }),
    '/waitlist/:id/leave': route((req, res) => {
      const entry = fake.waitlist.find((item) => item.id === segment(req, 3));
      if (!entry) return notFound(res);
      const left: WaitlistEntryView = { ...entry, status: 'left', position: null };
      fake.waitlist = fake.waitlist.map((item) => (item.id === left.id ? left : item));
      sendJson(res, 200, left);
    }),
    '/staff/bookings': route((req, res) => {
      const query = new URL(req.url ?? '', 'http://localhost').searchParams;
      fake.staffQueries.push(query);
      if (scripted(fake, 'staff-list', res)) return;
      const name = query.get('name');
      const items = fake.bookings.filter((booking) => booking.date === (query.get('date') ?? TODAY) && (!name || booking.person.name.includes(name)));
      sendJson(res, 200, { items });
    }),
    '/staff/bookings/:id/transitions': route(async (req, res) => {
      const { event } = await readJson<{ event: BookingEvent }>(req);
      if (scripted(fake, 'transition', res)) return;
      const booking = fake.bookings.find((item) => item.id === segment(req, 4));
      if (!booking) return notFound(res);
      const result = transitionBooking(booking.status, event, 'staff');
      if (!result.ok) {
        sendJson(res, 409, { code: 'INVALID_TRANSITION', message: '状态不允许', requestId: 'r' });
        return;
      }
      sendJson(res, 200, saveBooking(fake, withStatus(fake, booking, result.to)));
    }),
    '/staff/check-ins': route(async (req, res) => {
      const body = await readJson<{ code: string; centreId: string }>(req);
      fake.checkInPosts.push(body);
      const { code } = body;
      if (scripted(fake, 'check-in', res)) return;
      const booking = fake.bookings.find((item) => item.status === 'confirmed');
      if ((code !== fake.checkInCode && code !== fake.shortCode) || !booking) {
        sendJson(res, 400, { code: 'CHECK_IN_CODE_INVALID', message: '签到码无效', requestId: 'r' });
        return;
      }
      sendJson(res, 200, saveBooking(fake, withStatus(fake, booking, 'checked_in')));
    }),
    '/staff/residents': route((req, res) => {
      const name = new URL(req.url ?? '', 'http://localhost').searchParams.get('name') ?? '';
      sendJson(res, 200, { items: fake.residents.filter((resident) => resident.name.includes(name)) });
    }),
  };
}
