import { Injectable } from '@nestjs/common';
import type { GeoPoint, OutletCommunity } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import type { Centre } from '../regions';
import { NotFoundError } from '../../common/errors/domain-error';
import { communityWithoutPosition } from './outlets.errors';
import { OutletsRepository } from './outlets.repository';

/**
 * Where a community is, for searching from it (a resident who refuses location) and for its coverage: the middle of
 * its citizen centres, or of its street's when it has none of its own. Regions store no position of their own.
 */
export function communityPosition(centres: Centre[], streetCentres: Centre[]): GeoPoint | null {
  const from = centres.length > 0 ? centres : streetCentres;
  if (from.length === 0) return null;
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length / 1_000_000;
  return { latitude: mean(from.map((centre) => centre.latitudeE6)), longitude: mean(from.map((centre) => centre.longitudeE6)) };
}

@Injectable()
export class OutletPlaces {
  constructor(private readonly outlets: OutletsRepository) {}

  /** The communities of the caller's region, for placing an outlet: a new one starts at its community's position. */
  async communitiesOf(auth: AuthContext): Promise<OutletCommunity[]> {
    return (await this.outlets.listCommunitiesWithCentres(auth.regionPath!)).map(({ community, centres, streetCentres }) => {
      const position = communityPosition(centres, streetCentres);
      return { id: community.id, name: community.name, latitude: position?.latitude ?? null, longitude: position?.longitude ?? null };
    });
  }

  async ofCommunity(communityId: string): Promise<GeoPoint> {
    const region = await this.outlets.findRegion(communityId);
    if (!region || region.level !== 'community') throw new NotFoundError('该社区');
    const [found] = await this.outlets.listCommunitiesWithCentres(region.path);
    const position = communityPosition(found.centres, found.streetCentres);
    if (!position) throw communityWithoutPosition();
    return position;
  }
}
