import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ageOn, shanghaiDateOf, type BookingView, type ServiceMode } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { NotFoundError, ValidationFailedError } from '../../common/errors/domain-error';
import { isDuplicateKey } from '../../database/sql';
import { TransactionRunner } from '../../database/transaction-runner';
import type { CentreService } from '../catalogue';
import { ResidentAccess } from '../residents';
import { AppointmentsRepository } from './appointments.repository';
import type { Booking } from './booking.entity';
import { toBookingView } from './booking-view';
import { ScheduleService, type SlotRulesOf } from './schedule.service';
import type { Slot } from './slot.entity';
import { birthDateNeeded, slotNotOffered, tooYoung } from './appointments.errors';

export interface CreateBookingInput {
  centreId: string;
  serviceId: string;
  /** ISO instant of the slot's start, as listed by the slots endpoint. */
  startsAt: string;
  /** The person the booking is for: the caller, a household member, or (staff) a resident of their region. */
  residentId: string;
  /** Venue services only: how many people will use the room or court. */
  groupSize?: number;
}

export const DAY_MS = 24 * 3600 * 1000;
/** Changes the platform makes by itself (waitlist promotion, no-show sweeps) are audited under this actor. */
export const SYSTEM_ACTOR = { accountId: null, role: null, ip: 'system', requestId: 'system' };

/** Rooms and courts are booked with the number of people using them; no other service takes one. */
export function assertGroupSize(serviceMode: ServiceMode, groupSize: number | undefined): void {
  const isVenue = serviceMode === 'venue';
  if (isVenue === (groupSize !== undefined)) return;
  throw new ValidationFailedError([{ field: 'groupSize', constraints: ['groupSize'], message: isVenue ? '场地预约请填写使用人数' : 'groupSize is only for venue services' }]);
}

export function assertEligible(offering: CentreService, birthDate: string | null, now: Date): void {
  const minAge = offering.service.minAge;
  if (minAge === null) return;
  if (!birthDate) throw birthDateNeeded(minAge);
  if (ageOn(birthDate, shanghaiDateOf(now)) < minAge) throw tooYoung(minAge);
}

/**
 * What the booking, waitlist and check-in services share: the slot row behind an offered start time, and the
 * bookings a caller may reach. One copy here rather than one per service.
 */
@Injectable()
export class BookingSupport {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly appointments: AppointmentsRepository,
    private readonly schedule: ScheduleService,
    private readonly access: ResidentAccess,
  ) {}

  /**
   * The slot row for an offered start time, created on first booking. Outside the booking transaction on purpose.
   * `known` is the row as the caller just read it (null: none yet); left out, it is read here.
   */
  async ensureSlot(offering: SlotRulesOf, startsAt: string, now: Date, known?: Slot | null): Promise<Slot> {
    const wanted = new Date(startsAt);
    const offered = (await this.schedule.generatedSlots(offering, now)).find((slot) => new Date(slot.startsAt).getTime() === wanted.getTime());
    if (!offered) throw slotNotOffered(startsAt);
    const existing = known === undefined ? await this.appointments.findSlot(offering.id, wanted) : known;
    if (existing) return existing;
    try {
      await this.transactions.write((manager) =>
        this.appointments.insertSlot(manager, {
          id: randomUUID(),
          centreServiceId: offering.id,
          startsAt: wanted,
          endsAt: new Date(offered.endsAt),
          capacity: offered.seats,
          booked: 0,
        }),
      );
    } catch (error) {
      if (!isDuplicateKey(error)) throw error; // another request created it a moment ago
    }
    return (await this.appointments.findSlot(offering.id, wanted))!;
  }

  /** A booking the caller may see: their own or their household's; for staff, one at a centre of their region. */
  async accessible(auth: AuthContext, bookingId: string): Promise<Booking> {
    const booking = await this.appointments.findBookingWithDetails(bookingId);
    if (!booking || !(await this.access.mayReach(auth, booking.residentId, booking.slot.centreService.centre.region.path))) throw new NotFoundError('该预约');
    return booking;
  }

  async view(auth: AuthContext, bookingId: string): Promise<BookingView> {
    return toBookingView((await this.appointments.findBookingWithDetails(bookingId))!, auth);
  }
}
