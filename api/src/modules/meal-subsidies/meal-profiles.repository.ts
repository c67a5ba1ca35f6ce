import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Region } from '../regions';
import { HardshipRecordRow } from './hardship-record.entity';
import { MealProfile } from './meal-profile.entity';

/** Elder meal profiles and their hardship records. */
@Injectable()
export class MealProfilesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  findProfile(residentId: string, manager?: EntityManager): Promise<MealProfile | null> {
    return this.manager(manager).getRepository(MealProfile).findOne({ where: { residentId } });
  }

  /** Every hardship record of an elder, the latest start first. */
  listHardships(residentId: string, manager?: EntityManager): Promise<HardshipRecordRow[]> {
    return this.manager(manager)
      .getRepository(HardshipRecordRow)
      .find({ where: { residentId }, order: { validFrom: 'DESC', verifiedAt: 'DESC' } });
  }

  findHardship(residentId: string, hardshipId: string, manager?: EntityManager): Promise<HardshipRecordRow | null> {
    return this.manager(manager)
      .getRepository(HardshipRecordRow)
      .findOne({ where: { id: hardshipId, residentId } });
  }

  findDistrict(regionId: string, manager?: EntityManager): Promise<Region | null> {
    return this.manager(manager)
      .getRepository(Region)
      .findOne({ where: { id: regionId, level: 'district' } });
  }

  /** The districts of a city, by name. */
  listDistrictsOfCity(cityId: string): Promise<Region[]> {
    return this.dataSource.getRepository(Region).find({ where: { parentId: cityId, level: 'district' }, order: { code: 'ASC' } });
  }

  findRegions(regionIds: string[]): Promise<Region[]> {
    if (regionIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Region).find({ where: regionIds.map((id) => ({ id })) });
  }

  async saveRegisteredDistrict(manager: EntityManager, residentId: string, registeredDistrictId: string | null, accountId: string): Promise<void> {
    await manager.getRepository(MealProfile).upsert({ residentId, registeredDistrictId, updatedByAccountId: accountId }, ['residentId']);
  }

  async insertHardship(manager: EntityManager, record: Omit<HardshipRecordRow, 'resident'>): Promise<void> {
    await manager.getRepository(HardshipRecordRow).insert(record);
  }

  /**
   * Ends a record on `validTo` only if that shortens it (open-ended, or ending later) and is not before it starts;
   * false when another change got there first or the date does not shorten it: nothing was changed.
   */
  async endHardship(manager: EntityManager, hardshipId: string, validTo: string, accountId: string, at: Date): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(HardshipRecordRow)
      .set({ validTo, endedByAccountId: accountId, endedAt: at })
      .where('id = :hardshipId AND valid_from <= :validTo AND (valid_to IS NULL OR valid_to > :validTo)', { hardshipId, validTo })
      .execute();
    return result.affected === 1;
  }
}
