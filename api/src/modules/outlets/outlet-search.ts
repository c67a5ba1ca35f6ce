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
  ringHolding,
  ringRanges,
  toE6,
  type CellRange,
  type GeoPoint,
  type GridCell,
  type OpeningClock,
  type OutletSearchItem,
} from '@linli/shared';
import type { SearchCandidate } from './directory-entry';
import { candidateOfRow, OutletsRepository, type CandidateRow, type E6Box, type OutletFilter, type PositionFilter } from './outlets.repository';

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
 * An entry the search has read the position of; its row is read, or when the ring query brought it (`row`) parsed,
 * into `entry` only once it is checked or shown.
 */
interface Located {
  id: string;
  meters: number;
  entry: SearchCandidate | null;
  row?: CandidateRow;
}

const byDistance = (a: Located, b: Located) => a.meters - b.meters || a.id.localeCompare(b.id);

/**
 * A ring query of an open-hours search brings whole rows when the density known says the ring holds at most this many
 * times the entries wanted: a ring sized for them (`ringHolding`) holds 2–3.5 times as many (the square around the
 * circle, rounded up to whole cells), most of which are checked anyway. A denser ring (no kinds asked, daytime, when
 * the mask leaves most outlets in) reads positions first and the rows of those checked only.
 */
const WHOLE_ROWS_UP_TO = 4;

/** Filters remembered at most; past it the memory starts afresh (a keyword search is never remembered). */
const REMEMBERED_FILTERS = 256;

/**
 * How many entries per grid cell recent searches with the same kinds and open hour found in their rings, on this
 * instance: the first read of the next such search is sized by it (`ringHolding`), so a sparse filter — two kinds
 * open at night — reads its rings in one query instead of a 3 × 3 square first and then the rest. It only decides
 * how far the first read reaches, never what a search finds (any ring gives the same answer), so it needs no
 * invalidation; a moving average, as density differs across the city.
 */
export class FilterDensities {
  private readonly densities = new Map<string, number>();

  of(key: string | null): number | undefined {
    return key === null ? undefined : this.densities.get(key);
  }

  /** A search that found nothing (an empty area, a directory not imported yet) says nothing about where entries are. */
  record(key: string | null, found: number, ring: number): void {
    if (key === null || found === 0) return;
    const density = found / (2 * ring + 1) ** 2;
    const known = this.densities.get(key);
    if (known === undefined && this.densities.size >= REMEMBERED_FILTERS) this.densities.clear();
    this.densities.set(key, known === undefined ? density : known + (density - known) / 4);
  }
}

function densityKey(query: NearestQuery, openHourBit: number | null): string | null {
  return query.keyword ? null : `${[...query.kinds].sort().join(',')}|${openHourBit ?? ''}`;
}

/**
 * Nearest-first search over the directory with the grid index (shared/geo-grid): read as far as recent searches with
 * the same filter found enough in (else the centre cell and its neighbours), then rings of cells at least twice as far
 * each round (further when the entries found so far are sparse), each round one indexed query for the new cells only;
 * stop once `count` matches lie within the radius the rings read so far fully cover (nothing unread can be closer), or
 * the search radius is covered. The rings read positions only (the covering index,
 * OutletsRepository.listPositionsInCells), exact distances sort them, and whole rows are read by id just for the
 * entries checked or shown — except for an "open now / open at" search whose ring holds few entries (readRing): its
 * ring query brings the rows of what the index leaves, only outlets whose open-hours mask allows the asked hour (at
 * 22:00 most shops are left out in the index), and the hours of those checked, nearest first, are parsed and
 * evaluated. Canteens' meal points join as 社区食堂 (decision 0017): they are few and not in the grid, so those that
 * could be nearer than the nearest outlets found come with those outlets' rows, in one query (withMealPoints).
 */
@Injectable()
export class OutletSearch {
  private readonly densities = new FilterDensities();

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
    // The first round reads as far as recent searches with this filter say `count` entries need, else the centre cell
    // and its neighbours (one cell alone rarely holds enough); then each round at least doubles the ring, further when
    // the density found so far says it must (nextRing).
    const densityKeyOfQuery = densityKey(query, openHourBit);
    const knownDensity = this.densities.of(densityKeyOfQuery);
    let found = 0;
    let outer = knownDensity === undefined ? Math.min(1, lastRing) : ringHolding(knownDensity, query.count, lastRing);
    // Of the entries whose hours were checked, how many were open: sizes the next batch of rows (checkOpen).
    const seen = { checked: 0, open: 0 };
    for (let inner = -1; inner < lastRing; inner = outer, outer = nextRing(outer, lastRing, found, query.count)) {
      // Entries per cell expected in this ring: what recent searches found for the first ring, this search's since.
      const density = inner < 0 ? knownDensity : found / (2 * inner + 1) ** 2;
      const cells = (2 * outer + 1) ** 2 - (inner < 0 ? 0 : (2 * inner + 1) ** 2);
      const wholeRows = clock !== null && density !== undefined && density * cells <= WHOLE_ROWS_UP_TO * query.count;
      for (const located of await this.readRing(ringRanges(center, inner, outer), { ...query, openHourBit }, wholeRows)) {
        take(located);
        found++;
      }
      const covered = outer === lastRing ? query.maxMeters : coveredRadiusMeters(query.from, outer);
      if (clock) await this.checkOpen(clock, pending, passed, covered, query.count, outer === lastRing, seen);
      if (countWithin(passed, covered) >= query.count) break;
    }
    this.densities.record(densityKeyOfQuery, found, outer);
    const nearest = await this.withMealPoints(passed.sort(byDistance).slice(0, query.count), query, center, clock);
    // An outlet removed between reading its position and its row is left out.
    return nearest.flatMap(({ entry, meters }) => (entry ? [{ entry, meters }] : []));
  }

  /**
   * Reads the rows of the nearest outlets and, when the filter allows 社区食堂, the meal points (decision 0017) in the
   * same query: few and not in the grid, they are read from the box holding every point nearer than the farthest of
   * those outlets (the whole search radius while fewer were found); those that pass the filter take their places.
   */
  private async withMealPoints(nearest: Located[], query: NearestQuery, center: GridCell, clock: OpeningClock | null): Promise<Located[]> {
    if (query.kinds.length > 0 && !query.kinds.includes('canteen')) {
      await this.read(nearest);
      return nearest;
    }
    const reach = nearest.length >= query.count ? nearest[nearest.length - 1].meters : query.maxMeters;
    const merged = [...nearest];
    for (const entry of await this.read(nearest, boxAround(center, ringCovering(query.from, reach)))) {
      const meters = distanceE6(entry, query.from);
      if (meters > query.maxMeters || (query.keyword && !mentions([entry.name, ...entry.services], query.keyword))) continue;
      if (!clock || clock.isOpen(entry.hours)) merged.push({ id: entry.id, meters, entry });
    }
    return merged.sort(byDistance).slice(0, query.count);
  }

  /**
   * The entries of a ring that pass the filter: with `wholeRows` their rows too, unparsed (an open-hours search whose
   * ring holds few entries: the mask has already left out what is closed all that hour, so most are checked anyway,
   * and one query beats two), else positions only (rows are read for the entries checked or shown alone).
   */
  private async readRing(ranges: CellRange[], filter: PositionFilter & { from: GeoPoint }, wholeRows: boolean): Promise<Located[]> {
    if (!wholeRows) {
      const positions = await this.outlets.listPositionsInCells(ranges, filter);
      return positions.map((position) => ({ id: position.id, meters: distanceE6(position, filter.from), entry: null }));
    }
    const rows = await this.outlets.listRowsInCells(ranges, filter);
    return rows.map(({ position, row }) => ({ id: position.id, meters: distanceE6(position, filter.from), entry: null, row }));
  }

  /** Every entry within `radiusMeters` of a point, nearest first. */
  within(from: GeoPoint, radiusMeters: number): Promise<Found[]> {
    return this.nearest({ from, kinds: [], keyword: null, openAt: null, count: Number.MAX_SAFE_INTEGER, maxMeters: radiusMeters });
  }

  /**
   * Moves the pending entries within `covered` that are open into `passed`, nearest first, until `count` matches lie
   * within `covered`: every entry left pending is then farther than every one checked, so none of them can be among
   * the nearest `count`. Rows not brought by the ring query are read in batches sized by the share of checked entries
   * found open so far in this search (`seen`), a fifth more than that share says is needed: the first batch expects
   * all to be open, as the index has already left out the outlets closed all that hour (their open-hours mask), and
   * most left are open (rows the ring brought are only parsed). Before the last round nothing is read while the entries
   * within `covered` could not make `count` even if all were open: the next ring is read first.
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

  /**
   * Parses the rows of the entries the ring queries brought and reads those of the others in one query (per few
   * hundred ids), with the meal points in `mealPointsIn`, which it returns.
   */
  private async read(items: Located[], mealPointsIn: E6Box | null = null): Promise<SearchCandidate[]> {
    const unread: Located[] = [];
    for (const item of items) {
      if (item.entry !== null) continue;
      if (item.row) item.entry = candidateOfRow(item.row);
      else unread.push(item);
    }
    if (unread.length === 0 && !mealPointsIn) return [];
    const { outlets, mealPoints } = await this.outlets.listCandidatesByIds(
      unread.map((item) => item.id),
      mealPointsIn,
    );
    const rows = new Map(outlets.map((row) => [row.id, row]));
    for (const item of unread) item.entry = rows.get(item.id) ?? null;
    return mealPoints;
  }
}

/**
 * Whether any of `texts` contains `keyword`, letter case aside: what the outlets' `LIKE` answers on both databases
 * (SQLite ignores ASCII case, MySQL/MariaDB's _ci collations any), so a meal point is found by the same keyword.
 */
function mentions(texts: string[], keyword: string): boolean {
  const wanted = keyword.toLowerCase();
  return texts.some((text) => text.toLowerCase().includes(wanted));
}

function countWithin(items: Located[], meters: number): number {
  let count = 0;
  for (const item of items) if (item.meters <= meters) count++;
  return count;
}

function boxAround(center: GridCell, ring: number): E6Box {
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
