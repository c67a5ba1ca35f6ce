import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  addDays,
  canCancel,
  holdsSeat,
  initialBookingStatus,
  instantOf,
  shanghaiDateOf,
  transitionBooking,
  type BookingEvent,
  type BookingStatus,
  type BookingView,
} from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { assertRegionInScope } from '../../common/auth/scope';
import { NotFoundError } from '../../common/errors/domain-error';
import { Idempotency, type Remember } from '../../common/idempotency/idempotency';
import { FieldCipher } from '../../common/security/field-cipher';
import { isDuplicateKey } from '../../database/sql';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit';
import { ResidentAccess } from '../residents';
import { AppointmentsRepository } from './appointments.repository';
import type { Booking } from './booking.entity';
import { BookingNotices } from './booking-notices';
import { assertEligible, assertGroupSize, BookingSupport, type CreateBookingInput } from './booking-support';
import { toBookingView } from './booking-view';
import { CheckInCodes } from './check-in-codes';
import { NoShowsService } from './no-shows.service';
import { ScheduleService, policyOf } from './schedule.service';
import { WaitlistService } from './waitlist.service';
import {
  alreadyBooked,
  alreadyBookedInNewSlot,
  bookingChangedMeanwhile,
  bookingLimitReached,
  bookingTransitionRefused,
  cancelTooLate,
  homeServiceNotBookable,
  newSlotFull,
  notReschedulable,
  rescheduleTooLate,
  slotFull,
} from './appointments.errors';

const LIST_LIMIT = 200;

/**
 * Booking a seat, and every later change of a booking. Capacity is the database's job: a guarded
 * `booked = booked + 1 WHERE booked < capacity` takes the seat (never a count followed by an insert), and a unique
 * index refuses a second live booking of one person in one slot. Each write is one transaction with its audit entry.
 * A seat a change frees goes back through WaitlistService.releaseSeat, which hands it to the first in line.
 */
@Injectable()
export class BookingsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly appointments: AppointmentsRepository,
    private readonly schedule: ScheduleService,
    private readonly support: BookingSupport,
    private readonly waitlist: WaitlistService,
    private readonly noShows: NoShowsService,
    private readonly access: ResidentAccess,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly checkInCodes: CheckInCodes,
    private readonly idempotency: Idempotency,
    private readonly notices: BookingNotices,
  ) {}

  /** With an Idempotency-Key, a retry of the same request returns the first booking (Idempotency). */
  async create(auth: AuthContext, input: CreateBookingInput, idempotencyKey?: string): Promise<BookingView> {
    return this.idempotency.run<{ bookingId: string }, BookingView>(
      idempotencyKey ? { accountId: auth.accountId, key: idempotencyKey } : null,
      'booking',
      [input.centreId, input.serviceId, input.startsAt, input.residentId, input.groupSize ?? null],
      (remember) => this.book(auth, input, remember),
      async ({ bookingId }) => {
        const booking = await this.appointments.findBookingWithDetails(bookingId);
        return booking ? toBookingView(booking, auth) : null;
      },
    );
  }

  private async book(auth: AuthContext, input: CreateBookingInput, remember: Remember<{ bookingId: string }>): Promise<BookingView> {
    const now = new Date();
    // The first checks read only what a hot slot's refusal needs: the offering with the slot row's live counter
    // (one plain query) and its generated slots (cached per schedule version, decision 0019).
    const found = await this.appointments.findOfferingWithSlot(input.centreId, input.serviceId, new Date(input.startsAt));
    if (!found || !found.offering.enabled) throw new NotFoundError('该市民中心的这项服务');
    const bookable = found.offering;
    if (bookable.serviceMode === 'home') throw homeServiceNotBookable();
    assertGroupSize(bookable.serviceMode, input.groupSize);
    const slot = await this.support.ensureSlot(bookable, input.startsAt, now, found.slot);
    // Fail fast on a slot already full (the common answer when a popular slot opens). Only a shortcut: the
    // guarded update below is what decides, so a seat freed a moment later is still found by the next request.
    if (slot.booked >= slot.capacity) throw slotFull(input.startsAt);
    const offering = await this.schedule.offeringDetails(bookable);
    await this.access.assertMayActFor(auth, input.residentId);

    const id = randomUUID();
    await this.transactions.write(async (manager) => {
      await remember(manager, { bookingId: id });
      const person = await this.appointments.lockPerson(manager, input.residentId);
      if (!person || person.erasedAt) throw new NotFoundError('该居民');
      assertEligible(offering, person.birthDate, now);
      if (auth.role === 'resident') await this.noShows.assertNotRestricted(manager, person.id, now);
      const live = await this.appointments.countLiveBookingsForService(manager, person.id, offering.serviceId, now);
      if (live >= offering.service.maxActiveBookingsPerPerson) {
        throw bookingLimitReached(offering.service.maxActiveBookingsPerPerson);
      }
      if (!(await this.appointments.takeSeat(manager, slot.id))) throw slotFull(input.startsAt);
      const status = initialBookingStatus(offering.service.needsReview);
      try {
        await this.appointments.insertBooking(manager, {
          id,
          slotId: slot.id,
          centreServiceId: offering.id,
          residentId: person.id,
          activeResidentId: person.id,
          status,
          groupSize: input.groupSize ?? null,
          bookedByAccountId: auth.accountId,
        });
      } catch (error) {
        if (isDuplicateKey(error)) throw alreadyBooked();
        throw error;
      }
      await this.checkInCodes.assign(manager, { id, centreId: offering.centreId, serviceDate: shanghaiDateOf(slot.startsAt) });
      await this.notices.booked(manager, { bookingId: id, residentId: person.id, slotStartsAt: slot.startsAt.toISOString() }, status, now, true);
      await this.audit.record(manager, auth, {
        action: 'booking.created',
        targetType: 'booking',
        targetId: id,
        regionPath: offering.centre.region.path,
        details: { residentId: person.id, status },
      });
    });
    return this.support.view(auth, id);
  }

  /** The caller's own bookings and their household members', newest first. */
  async listMine(auth: AuthContext): Promise<BookingView[]> {
    const bookings = await this.appointments.listBookingsOfPeople(await this.access.selfAndHousehold(auth), LIST_LIMIT);
    return bookings.map((booking) => toBookingView(booking, auth));
  }

  /**
   * A centre's bookings on one Shanghai date (default today), for staff of the centre's region; optionally only
   * people whose name contains `name` or whose phone ends with `phoneTail` (phones are decrypted here, never queried).
   */
  async listForCentre(
    auth: AuthContext,
    centreId: string,
    filter: { date?: string; status?: BookingStatus; serviceId?: string; name?: string; phoneTail?: string },
  ): Promise<BookingView[]> {
    const centre = await this.appointments.findCentreWithRegion(centreId);
    assertRegionInScope(auth, centre?.region.path, '该市民中心');
    const day = filter.date ?? shanghaiDateOf(new Date());
    const bookings = (await this.appointments.listCentreBookings(centreId, instantOf(day, '00:00'), instantOf(addDays(day, 1), '00:00'), filter, LIST_LIMIT)).filter(
      (booking) =>
        (!filter.name || booking.resident.name.includes(filter.name)) &&
        (!filter.phoneTail || (!!booking.resident.phoneCipher && this.cipher.decrypt(booking.resident.phoneCipher).endsWith(filter.phoneTail))),
    );
    return bookings.map((booking) => toBookingView(booking, auth));
  }

  /** Cancels a booking: the resident (or their household proxy) before the cut-off, or staff of the region. */
  async cancel(auth: AuthContext, bookingId: string): Promise<BookingView> {
    const booking = await this.support.accessible(auth, bookingId);
    if (auth.role === 'resident' && !canCancel(booking.slot.startsAt, new Date(), policyOf(booking.slot.centreService))) {
      throw cancelTooLate(booking.slot.centreService.cancelCutoffMinutes);
    }
    return this.move(auth, booking, 'cancel');
  }

  /** Staff moves: approve or decline a review service, check in, mark a no-show, complete. */
  async transition(auth: AuthContext, bookingId: string, event: Exclude<BookingEvent, 'cancel'>): Promise<BookingView> {
    const booking = await this.support.accessible(auth, bookingId);
    return this.move(auth, booking, event);
  }

  /** Moves a booking by `event` (as resident or as staff), giving its seat back when the new status holds none. */
  async move(auth: AuthContext, booking: Booking, event: BookingEvent): Promise<BookingView> {
    const actor = auth.role === 'resident' ? 'resident' : 'staff';
    const result = transitionBooking(booking.status, event, actor);
    if (!result.ok) {
      throw bookingTransitionRefused(booking.status, event, result.reason);
    }
    await this.transactions.write(async (manager) => {
      // Conditional on the status we read: if another request moved the booking first, this one changes nothing.
      if (!(await this.appointments.moveBooking(manager, booking.id, booking.status, result.to))) {
        throw bookingChangedMeanwhile(event);
      }
      if (holdsSeat(booking.status) && !holdsSeat(result.to)) await this.waitlist.releaseSeat(manager, booking.slot, new Date());
      await this.notices.moved(manager, { bookingId: booking.id, residentId: booking.residentId, slotStartsAt: booking.slot.startsAt.toISOString() }, event, new Date());
      await this.audit.record(manager, auth, {
        action: `booking.${event}`,
        targetType: 'booking',
        targetId: booking.id,
        regionPath: booking.slot.centreService.centre.region.path,
        details: { from: booking.status, to: result.to },
      });
    });
    return this.support.view(auth, booking.id);
  }

  /**
   * Moves a booking to another slot of the same service at the same centre, atomically: the new seat is taken
   * first, so if the new slot is full nothing changes and the old seat is kept; never two seats, never none.
   */
  async reschedule(auth: AuthContext, bookingId: string, startsAt: string): Promise<BookingView> {
    const booking = await this.support.accessible(auth, bookingId);
    const offering = booking.slot.centreService;
    const now = new Date();
    if (auth.role === 'resident' && !canCancel(booking.slot.startsAt, now, policyOf(offering))) {
      throw rescheduleTooLate(offering.cancelCutoffMinutes);
    }
    const target = await this.support.ensureSlot(offering, startsAt, now);
    if (target.id === booking.slotId) return this.support.view(auth, bookingId);
    await this.transactions.write(async (manager) => {
      await this.appointments.lockPerson(manager, booking.residentId);
      if (!(await this.appointments.takeSeat(manager, target.id))) throw newSlotFull(startsAt);
      let moved: boolean;
      try {
        moved = await this.appointments.moveBookingToSlot(manager, booking.id, booking.slotId, target.id);
      } catch (error) {
        if (isDuplicateKey(error)) throw alreadyBookedInNewSlot();
        throw error;
      }
      if (!moved) throw notReschedulable(booking.status);
      await this.checkInCodes.assign(manager, { id: booking.id, centreId: offering.centreId, serviceDate: shanghaiDateOf(target.startsAt) });
      await this.waitlist.releaseSeat(manager, booking.slot, now);
      await this.notices.rescheduled(manager, { bookingId: booking.id, residentId: booking.residentId, slotStartsAt: target.startsAt.toISOString() }, booking.status, now);
      await this.audit.record(manager, auth, {
        action: 'booking.rescheduled',
        targetType: 'booking',
        targetId: booking.id,
        regionPath: offering.centre.region.path,
        details: { from: booking.slot.startsAt.toISOString(), to: target.startsAt.toISOString() },
      });
    });
    return this.support.view(auth, bookingId);
  }
}
