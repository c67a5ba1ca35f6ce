import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { CellRange, OutletElderFeature, OutletHours, OutletKind, OutletReportStatus } from '@linli/shared';
import { escapeLike, LIKE_ESCAPE } from '../../database/sql';
import { MealPoint, MealWindowRow } from '../meals';
import { Centre, Region } from '../regions';
import type { SearchCandidate } from './directory-entry';
import { Outlet } from './outlet.entity';
import { OutletReport } from './outlet-report.entity';

/** What a search keeps to rows of: kinds (any of them) and a keyword in the name or the services. */
export interface OutletFilter {
  kinds: OutletKind[];
  keyword: string | null;
}

/** A box of stored coordinates (millionths of a degree), inclusive. */
export interface E6Box {
  south: number;
  north: number;
  west: number;
  east: number;
}

/** A candidate row as the driver returns it: JSON columns as text, integers as numbers or strings. */
interface RawCandidate {
  id: string;
  name: string;
  kind: OutletKind;
  address: string;
  phone: string;
  hours: string;
  services: string;
  latitudeE6: number | string;
  longitudeE6: number | string;
  elderFeatures: string;
}

export interface MealPointWithWindows {
  point: MealPoint;
  windows: MealWindowRow[];
}

/** Named queries over the outlet directory, its reports, and what it reads of regions and meal points. */
@Injectable()
export class OutletsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Outlets in the given grid cells (one index range per grid row) that pass the filter, as search candidates: the
   * columns a list shows, read raw (entity hydration and the region join cost more than the query itself).
   */
  async listCandidatesInCells(ranges: CellRange[], filter: OutletFilter): Promise<SearchCandidate[]> {
    if (ranges.length === 0) return [];
    const query = this.dataSource
      .getRepository(Outlet)
      .createQueryBuilder('outlet')
      .select([
        'outlet.id AS id',
        'outlet.name AS name',
        'outlet.kind AS kind',
        'outlet.address AS address',
        'outlet.phone AS phone',
        'outlet.hours AS hours',
        'outlet.services AS services',
      ])
      .addSelect(['outlet.latitude_e6 AS latitudeE6', 'outlet.longitude_e6 AS longitudeE6', 'outlet.elder_features AS elderFeatures'])
      .where(
        new Brackets((cells) => {
          ranges.forEach((range, index) => cells.orWhere(`outlet.cell BETWEEN :from${index} AND :to${index}`, { [`from${index}`]: range.from, [`to${index}`]: range.to }));
        }),
      );
    const rows = await applyFilter(query, filter).getRawMany<RawCandidate>();
    return rows.map((row) => ({
      id: row.id,
      source: 'directory',
      name: row.name,
      kind: row.kind,
      address: row.address,
      latitudeE6: Number(row.latitudeE6),
      longitudeE6: Number(row.longitudeE6),
      phone: row.phone,
      hours: JSON.parse(row.hours) as OutletHours,
      services: JSON.parse(row.services) as string[],
      elderFeatures: row.elderFeatures ? (row.elderFeatures.split(',') as OutletElderFeature[]) : [],
    }));
  }

  /** Meal points in a box with their meal windows, for the 社区食堂 entries (decision 0017); there are few of them. */
  async listMealPointsIn(box: E6Box): Promise<MealPointWithWindows[]> {
    const query = this.dataSource
      .getRepository(MealPoint)
      .createQueryBuilder('point')
      .innerJoinAndSelect('point.region', 'region')
      .where('point.latitude_e6 BETWEEN :south AND :north', box)
      .andWhere('point.longitude_e6 BETWEEN :west AND :east', box);
    return this.withWindows(await query.getMany());
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

function applyFilter(query: SelectQueryBuilder<Outlet>, filter: OutletFilter): SelectQueryBuilder<Outlet> {
  if (filter.kinds.length > 0) query.andWhere('outlet.kind IN (:...kinds)', { kinds: filter.kinds });
  if (filter.keyword) {
    const pattern = `%${escapeLike(filter.keyword)}%`;
    query.andWhere(`(outlet.name LIKE :pattern ESCAPE '${LIKE_ESCAPE}' OR outlet.services LIKE :pattern ESCAPE '${LIKE_ESCAPE}')`, { pattern });
  }
  return query;
}
