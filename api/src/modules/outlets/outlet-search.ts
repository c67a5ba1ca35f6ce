import { Injectable } from '@nestjs/common';
import {
  coveredRadiusMeters,
  distanceE6,
  GRID_CELL_E6,
  gridCellOf,
  openingClockAt,
  ringCovering,
  ringRanges,
  toE6,
  type GeoPoint,
  type OpeningClock,
  type OutletSearchItem,
} from '@linli/shared';
import { entryOfMealPoint, type SearchCandidate } from './directory-entry';
import { OutletsRepository, type E6Box, type OutletFilter } from './outlets.repository';

export interface NearestQuery extends OutletFilter {
  from: GeoPoint;
  /** Keep only entries open at this instant. */
  openAt: Date | null;
  /** How many nearest entries are wanted. */
  count: number;
  maxMeters: number;
}

export interface Found {
  entry: SearchCandidate;
  meters: number;
}

/**
 * Nearest-first search over the directory with the grid index (shared/geo-grid): read the centre cell, then rings
 * of cells twice as far each round, each round one indexed query for the new cells only; stop once `count` matches
 * lie within the radius the rings read so far fully cover (nothing unread can be closer), or the search radius is
 * covered. Exact distances sort what was read. Canteens' meal points join as 社区食堂 (decision 0017): they are few,
 * so all of them within the search radius are read once, up front.
 */
@Injectable()
export class OutletSearch {
  constructor(private readonly outlets: OutletsRepository) {}

  async nearest(query: NearestQuery): Promise<Found[]> {
    const center = gridCellOf(toE6(query.from.latitude), toE6(query.from.longitude));
    const lastRing = ringCovering(query.from, query.maxMeters);
    const found: Found[] = [];
    const clock = query.openAt ? openingClockAt(query.openAt) : null;
    const keep = (entry: SearchCandidate) => {
      const meters = distanceE6(entry, query.from);
      if (meters <= query.maxMeters && (!clock || clock.isOpen(entry.hours))) found.push({ entry, meters });
    };
    if (query.kinds.length === 0 || query.kinds.includes('canteen')) {
      for (const point of await this.outlets.listMealPointsIn(boxAround(center, lastRing))) {
        const entry = entryOfMealPoint(point);
        if (!query.keyword || [entry.name, ...entry.services].some((text) => text.includes(query.keyword!))) keep(entry);
      }
    }
    // The first round reads the centre cell and its neighbours at once (one cell alone rarely holds enough), then
    // each round doubles the ring.
    for (let inner = -1, outer = Math.min(1, lastRing); inner < lastRing; inner = outer, outer = Math.min(lastRing, outer * 2)) {
      for (const candidate of await this.outlets.listCandidatesInCells(ringRanges(center, inner, outer), query)) keep(candidate);
      const covered = outer === lastRing ? query.maxMeters : coveredRadiusMeters(query.from, outer);
      if (found.filter((item) => item.meters <= covered).length >= query.count) break;
    }
    return found.sort((a, b) => a.meters - b.meters || a.entry.id.localeCompare(b.entry.id)).slice(0, query.count);
  }

  /** Every entry within `radiusMeters` of a point, nearest first. */
  within(from: GeoPoint, radiusMeters: number): Promise<Found[]> {
    return this.nearest({ from, kinds: [], keyword: null, openAt: null, count: Number.MAX_SAFE_INTEGER, maxMeters: radiusMeters });
  }
}

function boxAround(center: { row: number; column: number }, ring: number): E6Box {
  return {
    south: (center.row - ring) * GRID_CELL_E6,
    north: (center.row + ring + 1) * GRID_CELL_E6 - 1,
    west: (center.column - ring) * GRID_CELL_E6,
    east: (center.column + ring + 1) * GRID_CELL_E6 - 1,
  };
}

export function toSearchItem({ entry, meters }: Found, clock: OpeningClock): OutletSearchItem {
  const state = clock.state(entry.hours);
  return {
    id: entry.id,
    source: entry.source,
    name: entry.name,
    kind: entry.kind,
    address: entry.address,
    latitude: entry.latitudeE6 / 1_000_000,
    longitude: entry.longitudeE6 / 1_000_000,
    phone: entry.phone,
    services: entry.services,
    elderFeatures: entry.elderFeatures,
    distanceMeters: meters,
    open: state.open,
    changesAt: state.changesAt,
  };
}
