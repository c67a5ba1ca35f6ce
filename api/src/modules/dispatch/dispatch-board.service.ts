import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { workingHoursCover, type AssignableWorker, type DispatchBoard, type ServiceOrderDetail, type ServiceOrderView } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { assertRegionInScope } from '../../common/auth/scope';
import { NotFoundError } from '../../common/errors/domain-error';
import { TransactionRunner } from '../../database/transaction-runner';
import { averageRating } from '../providers';
import { DispatchRepository } from './dispatch.repository';
import { Dispatcher, rankWorkersFor } from './dispatcher';
import { OrderActors } from './order-actors';
import { OrderLifecycle, type OrderActorRef } from './order-lifecycle';
import { OrderViews } from './order-views';
import type { ServiceOrder } from './service-order.entity';

const BOARD_LIMIT = 100;

/**
 * Staff oversight of dispatch in their region: the board (pending, offered, escalated, overdue, disputed), manual
 * assignment with a reason, requeue, cancellation and dispute resolution. Orders outside the caller's region are 404.
 */
@Injectable()
export class DispatchBoardService {
  constructor(
    private readonly orders: DispatchRepository,
    private readonly transactions: TransactionRunner,
    private readonly lifecycle: OrderLifecycle,
    private readonly dispatcher: Dispatcher,
    private readonly views: OrderViews,
    private readonly actors: OrderActors,
  ) {}

  async board(auth: AuthContext, centreId: string | null): Promise<DispatchBoard> {
    const region = auth.regionPath!;
    const now = new Date();
    const [pending, offered, escalated, disputed, overdue] = await Promise.all([
      this.orders.listWithinRegion(region, ['pending_dispatch'], centreId, BOARD_LIMIT),
      this.orders.listWithinRegion(region, ['offered'], centreId, BOARD_LIMIT),
      this.orders.listWithinRegion(region, ['escalated'], centreId, BOARD_LIMIT),
      this.orders.listWithinRegion(region, ['disputed'], centreId, BOARD_LIMIT),
      this.orders.listOverdueCandidates(region, centreId, now, BOARD_LIMIT),
    ]);
    const [pendingViews, offeredViews, escalatedViews, disputedViews, overdueViews] = await Promise.all(
      [pending, offered, escalated, disputed, overdue].map((list) => this.views.list(list, now)),
    );
    return { pending: pendingViews, offered: offeredViews, escalated: escalatedViews, overdue: overdueViews, disputed: disputedViews };
  }

  async detail(auth: AuthContext, orderId: string): Promise<ServiceOrderDetail> {
    return this.views.detail(await this.overseen(auth, orderId));
  }

  /** Workers who could do the order, ranked like the dispatcher would, with why it would skip each of them. */
  async candidates(auth: AuthContext, orderId: string): Promise<AssignableWorker[]> {
    const order = await this.overseen(auth, orderId);
    const workers = await this.orders.listAssignable(order);
    const now = new Date();
    const ranked = rankWorkersFor(order, workers, now);
    const rank = new Map(ranked.map((candidate, index) => [candidate.workerId, { index, distance: candidate.distanceMeters }]));
    return workers
      .map((worker): AssignableWorker & { sortKey: number } => {
        const notes = [
          ...(worker.online ? [] : ['当前离线']),
          ...(worker.openOrders >= worker.maxOpenOrders ? ['未完成订单已达上限'] : []),
          ...(workingHoursCover(worker.workingHours, order.windowStartsAt, order.windowEndsAt) ? [] : ['不在工作时间']),
          ...(worker.provider.dispatchMode === 'grab' ? ['所属机构为抢单模式'] : []),
          ...(worker.id === order.workerId ? ['当前已接此单'] : []),
        ];
        const ranking = rank.get(worker.id);
        return {
          id: worker.id,
          name: worker.name,
          providerName: worker.provider.name,
          online: worker.online,
          openOrders: worker.openOrders,
          maxOpenOrders: worker.maxOpenOrders,
          distanceMeters: ranking?.distance ?? null,
          averageRating: averageRating(worker),
          notes,
          sortKey: notes.length * 1000 + (ranking?.index ?? 999),
        };
      })
      .sort((a, b) => a.sortKey - b.sortKey)
      .map(({ sortKey: _sortKey, ...worker }) => worker);
  }

  /** Assigns (or reassigns) the order to a worker who has the skill and serves the area; the worker's cap still holds. */
  async assign(auth: AuthContext, orderId: string, workerId: string, reason: string): Promise<ServiceOrderView> {
    const order = await this.overseen(auth, orderId);
    if (!(await this.orders.listAssignable(order)).some((worker) => worker.id === workerId)) throw new NotFoundError('该服务人员（需具备该服务技能并服务该社区）');
    return this.act(auth, orderId, async (manager, current, by, now) => {
      if (current.currentOfferId) await this.orders.closeOffer(manager, current.currentOfferId, 'withdrawn', now, { reason: '社区人工指派' });
      await this.lifecycle.apply(manager, current, { event: 'assign', by, reason, workerId, set: { workerId, currentOfferId: null }, at: now });
    });
  }

  /** Sends an escalated order back to the dispatcher (refusals reset), e.g. after more workers came online. */
  async requeue(auth: AuthContext, orderId: string, reason: string): Promise<ServiceOrderView> {
    await this.overseen(auth, orderId);
    return this.act(auth, orderId, async (manager, current, by, now) => {
      await this.dispatcher.offerNext(manager, await this.lifecycle.apply(manager, current, { event: 'requeue', by, reason, set: { refusals: 0 }, at: now }), now);
    });
  }

  async cancel(auth: AuthContext, orderId: string, reason: string): Promise<ServiceOrderView> {
    await this.overseen(auth, orderId);
    return this.act(auth, orderId, async (manager, current, by, now) => {
      if (current.currentOfferId) await this.orders.closeOffer(manager, current.currentOfferId, 'withdrawn', now, { reason: '订单已取消' });
      await this.lifecycle.apply(manager, current, { event: 'cancel', by, reason, set: { currentOfferId: null }, at: now });
    });
  }

  async resolve(auth: AuthContext, orderId: string, reason: string): Promise<ServiceOrderView> {
    await this.overseen(auth, orderId);
    return this.act(auth, orderId, async (manager, current, by, now) => {
      await this.lifecycle.apply(manager, current, { event: 'resolve', by, reason, at: now });
    });
  }

  private async act(
    auth: AuthContext,
    orderId: string,
    work: (manager: EntityManager, order: ServiceOrder, by: OrderActorRef, now: Date) => Promise<void>,
  ): Promise<ServiceOrderView> {
    const by = await this.actors.of(auth);
    await this.transactions.write(async (manager) => work(manager, (await this.orders.findOrder(orderId, manager))!, by, new Date()));
    return this.views.one((await this.orders.findOrder(orderId))!);
  }

  private async overseen(auth: AuthContext, orderId: string): Promise<ServiceOrder> {
    const order = await this.orders.findOrder(orderId);
    assertRegionInScope(auth, order?.regionPath, '该订单');
    return order!;
  }
}
