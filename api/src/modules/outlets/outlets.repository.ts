import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { CellRange, MealFulfilment, OutletElderFeature, OutletHours, OutletKind, OutletReportStatus, OutletSource } from '@linli/shared';
import { escapeLike, LIKE_ESCAPE, RepeatedJsonColumn } from '../../database/sql';
import { MealPoint, MealWindowRow } from '../meals';
import { Centre, Region } from '../regions';
import { candidateOfMealPoint, type SearchCandidate } from './directory-entry';
import { Outlet } from './outlet.entity';
import { OutletReport } from './outlet-report.entity';
import { plainSelect } from '../../database/plain-select';

/** What a search keeps to rows of: kinds (any of them) and a keyword in the name or the services. */
export interface OutletFilter {
  kinds: OutletKind[];
  keyword: string | null;
}

/** A filter plus, for "open at" searches, the open-hours mask bit of that hour: outlets closed all that hour are left out. */
export interface PositionFilter extends OutletFilter {
  openHourBit: number | null;
}

/** A box of stored coordinates (millionths of a degree), inclusive. */
export interface E6Box {
  south: number;
  north: number;
  west: number;
  east: number;
}

/** Where an outlet lies and what kind it is: all a nearest-first search needs before it reads a row. */
export interface OutletPosition {
  id: string;
  kind: OutletKind;
  latitudeE6: number;
  longitudeE6: number;
}

/**
 * A candidate's row as the driver returns it: JSON columns as text, integers as numbers or strings. `candidateOfRow`
 * parses it; a search parses only the rows it checks or shows.
 */
export interface CandidateRow {
  id: string;
  name: string;
  kind: OutletKind;
  address: string;
  phone: string;
  hours: string | OutletHours;
  services: string | string[];
  latitudeE6: number | string;
  longitudeE6: number | string;
  elderFeatures: string;
}

/** A meal point joined to one of its meal windows (none: the window columns are null), read raw. */
interface RawMealPointWindow {
  id: string;
  name: string;
  address: string;
  phone: string;
  latitudeE6: number | string;
  longitudeE6: number | string;
  fulfilments: string;
  servesFrom: string | null;
  servesUntil: string | null;
}

/** The columns of a search candidate (`candidateOfRow`). */
const CANDIDATE_COLUMNS = 'id, name, kind, address, phone, hours, services, latitude_e6 AS latitudeE6, longitude_e6 AS longitudeE6, elder_features AS elderFeatures';

/** Distinct texts of hours and of services kept parsed (a directory has a few hundred patterns of each, not 100,000). */
const REPEATED_TEXTS_KEPT = 2_000;
const hoursColumn = new RepeatedJsonColumn<OutletHours>(REPEATED_TEXTS_KEPT);
const servicesColumn = new RepeatedJsonColumn<string[]>(REPEATED_TEXTS_KEPT);

export function candidateOfRow(row: CandidateRow): SearchCandidate {
  return {
    id: row.id,
    source: 'directory',
    name: row.name,
    kind: row.kind,
    address: row.address,
    latitudeE6: Number(row.latitudeE6),
    longitudeE6: Number(row.longitudeE6),
    phone: row.phone,
    hours: hoursColumn.read(row.hours),
    services: servicesColumn.read(row.services),
    elderFeatures: row.elderFeatures ? (row.elderFeatures.split(',') as OutletElderFeature[]) : [],
  };
}

/** Meal points joined to their windows (a row per window, in any order) as 社区食堂 candidates, one per point. */
function mealPointCandidatesOf(rows: RawMealPointWindow[]): SearchCandidate[] {
  const byPoint = new Map<string, RawMealPointWindow[]>();
  for (const row of rows) byPoint.set(row.id, [...(byPoint.get(row.id) ?? []), row]);
  return [...byPoint.values()].map((windows) => {
    const point = windows[0];
    return candidateOfMealPoint(
      {
        id: point.id,
        name: point.name,
        address: point.address,
        phone: point.phone,
        latitudeE6: Number(point.latitudeE6),
        longitudeE6: Number(point.longitudeE6),
        fulfilments: point.fulfilments ? (point.fulfilments.split(',') as MealFulfilment[]) : [],
      },
      windows.flatMap((row) => (row.servesFrom !== null && row.servesUntil !== null ? [{ servesFrom: row.servesFrom, servesUntil: row.servesUntil }] : [])),
    );
  });
}

/** Rows read by id per query: well under SQLite's bound-variable limit. */
const IDS_PER_QUERY = 500;

export interface MealPointWithWindows {
  point: MealPoint;
  windows: MealWindowRow[];
}

/** Named queries over the outlet directory, its reports, and what it reads of regions and meal points. */
@Injectable()
export class OutletsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Outlets in the given grid cells (one index range per grid row) that pass the filter, as positions only. Plain SQL
   * over a covering index — ix_outlet_cell_kind (cell, kind, latitude_e6, longitude_e6, id, open_hours_mask), or with
   * kinds asked ix_outlet_kind_cell (kind, cell, …) — so with no keyword no table row is read, and each range is a
   * contiguous stretch of the index, where the rows themselves lie scattered over the whole table (docs/performance.md,
   * "Nearest outlets"). With an hour bit, outlets whose mask says they are closed all that hour are left out from the
   * index too; those kept may still be closed (the mask is a superset) and are checked on their hours.
   */
  async listPositionsInCells(ranges: CellRange[], filter: PositionFilter): Promise<OutletPosition[]> {
    const rows: Array<{ id: string; kind: OutletKind; latitudeE6: number | string; longitudeE6: number | string }> = await this.selectInCells(
      'id, kind, latitude_e6 AS latitudeE6, longitude_e6 AS longitudeE6',
      ranges,
      filter,
    );
    return rows.map((row) => ({ id: row.id, kind: row.kind, latitudeE6: Number(row.latitudeE6), longitudeE6: Number(row.longitudeE6) }));
  }

  /**
   * The same outlets as `listPositionsInCells` with their whole rows, unparsed, in the same query: for a search that
   * checks opening hours, where the rows of what the index leaves (the mask has already dropped the outlets closed
   * all that hour) are mostly read anyway, and one round trip fewer is worth more than the few rows read in vain.
   */
  async listRowsInCells(ranges: CellRange[], filter: PositionFilter): Promise<Array<{ position: OutletPosition; row: CandidateRow }>> {
    const rows = await this.selectInCells<CandidateRow>(CANDIDATE_COLUMNS, ranges, filter);
    return rows.map((row) => ({ position: { id: row.id, kind: row.kind, latitudeE6: Number(row.latitudeE6), longitudeE6: Number(row.longitudeE6) }, row }));
  }

  private async selectInCells<Row>(columns: string, ranges: CellRange[], filter: PositionFilter): Promise<Row[]> {
    if (ranges.length === 0) return [];
    const parameters: Array<string | number> = [];
    let sql = `SELECT ${columns} FROM ${this.ringIndexed(filter.kinds)} WHERE ${this.cellsCondition(ranges, filter.kinds, parameters)}`;
    if (filter.openHourBit !== null) {
      sql += ' AND (open_hours_mask & ?) <> 0';
      parameters.push(filter.openHourBit);
    }
    if (filter.keyword) {
      const pattern = `%${escapeLike(filter.keyword)}%`;
      sql += ` AND (name LIKE ? ESCAPE '${LIKE_ESCAPE}' OR services LIKE ? ESCAPE '${LIKE_ESCAPE}')`;
      parameters.push(pattern, pattern);
    }
    return plainSelect(this.dataSource, sql, parameters);
  }

  /**
   * The outlet table, on MySQL/MariaDB named with the index a ring reads: its range optimizer otherwise estimates every
   * range of the query on both covering indexes before it picks the one that fits (ix_outlet_kind_cell with kinds, else
   * ix_outlet_cell_kind), which took about 40 % of a ring query's time on the bench data (docs/performance.md). SQLite
   * plans a ring query in microseconds and picks the same index unasked.
   */
  private ringIndexed(kinds: OutletKind[]): string {
    if (this.dataSource.options.type === 'better-sqlite3') return 'outlet';
    return `outlet FORCE INDEX (${kinds.length > 0 ? 'ix_outlet_kind_cell' : 'ix_outlet_cell_kind'})`;
  }

  /**
   * The WHERE condition for "in these cell ranges, of these kinds (none: any)", its parameters pushed onto
   * `parameters`. With kinds, both planners read only those kinds' entries through ix_outlet_kind_cell, but each
   * needs it spelled its own way: MySQL/MariaDB's range optimizer turns `(ranges) AND kind IN (…)` into one
   * (kind, cell) range per pair, whereas SQLite, without table statistics, answers that form by scanning each kind's
   * whole span of cells (five times slower on the bench data) and needs the kinds inside each range's term.
   */
  private cellsCondition(ranges: CellRange[], kinds: OutletKind[], parameters: Array<string | number>): string {
    const kindList = kinds.map(() => '?').join(', ');
    if (kinds.length > 0 && this.dataSource.options.type === 'better-sqlite3') {
      const terms = ranges.map((range) => {
        parameters.push(...kinds, range.from, range.to);
        return `(kind IN (${kindList}) AND cell BETWEEN ? AND ?)`;
      });
      return `(${terms.join(' OR ')})`;
    }
    const cells = ranges.map((range) => {
      parameters.push(range.from, range.to);
      return 'cell BETWEEN ? AND ?';
    });
    if (kinds.length === 0) return `(${cells.join(' OR ')})`;
    parameters.push(...kinds);
    return `(${cells.join(' OR ')}) AND kind IN (${kindList})`;
  }

  /**
   * Outlets by id as search candidates (in no particular order; ids not found are left out): the columns a list
   * shows, read raw — entity hydration and the region join cost more than the query itself. With a box, the meal
   * points in it come too, as 社区食堂 candidates (decision 0017), in the same query: they are few and not in the grid,
   * and a search needs them only beside the rows of its nearest outlets.
   */
  async listCandidatesByIds(ids: string[], mealPointsIn: E6Box | null = null): Promise<{ outlets: SearchCandidate[]; mealPoints: SearchCandidate[] }> {
    const chunks: string[][] = [];
    for (let start = 0; start < ids.length; start += IDS_PER_QUERY) chunks.push(ids.slice(start, start + IDS_PER_QUERY));
    if (chunks.length === 0 && mealPointsIn) chunks.push([]);
    const outlets: SearchCandidate[] = [];
    const mealPointRows: RawMealPointWindow[] = [];
    for (const [index, chunk] of chunks.entries()) {
      for (const row of await this.selectCandidates(chunk, index === 0 ? mealPointsIn : null)) {
        if (row.source === 'directory') outlets.push(candidateOfRow(row as CandidateRow));
        else mealPointRows.push(row as RawMealPointWindow);
      }
    }
    return { outlets, mealPoints: mealPointCandidatesOf(mealPointRows) };
  }

  /**
   * One query: outlet rows by id, and with a box the meal points in it joined to their windows (a row per window). Both
   * halves name their columns: either may be the only one.
   */
  private selectCandidates(ids: string[], mealPointsIn: E6Box | null): Promise<Array<(CandidateRow | RawMealPointWindow) & { source: OutletSource }>> {
    const parts: string[] = [];
    const parameters: Array<string | number> = [];
    if (ids.length > 0) {
      parts.push(
        `SELECT 'directory' AS source, ${CANDIDATE_COLUMNS}, NULL AS fulfilments, NULL AS servesFrom, NULL AS servesUntil FROM outlet WHERE id IN (${ids.map(() => '?').join(', ')})`,
      );
      parameters.push(...ids);
    }
    if (mealPointsIn) {
      parts.push(`SELECT 'meal_point' AS source, p.id, p.name, 'canteen' AS kind, p.address, p.phone, NULL AS hours, NULL AS services,
          p.latitude_e6 AS latitudeE6, p.longitude_e6 AS longitudeE6, NULL AS elderFeatures, p.fulfilments, w.serves_from AS servesFrom, w.serves_until AS servesUntil
        FROM meal_point p LEFT JOIN meal_window w ON w.meal_point_id = p.id
        WHERE p.latitude_e6 BETWEEN ? AND ? AND p.longitude_e6 BETWEEN ? AND ?`);
      parameters.push(mealPointsIn.south, mealPointsIn.north, mealPointsIn.west, mealPointsIn.east);
    }
    return plainSelect(this.dataSource, parts.join(' UNION ALL '), parameters);
  }

  async findMealPoint(mealPointId: string): Promise<MealPointWithWindows | null> {
    const point = await this.dataSource.getRepository(MealPoint).findOne({ where: { id: mealPointId }, relations: { region: true } });
    return point ? (await this.withWindows([point]))[0] : null;
  }

  private async withWindows(points: MealPoint[]): Promise<MealPointWithWindows[]> {
    if (points.length === 0) return [];
    const windows = await this.dataSource
      .getRepository(MealWindowRow)
      .createQueryBuilder('meal_window')
      .where('meal_window.meal_point_id IN (:...ids)', { ids: points.map((point) => point.id) })
      .getMany();
    return points.map((point) => ({ point, windows: windows.filter((window) => window.mealPointId === point.id) }));
  }

  findOutlet(outletId: string): Promise<Outlet | null> {
    return this.dataSource.getRepository(Outlet).findOne({ where: { id: outletId }, relations: { region: true } });
  }

  /** Outlets whose region lies in the subtree, by name. */
  listInRegion(pathPrefix: string): Promise<Outlet[]> {
    return this.dataSource
      .getRepository(Outlet)
      .createQueryBuilder('outlet')
      .innerJoinAndSelect('outlet.region', 'region')
      .where(`region.path LIKE :prefix ESCAPE '${LIKE_ESCAPE}'`, { prefix: `${escapeLike(pathPrefix)}%` })
      .orderBy('region.code', 'ASC')
      .addOrderBy('outlet.name', 'ASC')
      .getMany();
  }

  async insertOutlets(manager: EntityManager, outlets: Array<Omit<Outlet, 'region' | 'createdAt' | 'updatedAt'>>): Promise<void> {
    // Chunks keep each INSERT well under SQLite's bound-variable limit.
    for (let start = 0; start < outlets.length; start += 50) await manager.getRepository(Outlet).insert(outlets.slice(start, start + 50));
  }

  async updateOutlet(manager: EntityManager, outletId: string, fields: Partial<Omit<Outlet, 'id' | 'region' | 'createdAt' | 'updatedAt'>>): Promise<void> {
    await manager.getRepository(Outlet).update({ id: outletId }, fields);
  }

  async deleteOutlet(manager: EntityManager, outletId: string): Promise<void> {
    await manager.getRepository(Outlet).delete({ id: outletId });
  }

  findRegion(regionId: string): Promise<Region | null> {
    return this.dataSource.getRepository(Region).findOne({ where: { id: regionId } });
  }

  /** Regions by administrative code, for CSV rows that name their community by code. */
  listRegionsByCodes(codes: string[]): Promise<Region[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Region).createQueryBuilder('region').where('region.code IN (:...codes)', { codes }).getMany();
  }

  /** Communities in a subtree with the centres of each community and of its street (where its position comes from). */
  async listCommunitiesWithCentres(pathPrefix: string): Promise<Array<{ community: Region; centres: Centre[]; streetCentres: Centre[] }>> {
    const regions = this.dataSource.getRepository(Region);
    const communities = await regions
      .createQueryBuilder('region')
      .where('region.level = :level', { level: 'community' })
      .andWhere(`region.path LIKE :prefix ESCAPE '${LIKE_ESCAPE}'`, { prefix: `${escapeLike(pathPrefix)}%` })
      .orderBy('region.code', 'ASC')
      .getMany();
    const regionIds = [...new Set(communities.flatMap((community) => [community.id, community.parentId!]))];
    const centres =
      regionIds.length === 0 ? [] : await this.dataSource.getRepository(Centre).createQueryBuilder('centre').where('centre.region_id IN (:...regionIds)', { regionIds }).getMany();
    return communities.map((community) => ({
      community,
      centres: centres.filter((centre) => centre.regionId === community.id),
      streetCentres: centres.filter((centre) => centre.regionId === community.parentId),
    }));
  }

  async insertReport(manager: EntityManager, report: Omit<OutletReport, 'region' | 'status' | 'resolvedAt' | 'resolution'>): Promise<void> {
    await manager.getRepository(OutletReport).insert(report);
  }

  findReport(reportId: string): Promise<OutletReport | null> {
    return this.dataSource.getRepository(OutletReport).findOne({ where: { id: reportId }, relations: { region: true } });
  }

  listReportsInRegion(pathPrefix: string, status: OutletReportStatus): Promise<OutletReport[]> {
    return this.dataSource
      .getRepository(OutletReport)
      .createQueryBuilder('report')
      .innerJoin('report.region', 'region')
      .where(`region.path LIKE :prefix ESCAPE '${LIKE_ESCAPE}'`, { prefix: `${escapeLike(pathPrefix)}%` })
      .andWhere('report.status = :status', { status })
      .orderBy('report.created_at', 'ASC')
      .addOrderBy('report.id', 'ASC')
      .getMany();
  }

  /** Resolves an open report; false when it was already resolved (a second tap, another staff member). */
  async resolveReport(manager: EntityManager, reportId: string, resolution: string, at: Date): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(OutletReport)
      .set({ status: 'resolved', resolution, resolvedAt: at })
      .where('id = :reportId AND status = :open', { reportId, open: 'open' })
      .execute();
    return result.affected === 1;
  }
}
