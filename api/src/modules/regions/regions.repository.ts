import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { RegionLevel } from '@linli/shared';
import { Centre } from './centre.entity';
import { Region } from './region.entity';
import { escapeLike, LIKE_ESCAPE } from '../../database/sql';
import { plainSelect } from '../../database/plain-select';

export interface CommunityRow {
  id: string;
  name: string;
  streetName: string;
  districtName: string;
  centreCount: number;
}

/** The centre columns a summary shows. */
export type CentreColumns = Pick<Centre, 'id' | 'name' | 'address' | 'phone' | 'openingHours' | 'latitudeE6' | 'longitudeE6' | 'regionId'>;

export interface CentreRow {
  centre: CentreColumns;
  regionName: string;
  regionLevel: RegionLevel;
}

/** Named read queries over the region tree and its citizen centres. */
@Injectable()
export class RegionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Communities with their street and district names, optionally filtered by a name fragment. */
  async listCommunitiesWithAncestors(nameContains?: string): Promise<CommunityRow[]> {
    const query = this.dataSource
      .getRepository(Region)
      .createQueryBuilder('community')
      .innerJoin(Region, 'street', 'street.id = community.parent_id')
      .innerJoin(Region, 'district', 'district.id = street.parent_id')
      .leftJoin(Centre, 'centre', 'centre.region_id = community.id')
      .select('community.id', 'id')
      .addSelect('community.name', 'name')
      .addSelect('street.name', 'streetName')
      .addSelect('district.name', 'districtName')
      .addSelect('COUNT(centre.id)', 'centreCount')
      .where('community.level = :level', { level: 'community' satisfies RegionLevel })
      .groupBy('community.id')
      .addGroupBy('community.name')
      .addGroupBy('street.name')
      .addGroupBy('district.name')
      .addGroupBy('community.code')
      .orderBy('community.code', 'ASC');
    if (nameContains) query.andWhere(`community.name LIKE :pattern ESCAPE '${LIKE_ESCAPE}'`, { pattern: `%${escapeLike(nameContains)}%` });
    const rows = await query.getRawMany<Omit<CommunityRow, 'centreCount'> & { centreCount: string | number }>();
    // COUNT comes back as a string on MySQL and a number on SQLite.
    return rows.map((row) => ({ ...row, centreCount: Number(row.centreCount) }));
  }

  listChildren(parentId: string): Promise<Region[]> {
    return this.dataSource.getRepository(Region).find({ where: { parentId }, order: { code: 'ASC' } });
  }

  findCentreWithRegion(centreId: string): Promise<Centre | null> {
    return this.dataSource.getRepository(Centre).findOne({ where: { id: centreId }, relations: { region: true } });
  }

  async insertRegion(manager: EntityManager, region: Pick<Region, 'id' | 'code' | 'name' | 'level' | 'parentId' | 'path'>): Promise<void> {
    await manager.getRepository(Region).insert(region);
  }

  async renameRegion(manager: EntityManager, regionId: string, name: string): Promise<void> {
    await manager.getRepository(Region).update({ id: regionId }, { name });
  }

  async insertCentre(manager: EntityManager, centre: Omit<Centre, 'region' | 'createdAt' | 'updatedAt'>): Promise<void> {
    await manager.getRepository(Centre).insert(centre);
  }

  async updateCentre(manager: EntityManager, centreId: string, fields: Partial<Omit<Centre, 'id' | 'code' | 'region' | 'createdAt' | 'updatedAt'>>): Promise<void> {
    await manager.getRepository(Centre).update({ id: centreId }, fields);
  }

  async findRegionById(id: string): Promise<Region | null> {
    return this.dataSource.getRepository(Region).findOne({ where: { id } });
  }

  /** Centres attached to any node under `pathPrefix` (a region and its subtree), or all of them. */
  async listCentresWithin(pathPrefix?: string): Promise<CentreRow[]> {
    // A public hot read (docs/performance.md): the columns a summary shows, read raw — no query builder, no entities.
    const rows: Array<Record<string, string | number>> = await plainSelect(
      this.dataSource,
      `SELECT c.id, c.name, c.address, c.phone, c.opening_hours, c.latitude_e6, c.longitude_e6, c.region_id, r.name AS region_name, r.level AS region_level
        FROM centre c JOIN region r ON r.id = c.region_id
        ${pathPrefix ? `WHERE r.path LIKE ? ESCAPE '${LIKE_ESCAPE}'` : ''}
        ORDER BY c.code`,
      pathPrefix ? [`${escapeLike(pathPrefix)}%`] : [],
    );
    return rows.map((row) => ({
      centre: {
        id: String(row.id),
        name: String(row.name),
        address: String(row.address),
        phone: String(row.phone),
        openingHours: String(row.opening_hours),
        latitudeE6: Number(row.latitude_e6),
        longitudeE6: Number(row.longitude_e6),
        regionId: String(row.region_id),
      },
      regionName: String(row.region_name),
      regionLevel: row.region_level as RegionLevel,
    }));
  }
}
