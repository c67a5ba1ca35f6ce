import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  addDays,
  ageOn,
  BOOKING_STATUS_LABELS,
  canCancel,
  holdsSeat,
  initialBookingStatus,
  instantOf,
  maskPhone,
  shanghaiDateOf,
  shanghaiTimeOf,
  transitionBooking,
  type BookingEvent,
  type BookingStatistics,
  type BookingStatus,
  type BookingView,
  type CheckInCode,
  type WaitlistEntryView,
} from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { assertRegionInScope } from '../../common/auth/scope';
import { DomainError, NotFoundError, ValidationFailedError } from '../../common/errors/domain-error';
import { toCsv } from '../../common/http/csv';
import { Idempotency, type Remember } from '../../common/idempotency/idempotency';
import { FieldCipher } from '../../common/security/field-cipher';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit/audit.service';
import type { CentreService } from '../catalogue/centre-service.entity';
import { OutboxService } from '../outbox/outbox.service';
import { ResidentAccess } from '../residents/resident-access';
import { ResidentsRepository } from '../residents/residents.repository';
import { AppointmentsRepository } from './appointments.repository';
import type { Booking } from './booking.entity';
import { countBookings, counts, type StatisticsRow } from './booking-statistics';
import { toBookingView } from './booking-view';
import { CheckInCodes } from './check-in-codes';
import { ScheduleService, policyOf } from './schedule.service';
import type { Slot } from './slot.entity';
import type { WaitlistEntry } from './waitlist-entry.entity';
import { isDuplicateKey } from '../../database/sql';

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

const LIST_LIMIT = 200;
const NO_SHOW_BATCH = 500;
const DAY_MS = 24 * 3600 * 1000;
/** Changes the platform makes by itself (waitlist promotion, no-show sweeps) are audited under this actor. */
const SYSTEM_ACTOR = { accountId: null, role: null, ip: 'system', requestId: 'system' };

const MAX_EXPORT_DAYS = 31;
const MAX_EXPORT_ROWS = 20_000;
const MAX_STATISTICS_DAYS = 366;

function assertDateRange(fromDate: string, toDate: string, maxDays: number): void {
  const days = (Date.parse(`${toDate}T00:00:00Z`) - Date.parse(`${fromDate}T00:00:00Z`)) / DAY_MS + 1;
  if (!(days >= 1 && days <= maxDays)) {
    throw new ValidationFailedError([{ field: 'to', constraints: ['dateRange'], message: `to must be on or after from, at most ${maxDays} days` }]);
  }
}

/** Rooms and courts are booked with the number of people using them; no other service takes one. */
function assertGroupSize(offering: CentreService, groupSize: number | undefined): void {
  const isVenue = offering.service.mode === 'venue';
  if (isVenue === (groupSize !== undefined)) return;
  throw new ValidationFailedError([{ field: 'groupSize', constraints: ['groupSize'], message: isVenue ? '场地预约请填写使用人数' : 'groupSize is only for venue services' }]);
}

function slotFull(startsAt: string): DomainError {
  return new DomainError('SLOT_FULL', '该时段已约满，请选择其他时段或加入候补', { slotStartsAt: startsAt });
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
    private readonly access: ResidentAccess,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly cipher: FieldCipher,
    private readonly checkInCodes: CheckInCodes,
    private readonly idempotency: Idempotency,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
    const offering = await this.schedule.bookableOffering(input.centreId, input.serviceId);
    if (offering.service.mode === 'home') throw new DomainError('SLOT_UNAVAILABLE', '上门服务请通过上门预约提交地址和时间', { reason: 'home_service' });
    assertGroupSize(offering, input.groupSize);
    const slot = await this.ensureSlot(offering, input.startsAt, now);
    // Fail fast on a slot already full (the common answer when a popular slot opens). Only a shortcut: the
    // guarded update below is what decides, so a seat freed a moment later is still found by the next request.
    if (slot.booked >= slot.capacity) throw slotFull(input.startsAt);
    await this.access.assertMayActFor(auth, input.residentId);

    const id = randomUUID();
    await this.transactions.write(async (manager) => {
      await remember(manager, { bookingId: id });
      const person = await this.appointments.lockPerson(manager, input.residentId);
      if (!person || person.erasedAt) throw new NotFoundError('该居民');
      this.assertEligible(offering, person.birthDate, now);
      if (auth.role === 'resident') await this.assertNotRestricted(manager, person.id, now);
      const live = await this.appointments.countLiveBookingsForService(manager, person.id, offering.serviceId, now);
      if (live >= offering.service.maxActiveBookingsPerPerson) {
        throw new DomainError('BOOKING_LIMIT_REACHED', `该服务最多同时预约 ${offering.service.maxActiveBookingsPerPerson} 次，请先完成或取消已有预约`, { limit: offering.service.maxActiveBookingsPerPerson });
      }
      if (!(await this.appointments.takeSeat(manager, slot.id))) throw slotFull(input.startsAt);
      const status = initialBookingStatus(offering.service.needsReview);
      try {
        await this.appointments.insertBooking(manager, { id, slotId: slot.id, centreServiceId: offering.id, residentId: person.id, activeResidentId: person.id, status, groupSize: input.groupSize ?? null, bookedByAccountId: auth.accountId });
      } catch (error) {
        if (isDuplicateKey(error)) throw new DomainError('ALREADY_BOOKED', '已预约过该时段，无需重复预约');
        throw error;
      }
      await this.checkInCodes.assign(manager, { id, centreId: offering.centreId, serviceDate: shanghaiDateOf(slot.startsAt) });
      await this.audit.record(manager, auth, { action: 'booking.created', targetType: 'booking', targetId: id, regionPath: offering.centre.region.path, details: { residentId: person.id, status } });
    });
    return this.view(auth, id);
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
  async listForCentre(auth: AuthContext, centreId: string, filter: { date?: string; status?: BookingStatus; serviceId?: string; name?: string; phoneTail?: string }): Promise<BookingView[]> {
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

  /**
   * A centre's bookings between two Shanghai dates (inclusive) as CSV for a spreadsheet: UTF-8 with a BOM so Excel
   * shows Chinese correctly; phones masked like everywhere else.
   */
  async exportCsv(auth: AuthContext, centreId: string, fromDate: string, toDate: string): Promise<string> {
    const centre = await this.appointments.findCentreWithRegion(centreId);
    assertRegionInScope(auth, centre?.region.path, '该市民中心');
    assertDateRange(fromDate, toDate, MAX_EXPORT_DAYS);
    const bookings = await this.appointments.listCentreBookings(centreId, instantOf(fromDate, '00:00'), instantOf(addDays(toDate, 1), '00:00'), {}, MAX_EXPORT_ROWS);
    const header = ['日期', '开始', '结束', '服务', '居民', '联系电话', '状态', '预约时间'];
    const lines = bookings.map((booking) => {
      const view = toBookingView(booking, auth);
      const phone = booking.resident.phoneCipher ? maskPhone(this.cipher.decrypt(booking.resident.phoneCipher)) : '';
      return [view.date, view.start, view.end, view.service.name, view.person.name, phone, BOOKING_STATUS_LABELS[view.status], `${shanghaiDateOf(booking.createdAt)} ${shanghaiTimeOf(booking.createdAt)}`];
    });
    await this.transactions.write((manager) =>
      this.audit.record(manager, auth, { action: 'booking.exported', targetType: 'centre', targetId: centreId, regionPath: centre!.region.path, details: { fromDate, toDate, rows: lines.length } }),
    );
    return toCsv([header, ...lines]);
  }

  /** Counts per category, service, area and day, with no-show rates, for a region in the caller's scope. */
  async statistics(auth: AuthContext, regionId: string | undefined, fromDate: string, toDate: string): Promise<BookingStatistics> {
    assertDateRange(fromDate, toDate, MAX_STATISTICS_DAYS);
    const regionPath = regionId ? (await this.residents.findRegionPath(regionId)) : auth.regionPath;
    assertRegionInScope(auth, regionPath, '该地区');
    const rows: StatisticsRow[] = (await this.appointments.listForStatistics(regionPath!, instantOf(fromDate, '00:00'), instantOf(addDays(toDate, 1), '00:00'))).map((row) => ({
      ...row,
      date: shanghaiDateOf(row.startsAt),
    }));
    return {
      from: fromDate,
      to: toDate,
      totals: counts('all', '全部', rows),
      byCategory: countBookings(rows, (row) => ({ key: row.categoryId, label: row.categoryName })),
      byService: countBookings(rows, (row) => ({ key: row.serviceId, label: row.serviceName })),
      byArea: countBookings(rows, (row) => ({ key: row.areaId, label: row.areaName })),
      byDay: countBookings(rows, (row) => ({ key: row.date, label: row.date })),
    };
  }

  /** The codes behind the booking's QR and its six digits, for a confirmed booking; they stop working 30 minutes after the slot ends. */
  async checkInCode(auth: AuthContext, bookingId: string): Promise<CheckInCode> {
    const booking = await this.accessible(auth, bookingId);
    if (booking.status !== 'confirmed') throw new DomainError('INVALID_TRANSITION', '只有已预约（未签到）的预约才有签到码', { status: booking.status });
    return this.checkInCodes.issue(booking);
  }

  /**
   * Staff scan a booking's QR, or type its six digits, at the desk of a centre in their scope: right centre, right
   * day, then checked in.
   */
  async checkInByCode(auth: AuthContext, code: string, centreId: string): Promise<BookingView> {
    const centre = await this.appointments.findCentreWithRegion(centreId);
    assertRegionInScope(auth, centre?.region.path, '该市民中心');
    const booking = await this.accessible(auth, await this.checkInCodes.resolve(auth, centre!, code));
    const offering = booking.slot.centreService;
    if (offering.centreId !== centreId) throw new DomainError('WRONG_CENTRE', `该预约在${offering.centre.name}，不在本中心`, { centreName: offering.centre.name });
    const date = shanghaiDateOf(booking.slot.startsAt);
    if (date !== shanghaiDateOf(new Date())) throw new DomainError('WRONG_DAY', `该预约的日期是 ${date}，不是今天`, { date });
    return this.move(auth, booking, 'check_in');
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
      if (holdsSeat(booking.status) && !holdsSeat(result.to)) await this.releaseSeat(manager, booking.slot, new Date());
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

  /**
   * Moves a booking to another slot of the same service at the same centre, atomically: the new seat is taken
   * first, so if the new slot is full nothing changes and the old seat is kept; never two seats, never none.
   */
  async reschedule(auth: AuthContext, bookingId: string, startsAt: string): Promise<BookingView> {
    const booking = await this.accessible(auth, bookingId);
    const offering = booking.slot.centreService;
    const now = new Date();
    if (auth.role === 'resident' && !canCancel(booking.slot.startsAt, now, policyOf(offering))) {
      throw new DomainError('CANCEL_TOO_LATE', `开始前 ${offering.cancelCutoffMinutes} 分钟内不能在线改约，请联系市民中心`, { cancelCutoffMinutes: offering.cancelCutoffMinutes });
    }
    const target = await this.ensureSlot(offering, startsAt, now);
    if (target.id === booking.slotId) return this.view(auth, bookingId);
    await this.transactions.write(async (manager) => {
      await this.appointments.lockPerson(manager, booking.residentId);
      if (!(await this.appointments.takeSeat(manager, target.id))) throw new DomainError('SLOT_FULL', '新时段已约满，原预约保持不变', { slotStartsAt: startsAt });
      let moved: boolean;
      try {
        moved = await this.appointments.moveBookingToSlot(manager, booking.id, booking.slotId, target.id);
      } catch (error) {
        if (isDuplicateKey(error)) throw new DomainError('ALREADY_BOOKED', '已预约过该时段');
        throw error;
      }
      if (!moved) throw new DomainError('INVALID_TRANSITION', '当前状态下不能改约', { status: booking.status });
      await this.checkInCodes.assign(manager, { id: booking.id, centreId: offering.centreId, serviceDate: shanghaiDateOf(target.startsAt) });
      await this.releaseSeat(manager, booking.slot, now);
      await this.audit.record(manager, auth, {
        action: 'booking.rescheduled',
        targetType: 'booking',
        targetId: booking.id,
        regionPath: offering.centre.region.path,
        details: { from: booking.slot.startsAt.toISOString(), to: target.startsAt.toISOString() },
      });
    });
    return this.view(auth, bookingId);
  }

  /** Joins the waiting line of a full slot; the first in line gets the next seat that frees up, automatically. */
  async joinWaitlist(auth: AuthContext, input: CreateBookingInput): Promise<WaitlistEntryView> {
    const now = new Date();
    const offering = await this.schedule.bookableOffering(input.centreId, input.serviceId);
    assertGroupSize(offering, input.groupSize);
    const slot = await this.ensureSlot(offering, input.startsAt, now);
    await this.access.assertMayActFor(auth, input.residentId);
    const entryId = randomUUID();
    await this.transactions.write(async (manager) => {
      const person = await this.appointments.lockPerson(manager, input.residentId);
      if (!person || person.erasedAt) throw new NotFoundError('该居民');
      this.assertEligible(offering, person.birthDate, now);
      if (await this.appointments.hasLiveBookingInSlot(manager, slot.id, person.id)) throw new DomainError('ALREADY_BOOKED', '已预约该时段，无需候补');
      const current = await this.appointments.findSlot(offering.id, slot.startsAt, manager);
      if (current && current.booked < current.capacity) throw new DomainError('CONFLICT', '该时段还有空位，请直接预约', { remaining: current.capacity - current.booked });
      try {
        await this.appointments.insertWaitlistEntry(manager, { id: entryId, slotId: slot.id, residentId: person.id, activeResidentId: person.id, status: 'waiting', groupSize: input.groupSize ?? null, joinedByAccountId: auth.accountId, joinedAt: now, bookingId: null });
      } catch (error) {
        if (isDuplicateKey(error)) throw new DomainError('ALREADY_BOOKED', '已在该时段的候补名单中');
        throw error;
      }
      await this.audit.record(manager, auth, { action: 'waitlist.joined', targetType: 'slot', targetId: slot.id, regionPath: offering.centre.region.path, details: { residentId: person.id } });
    });
    return this.waitlistView(entryId);
  }

  async listMyWaitlist(auth: AuthContext): Promise<WaitlistEntryView[]> {
    const entries = await this.appointments.listWaitlistOfPeople(await this.access.selfAndHousehold(auth));
    return Promise.all(entries.map((entry) => this.toWaitlistView(entry)));
  }

  async leaveWaitlist(auth: AuthContext, entryId: string): Promise<WaitlistEntryView> {
    const entry = await this.appointments.findWaitlistEntryWithDetails(entryId);
    if (!entry || !(await this.access.mayReach(auth, entry.residentId, entry.slot.centreService.centre.region.path))) throw new NotFoundError('该候补');
    await this.transactions.write(async (manager) => {
      if (!(await this.appointments.closeWaitlistEntry(manager, entryId, 'left', null))) throw new DomainError('INVALID_TRANSITION', '候补已结束', { status: entry!.status });
      await this.audit.record(manager, auth, { action: 'waitlist.left', targetType: 'slot', targetId: entry!.slotId, regionPath: entry!.slot.centreService.centre.region.path });
    });
    return this.waitlistView(entryId);
  }

  /**
   * Gives a seat back and, if the slot has not started, hands it to the first person waiting — in the same
   * transaction, so a freed seat can never be taken by someone who came later. The promoted person is told through
   * the outbox.
   */
  private async releaseSeat(manager: EntityManager, slot: Slot & { centreService: CentreService }, now: Date): Promise<void> {
    await this.appointments.releaseSeat(manager, slot.id);
    if (slot.startsAt <= now) return;
    for (let entry = await this.appointments.firstWaiting(manager, slot.id); entry; entry = await this.appointments.firstWaiting(manager, slot.id)) {
      if (!(await this.appointments.takeSeat(manager, slot.id))) return;
      const bookingId = randomUUID();
      const status = initialBookingStatus(slot.centreService.service.needsReview);
      try {
        await this.appointments.insertBooking(manager, { id: bookingId, slotId: slot.id, centreServiceId: slot.centreServiceId, residentId: entry.residentId, activeResidentId: entry.residentId, status, groupSize: entry.groupSize, bookedByAccountId: entry.joinedByAccountId });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        // They already hold a seat here (booked directly meanwhile): their place in line is no longer needed.
        await this.appointments.releaseSeat(manager, slot.id);
        await this.appointments.closeWaitlistEntry(manager, entry.id, 'left', null);
        continue;
      }
      await this.checkInCodes.assign(manager, { id: bookingId, centreId: slot.centreService.centreId, serviceDate: shanghaiDateOf(slot.startsAt) });
      await this.appointments.closeWaitlistEntry(manager, entry.id, 'promoted', bookingId);
      await this.outbox.enqueue(manager, 'booking.promoted_from_waitlist', { bookingId, residentId: entry.residentId, slotStartsAt: slot.startsAt.toISOString() });
      await this.audit.record(
        manager,
        SYSTEM_ACTOR,
        { action: 'booking.promoted_from_waitlist', targetType: 'booking', targetId: bookingId, regionPath: slot.centreService.centre.region.path, details: { residentId: entry.residentId } },
      );
      return;
    }
  }

  private async waitlistView(entryId: string): Promise<WaitlistEntryView> {
    return this.toWaitlistView((await this.appointments.findWaitlistEntryWithDetails(entryId))!);
  }

  private async toWaitlistView(entry: WaitlistEntry): Promise<WaitlistEntryView> {
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

  /**
   * Marks confirmed bookings whose slot ended more than the grace period ago as no-shows, giving their seats back.
   * Safe to run in every API instance at once: each move is conditional on the booking still being confirmed, so
   * exactly one sweep moves each booking. Returns how many this call moved.
   */
  async sweepNoShows(now = new Date()): Promise<number> {
    const { noShowGraceMinutes } = this.config.appointments;
    const overdue = await this.appointments.listOverdueConfirmed(new Date(now.getTime() - noShowGraceMinutes * 60_000), NO_SHOW_BATCH);
    let moved = 0;
    for (const booking of overdue) {
      const won = await this.transactions.write(async (manager) => {
        if (!(await this.appointments.moveBooking(manager, booking.id, 'confirmed', 'no_show'))) return false;
        await this.releaseSeat(manager, booking.slot, now);
        await this.audit.record(manager, SYSTEM_ACTOR, { action: 'booking.mark_no_show', targetType: 'booking', targetId: booking.id, regionPath: booking.slot.centreService.centre.region.path, details: { from: 'confirmed', to: 'no_show' } });
        return true;
      });
      if (won) moved++;
    }
    return moved;
  }

  /** Too many recent no-shows pause online booking for a while; staff can still book for the person. */
  private async assertNotRestricted(manager: EntityManager, residentId: string, now: Date): Promise<void> {
    const { noShowLimit, noShowWindowDays, noShowRestrictionDays } = this.config.appointments;
    const noShows = await this.appointments.listNoShowsSince(manager, residentId, new Date(now.getTime() - noShowWindowDays * DAY_MS));
    if (noShows.length < noShowLimit) return;
    const until = new Date(noShows[0].slot.startsAt.getTime() + noShowRestrictionDays * DAY_MS);
    if (until <= now) return;
    throw new DomainError('BOOKING_RESTRICTED', `近 ${noShowWindowDays} 天内预约未到场 ${noShows.length} 次，${shanghaiDateOf(until)} 前暂不能在线预约，可到市民中心由工作人员代为预约`, {
      noShows: noShows.length,
      until: until.toISOString(),
    });
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

  /** A booking the caller may see: their own or their household's; for staff, one at a centre of their region. */
  private async accessible(auth: AuthContext, bookingId: string): Promise<Booking> {
    const booking = await this.appointments.findBookingWithDetails(bookingId);
    if (!booking || !(await this.access.mayReach(auth, booking.residentId, booking.slot.centreService.centre.region.path))) throw new NotFoundError('该预约');
    return booking!;
  }

  private async view(auth: AuthContext, bookingId: string): Promise<BookingView> {
    return toBookingView((await this.appointments.findBookingWithDetails(bookingId))!, auth);
  }
}
