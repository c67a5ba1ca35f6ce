import { Injectable } from '@nestjs/common';
import { COVERAGE_RADIUS_METERS_DEFAULT, OUTLET_KINDS, rankByMissingKinds, type CommunityCoverage, type OutletKind } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { communityPosition } from './outlet-places';
import { OutletSearch } from './outlet-search';
import { OutletsRepository } from './outlets.repository';

/**
 * The 一刻钟便民生活圈 planning view: for each community of the caller's region, which kinds have an outlet (or a
 * canteen's meal point) within the walking radius of it, straight line, and which do not; most kinds missing first.
 * A community whose position is unknown (no centre in it or its street) is listed with every kind missing.
 */
@Injectable()
export class OutletCoverageService {
  constructor(
    private readonly outlets: OutletsRepository,
    private readonly search: OutletSearch,
  ) {}

  async coverage(auth: AuthContext, radiusMeters = COVERAGE_RADIUS_METERS_DEFAULT): Promise<CommunityCoverage[]> {
    const communities = await this.outlets.listCommunitiesWithCentres(auth.regionPath!);
    const coverage = await Promise.all(
      communities.map(async ({ community, centres, streetCentres }) => {
        const position = communityPosition(centres, streetCentres);
        const near = position ? await this.search.within(position, radiusMeters) : [];
        const kinds = new Set<OutletKind>(near.map((found) => found.entry.kind));
        return {
          communityId: community.id,
          communityName: community.name,
          covered: OUTLET_KINDS.filter((kind) => kinds.has(kind)),
          missing: OUTLET_KINDS.filter((kind) => !kinds.has(kind)),
        };
      }),
    );
    return rankByMissingKinds(coverage);
  }
}
