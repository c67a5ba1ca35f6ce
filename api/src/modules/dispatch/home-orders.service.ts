import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { HOME_VISIT_NOTICE_MINUTES, meetsNotice, type HomeOrderInput, type OrderPhoneView, type ServiceOrderDetail, type ServiceOrderView } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { NotFoundError, ValidationFailedError } from '../../common/errors/domain-error';
import { Idempotency, type Remember } from '../../common/idempotency/idempotency';
import { isDuplicateKey } from '../../database/sql';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit';
import { CatalogueRepository } from '../catalogue';
import { ResidentAccess, ResidentsRepository } from '../residents';
import { DispatchRepository } from './dispatch.repository';
import { Dispatcher } from './dispatcher';
import { OrderActors } from './order-actors';
import { OrderLifecycle, type OrderActorRef } from './order-lifecycle';
import { OrderPhones } from './order-phones';
import { inResidentWords, OrderViews } from './order-views';
import type { ServiceOrder } from './service-order.entity';
import { alreadyRated, notAHomeService, notYetRateable } from './dispatch.errors';

type NewOrder = Parameters<DispatchRepository['insertOrder']>[1];

const MAX_WINDOW_DAYS_AHEAD = 30;
const LIST_LIMIT = 100;

/**
 * Home-mode services (上门服务) as the resident sees them: request one (address, time window, what is needed), follow
 * it, cancel it while the worker has not set out, confirm, rate and complain. The dispatcher takes it from creation.
 */
@Injectable()
export class HomeOrdersService {
  constructor(
    private readonly orders: DispatchRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly transactions: TransactionRunner,
    private readonly residents: ResidentsRepository,
    private readonly access: ResidentAccess,
    private readonly audit: AuditService,
    private readonly lifecycle: OrderLifecycle,
    private readonly dispatcher: Dispatcher,
    private readonly views: OrderViews,
    private readonly actors: OrderActors,
    private readonly phones: OrderPhones,
    private readonly idempotency: Idempotency,
  ) {}

  /**
   * With an Idempotency-Key (Idempotency, as for bookings), a retry after a lost response returns the first order
   * instead of sending a second worker; the same key with another request is refused.
   */
  async create(auth: AuthContext, input: HomeOrderInput, idempotencyKey?: string): Promise<ServiceOrderView> {
    return this.idempotency.run<{ orderId: string }, ServiceOrderView>(
      idempotencyKey ? { accountId: auth.accountId, key: idempotencyKey } : null,
      'home-order',
      input,
      (remember) => this.place(auth, input, remember),
      async ({ orderId }) => {
        const order = await this.orders.findOrder(orderId);
        return order ? this.worded(auth, await this.views.one(order)) : null;
      },
    );
  }

  private async place(auth: AuthContext, input: HomeOrderInput, remember: Remember<{ orderId: string }>): Promise<ServiceOrderView> {
    const offering = await this.catalogue.findOfferingWithDetails(input.centreId, input.serviceId);
    if (!offering || !offering.enabled) throw new NotFoundError('该市民中心的这项服务');
    if (offering.service.mode !== 'home') throw notAHomeService();
    const startsAt = new Date(input.windowStartsAt);
    const endsAt = new Date(input.windowEndsAt);
    const now = Date.now();
    if (!(endsAt > startsAt) || startsAt.getTime() < now || startsAt.getTime() > now + MAX_WINDOW_DAYS_AHEAD * 24 * 3600 * 1000) {
      throw new ValidationFailedError([
        { field: 'windowStartsAt', constraints: ['window'], message: `the window must start in the future, within ${MAX_WINDOW_DAYS_AHEAD} days, and end after it starts` },
      ]);
    }
    if (!meetsNotice(startsAt, new Date(now), HOME_VISIT_NOTICE_MINUTES)) {
      throw new ValidationFailedError([
        { field: 'windowStartsAt', constraints: ['notice'], message: `the window must start at least ${HOME_VISIT_NOTICE_MINUTES} minutes from now` },
      ]);
    }
    await this.access.assertMayActFor(auth, input.residentId);
    const person = await this.residents.findWithCommunity(input.residentId);
    const community = person?.community?.level === 'community' ? person.community : null;
    const id = randomUUID();
    const order: NewOrder = {
      id,
      kind: 'home_service',
      status: 'pending_dispatch',
      dispatchMode: offering.service.dispatchMode,
      centreServiceId: offering.id,
      serviceId: offering.serviceId,
      residentId: input.residentId,
      // The person's community is where the work happens: its staff (and those above it) oversee the dispatch.
      regionPath: community?.path ?? offering.centre.region.path,
      communityId: community?.id ?? offering.centre.regionId,
      address: input.address.trim(),
      latitudeE6: Math.round((input.latitude ?? offering.centre.latitudeE6 / 1e6) * 1e6),
      longitudeE6: Math.round((input.longitude ?? offering.centre.longitudeE6 / 1e6) * 1e6),
      windowStartsAt: startsAt,
      windowEndsAt: endsAt,
      description: input.description.trim(),
      workerId: null,
      currentOfferId: null,
      version: 0,
      refusals: 0,
      slaWarnedAt: null,
      completionNote: null,
      photoCount: 0,
      completedAt: null,
      createdByAccountId: auth.accountId,
    };
    // The order, its audit entry and (with a key) the idempotency record, in one transaction.
    await this.transactions.write(async (manager) => {
      await remember(manager, { orderId: id });
      await this.orders.insertOrder(manager, order);
      await this.audit.record(manager, auth, {
        action: 'service_order.created',
        targetType: 'service_order',
        targetId: order.id,
        regionPath: order.regionPath,
        details: { serviceId: order.serviceId },
      });
    });
    // After commit: a failed first dispatch is retried by the sweep, the order is already safe.
    await this.dispatcher.dispatchQuietly(id);
    return this.worded(auth, await this.views.one((await this.orders.findOrder(id))!));
  }

  /** The caller's and their household's home-service orders, newest first. */
  async listMine(auth: AuthContext): Promise<ServiceOrderView[]> {
    const views = await this.views.list(await this.orders.listForPeople(await this.access.selfAndHousehold(auth), LIST_LIMIT));
    return views.map((view) => this.worded(auth, view));
  }

  async detail(auth: AuthContext, orderId: string): Promise<ServiceOrderDetail> {
    return this.worded(auth, await this.views.detail(await this.mine(auth, orderId)));
  }

  /** The worker's full number to dial, while the order is live (audited; see OrderPhones). */
  async callWorker(auth: AuthContext, orderId: string): Promise<OrderPhoneView> {
    return this.phones.workerOf(auth, await this.mine(auth, orderId));
  }

  /** Before the worker sets out (the state machine says when); frees the worker's place or withdraws the offer. */
  async cancel(auth: AuthContext, orderId: string, reason: string): Promise<ServiceOrderView> {
    return this.act(auth, orderId, async (manager, order, by, now) => {
      if (order.currentOfferId) await this.orders.closeOffer(manager, order.currentOfferId, 'withdrawn', now, { reason: '订单已取消' });
      await this.lifecycle.apply(manager, order, { event: 'cancel', by, reason, set: { currentOfferId: null }, at: now });
    });
  }

  async confirm(auth: AuthContext, orderId: string): Promise<ServiceOrderView> {
    return this.act(auth, orderId, (manager, order, by, now) => this.lifecycle.apply(manager, order, { event: 'confirm', by, at: now }).then(() => undefined));
  }

  /**
   * One rating per order, once the work is done. Rating a completed order also confirms it (the resident is
   * clearly satisfied enough to rate). Counts and sums grow on the worker and the provider in the same transaction.
   */
  async rate(auth: AuthContext, orderId: string, input: { score: number; comment?: string }): Promise<ServiceOrderView> {
    try {
      return await this.act(auth, orderId, async (manager, order, by, now) => {
        if (order.status !== 'completed' && order.status !== 'confirmed') throw notYetRateable(order.status);
        if (order.status === 'completed') await this.lifecycle.apply(manager, order, { event: 'confirm', by, reason: '评价时确认完成', at: now });
        await this.orders.addRating(manager, {
          orderId,
          workerId: order.workerId!,
          providerId: order.worker!.providerId,
          score: input.score,
          comment: input.comment?.trim() || null,
          ratedByAccountId: auth.accountId,
          createdAt: now,
        });
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw alreadyRated();
      throw error;
    }
  }

  async complain(auth: AuthContext, orderId: string, reason: string): Promise<ServiceOrderView> {
    return this.act(auth, orderId, (manager, order, by, now) => this.lifecycle.apply(manager, order, { event: 'dispute', by, reason, at: now }).then(() => undefined));
  }

  /** Runs a resident action on a fresh read of the order inside one transaction, then returns the new view. */
  private async act(
    auth: AuthContext,
    orderId: string,
    work: (manager: EntityManager, order: ServiceOrder, by: OrderActorRef, now: Date) => Promise<void>,
  ): Promise<ServiceOrderView> {
    await this.mine(auth, orderId);
    const by = await this.actors.of(auth);
    await this.transactions.write(async (manager) => work(manager, (await this.orders.findOrder(orderId, manager))!, by, new Date()));
    return this.worded(auth, await this.views.one((await this.orders.findOrder(orderId))!));
  }

  /** Residents read their orders in plain words; staff placing an order for someone keep the dispatcher's. */
  private worded<T extends ServiceOrderView | ServiceOrderDetail>(auth: AuthContext, view: T): T {
    return auth.role === 'resident' ? inResidentWords(view) : view;
  }

  /** The order, if the caller may act for its person; 404 otherwise (like a missing one). */
  private async mine(auth: AuthContext, orderId: string): Promise<ServiceOrder> {
    const order = await this.orders.findOrder(orderId);
    if (!order?.residentId || !(await this.access.mayReach(auth, order.residentId, order.regionPath))) throw new NotFoundError('该订单');
    return order;
  }
}
