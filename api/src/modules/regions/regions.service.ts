import { Injectable } from '@nestjs/common';
import type { CentreSummary, CommunitySummary, ListResponse } from '@linli/shared';
import { NotFoundError } from '../../common/errors/domain-error';
import { RegionsRepository } from './regions.repository';

const MICRODEGREES = 1_000_000;

@Injectable()
export class RegionsService {
  constructor(private readonly regions: RegionsRepository) {}

  async listCommunities(keyword?: string): Promise<ListResponse<CommunitySummary>> {
    return { items: await this.regions.listCommunitiesWithAncestors(keyword?.trim() || undefined) };
  }

  async listCentres(regionId?: string): Promise<ListResponse<CentreSummary>> {
    let pathPrefix: string | undefined;
    if (regionId) {
      const region = await this.regions.findRegionById(regionId);
      if (!region) throw new NotFoundError('该地区', { regionId });
      pathPrefix = region.path;
    }
    const rows = await this.regions.listCentresWithin(pathPrefix);
    return {
      items: rows.map(({ centre, regionName, regionLevel }) => ({
        id: centre.id,
        name: centre.name,
        address: centre.address,
        phone: centre.phone,
        openingHours: centre.openingHours,
        latitude: centre.latitudeE6 / MICRODEGREES,
        longitude: centre.longitudeE6 / MICRODEGREES,
        regionId: centre.regionId,
        regionName,
        regionLevel,
      })),
    };
  }
}
