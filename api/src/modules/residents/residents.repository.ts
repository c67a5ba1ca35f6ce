import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { Account } from '../accounts';
import { AuditEntry } from '../audit';
import { escapeLike, LIKE_ESCAPE } from '../../database/sql';
import { Region } from '../regions';
import { HouseholdLink } from './household-link.entity';
import { Resident } from './resident.entity';

export interface ResidentWithCommunity {
  resident: Resident;
  community: Region | null;
  hasOwnAccount: boolean;
}

/** Person records, household links and the lookups behind them. */
@Injectable()
export class ResidentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async findWithCommunity(residentId: string, manager?: EntityManager): Promise<ResidentWithCommunity | null> {
    const [row] = await this.findManyWithCommunity([residentId], manager);
    return row ?? null;
  }

  async findManyWithCommunity(residentIds: string[], manager?: EntityManager): Promise<ResidentWithCommunity[]> {
    if (residentIds.length === 0) return [];
    const residents = await this.manager(manager)
      .getRepository(Resident)
      .find({ where: { id: In(residentIds), erasedAt: IsNull() }, relations: { community: true } });
    const withAccounts = new Set(
      (
        await this.manager(manager)
          .getRepository(Account)
          .find({ select: { residentId: true }, where: { residentId: In(residentIds) } })
      ).map((a) => a.residentId),
    );
    const byId = new Map(residents.map((resident) => [resident.id, resident]));
    return residentIds.flatMap((id) => {
      const resident = byId.get(id);
      return resident ? [{ resident, community: resident.community, hasOwnAccount: withAccounts.has(id) }] : [];
    });
  }

  async findRegionPath(regionId: string): Promise<string | null> {
    return (await this.dataSource.getRepository(Region).findOne({ select: { path: true }, where: { id: regionId } }))?.path ?? null;
  }

  findCommunity(communityId: string): Promise<Region | null> {
    return this.dataSource.getRepository(Region).findOne({ where: { id: communityId, level: 'community' } });
  }

  /** The household members a resident acts for, with the relation they declared. */
  listMemberLinks(proxyResidentId: string, manager?: EntityManager): Promise<HouseholdLink[]> {
    return this.manager(manager)
      .getRepository(HouseholdLink)
      .find({ where: { proxyResidentId }, order: { createdAt: 'ASC' } });
  }

  findMemberLink(proxyResidentId: string, memberResidentId: string, manager?: EntityManager): Promise<HouseholdLink | null> {
    return this.manager(manager).getRepository(HouseholdLink).findOne({ where: { proxyResidentId, memberResidentId } });
  }

  countProxiesOf(memberResidentId: string, manager: EntityManager): Promise<number> {
    return manager.getRepository(HouseholdLink).count({ where: { memberResidentId } });
  }

  /** Whether `proxyResidentId` may act for `residentId` (themselves or a linked household member). */
  async canActFor(proxyResidentId: string, residentId: string): Promise<boolean> {
    if (proxyResidentId === residentId) return true;
    return this.dataSource.getRepository(HouseholdLink).exists({ where: { proxyResidentId, memberResidentId: residentId } });
  }

  isIdNumberTaken(manager: EntityManager, idNumberHash: string, exceptResidentId: string | null): Promise<boolean> {
    return manager
      .getRepository(Resident)
      .createQueryBuilder('resident')
      .where('resident.id_number_hash = :idNumberHash', { idNumberHash })
      .andWhere(exceptResidentId ? 'resident.id <> :exceptResidentId' : '1 = 1', { exceptResidentId })
      .getExists();
  }

  async insertResident(manager: EntityManager, resident: Omit<Resident, 'community' | 'createdAt' | 'updatedAt'>): Promise<void> {
    await manager.getRepository(Resident).insert(resident);
  }

  async updateResident(manager: EntityManager, residentId: string, fields: Partial<Omit<Resident, 'id' | 'community' | 'createdAt' | 'updatedAt'>>): Promise<void> {
    await manager.getRepository(Resident).update({ id: residentId }, fields);
  }

  /** The lookup hash of the phone on a person's record (null: no phone, or no such person). */
  async findPhoneHash(manager: EntityManager, residentId: string): Promise<string | null> {
    const row = await manager.getRepository(Resident).findOne({ select: { id: true, phoneHash: true }, where: { id: residentId } });
    return row?.phoneHash ?? null;
  }

  /**
   * Switches SMS for a person; switching it on needs a phone on the record, checked in the write itself so that a
   * phone cleared meanwhile (by a household proxy) cannot leave it on. False when nothing was switched.
   */
  async switchSmsNotifications(manager: EntityManager, residentId: string, enabled: boolean): Promise<boolean> {
    const update = manager.createQueryBuilder().update(Resident).set({ smsNotifications: enabled }).where('id = :residentId', { residentId });
    if (enabled) update.andWhere('phone_cipher IS NOT NULL');
    return (await update.execute()).affected === 1;
  }

  async insertLink(manager: EntityManager, link: Omit<HouseholdLink, 'proxy' | 'member' | 'createdAt'>): Promise<void> {
    await manager.getRepository(HouseholdLink).insert(link);
  }

  async updateLinkRelation(manager: EntityManager, linkId: string, relation: HouseholdLink['relation']): Promise<void> {
    await manager.getRepository(HouseholdLink).update({ id: linkId }, { relation });
  }

  async deleteLink(manager: EntityManager, linkId: string): Promise<void> {
    await manager.getRepository(HouseholdLink).delete({ id: linkId });
  }

  /** Residents of communities under `regionPath`, optionally narrowed by name fragment or exact keyed hashes. */
  async searchInRegion(regionPath: string, filter: { namePart?: string; idNumberHash?: string; phoneHash?: string }, limit: number): Promise<string[]> {
    const query = this.dataSource
      .getRepository(Resident)
      .createQueryBuilder('resident')
      .innerJoin('resident.community', 'community')
      .select('resident.id', 'id')
      .where('community.path LIKE :prefix', { prefix: `${regionPath}%` })
      .andWhere('resident.erased_at IS NULL')
      .orderBy('resident.name', 'ASC')
      .addOrderBy('resident.id', 'ASC')
      .limit(limit);
    if (filter.namePart) query.andWhere(`resident.name LIKE :name ESCAPE '${LIKE_ESCAPE}'`, { name: `%${escapeLike(filter.namePart)}%` });
    if (filter.idNumberHash) query.andWhere('resident.id_number_hash = :idNumberHash', { idNumberHash: filter.idNumberHash });
    if (filter.phoneHash) query.andWhere('resident.phone_hash = :phoneHash', { phoneHash: filter.phoneHash });
    return (await query.getRawMany<{ id: string }>()).map((row) => row.id);
  }

  /** Audit entries about a person or written by their account, for their data export. */
  auditTrailOf(accountId: string, residentId: string | null): Promise<AuditEntry[]> {
    return this.dataSource.getRepository(AuditEntry).find({
      where: [{ actorAccountId: accountId }, ...(residentId ? [{ targetType: 'resident', targetId: residentId }] : [])],
      order: { createdAt: 'ASC' },
    });
  }
}
