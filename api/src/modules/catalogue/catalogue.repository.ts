import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { Centre } from '../regions';
import { CentreService } from './centre-service.entity';
import { CommunityService } from './community-service.entity';
import { ServiceCategory } from './service-category.entity';

/**
 * The catalogue's tables: categories, services and which centre offers which service. Other modules (schedules and
 * bookings, home orders, worker skills) read and change offerings through here rather than querying them themselves.
 */
@Injectable()
export class CatalogueRepository {
  constructor(private readonly dataSource: DataSource) {}

  listCategoriesWithServices(): Promise<ServiceCategory[]> {
    return this.dataSource.getRepository(ServiceCategory).find({ relations: { services: true }, order: { sortOrder: 'ASC', services: { sortOrder: 'ASC' } } });
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

  async updateOfferingPolicy(
    manager: EntityManager,
    centreServiceId: string,
    policy: Pick<CentreService, 'bookingWindowDays' | 'minNoticeMinutes' | 'cancelCutoffMinutes'>,
  ): Promise<void> {
    await manager.getRepository(CentreService).update({ id: centreServiceId }, policy);
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
