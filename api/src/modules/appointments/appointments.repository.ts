import { Injectable } from '@nestjs/common';
import { Between, DataSource, EntityManager, In } from 'typeorm';
import { SEAT_HOLDING_STATUSES, type BookingStatus } from '@linli/shared';
import { sqlInstant } from '../../database/sql';
import { CentreService, OFFERING_SCHEDULE_COLUMNS, offeringScheduleOf, type OfferingSchedule } from '../catalogue';
import { Centre } from '../regions';
import { Resident } from '../residents';
import { Booking } from './booking.entity';
import { BookingShortCode } from './booking-short-code.entity';
import { CalendarDayRow } from './calendar-day.entity';
import { DateExceptionRow } from './date-exception.entity';
import { OpeningRule } from './opening-rule.entity';
import { Slot } from './slot.entity';
import { WaitlistEntry } from './waitlist-entry.entity';
import { plainSelect } from '../../database/plain-select';

/** What a booking view needs loaded with it: the slot, its offering (centre with region, service) and the person. */
const BOOKING_DETAILS = { slot: { centreService: { centre: { region: true }, service: true } }, resident: true } as const;

/** Schedules, slots and bookings: every query the appointment rules need, named for what it is for. */
@Injectable()
export class AppointmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Bookings joined with everything BOOKING_DETAILS names, for the query-builder queries. */
  private bookingsWithDetails() {
    return this.dataSource
      .getRepository(Booking)
      .createQueryBuilder('booking')
      .innerJoinAndSelect('booking.slot', 'slot')
      .innerJoinAndSelect('slot.centreService', 'offering')
      .innerJoinAndSelect('offering.centre', 'centre')
      .innerJoinAndSelect('centre.region', 'region')
      .innerJoinAndSelect('offering.service', 'service')
      .innerJoinAndSelect('booking.resident', 'resident');
  }

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  findCentreWithRegion(centreId: string): Promise<Centre | null> {
    return this.dataSource.getRepository(Centre).findOne({ where: { id: centreId }, relations: { region: true } });
  }

  listOpeningRules(centreServiceId: string): Promise<OpeningRule[]> {
    return this.dataSource.getRepository(OpeningRule).find({ where: { centreServiceId }, order: { weekday: 'ASC' } });
  }

  listExceptions(centreServiceId: string, fromDate?: string): Promise<DateExceptionRow[]> {
    const query = this.dataSource.getRepository(DateExceptionRow).createQueryBuilder('exception').where('exception.centre_service_id = :centreServiceId', { centreServiceId });
    if (fromDate) query.andWhere('exception.date >= :fromDate', { fromDate });
    return query.orderBy('exception.date', 'ASC').getMany();
  }

  listCalendar(fromDate: string, toDate: string): Promise<CalendarDayRow[]> {
    return this.dataSource.getRepository(CalendarDayRow).find({ where: { date: Between(fromDate, toDate) }, order: { date: 'ASC' } });
  }

  /** The years a city admin has loaded a calendar for (their rows beat the dataset's), ascending. */
  async listImportedCalendarYears(): Promise<number[]> {
    const rows = await this.dataSource.getRepository(CalendarDayRow).find({ select: { date: true }, order: { date: 'ASC' } });
    return [...new Set(rows.map((row) => Number(row.date.slice(0, 4))))];
  }

  /** The seat counts of an offering's slot rows between two starts: live on every slot list, never cached. */
  listSlotSeats(centreServiceId: string, from: Date, to: Date): Promise<Array<Pick<Slot, 'startsAt' | 'capacity' | 'booked'>>> {
    return this.dataSource.getRepository(Slot).find({ select: { startsAt: true, capacity: true, booked: true }, where: { centreServiceId, startsAt: Between(from, to) } });
  }

  async replaceOpeningRules(manager: EntityManager, centreServiceId: string, rules: Array<Omit<OpeningRule, 'centreService'>>): Promise<void> {
    await manager.getRepository(OpeningRule).delete({ centreServiceId });
    if (rules.length) await manager.getRepository(OpeningRule).insert(rules);
  }

  async replaceException(manager: EntityManager, exception: Omit<DateExceptionRow, 'centreService'>): Promise<void> {
    await manager.getRepository(DateExceptionRow).delete({ centreServiceId: exception.centreServiceId, date: exception.date });
    await manager.getRepository(DateExceptionRow).insert(exception);
  }

  async deleteException(manager: EntityManager, centreServiceId: string, date: string): Promise<boolean> {
    return ((await manager.getRepository(DateExceptionRow).delete({ centreServiceId, date })).affected ?? 0) > 0;
  }

  async replaceCalendarYear(manager: EntityManager, year: number, days: CalendarDayRow[]): Promise<void> {
    await manager.getRepository(CalendarDayRow).delete({ date: Between(`${year}-01-01`, `${year}-12-31`) });
    if (days.length) await manager.getRepository(CalendarDayRow).insert(days);
  }

  /**
   * A booking's first read (issue 17): the offering's schedule facts and, when it exists, its slot row starting at
   * `startsAt`, in one plain query — all that a hot slot's early 409 SLOT_FULL needs besides the cached slots. It
   * reads the catalogue's offering and service tables because saving a round trip per booking is its purpose; the
   * offering's columns are those of CatalogueRepository.findOfferingSchedule. Null when the centre does not list the service.
   */
  async findOfferingWithSlot(centreId: string, serviceId: string, startsAt: Date): Promise<{ offering: OfferingSchedule; slot: Slot | null } | null> {
    const sqlite = this.dataSource.options.type === 'better-sqlite3';
    const rows: Array<Record<string, string | number | Date | null>> = await plainSelect(
      this.dataSource,
      `SELECT ${OFFERING_SCHEDULE_COLUMNS},
          sl.id AS slot_id, sl.starts_at AS slot_starts_at, sl.ends_at AS slot_ends_at, sl.capacity AS slot_capacity, sl.booked AS slot_booked
        FROM centre_service o
        JOIN community_service s ON s.id = o.service_id
        LEFT JOIN slot sl ON sl.centre_service_id = o.id AND sl.starts_at = ?
        WHERE o.centre_id = ? AND o.service_id = ?`,
      // TypeORM keeps SQLite datetimes as UTC text 'YYYY-MM-DD HH:MM:SS.SSS'; MySQL's driver takes the Date (timezone Z).
      // An invalid instant matches no row (= NULL never holds); the caller refuses it as a slot not offered.
      [Number.isNaN(startsAt.getTime()) ? null : sqlite ? startsAt.toISOString().replace('T', ' ').replace('Z', '') : startsAt, centreId, serviceId],
    );
    const row = rows[0];
    if (!row) return null;
    const offering = offeringScheduleOf(row, centreId, serviceId);
    const slot =
      row.slot_id === null || row.slot_id === undefined
        ? null
        : Object.assign(new Slot(), {
            id: String(row.slot_id),
            centreServiceId: offering.id,
            startsAt: sqlInstant(row.slot_starts_at),
            endsAt: sqlInstant(row.slot_ends_at),
            capacity: Number(row.slot_capacity),
            booked: Number(row.slot_booked),
          });
    return { offering, slot };
  }

  findSlot(centreServiceId: string, startsAt: Date, manager?: EntityManager): Promise<Slot | null> {
    return this.m(manager).getRepository(Slot).findOne({ where: { centreServiceId, startsAt } });
  }

  async insertSlot(manager: EntityManager, slot: Omit<Slot, 'centreService'>): Promise<void> {
    await manager.getRepository(Slot).insert(slot);
  }

  /** Takes one seat if one is left. False means the slot is full: nothing was changed. */
  async takeSeat(manager: EntityManager, slotId: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Slot)
      .set({ booked: () => 'booked + 1' })
      .where('id = :slotId AND booked < capacity', { slotId })
      .execute();
    return result.affected === 1;
  }

  async releaseSeat(manager: EntityManager, slotId: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Slot)
      .set({ booked: () => 'booked - 1' })
      .where('id = :slotId AND booked > 0', { slotId })
      .execute();
  }

  /**
   * Serialises one person's bookings on MySQL/MariaDB (a row lock on their record), so two requests cannot both
   * pass the per-person limit. SQLite already runs write transactions one at a time.
   */
  async lockPerson(manager: EntityManager, residentId: string): Promise<Resident | null> {
    const repository = manager.getRepository(Resident);
    if (this.dataSource.options.type === 'better-sqlite3') return repository.findOne({ where: { id: residentId } });
    return repository.findOne({ where: { id: residentId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Seat-holding bookings a person has for a service (at any centre) in slots that have not ended. */
  countLiveBookingsForService(manager: EntityManager, residentId: string, serviceId: string, now: Date): Promise<number> {
    return manager
      .getRepository(Booking)
      .createQueryBuilder('booking')
      .innerJoin('booking.slot', 'slot')
      .innerJoin(CentreService, 'offering', 'offering.id = booking.centre_service_id')
      .where('booking.resident_id = :residentId', { residentId })
      .andWhere('offering.service_id = :serviceId', { serviceId })
      .andWhere('booking.status IN (:...live)', { live: ['pending_review', 'confirmed', 'checked_in'] })
      .andWhere('slot.ends_at > :now', { now })
      .getCount();
  }

  async insertBooking(manager: EntityManager, booking: Omit<Booking, 'slot' | 'resident' | 'createdAt' | 'updatedAt'>): Promise<void> {
    await manager.getRepository(Booking).insert(booking);
  }

  /**
   * Moves a booking from `from` to `to` only if it is still in `from` (another request may have moved it first);
   * a status that no longer holds a seat also clears the person's active marker.
   */
  async moveBooking(manager: EntityManager, bookingId: string, from: BookingStatus, to: BookingStatus): Promise<boolean> {
    const stillHolds = SEAT_HOLDING_STATUSES.includes(to);
    const result = await manager
      .createQueryBuilder()
      .update(Booking)
      .set({ status: to, ...(stillHolds ? {} : { activeResidentId: null }) })
      .where('id = :bookingId AND status = :from', { bookingId, from })
      .execute();
    return result.affected === 1;
  }

  findBookingWithDetails(bookingId: string, manager?: EntityManager): Promise<Booking | null> {
    return this.m(manager)
      .getRepository(Booking)
      .findOne({ where: { id: bookingId }, relations: BOOKING_DETAILS });
  }

  /** A person's bookings (several people: a resident and their household), newest slot first. */
  listBookingsOfPeople(residentIds: string[], limit: number): Promise<Booking[]> {
    if (residentIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Booking).find({
      where: { residentId: In(residentIds) },
      relations: BOOKING_DETAILS,
      order: { slot: { startsAt: 'DESC' } },
      take: limit,
    });
  }

  /** A centre's bookings between two instants, optionally of one status or service, in slot order. */
  listCentreBookings(centreId: string, from: Date, to: Date, filter: { status?: BookingStatus; serviceId?: string }, limit: number): Promise<Booking[]> {
    const query = this.bookingsWithDetails()
      .where('offering.centre_id = :centreId', { centreId })
      .andWhere('slot.starts_at >= :from AND slot.starts_at < :to', { from, to })
      .orderBy('slot.starts_at', 'ASC')
      .addOrderBy('booking.created_at', 'ASC')
      .take(limit);
    if (filter.status) query.andWhere('booking.status = :status', { status: filter.status });
    if (filter.serviceId) query.andWhere('offering.service_id = :serviceId', { serviceId: filter.serviceId });
    return query.getMany();
  }

  findShortCode(bookingId: string, manager?: EntityManager): Promise<BookingShortCode | null> {
    return this.m(manager).getRepository(BookingShortCode).findOne({ where: { bookingId } });
  }

  /** Throws a duplicate-key error when the centre already uses `code` on that date. */
  async insertShortCode(manager: EntityManager, shortCode: Omit<BookingShortCode, 'booking' | 'centre'>): Promise<void> {
    await manager.getRepository(BookingShortCode).insert(shortCode);
  }

  /** Moves a booking's short code to another date (a reschedule); throws a duplicate-key error when that date uses `code`. */
  async moveShortCode(manager: EntityManager, bookingId: string, serviceDate: string, code: string): Promise<void> {
    await manager.getRepository(BookingShortCode).update({ bookingId }, { serviceDate, code });
  }

  /** The booking a centre's short code names on one Shanghai date. */
  async findBookingIdByShortCode(centreId: string, serviceDate: string, code: string): Promise<string | null> {
    return (await this.dataSource.getRepository(BookingShortCode).findOne({ where: { centreId, serviceDate, code }, select: { bookingId: true } }))?.bookingId ?? null;
  }

  /** Moves a live booking to another slot of the same offering, if it is still where and what we read. */
  async moveBookingToSlot(manager: EntityManager, bookingId: string, fromSlotId: string, toSlotId: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Booking)
      .set({ slotId: toSlotId })
      .where('id = :bookingId AND slot_id = :fromSlotId AND status IN (:...movable)', { bookingId, fromSlotId, movable: ['pending_review', 'confirmed'] })
      .execute();
    return result.affected === 1;
  }

  hasLiveBookingInSlot(manager: EntityManager, slotId: string, residentId: string): Promise<boolean> {
    return manager.getRepository(Booking).exists({ where: { slotId, activeResidentId: residentId } });
  }

  async insertWaitlistEntry(manager: EntityManager, entry: Omit<WaitlistEntry, 'slot' | 'resident'>): Promise<void> {
    await manager.getRepository(WaitlistEntry).insert(entry);
  }

  /** The next person in a slot's line: earliest joined first. */
  firstWaiting(manager: EntityManager, slotId: string): Promise<WaitlistEntry | null> {
    return manager.getRepository(WaitlistEntry).findOne({ where: { slotId, status: 'waiting' }, order: { joinedAt: 'ASC', id: 'ASC' } });
  }

  /** Ends a waiting entry (promoted or left) if it is still waiting. */
  async closeWaitlistEntry(manager: EntityManager, entryId: string, status: 'promoted' | 'left', bookingId: string | null): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(WaitlistEntry)
      .set({ status, activeResidentId: null, bookingId })
      .where("id = :entryId AND status = 'waiting'", { entryId })
      .execute();
    return result.affected === 1;
  }

  findWaitlistEntryWithDetails(entryId: string): Promise<WaitlistEntry | null> {
    return this.dataSource.getRepository(WaitlistEntry).findOne({ where: { id: entryId }, relations: BOOKING_DETAILS });
  }

  listWaitlistOfPeople(residentIds: string[]): Promise<WaitlistEntry[]> {
    if (residentIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(WaitlistEntry).find({
      where: { residentId: In(residentIds) },
      relations: BOOKING_DETAILS,
      order: { joinedAt: 'DESC' },
      take: 100,
    });
  }

  /** 1-based place in line of a waiting entry. */
  async positionInLine(entry: WaitlistEntry): Promise<number> {
    const ahead = await this.dataSource
      .getRepository(WaitlistEntry)
      .createQueryBuilder('entry')
      .where("entry.slot_id = :slotId AND entry.status = 'waiting'", { slotId: entry.slotId })
      .andWhere('(entry.joined_at < :joinedAt OR (entry.joined_at = :joinedAt AND entry.id < :id))', { joinedAt: entry.joinedAt, id: entry.id })
      .getCount();
    return ahead + 1;
  }

  /** Bookings at centres under `regionPath` whose slot starts in [from, to), with service, category and area. */
  async listForStatistics(
    regionPath: string,
    from: Date,
    to: Date,
  ): Promise<Array<{ status: BookingStatus; startsAt: Date; serviceId: string; serviceName: string; categoryId: string; categoryName: string; areaId: string; areaName: string }>> {
    const rows = await this.dataSource
      .getRepository(Booking)
      .createQueryBuilder('booking')
      .innerJoin('booking.slot', 'slot')
      .innerJoin('slot.centreService', 'offering')
      .innerJoin('offering.service', 'service')
      .innerJoin('service.category', 'category')
      .innerJoin('offering.centre', 'centre')
      .innerJoin('centre.region', 'area')
      .select('booking.status', 'status')
      .addSelect('slot.starts_at', 'startsAt')
      .addSelect('service.id', 'serviceId')
      .addSelect('service.name', 'serviceName')
      .addSelect('category.id', 'categoryId')
      .addSelect('category.name', 'categoryName')
      .addSelect('area.id', 'areaId')
      .addSelect('area.name', 'areaName')
      .where('area.path LIKE :prefix', { prefix: `${regionPath}%` })
      .andWhere('slot.starts_at >= :from AND slot.starts_at < :to', { from, to })
      .getRawMany<{
        status: BookingStatus;
        startsAt: Date | string;
        serviceId: string;
        serviceName: string;
        categoryId: string;
        categoryName: string;
        areaId: string;
        areaName: string;
      }>();
    // SQLite hands datetimes back as text in raw selects; MySQL as Date.
    return rows.map((row) => ({ ...row, startsAt: row.startsAt instanceof Date ? row.startsAt : new Date(`${String(row.startsAt).replace(' ', 'T')}Z`) }));
  }

  /** Confirmed bookings whose slot ended before `endedBefore`: candidates for no-show. */
  listOverdueConfirmed(endedBefore: Date, limit: number): Promise<Booking[]> {
    return this.bookingsWithDetails().where("booking.status = 'confirmed' AND slot.ends_at < :endedBefore", { endedBefore }).orderBy('slot.ends_at', 'ASC').take(limit).getMany();
  }

  /** A person's no-shows in slots that started after `since`, latest first. */
  listNoShowsSince(manager: EntityManager, residentId: string, since: Date): Promise<Booking[]> {
    return manager
      .getRepository(Booking)
      .createQueryBuilder('booking')
      .innerJoinAndSelect('booking.slot', 'slot')
      .where("booking.resident_id = :residentId AND booking.status = 'no_show' AND slot.starts_at > :since", { residentId, since })
      .orderBy('slot.starts_at', 'DESC')
      .getMany();
  }
}
