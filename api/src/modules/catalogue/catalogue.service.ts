import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CategoryWithServices, CentreServiceSetting, ServiceDetail, ServiceSummary } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { assertRegionInScope, isCityAdmin } from '../../common/auth/scope';
import { NotFoundError } from '../../common/errors/domain-error';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit';
import { MICRODEGREES } from '../regions';
import { CatalogueRepository } from './catalogue.repository';
import type { CommunityService } from './community-service.entity';
import type { UpdateServiceDto } from './dto/catalogue.dto';
import { catalogueForCityAdminsOnly } from './catalogue.errors';

/**
 * The 22 services. Everyone may read them; staff switch services on or off at the centres of their region; the
 * catalogue texts and limits are city-wide, so only a city-level admin edits them.
 */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly catalogue: CatalogueRepository,
    private readonly audit: AuditService,
  ) {}

  async listCategories(): Promise<CategoryWithServices[]> {
    return this.catalogue.listCategoriesWithServices();
  }

  async serviceDetail(serviceId: string): Promise<ServiceDetail> {
    const service = await this.catalogue.findServiceWithCategory(serviceId);
    if (!service) throw new NotFoundError('该服务');
    const offerings = await this.catalogue.listEnabledOfferings(serviceId);
    return {
      ...toServiceSummary(service),
      categoryId: service.categoryId,
      categoryName: service.category.name,
      centres: offerings.map((offering) => ({
        centreId: offering.centreId,
        centreName: offering.centre.name,
        address: offering.centre.address,
        regionId: offering.centre.regionId,
        regionName: offering.centre.region.name,
        latitude: offering.centre.latitudeE6 / MICRODEGREES,
        longitude: offering.centre.longitudeE6 / MICRODEGREES,
        notes: offering.notes,
      })),
    };
  }

  /** The catalogue as one centre offers it now: its switched-on services by category, empty categories left out. */
  async servicesAtCentre(centreId: string): Promise<CategoryWithServices[]> {
    if (!(await this.catalogue.findCentreWithRegion(centreId))) throw new NotFoundError('该市民中心');
    const categories = new Map<string, CategoryWithServices>();
    for (const { service } of await this.catalogue.listServicesOfferedAt(centreId)) {
      const category = categories.get(service.categoryId) ?? { id: service.category.id, code: service.category.code, name: service.category.name, services: [] };
      category.services.push(toServiceSummary(service));
      categories.set(service.categoryId, category);
    }
    return [...categories.values()];
  }

  async setOffering(auth: AuthContext, centreId: string, serviceId: string, input: { enabled: boolean; notes?: string | null }): Promise<CentreServiceSetting> {
    const centre = await this.catalogue.findCentreWithRegion(centreId);
    assertRegionInScope(auth, centre?.region.path, '该市民中心');
    if (!(await this.catalogue.findServiceWithCategory(serviceId))) throw new NotFoundError('该服务');
    const notes = input.notes?.trim() || null;
    await this.transactions.write(async (manager) => {
      await this.catalogue.upsertOffering(manager, { id: randomUUID(), centreId, serviceId, enabled: input.enabled, notes });
      await this.audit.record(manager, auth, {
        action: input.enabled ? 'centre_service.enabled' : 'centre_service.disabled',
        targetType: 'centre',
        targetId: centreId,
        regionPath: centre!.region.path,
        details: { serviceId },
      });
    });
    return { centreId, serviceId, enabled: input.enabled, notes };
  }

  async updateService(auth: AuthContext, serviceId: string, input: UpdateServiceDto): Promise<ServiceSummary> {
    if (!isCityAdmin(auth)) throw catalogueForCityAdminsOnly();
    if (!(await this.catalogue.findServiceWithCategory(serviceId))) throw new NotFoundError('该服务');
    await this.transactions.write(async (manager) => {
      await this.catalogue.updateService(manager, serviceId, {
        name: input.name,
        description: input.description,
        materials: input.materials,
        minAge: input.minAge ?? null,
        maxActiveBookingsPerPerson: input.maxActiveBookingsPerPerson,
        ...(input.dispatchMode ? { dispatchMode: input.dispatchMode } : {}),
        ...(input.offerWindowSeconds ? { offerWindowSeconds: input.offerWindowSeconds } : {}),
      });
      await this.audit.record(manager, auth, { action: 'service.updated', targetType: 'service', targetId: serviceId, regionPath: auth.regionPath });
    });
    return toServiceSummary((await this.catalogue.findServiceWithCategory(serviceId))!);
  }
}

function toServiceSummary(service: CommunityService): ServiceSummary {
  return {
    id: service.id,
    code: service.code,
    name: service.name,
    mode: service.mode,
    dispatchMode: service.dispatchMode,
    offerWindowSeconds: service.offerWindowSeconds,
    needsReview: service.needsReview,
    description: service.description,
    materials: service.materials,
    minAge: service.minAge,
    maxActiveBookingsPerPerson: service.maxActiveBookingsPerPerson,
  };
}
