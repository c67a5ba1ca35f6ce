import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { canCancel, holdsSeat, initialBookingStatus, shanghaiDateOf, transitionBooking, type BookingEvent, type BookingStatus, type BookingView } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { assertRegionInScope, regionInScope } from '../../common/auth/scope';
import { DomainError, NotFoundError } from '../../common/errors/domain-error';
import { TransactionRunner } from '../../database/transaction-runner';
import { AccountsService } from '../accounts/accounts.service';
import { AuditService } from '../audit/audit.service';
import { isDuplicateKey } from '../auth/auth.repository';
import type { CentreService } from '../catalogue/centre-service.entity';
import { ResidentsRepository } from '../residents/residents.repository';
import { AppointmentsRepository } from './appointments.repository';
import type { Booking } from './booking.entity';
import { toBookingView } from './booking-view';
import { ScheduleService, policyOf } from './schedule.service';
import type { Slot } from './slot.entity';

export interface CreateBookingInput {
  centreId: string;
  serviceId: string;
  /** ISO instant of the slot's start, as listed by the slots endpoint. */
  startsAt: string;
  /** The person the booking is for: the caller, a household member, or (staff) a resident of their region. */
  residentId: string;
}

const LIST_LIMIT = 200;

/** Whole years between a `YYYY-MM-DD` birth date and a Shanghai date. */
function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = onDate.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Booking a seat, and every later change of a booking. Capacity is the database's job: a guarded
 * `booked = booked + 1 WHERE booked < capacity` takes the seat (never a count followed by an insert), and a unique
 * index refuses a second live booking of one person in one slot. Each write is one transaction with its audit entry.
 */
@Injectable()
export class BookingsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly appointments: AppointmentsRepository,
    private readonly schedule: ScheduleService,
    private readonly residents: ResidentsRepository,
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * With an Idempotency-Key, a retry of the same request returns the first answer (even after a lost response);
   * the same key with a different body is refused. Failed attempts are not remembered, so they can be retried.
   */
  async create(auth: AuthContext, input: CreateBookingInput, idempotencyKey?: string): Promise<BookingView> {
    const requestHash = createHash('sha256').update(JSON.stringify([input.centreId, input.serviceId, input.startsAt, input.residentId])).digest('hex');
    if (idempotencyKey) {
      const replay = await this.replay(auth, idempotencyKey, requestHash);
      if (replay) return replay;
    }
    const now = new Date();
    const offering = await this.schedule.bookableOffering(input.centreId, input.serviceId);
    if (offering.service.mode === 'home') throw new DomainError('SLOT_UNAVAILABLE', '上门服务请通过上门预约提交地址和时间', { reason: 'home_service' });
    const slot = await this.ensureSlot(offering, input.startsAt, now);
    await this.assertMayActFor(auth, input.residentId);

    let bookingId: string;
    try {
      bookingId = await this.transactions.write(async (manager) => {
        if (idempotencyKey) await this.appointments.insertIdempotencyRecord(manager, { accountId: auth.accountId, key: idempotencyKey, requestHash, responseBody: {} });
        const person = await this.appointments.lockPerson(manager, input.residentId);
        if (!person || person.erasedAt) throw new NotFoundError('该居民');
        this.assertEligible(offering, person.birthDate, now);
        const live = await this.appointments.countLiveBookingsForService(manager, person.id, offering.serviceId, now);
        if (live >= offering.service.maxActiveBookingsPerPerson) {
          throw new DomainError('BOOKING_LIMIT_REACHED', `该服务最多同时预约 ${offering.service.maxActiveBookingsPerPerson} 次，请先完成或取消已有预约`, { limit: offering.service.maxActiveBookingsPerPerson });
        }
        if (!(await this.appointments.takeSeat(manager, slot.id))) throw new DomainError('SLOT_FULL', '该时段已约满，请选择其他时段', { slotStartsAt: input.startsAt });
        const id = randomUUID();
        const status = initialBookingStatus(offering.service.needsReview);
        try {
          await this.appointments.insertBooking(manager, { id, slotId: slot.id, centreServiceId: offering.id, residentId: person.id, activeResidentId: person.id, status, bookedByAccountId: auth.accountId });
        } catch (error) {
          if (isDuplicateKey(error)) throw new DomainError('ALREADY_BOOKED', '已预约过该时段，无需重复预约');
          throw error;
        }
        await this.audit.record(manager, auth, { action: 'booking.created', targetType: 'booking', targetId: id, regionPath: offering.centre.region.path, details: { residentId: person.id, status } });
        if (idempotencyKey) await this.appointments.storeIdempotentResponse(manager, auth.accountId, idempotencyKey, { bookingId: id });
        return id;
      });
    } catch (error) {
      // Two requests with the same key at once: the loser answers with the winner's booking.
      if (idempotencyKey && isDuplicateKey(error)) {
        const replay = await this.replay(auth, idempotencyKey, requestHash);
        if (replay) return replay;
      }
      throw error;
    }
    return this.view(auth, bookingId);
  }

  /** The caller's own bookings and their household members', newest first. */
  async listMine(auth: AuthContext): Promise<BookingView[]> {
    if (!auth.residentId) return [];
    const links = await this.residents.listMemberLinks(auth.residentId);
    const bookings = await this.appointments.listBookingsOfPeople([auth.residentId, ...links.map((link) => link.memberResidentId)], LIST_LIMIT);
    return bookings.map((booking) => toBookingView(booking, auth));
  }

  /** A centre's bookings on one Shanghai date (default today), for staff of the centre's region. */
  async listForCentre(auth: AuthContext, centreId: string, date: string | undefined, status: BookingStatus | undefined): Promise<BookingView[]> {
    const centre = await this.appointments.findCentreWithRegion(centreId);
    assertRegionInScope(auth, centre?.region.path, '该市民中心');
    const day = date ?? shanghaiDateOf(new Date());
    const from = new Date(`${day}T00:00:00+08:00`);
    const to = new Date(from.getTime() + 24 * 3600 * 1000);
    return (await this.appointments.listCentreBookings(centreId, from, to, status, LIST_LIMIT)).map((booking) => toBookingView(booking, auth));
  }

  /** Cancels a booking: the resident (or their household proxy) before the cut-off, or staff of the region. */
  async cancel(auth: AuthContext, bookingId: string): Promise<BookingView> {
    const booking = await this.accessible(auth, bookingId);
    if (auth.role === 'resident' && !canCancel(booking.slot.startsAt, new Date(), policyOf(booking.slot.centreService))) {
      throw new DomainError('CANCEL_TOO_LATE', `开始前 ${booking.slot.centreService.cancelCutoffMinutes} 分钟内不能在线取消，请联系市民中心`, {
        cancelCutoffMinutes: booking.slot.centreService.cancelCutoffMinutes,
      });
    }
    return this.move(auth, booking, 'cancel');
  }

  /** Staff moves: approve or decline a review service, check in, mark a no-show, complete. */
  async transition(auth: AuthContext, bookingId: string, event: Exclude<BookingEvent, 'cancel'>): Promise<BookingView> {
    const booking = await this.accessible(auth, bookingId);
    return this.move(auth, booking, event);
  }

  private async move(auth: AuthContext, booking: Booking, event: BookingEvent): Promise<BookingView> {
    const actor = auth.role === 'resident' ? 'resident' : 'staff';
    const result = transitionBooking(booking.status, event, actor);
    if (!result.ok) {
      throw new DomainError('INVALID_TRANSITION', '当前状态下不能进行该操作', { status: booking.status, event, reason: result.reason });
    }
    await this.transactions.write(async (manager) => {
      // Conditional on the status we read: if another request moved the booking first, this one changes nothing.
      if (!(await this.appointments.moveBooking(manager, booking.id, booking.status, result.to))) {
        throw new DomainError('INVALID_TRANSITION', '预约状态已变化，请刷新后重试', { event });
      }
      if (holdsSeat(booking.status) && !holdsSeat(result.to)) await this.appointments.releaseSeat(manager, booking.slotId);
      await this.audit.record(manager, auth, {
        action: `booking.${event}`,
        targetType: 'booking',
        targetId: booking.id,
        regionPath: booking.slot.centreService.centre.region.path,
        details: { from: booking.status, to: result.to },
      });
    });
    return this.view(auth, booking.id);
  }

  /** The slot row for an offered start time, created on first booking. Outside the booking transaction on purpose. */
  private async ensureSlot(offering: CentreService, startsAt: string, now: Date): Promise<Slot> {
    const wanted = new Date(startsAt);
    const offered = (await this.schedule.generatedSlots(offering, now)).find((slot) => new Date(slot.startsAt).getTime() === wanted.getTime());
    if (!offered) throw new DomainError('SLOT_UNAVAILABLE', '该时段不可预约（已过期、太近或不在开放时间内）', { startsAt });
    const existing = await this.appointments.findSlot(offering.id, wanted);
    if (existing) return existing;
    try {
      await this.transactions.write((manager) =>
        this.appointments.insertSlot(manager, { id: randomUUID(), centreServiceId: offering.id, startsAt: wanted, endsAt: new Date(offered.endsAt), capacity: offered.seats, booked: 0 }),
      );
    } catch (error) {
      if (!isDuplicateKey(error)) throw error; // another request created it a moment ago
    }
    return (await this.appointments.findSlot(offering.id, wanted))!;
  }

  private assertEligible(offering: CentreService, birthDate: string | null, now: Date): void {
    const minAge = offering.service.minAge;
    if (minAge === null) return;
    if (!birthDate) throw new DomainError('NOT_ELIGIBLE', `该服务仅限 ${minAge} 岁以上居民，请先登记身份证号`, { minAge });
    if (ageOn(birthDate, shanghaiDateOf(now)) < minAge) throw new DomainError('NOT_ELIGIBLE', `该服务仅限 ${minAge} 岁以上居民`, { minAge });
  }

  /** Residents book for themselves or their household (after consent); staff for residents of their region. */
  private async assertMayActFor(auth: AuthContext, residentId: string): Promise<void> {
    if (auth.role === 'resident') {
      await this.accounts.requireConsent(auth.accountId);
      if (!auth.residentId || !(await this.residents.canActFor(auth.residentId, residentId))) throw new NotFoundError('该居民');
      return;
    }
    const person = await this.residents.findWithCommunity(residentId);
    assertRegionInScope(auth, person?.community?.path, '该居民');
  }

  /** A booking the caller may see: their own or their household's; for staff, one at a centre of their region. */
  private async accessible(auth: AuthContext, bookingId: string): Promise<Booking> {
    const booking = await this.appointments.findBookingWithDetails(bookingId);
    const allowed =
      !!booking &&
      (auth.role === 'resident'
        ? !!auth.residentId && (await this.residents.canActFor(auth.residentId, booking.residentId))
        : regionInScope(auth, booking.slot.centreService.centre.region.path));
    if (!allowed) throw new NotFoundError('该预约');
    return booking!;
  }

  private async view(auth: AuthContext, bookingId: string): Promise<BookingView> {
    return toBookingView((await this.appointments.findBookingWithDetails(bookingId))!, auth);
  }

  private async replay(auth: AuthContext, key: string, requestHash: string): Promise<BookingView | null> {
    const record = await this.appointments.findIdempotencyRecord(auth.accountId, key);
    if (!record) return null;
    if (record.requestHash !== requestHash) throw new DomainError('IDEMPOTENCY_KEY_REUSED', '该请求编号已用于另一项预约', { idempotencyKey: key });
    const bookingId = (record.responseBody as { bookingId?: string }).bookingId;
    const booking = bookingId ? await this.appointments.findBookingWithDetails(bookingId) : null;
    return booking ? toBookingView(booking, auth) : null;
  }
}
