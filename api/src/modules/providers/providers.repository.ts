import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { DispatchMode, ProviderStatus, WorkingDay } from '@linli/shared';
import { Region } from '../regions';
import { Provider } from './provider.entity';
import { WorkerArea } from './worker-area.entity';
import { WorkerSkill } from './worker-skill.entity';
import { Worker } from './worker.entity';

export type NewProvider = Pick<Provider, 'id' | 'name' | 'regionId' | 'kind' | 'status'> &
  Partial<Pick<Provider, 'contactName' | 'contactPhoneCipher' | 'creditCode' | 'applicantAccountId' | 'pendingApplicantId'>>;

@Injectable()
export class ProvidersRepository {
  constructor(private readonly dataSource: DataSource) {}

  findWithRegion(providerId: string): Promise<Provider | null> {
    return this.dataSource.getRepository(Provider).findOne({ where: { id: providerId }, relations: { region: true } });
  }

  /** Providers overseen by any region under `regionPath`. */
  listWithinRegion(regionPath: string): Promise<Provider[]> {
    return this.dataSource
      .getRepository(Provider)
      .createQueryBuilder('provider')
      .innerJoinAndSelect('provider.region', 'region')
      .where('region.path LIKE :prefix', { prefix: `${regionPath}%` })
      .orderBy('provider.name', 'ASC')
      .getMany();
  }

  listWorkers(providerId: string): Promise<Worker[]> {
    return this.dataSource.getRepository(Worker).find({ where: { providerId }, relations: { provider: true }, order: { createdAt: 'ASC' } });
  }

  findWorker(providerId: string, workerId: string): Promise<Worker | null> {
    return this.dataSource.getRepository(Worker).findOne({ where: { id: workerId, providerId }, relations: { provider: true } });
  }

  async insertProvider(manager: EntityManager, provider: NewProvider): Promise<void> {
    await manager.getRepository(Provider).insert(provider);
  }

  /** Applications sent from this account, newest first. */
  listAppliedBy(accountId: string): Promise<Provider[]> {
    return this.dataSource.getRepository(Provider).find({ where: { applicantAccountId: accountId }, relations: { region: true }, order: { createdAt: 'DESC' } });
  }

  hasPendingApplication(accountId: string): Promise<boolean> {
    return this.dataSource.getRepository(Provider).exists({ where: { pendingApplicantId: accountId } });
  }

  /**
   * Moves the organisation only if it is still in `from` (another decision may have come first); leaving `pending`
   * frees the applicant to apply again. Returns whether it moved.
   */
  async moveStatus(manager: EntityManager, providerId: string, from: ProviderStatus, to: ProviderStatus, reason: string | null): Promise<boolean> {
    const result = await manager.getRepository(Provider).update({ id: providerId, status: from }, { status: to, decisionReason: reason, pendingApplicantId: null });
    return result.affected === 1;
  }

  async insertWorker(manager: EntityManager, worker: Pick<Worker, 'id' | 'providerId' | 'name' | 'phoneCipher' | 'accountId'>): Promise<void> {
    await manager.getRepository(Worker).insert({ ...worker, workingHours: [] });
  }

  /** Skills (services) of these workers, by worker id. */
  async skillsOf(workerIds: string[]): Promise<Map<string, { id: string; name: string }[]>> {
    if (workerIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(WorkerSkill)
      .find({ where: { workerId: In(workerIds) }, relations: { service: true }, order: { service: { sortOrder: 'ASC' } } });
    return groupBy(
      rows,
      (row) => row.workerId,
      (row) => ({ id: row.service.id, name: row.service.name }),
    );
  }

  /** Areas (communities) of these workers, by worker id. */
  async areasOf(workerIds: string[]): Promise<Map<string, { id: string; name: string }[]>> {
    if (workerIds.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(WorkerArea).find({ where: { workerId: In(workerIds) }, relations: { region: true }, order: { region: { code: 'ASC' } } });
    return groupBy(
      rows,
      (row) => row.workerId,
      (row) => ({ id: row.region.id, name: row.region.name }),
    );
  }

  listCommunities(ids: string[]): Promise<Region[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Region).find({ where: { id: In(ids), level: 'community' } });
  }

  /** Replaces a worker's skills, areas, hours and cap in one go; false when the cap is below what they hold now. */
  async replaceDispatchProfile(
    manager: EntityManager,
    workerId: string,
    profile: { serviceIds: string[]; regionIds: string[]; workingHours: WorkingDay[]; maxOpenOrders: number },
  ): Promise<boolean> {
    const updated = await manager
      .createQueryBuilder()
      .update(Worker)
      .set({ workingHours: profile.workingHours, maxOpenOrders: profile.maxOpenOrders })
      .where('id = :workerId AND open_orders <= :cap', { workerId, cap: profile.maxOpenOrders })
      .execute();
    if (updated.affected !== 1) return false;
    await manager.getRepository(WorkerSkill).delete({ workerId });
    await manager.getRepository(WorkerArea).delete({ workerId });
    if (profile.serviceIds.length) await manager.getRepository(WorkerSkill).insert(profile.serviceIds.map((serviceId) => ({ workerId, serviceId })));
    if (profile.regionIds.length) await manager.getRepository(WorkerArea).insert(profile.regionIds.map((regionId) => ({ workerId, regionId })));
    return true;
  }

  async setDispatchMode(manager: EntityManager, providerId: string, dispatchMode: DispatchMode): Promise<void> {
    await manager.getRepository(Provider).update({ id: providerId }, { dispatchMode });
  }
}

function groupBy<Row, Value>(rows: Row[], keyOf: (row: Row) => string, valueOf: (row: Row) => Value): Map<string, Value[]> {
  const groups = new Map<string, Value[]>();
  for (const row of rows) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), valueOf(row)]);
  return groups;
}
