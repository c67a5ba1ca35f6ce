import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Provider } from './provider.entity';
import { Worker } from './worker.entity';

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
    return this.dataSource.getRepository(Worker).find({ where: { providerId }, order: { createdAt: 'ASC' } });
  }

  findWorker(providerId: string, workerId: string): Promise<Worker | null> {
    return this.dataSource.getRepository(Worker).findOne({ where: { id: workerId, providerId } });
  }

  async insertProvider(manager: EntityManager, provider: Pick<Provider, 'id' | 'name' | 'regionId' | 'status'>): Promise<void> {
    await manager.getRepository(Provider).insert(provider);
  }

  async setStatus(manager: EntityManager, providerId: string, status: Provider['status']): Promise<void> {
    await manager.getRepository(Provider).update({ id: providerId }, { status });
  }

  async insertWorker(manager: EntityManager, worker: Pick<Worker, 'id' | 'providerId' | 'name' | 'phoneCipher' | 'accountId'>): Promise<void> {
    await manager.getRepository(Worker).insert(worker);
  }
}
