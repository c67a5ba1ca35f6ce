import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  addDays,
  generateSlots,
  instantOf,
  meetsNotice,
  shanghaiDateOf,
  validateDateException,
  validateWeeklyOpenings,
  type BookingPolicy,
  type CalendarDay,
  type DateException,
  type HolidayCalendarStatus,
  type ServiceSchedule,
  type Slot as GeneratedSlot,
  type SlotList,
  type SourcedCalendarDay,
  type TimeRange,
  type WeeklyOpening,
} from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { assertRegionInScope, isCityAdmin } from '../../common/auth/scope';
import { NotFoundError, ValidationFailedError } from '../../common/errors/domain-error';
import { Clock } from '../../common/time/clock';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit';
import { CatalogueRepository, type CentreService, type OfferingSchedule } from '../catalogue';
import { AppointmentsRepository } from './appointments.repository';
import type { DateExceptionRow } from './date-exception.entity';
import { calendarForCityAdminsOnly } from './appointments.errors';
import { HolidayCalendar } from './holiday-calendar';

/** Policy fields of an offering, as the shared slot rules read them. */
export function policyOf(offering: Pick<CentreService, 'bookingWindowDays' | 'minNoticeMinutes' | 'cancelCutoffMinutes'>): BookingPolicy {
  return { bookingWindowDays: offering.bookingWindowDays, minNoticeMinutes: offering.minNoticeMinutes, cancelCutoffMinutes: offering.cancelCutoffMinutes };
}

function toDateException(row: DateExceptionRow): DateException {
  return row.kind === 'closed'
    ? { date: row.date, kind: 'closed', reason: row.reason }
    : { date: row.date, kind: 'open', ranges: row.ranges ?? [], slotMinutes: row.slotMinutes ?? 30, seats: row.seats ?? 1, reason: row.reason };
}

/** A date exception as staff send it; the date comes from the path. */
export interface ExceptionInput {
  kind: 'closed' | 'open';
  ranges?: TimeRange[];
  slotMinutes?: number;
  seats?: number;
  reason: string;
}

/** Rule problems from the shared validators, as field violations. */
function invalid(field: string, problems: string[]): ValidationFailedError {
  return new ValidationFailedError(problems.map((message) => ({ field, constraints: ['schedule'], message })));
}

/** What slot generation reads of an offering: an OfferingSchedule or a CentreService entity both have it. */
export type SlotRulesOf = Pick<OfferingSchedule, 'id' | 'bookingWindowDays' | 'minNoticeMinutes' | 'cancelCutoffMinutes' | 'scheduleVersion'>;

/**
 * An offering's slots for one Shanghai day as its rules stood at one schedule version, before the minimum notice
 * (applied per request, against the moment of the request) and before bookings (always read live).
 */
interface GeneratedDay {
  today: string;
  /** Every slot of the booking window from today's midnight on, in start order, with its start in ms. */
  slots: Array<{ slot: GeneratedSlot; startsAtMs: number }>;
  /** The calendar's days from today to the window's last day plus one, as generation read them. */
  calendar: SourcedCalendarDay[];
}

/**
 * Opening hours, date exceptions and the holiday calendar, and the slots they produce. The slot arithmetic is the
 * pure `generateSlots` from @linli/shared; this service only feeds it from the database and adds what is booked.
 */
@Injectable()
export class ScheduleService {
  /**
   * Generated slots per offering, on this instance: the latest version seen of each (a bounded map, one entry per
   * offering). Keyed by the offering's schedule version, which every schedule write bumps in its own transaction
   * and every slot list and booking reads with the offering, so a change made on any instance is seen by the next
   * request here; no TTL (docs/decisions/0019). Seat counts are never cached.
   */
  private readonly generated = new Map<string, { version: number; key: string; day: Promise<GeneratedDay> }>();

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly appointments: AppointmentsRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly audit: AuditService,
    private readonly holidays: HolidayCalendar,
    private readonly clock: Clock,
  ) {}

  /**
   * The slots residents can book now at a centre for a service, with remaining seats, and the national calendar's
   * days of the same booking window (a holiday explains a date without slots; a provisional one awaits its notice).
   */
  async slotList(centreId: string, serviceId: string): Promise<SlotList> {
    const now = this.clock.now();
    const offering = await this.bookableOffering(centreId, serviceId);
    const day = await this.generatedDay(offering, now);
    const lastDay = addDays(day.today, offering.bookingWindowDays - 1);
    const calendar = day.calendar.filter((entry) => entry.date <= lastDay);
    const slots = this.offeredNow(day, offering, now);
    if (slots.length === 0) return { items: [], calendar };
    const rows = await this.appointments.listSlotSeats(offering.id, new Date(slots[0].startsAt), new Date(slots.at(-1)!.startsAt));
    const bookedAt = new Map(rows.map((row) => [row.startsAt.getTime(), row]));
    const items = slots.map((slot) => {
      const row = bookedAt.get(new Date(slot.startsAt).getTime());
      const capacity = row?.capacity ?? slot.seats;
      return { date: slot.date, start: slot.start, end: slot.end, startsAt: slot.startsAt, endsAt: slot.endsAt, capacity, remaining: Math.max(0, capacity - (row?.booked ?? 0)) };
    });
    return { items, calendar };
  }

  /** The slots the rules offer right now for an offering (before bookings are counted). Do not change them: shared. */
  async generatedSlots(offering: SlotRulesOf, now: Date): Promise<GeneratedSlot[]> {
    return this.offeredNow(await this.generatedDay(offering, now), offering, now);
  }

  /** The day's generated slots that still meet the minimum notice at `now`: what generateSlots(now) answers. */
  private offeredNow(day: GeneratedDay, offering: SlotRulesOf, now: Date): GeneratedSlot[] {
    const first = day.slots.findIndex((entry) => meetsNotice(new Date(entry.startsAtMs), now, offering.minNoticeMinutes));
    return first === -1 ? [] : day.slots.slice(first).map((entry) => entry.slot);
  }

  /** The offering's slots of today's window at its current schedule version: cached, or generated once and kept. */
  private generatedDay(offering: SlotRulesOf, now: Date): Promise<GeneratedDay> {
    const today = shanghaiDateOf(now);
    const key = `${today}/${offering.bookingWindowDays}`;
    const cached = this.generated.get(offering.id);
    // A promise: concurrent requests for a version not yet generated share one generation.
    if (cached && cached.version === offering.scheduleVersion && cached.key === key) return cached.day;
    const day = this.generateDay(offering, today);
    // A request that read the offering before a newer version was cached does not push the newer entry out.
    if (cached && cached.version > offering.scheduleVersion) return day;
    const entry = { version: offering.scheduleVersion, key, day };
    this.generated.set(offering.id, entry);
    // A failed read is not kept: the next request tries again.
    day.catch(() => {
      if (this.generated.get(offering.id) === entry) this.generated.delete(offering.id);
    });
    return day;
  }

  /**
   * generateSlots from today's midnight with no notice: every slot of the window's days. The notice is applied per
   * request by offeredNow, which makes the result equal to generateSlots at the request's moment (the same days,
   * since `today` is part of the key).
   */
  private async generateDay(offering: SlotRulesOf, today: string): Promise<GeneratedDay> {
    const policy = policyOf(offering);
    const [rules, exceptions, calendar] = await Promise.all([
      this.appointments.listOpeningRules(offering.id),
      this.appointments.listExceptions(offering.id, today),
      this.holidays.between(today, addDays(today, policy.bookingWindowDays)),
    ]);
    const slots = generateSlots({
      weekly: rules.map((rule) => ({ weekday: rule.weekday, ranges: rule.ranges, slotMinutes: rule.slotMinutes, seats: rule.seats })),
      exceptions: exceptions.map(toDateException),
      calendar,
      policy: { ...policy, minNoticeMinutes: 0 },
      now: instantOf(today, '00:00'),
    });
    return {
      today,
      slots: slots.map((slot) => ({ slot, startsAtMs: new Date(slot.startsAt).getTime() })),
      calendar,
    };
  }

  async schedule(auth: AuthContext, centreId: string, serviceId: string): Promise<ServiceSchedule> {
    const offering = await this.offeringInScope(auth, centreId, serviceId);
    const [rules, exceptions] = await Promise.all([this.appointments.listOpeningRules(offering.id), this.appointments.listExceptions(offering.id, shanghaiDateOf(new Date()))]);
    return {
      weekly: rules.map((rule) => ({ weekday: rule.weekday, ranges: rule.ranges, slotMinutes: rule.slotMinutes, seats: rule.seats })),
      policy: policyOf(offering),
      exceptions: exceptions.map(toDateException),
    };
  }

  /** Replaces the weekly hours and booking rules. Slots already booked keep their seats and bookings. */
  async setSchedule(auth: AuthContext, centreId: string, serviceId: string, input: { weekly: WeeklyOpening[]; policy: BookingPolicy }): Promise<ServiceSchedule> {
    const offering = await this.offeringInScope(auth, centreId, serviceId);
    const problems = validateWeeklyOpenings(input.weekly);
    if (problems.length) throw invalid('weekly', problems);
    await this.transactions.write(async (manager) => {
      await this.appointments.replaceOpeningRules(
        manager,
        offering.id,
        input.weekly.map((opening) => ({
          id: randomUUID(),
          centreServiceId: offering.id,
          weekday: opening.weekday,
          ranges: opening.ranges,
          slotMinutes: opening.slotMinutes,
          seats: opening.seats,
        })),
      );
      await this.catalogue.updateOfferingPolicy(manager, offering.id, input.policy);
      await this.audit.record(manager, auth, {
        action: 'schedule.updated',
        targetType: 'centre',
        targetId: centreId,
        regionPath: offering.centre.region.path,
        details: { serviceId },
      });
    });
    return this.schedule(auth, centreId, serviceId);
  }

  async setException(auth: AuthContext, centreId: string, serviceId: string, date: string, input: ExceptionInput): Promise<ServiceSchedule> {
    const offering = await this.offeringInScope(auth, centreId, serviceId);
    const exception: DateException =
      input.kind === 'closed'
        ? { date, kind: 'closed', reason: input.reason }
        : { date, kind: 'open', ranges: input.ranges ?? [], slotMinutes: input.slotMinutes ?? 0, seats: input.seats ?? 0, reason: input.reason };
    const problems = validateDateException(exception);
    if (problems.length) throw invalid('exception', problems);
    await this.transactions.write(async (manager) => {
      await this.appointments.replaceException(manager, {
        id: randomUUID(),
        centreServiceId: offering.id,
        date: exception.date,
        kind: exception.kind,
        ranges: exception.kind === 'open' ? exception.ranges : null,
        slotMinutes: exception.kind === 'open' ? exception.slotMinutes : null,
        seats: exception.kind === 'open' ? exception.seats : null,
        reason: exception.reason,
      });
      await this.catalogue.bumpScheduleVersion(manager, offering.id);
      await this.audit.record(manager, auth, {
        action: `schedule.exception_${exception.kind}`,
        targetType: 'centre',
        targetId: centreId,
        regionPath: offering.centre.region.path,
        details: { serviceId, date: exception.date },
      });
    });
    return this.schedule(auth, centreId, serviceId);
  }

  async removeException(auth: AuthContext, centreId: string, serviceId: string, date: string): Promise<ServiceSchedule> {
    const offering = await this.offeringInScope(auth, centreId, serviceId);
    const removed = await this.transactions.write(async (manager) => {
      const found = await this.appointments.deleteException(manager, offering.id, date);
      if (found) await this.catalogue.bumpScheduleVersion(manager, offering.id);
      if (found)
        await this.audit.record(manager, auth, {
          action: 'schedule.exception_removed',
          targetType: 'centre',
          targetId: centreId,
          regionPath: offering.centre.region.path,
          details: { serviceId, date },
        });
      return found;
    });
    if (!removed) throw new NotFoundError('该日期的特殊安排');
    return this.schedule(auth, centreId, serviceId);
  }

  /** A year's national holidays and make-up working days, each with where it came from. */
  calendar(year: number): Promise<SourcedCalendarDay[]> {
    return this.holidays.year(year);
  }

  /**
   * Imports a year of the national holiday calendar (city-level admins: it applies to every centre) — the State
   * Council's notice before the dataset has it, or a correction. It beats the dataset for the whole year; an
   * empty list removes the import, so the dataset (or the provisional calendar) applies again.
   */
  async setCalendar(auth: AuthContext, year: number, days: CalendarDay[]): Promise<SourcedCalendarDay[]> {
    if (!isCityAdmin(auth)) throw calendarForCityAdminsOnly();
    const outside = days.filter((day) => !day.date.startsWith(`${year}-`));
    if (outside.length)
      throw invalid(
        'days',
        outside.map((day) => `${day.date} is not in ${year}`),
      );
    if (new Set(days.map((day) => day.date)).size !== days.length) throw invalid('days', ['a date appears more than once']);
    await this.transactions.write(async (manager) => {
      await this.appointments.replaceCalendarYear(
        manager,
        year,
        days.map((day) => ({ date: day.date, kind: day.kind, name: day.name, worksAs: day.kind === 'workday' ? (day.worksAs ?? 1) : null })),
      );
      // Every offering's slots follow the calendar.
      await this.catalogue.bumpEveryScheduleVersion(manager);
      await this.audit.record(manager, auth, {
        action: 'calendar.updated',
        targetType: 'calendar',
        targetId: null,
        regionPath: auth.regionPath,
        details: { year, days: days.length },
      });
    });
    return this.calendar(year);
  }

  /** For a city admin's console: the last year with an official calendar and the year to load now, if any. */
  calendarStatus(auth: AuthContext): Promise<HolidayCalendarStatus> {
    if (!isCityAdmin(auth)) throw calendarForCityAdminsOnly();
    return this.holidays.status(this.clock.now());
  }

  /** An offering residents can book: it exists and is switched on. One plain query (OfferingSchedule). */
  async bookableOffering(centreId: string, serviceId: string): Promise<OfferingSchedule> {
    const offering = await this.catalogue.findOfferingSchedule(centreId, serviceId);
    if (!offering || !offering.enabled) throw new NotFoundError('该市民中心的这项服务');
    return offering;
  }

  /** The same offering with its centre (and region) and service, for the checks and records past the first ones. */
  async offeringDetails(offering: OfferingSchedule): Promise<CentreService> {
    const details = await this.catalogue.findOfferingWithDetails(offering.centreId, offering.serviceId);
    // Switched off (or removed) since the first read: as if it had been so then.
    if (!details || !details.enabled) throw new NotFoundError('该市民中心的这项服务');
    return details;
  }

  private async offeringInScope(auth: AuthContext, centreId: string, serviceId: string): Promise<CentreService> {
    const offering = await this.catalogue.findOfferingWithDetails(centreId, serviceId);
    assertRegionInScope(auth, offering?.centre.region.path, '该市民中心的这项服务');
    return offering!;
  }
}
