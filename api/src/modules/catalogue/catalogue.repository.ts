import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { CategoryWithServices, DispatchMode, ServiceMode } from '@linli/shared';
import { sqlJson } from '../../database/sql';
import { Centre } from '../regions';
import { CentreService } from './centre-service.entity';
import { CommunityService } from './community-service.entity';
import { plainSelect } from '../../database/plain-select';

/**
 * What the slot list and the first checks of a booking need of an offering: its switch, booking policy, schedule
 * version (the slot cache's key) and the service's mode. Read with one plain query: both are hot paths (issue 17).
 */
export interface OfferingSchedule {
  id: string;
  centreId: string;
  serviceId: string;
  enabled: boolean;
  bookingWindowDays: number;
  minNoticeMinutes: number;
  cancelCutoffMinutes: number;
  scheduleVersion: number;
  serviceMode: ServiceMode;
}

/** The columns an OfferingSchedule is read from (`o` the centre_service row, `s` its community_service). */
export const OFFERING_SCHEDULE_COLUMNS = 'o.id, o.enabled, o.booking_window_days, o.min_notice_minutes, o.cancel_cutoff_minutes, o.schedule_version, s.mode';

/** An OfferingSchedule from a row of OFFERING_SCHEDULE_COLUMNS, whichever driver answered it. */
export function offeringScheduleOf(row: Record<string, unknown>, centreId: string, serviceId: string): OfferingSchedule {
  return {
    id: String(row.id),
    centreId,
    serviceId,
    // SQLite and MySQL both answer booleans as 0/1 (MySQL drivers may hand a bigint-like string).
    enabled: Number(row.enabled) === 1,
    bookingWindowDays: Number(row.booking_window_days),
    minNoticeMinutes: Number(row.min_notice_minutes),
    cancelCutoffMinutes: Number(row.cancel_cutoff_minutes),
    scheduleVersion: Number(row.schedule_version),
    serviceMode: row.mode as ServiceMode,
  };
}

/**
 * The catalogue's tables: categories, services and which centre offers which service. Other modules (schedules and
 * bookings, home orders, worker skills) read and change offerings through here rather than querying them themselves.
 */
@Injectable()
export class CatalogueRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Every category with its services, in the catalogue's order: a public hot read (docs/performance.md), so the
   * columns a summary shows are read raw and grouped here — no query builder, no entity graph.
   */
  async listCategoriesWithServices(): Promise<CategoryWithServices[]> {
    const rows: Array<Record<string, string | number | null>> = await plainSelect(
      this.dataSource,
      `SELECT c.id AS category_id, c.code AS category_code, c.name AS category_name,
          s.id, s.code, s.name, s.mode, s.dispatch_mode, s.offer_window_seconds, s.needs_review, s.description, s.materials, s.min_age,
          s.max_active_bookings_per_person
        FROM service_category c LEFT JOIN community_service s ON s.category_id = c.id
        ORDER BY c.sort_order, c.id, s.sort_order, s.id`,
    );
    const categories: CategoryWithServices[] = [];
    for (const row of rows) {
      let category = categories[categories.length - 1];
      if (category?.id !== row.category_id) {
        category = { id: String(row.category_id), code: String(row.category_code), name: String(row.category_name), services: [] };
        categories.push(category);
      }
      if (row.id === null || row.id === undefined) continue;
      category.services.push({
        id: String(row.id),
        code: String(row.code),
        name: String(row.name),
        mode: row.mode as ServiceMode,
        dispatchMode: row.dispatch_mode as DispatchMode,
        offerWindowSeconds: Number(row.offer_window_seconds),
        // SQLite and MySQL both answer booleans as 0/1 (MySQL drivers may hand a bigint-like string).
        needsReview: Number(row.needs_review) === 1,
        description: String(row.description),
        // A JSON column: text on SQLite and MariaDB, already parsed by MySQL's driver.
        materials: sqlJson<string[]>(row.materials),
        minAge: row.min_age === null ? null : Number(row.min_age),
        maxActiveBookingsPerPerson: Number(row.max_active_bookings_per_person),
      });
    }
    return categories;
  }

  findServiceWithCategory(serviceId: string): Promise<CommunityService | null> {
    return this.dataSource.getRepository(CommunityService).findOne({ where: { id: serviceId }, relations: { category: true } });
  }

  /** Centres where the service is switched on, with their region for display. */
  listEnabledOfferings(serviceId: string): Promise<CentreService[]> {
    return this.dataSource.getRepository(CentreService).find({
      where: { serviceId, enabled: true },
      relations: { centre: { region: true } },
      order: { centre: { code: 'ASC' } },
    });
  }

  /** The services switched on at a centre, with their category, in the catalogue's order. */
  listServicesOfferedAt(centreId: string): Promise<CentreService[]> {
    return this.dataSource.getRepository(CentreService).find({
      where: { centreId, enabled: true },
      relations: { service: { category: true } },
      order: { service: { category: { sortOrder: 'ASC' }, sortOrder: 'ASC' } },
    });
  }

  findCentreWithRegion(centreId: string): Promise<Centre | null> {
    return this.dataSource.getRepository(Centre).findOne({ where: { id: centreId }, relations: { region: true } });
  }

  /** A centre's offering of a service, with the centre (and its region) and the service. */
  findOfferingWithDetails(centreId: string, serviceId: string): Promise<CentreService | null> {
    return this.dataSource.getRepository(CentreService).findOne({ where: { centreId, serviceId }, relations: { centre: { region: true }, service: true } });
  }

  /** An offering's schedule facts (OfferingSchedule), or null when the centre does not list the service. */
  async findOfferingSchedule(centreId: string, serviceId: string): Promise<OfferingSchedule | null> {
    const rows: Array<Record<string, string | number>> = await plainSelect(
      this.dataSource,
      `SELECT ${OFFERING_SCHEDULE_COLUMNS}
        FROM centre_service o JOIN community_service s ON s.id = o.service_id
        WHERE o.centre_id = ? AND o.service_id = ?`,
      [centreId, serviceId],
    );
    return rows[0] ? offeringScheduleOf(rows[0], centreId, serviceId) : null;
  }

  /** Home-visit services among `ids` (a worker's skills may only name those). */
  listHomeServices(ids: string[]): Promise<CommunityService[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(CommunityService).find({ where: { id: In(ids), mode: 'home' } });
  }

  findOffering(centreId: string, serviceId: string, manager: EntityManager = this.dataSource.manager): Promise<CentreService | null> {
    return manager.getRepository(CentreService).findOne({ where: { centreId, serviceId } });
  }

  async upsertOffering(manager: EntityManager, offering: Pick<CentreService, 'id' | 'centreId' | 'serviceId' | 'enabled' | 'notes'>): Promise<void> {
    const existing = await this.findOffering(offering.centreId, offering.serviceId, manager);
    if (existing) await manager.getRepository(CentreService).update({ id: existing.id }, { enabled: offering.enabled, notes: offering.notes });
    else await manager.getRepository(CentreService).insert(offering);
  }

  /** Sets an offering's booking policy; a schedule write, so it bumps the schedule version too. */
  async updateOfferingPolicy(
    manager: EntityManager,
    centreServiceId: string,
    policy: Pick<CentreService, 'bookingWindowDays' | 'minNoticeMinutes' | 'cancelCutoffMinutes'>,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(CentreService)
      .set({ ...policy, scheduleVersion: () => 'schedule_version + 1' })
      .where('id = :centreServiceId', { centreServiceId })
      .execute();
  }

  /**
   * Marks an offering's generated slots as changed (a date exception set or removed), in the caller's transaction:
   * every instance's slot cache misses on its next read of the offering (docs/decisions/0019).
   */
  async bumpScheduleVersion(manager: EntityManager, centreServiceId: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(CentreService)
      .set({ scheduleVersion: () => 'schedule_version + 1' })
      .where('id = :centreServiceId', { centreServiceId })
      .execute();
  }

  /** The same for every offering: the holiday calendar, which every offering's slots follow, changed. */
  async bumpEveryScheduleVersion(manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(CentreService)
      .set({ scheduleVersion: () => 'schedule_version + 1' })
      .execute();
  }

  async updateService(
    manager: EntityManager,
    serviceId: string,
    fields: Pick<CommunityService, 'name' | 'description' | 'materials' | 'minAge' | 'maxActiveBookingsPerPerson'> &
      Partial<Pick<CommunityService, 'dispatchMode' | 'offerWindowSeconds'>>,
  ): Promise<void> {
    await manager.getRepository(CommunityService).update({ id: serviceId }, fields);
  }
}
