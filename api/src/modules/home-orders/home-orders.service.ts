import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ServiceOrderView } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { DomainError, NotFoundError, ValidationFailedError } from '../../common/errors/domain-error';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit/audit.service';
import { ResidentAccess } from '../residents/resident-access';
import { ResidentsRepository } from '../residents/residents.repository';
import { HomeOrdersRepository } from './home-orders.repository';
import type { ServiceOrder } from './service-order.entity';

export interface HomeOrderInput {
  centreId: string;
  serviceId: string;
  residentId: string;
  address: string;
  windowStartsAt: string;
  windowEndsAt: string;
  description: string;
}

const MAX_WINDOW_DAYS_AHEAD = 30;
const LIST_LIMIT = 100;

/**
 * Home-mode services (上门服务) are not slots at a desk: the resident gives an address, a time window and what is
 * needed, and the request waits in `pending_dispatch` for the dispatch module. This is the hand-over point.
 */
@Injectable()
export class HomeOrdersService {
  constructor(
    private readonly orders: HomeOrdersRepository,
    private readonly transactions: TransactionRunner,
    private readonly residents: ResidentsRepository,
    private readonly access: ResidentAccess,
    private readonly audit: AuditService,
  ) {}

  async create(auth: AuthContext, input: HomeOrderInput): Promise<ServiceOrderView> {
    const offering = await this.orders.findOffering(input.centreId, input.serviceId);
    if (!offering || !offering.enabled) throw new NotFoundError('该市民中心的这项服务');
    if (offering.service.mode !== 'home') throw new DomainError('SLOT_UNAVAILABLE', '该服务需要预约到中心办理的时段', { reason: 'not_home_service' });
    const startsAt = new Date(input.windowStartsAt);
    const endsAt = new Date(input.windowEndsAt);
    const now = Date.now();
    if (!(endsAt > startsAt) || startsAt.getTime() < now || startsAt.getTime() > now + MAX_WINDOW_DAYS_AHEAD * 24 * 3600 * 1000) {
      throw new ValidationFailedError([{ field: 'windowStartsAt', constraints: ['window'], message: `the window must start in the future, within ${MAX_WINDOW_DAYS_AHEAD} days, and end after it starts` }]);
    }
    await this.access.assertMayActFor(auth, input.residentId);
    const id = randomUUID();
    await this.transactions.write(async (manager) => {
      await this.orders.insert(manager, {
        id,
        kind: 'home_service',
        status: 'pending_dispatch',
        centreServiceId: offering.id,
        residentId: input.residentId,
        regionPath: offering.centre.region.path,
        address: input.address.trim(),
        windowStartsAt: startsAt,
        windowEndsAt: endsAt,
        description: input.description.trim(),
        createdByAccountId: auth.accountId,
      });
      await this.audit.record(manager, auth, { action: 'service_order.created', targetType: 'service_order', targetId: id, regionPath: offering.centre.region.path, details: { serviceId: offering.serviceId } });
    });
    return toView((await this.orders.findWithDetails(id))!);
  }

  /** The caller's and their household's home-service requests, newest first. */
  async listMine(auth: AuthContext): Promise<ServiceOrderView[]> {
    if (!auth.residentId) return [];
    const links = await this.residents.listMemberLinks(auth.residentId);
    return (await this.orders.listForPeople([auth.residentId, ...links.map((link) => link.memberResidentId)], LIST_LIMIT)).map(toView);
  }
}

function toView(order: ServiceOrder): ServiceOrderView {
  return {
    id: order.id,
    kind: order.kind,
    status: order.status,
    service: { id: order.centreService.service.id, name: order.centreService.service.name },
    centre: { id: order.centreService.centre.id, name: order.centreService.centre.name },
    person: { id: order.resident.id, name: order.resident.name },
    address: order.address,
    windowStartsAt: order.windowStartsAt.toISOString(),
    windowEndsAt: order.windowEndsAt.toISOString(),
    description: order.description,
    createdAt: order.createdAt.toISOString(),
  };
}
