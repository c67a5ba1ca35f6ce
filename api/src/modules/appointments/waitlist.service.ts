import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { initialBookingStatus, shanghaiDateOf, shanghaiTimeOf, type WaitlistEntryView } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { NotFoundError } from '../../common/errors/domain-error';
import { isDuplicateKey } from '../../database/sql';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit';
import type { CentreService } from '../catalogue';
import { OutboxService } from '../outbox';
import { ResidentAccess } from '../residents';
import { AppointmentsRepository } from './appointments.repository';
import { BookingNotices } from './booking-notices';
import { assertEligible, assertGroupSize, BookingSupport, SYSTEM_ACTOR, type CreateBookingInput } from './booking-support';
import { CheckInCodes } from './check-in-codes';
import { ScheduleService } from './schedule.service';
import type { Slot } from './slot.entity';
import type { WaitlistEntry } from './waitlist-entry.entity';
import { alreadyWaiting, bookedSoNoWaitNeeded, seatsStillFree, waitlistEntryClosed } from './appointments.errors';

/**
 * The waiting line of a full slot: joining and leaving it, and handing a freed seat to the first in line. The
 * hand-over runs inside the transaction that frees the seat, so nobody who came later can take it first.
 */
@Injectable()
export class WaitlistService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly appointments: AppointmentsRepository,
    private readonly schedule: ScheduleService,
    private readonly support: BookingSupport,
    private readonly access: ResidentAccess,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly checkInCodes: CheckInCodes,
    private readonly notices: BookingNotices,
  ) {}

  /** Joins the waiting line of a full slot; the first in line gets the next seat that frees up, automatically. */
  async join(auth: AuthContext, input: CreateBookingInput): Promise<WaitlistEntryView> {
    const now = new Date();
    const bookable = await this.schedule.bookableOffering(input.centreId, input.serviceId);
    assertGroupSize(bookable.serviceMode, input.groupSize);
    const slot = await this.support.ensureSlot(bookable, input.startsAt, now);
    const offering = await this.schedule.offeringDetails(bookable);
    await this.access.assertMayActFor(auth, input.residentId);
    const entryId = randomUUID();
    await this.transactions.write(async (manager) => {
      const person = await this.appointments.lockPerson(manager, input.residentId);
      if (!person || person.erasedAt) throw new NotFoundError('该居民');
      assertEligible(offering, person.birthDate, now);
      if (await this.appointments.hasLiveBookingInSlot(manager, slot.id, person.id)) throw bookedSoNoWaitNeeded();
      const current = await this.appointments.findSlot(offering.id, slot.startsAt, manager);
      if (current && current.booked < current.capacity) throw seatsStillFree(current.capacity - current.booked);
      try {
        await this.appointments.insertWaitlistEntry(manager, {
          id: entryId,
          slotId: slot.id,
          residentId: person.id,
          activeResidentId: person.id,
          status: 'waiting',
          groupSize: input.groupSize ?? null,
          joinedByAccountId: auth.accountId,
          joinedAt: now,
          bookingId: null,
        });
      } catch (error) {
        if (isDuplicateKey(error)) throw alreadyWaiting();
        throw error;
      }
      await this.audit.record(manager, auth, {
        action: 'waitlist.joined',
        targetType: 'slot',
        targetId: slot.id,
        regionPath: offering.centre.region.path,
        details: { residentId: person.id },
      });
    });
    return this.entryView(entryId);
  }

  async listMine(auth: AuthContext): Promise<WaitlistEntryView[]> {
    const entries = await this.appointments.listWaitlistOfPeople(await this.access.selfAndHousehold(auth));
    return Promise.all(entries.map((entry) => this.toView(entry)));
  }

  async leave(auth: AuthContext, entryId: string): Promise<WaitlistEntryView> {
    const entry = await this.appointments.findWaitlistEntryWithDetails(entryId);
    if (!entry || !(await this.access.mayReach(auth, entry.residentId, entry.slot.centreService.centre.region.path))) throw new NotFoundError('该候补');
    await this.transactions.write(async (manager) => {
      if (!(await this.appointments.closeWaitlistEntry(manager, entryId, 'left', null))) throw waitlistEntryClosed(entry.status);
      await this.audit.record(manager, auth, { action: 'waitlist.left', targetType: 'slot', targetId: entry.slotId, regionPath: entry.slot.centreService.centre.region.path });
    });
    return this.entryView(entryId);
  }

  /**
   * Gives a seat back and, if the slot has not started, hands it to the first person waiting — in the same
   * transaction, so a freed seat can never be taken by someone who came later. The promoted person is told through
   * the outbox.
   */
  async releaseSeat(manager: EntityManager, slot: Slot & { centreService: CentreService }, now: Date): Promise<void> {
    await this.appointments.releaseSeat(manager, slot.id);
    if (slot.startsAt <= now) return;
    for (let entry = await this.appointments.firstWaiting(manager, slot.id); entry; entry = await this.appointments.firstWaiting(manager, slot.id)) {
      if (!(await this.appointments.takeSeat(manager, slot.id))) return;
      const bookingId = randomUUID();
      const status = initialBookingStatus(slot.centreService.service.needsReview);
      try {
        await this.appointments.insertBooking(manager, {
          id: bookingId,
          slotId: slot.id,
          centreServiceId: slot.centreServiceId,
          residentId: entry.residentId,
          activeResidentId: entry.residentId,
          status,
          groupSize: entry.groupSize,
          bookedByAccountId: entry.joinedByAccountId,
        });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        // They already hold a seat here (booked directly meanwhile): their place in line is no longer needed.
        await this.appointments.releaseSeat(manager, slot.id);
        await this.appointments.closeWaitlistEntry(manager, entry.id, 'left', null);
        continue;
      }
      await this.checkInCodes.assign(manager, { id: bookingId, centreId: slot.centreService.centreId, serviceDate: shanghaiDateOf(slot.startsAt) });
      await this.appointments.closeWaitlistEntry(manager, entry.id, 'promoted', bookingId);
      const promoted = { bookingId, residentId: entry.residentId, slotStartsAt: slot.startsAt.toISOString() };
      await this.outbox.enqueue(manager, 'booking.promoted_from_waitlist', promoted);
      await this.notices.booked(manager, promoted, status, now, false);
      await this.audit.record(manager, SYSTEM_ACTOR, {
        action: 'booking.promoted_from_waitlist',
        targetType: 'booking',
        targetId: bookingId,
        regionPath: slot.centreService.centre.region.path,
        details: { residentId: entry.residentId },
      });
      return;
    }
  }

  private async entryView(entryId: string): Promise<WaitlistEntryView> {
    return this.toView((await this.appointments.findWaitlistEntryWithDetails(entryId))!);
  }

  private async toView(entry: WaitlistEntry): Promise<WaitlistEntryView> {
    const { slot } = entry;
    return {
      id: entry.id,
      status: entry.status,
      position: entry.status === 'waiting' ? await this.appointments.positionInLine(entry) : null,
      service: { id: slot.centreService.service.id, name: slot.centreService.service.name },
      centre: { id: slot.centreService.centre.id, name: slot.centreService.centre.name },
      date: shanghaiDateOf(slot.startsAt),
      start: shanghaiTimeOf(slot.startsAt),
      end: shanghaiTimeOf(slot.endsAt),
      startsAt: slot.startsAt.toISOString(),
      person: { id: entry.resident.id, name: entry.resident.name },
      bookingId: entry.bookingId,
    };
  }
}
