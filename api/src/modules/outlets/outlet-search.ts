import { Injectable } from '@nestjs/common';
import {
  coveredRadiusMeters,
  distanceE6,
  GRID_CELL_E6,
  gridCellOf,
  nextRing,
  openHourBitAt,
  openingClockAt,
  ringCovering,
  ringRanges,
  toE6,
  type GeoPoint,
  type OpeningClock,
  type OutletSearchItem,
} from '@linli/shared';
import type { SearchCandidate } from './directory-entry';
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

/** An entry the search has read the position of; its row is read (`entry`) only once it is checked or shown. */
interface Located {
  id: string;
  meters: number;
  entry: SearchCandidate | null;
}

const byDistance = (a: Located, b: Located) => a.meters - b.meters || a.id.localeCompare(b.id);

/**
 * Nearest-first search over the directory with the grid index (shared/geo-grid): read the centre cell, then rings
 * of cells at least twice as far each round (further when the entries found so far are sparse), each round one
 * indexed query for the new cells only; stop once `count` matches lie within the radius the rings read so far fully
 * cover (nothing unread can be closer), or the search radius is covered. The rings read positions only (the covering
 * index, OutletsRepository.listPositionsInCells); exact distances sort them, and whole rows are read by id just for
 * the entries shown and, when only open ones count, for those checked, nearest first — only those whose open-hours
 * mask allows the asked hour (at 22:00 most shops are left out in the index, so a night search reads few rows).
 * Canteens' meal points join as 社区食堂 (decision 0017): they are few, so all of them within the search radius are
 * read whole once, up front.
 */
@Injectable()
export class OutletSearch {
  constructor(private readonly outlets: OutletsRepository) {}

  async nearest(query: NearestQuery): Promise<Found[]> {
    const center = gridCellOf(toE6(query.from.latitude), toE6(query.from.longitude));
    const lastRing = ringCovering(query.from, query.maxMeters);
    const clock = query.openAt ? openingClockAt(query.openAt) : null;
    const openHourBit = query.openAt ? openHourBitAt(query.openAt) : null;
    // Matches (open, when that is asked) and, while an open check is pending, entries read but not yet checked.
    const passed: Located[] = [];
    const pending: Located[] = [];
    const take = (item: Located) => {
      if (item.meters <= query.maxMeters) (clock ? pending : passed).push(item);
    };
    if (query.kinds.length === 0 || query.kinds.includes('canteen')) {
      for (const entry of await this.outlets.listMealPointCandidatesIn(boxAround(center, lastRing))) {
        if (!query.keyword || [entry.name, ...entry.services].some((text) => text.includes(query.keyword!))) take({ id: entry.id, meters: distanceE6(entry, query.from), entry });
      }
    }
    // The first round reads the centre cell and its neighbours at once (one cell alone rarely holds enough), then
    // each round at least doubles the ring, further when the density found so far says it must (nextRing).
    let found = 0;
    // Of the entries whose hours were checked, how many were open: sizes the next batch of rows (checkOpen).
    const seen = { checked: 0, open: 0 };
    for (let inner = -1, outer = Math.min(1, lastRing); inner < lastRing; inner = outer, outer = nextRing(outer, lastRing, found, query.count)) {
      for (const position of await this.outlets.listPositionsInCells(ringRanges(center, inner, outer), { ...query, openHourBit })) {
        take({ id: position.id, meters: distanceE6(position, query.from), entry: null });
        found++;
      }
      const covered = outer === lastRing ? query.maxMeters : coveredRadiusMeters(query.from, outer);
      if (clock) await this.checkOpen(clock, pending, passed, covered, query.count, outer === lastRing, seen);
      if (countWithin(passed, covered) >= query.count) break;
    }
    const nearest = passed.sort(byDistance).slice(0, query.count);
    await this.read(nearest);
    // An outlet removed between reading its position and its row is left out.
    return nearest.flatMap(({ entry, meters }) => (entry ? [{ entry, meters }] : []));
  }

  /** Every entry within `radiusMeters` of a point, nearest first. */
  within(from: GeoPoint, radiusMeters: number): Promise<Found[]> {
    return this.nearest({ from, kinds: [], keyword: null, openAt: null, count: Number.MAX_SAFE_INTEGER, maxMeters: radiusMeters });
  }

  /**
   * Moves the pending entries within `covered` that are open into `passed`, nearest first, until `count` matches lie
   * within `covered`: every entry left pending is then farther than every one checked, so none of them can be among
   * the nearest `count`. Rows are read in batches sized by the share of checked entries found open so far in this
   * search (`seen`), a fifth more than that share says is needed: the first batch expects all to be open, as the index
   * has already left out the outlets closed all that hour (their open-hours mask), and most left are open. Before the
   * last round nothing is read while the entries within `covered` could not make `count` even if all were open: the
   * next ring is read first.
   */
  private async checkOpen(
    clock: OpeningClock,
    pending: Located[],
    passed: Located[],
    covered: number,
    count: number,
    lastRound: boolean,
    seen: { checked: number; open: number },
  ): Promise<void> {
    pending.sort(byDistance);
    let within = 0;
    while (within < pending.length && pending[within].meters <= covered) within++;
    const passedWithin = countWithin(passed, covered);
    if (!lastRound && passedWithin + within < count) return;
    let checked = 0;
    for (let missing = count - passedWithin; missing > 0 && checked < within; missing = count - countWithin(passed, covered)) {
      const openShare = seen.checked === 0 ? 1 : Math.max(seen.open / seen.checked, 0.1);
      const batch = pending.slice(checked, Math.min(within, checked + Math.max(Math.ceil((missing * 1.2) / openShare) + 2, 8)));
      await this.read(batch);
      for (const item of batch) {
        if (!item.entry || !clock.isOpen(item.entry.hours)) continue;
        passed.push(item);
        seen.open++;
      }
      checked += batch.length;
      seen.checked += batch.length;
    }
    pending.splice(0, checked);
  }

  /** Reads the rows of the entries not read yet, one query (per few hundred ids). */
  private async read(items: Located[]): Promise<void> {
    const unread = items.filter((item) => item.entry === null);
    if (unread.length === 0) return;
    const rows = new Map((await this.outlets.listCandidatesByIds(unread.map((item) => item.id))).map((row) => [row.id, row]));
    for (const item of unread) item.entry = rows.get(item.id) ?? null;
  }
}

function countWithin(items: Located[], meters: number): number {
  let count = 0;
  for (const item of items) if (item.meters <= meters) count++;
  return count;
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
