import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { CentreService } from '../catalogue/centre-service.entity';
import { ServiceOrder } from './service-order.entity';

@Injectable()
export class HomeOrdersRepository {
  constructor(private readonly dataSource: DataSource) {}

  findOffering(centreId: string, serviceId: string): Promise<CentreService | null> {
    return this.dataSource.getRepository(CentreService).findOne({ where: { centreId, serviceId }, relations: { centre: { region: true }, service: true } });
  }

  async insert(manager: EntityManager, order: Omit<ServiceOrder, 'centreService' | 'resident' | 'createdAt'>): Promise<void> {
    await manager.getRepository(ServiceOrder).insert(order);
  }

  /** Orders for any of these people, with service, centre and person, newest first. */
  listForPeople(residentIds: string[], limit: number): Promise<ServiceOrder[]> {
    if (residentIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(ServiceOrder).find({ where: { residentId: In(residentIds) }, relations: { centreService: { centre: true, service: true }, resident: true }, order: { createdAt: 'DESC' }, take: limit });
  }

  findWithDetails(orderId: string): Promise<ServiceOrder | null> {
    return this.dataSource.getRepository(ServiceOrder).findOne({ where: { id: orderId }, relations: { centreService: { centre: true, service: true }, resident: true } });
  }
}
