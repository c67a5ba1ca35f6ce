import { Injectable } from '@nestjs/common';
import { distanceMeters, type CentreSummary, type CommunitySummary, type GeoPoint, type ListResponse, type NearbyCentre, type RegionSummary } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { NotFoundError } from '../../common/errors/domain-error';
import type { Region } from './region.entity';
import { RegionsRepository, type CentreRow } from './regions.repository';

export const MICRODEGREES = 1_000_000;

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
    return { items: (await this.regions.listCentresWithin(pathPrefix)).map(toCentreSummary) };
  }

  /** Centres under the caller's region (staff and admins always have one; the policy lets no one else in). */
  async listCentresInScope(auth: AuthContext): Promise<ListResponse<CentreSummary>> {
    if (!auth.regionPath) return { items: [] };
    return { items: (await this.regions.listCentresWithin(auth.regionPath)).map(toCentreSummary) };
  }

  async listChildren(regionId: string): Promise<ListResponse<RegionSummary>> {
    if (!(await this.regions.findRegionById(regionId))) throw new NotFoundError('该地区', { regionId });
    return { items: (await this.regions.listChildren(regionId)).map(toRegionSummary) };
  }

  /** Centres nearest to a point (a resident's location, GCJ-02), closest first. */
  async nearbyCentres(point: GeoPoint, limit: number): Promise<ListResponse<NearbyCentre>> {
    const centres = (await this.regions.listCentresWithin()).map((row) => {
      const summary = toCentreSummary(row);
      return { ...summary, distanceMeters: distanceMeters(point, summary) };
    });
    return { items: centres.sort((a, b) => a.distanceMeters - b.distanceMeters).slice(0, limit) };
  }
}

export function toCentreSummary({ centre, regionName, regionLevel }: CentreRow): CentreSummary {
  return {
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
  };
}

export function toRegionSummary(region: Region): RegionSummary {
  return { id: region.id, code: region.code, name: region.name, level: region.level, parentId: region.parentId };
}
