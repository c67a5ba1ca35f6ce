import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ORDER_WORKER_HELD_STATUSES,
  setOutState,
  workingHoursCover,
  type DispatchOfferView,
  type OrderPhoneView,
  type ServiceOrderDetail,
  type ServiceOrderView,
  type WorkbenchProfileView,
} from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { KeyedQueue } from '../../common/concurrency/keyed-queue';
import { DomainError, NotFoundError } from '../../common/errors/domain-error';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TransactionRunner } from '../../database/transaction-runner';
import { WorkerProfiles, type Worker } from '../providers';
import { DispatchRepository, type GrabFacts, type OrderViewRow, type PoolWorker } from './dispatch.repository';
import { Dispatcher } from './dispatcher';
import { MealRunDispatch } from './meal-run-dispatch';
import { OrderLifecycle, type OrderActorRef } from './order-lifecycle';
import { OrderPhones } from './order-phones';
import { OrderViews } from './order-views';
import type { ServiceOrder } from './service-order.entity';
import { mealRunMovesByStops, offerExpired, offerGone, orderTaken, setOutTooEarly, workerOffline } from './dispatch.errors';

const LIST_LIMIT = 50;
const HISTORY_STATUSES = ['completed', 'confirmed', 'disputed', 'cancelled'] as const;

/** A worker's account whose worker record is gone: 404, the same for every workbench route. */
const workerProfileMissing = () => new NotFoundError('服务人员档案');

type Position = { latitude: number; longitude: number };

/**
 * The worker's side: presence and position, the current offer, the grab pool, and the jobs they hold. A worker
 * only ever reaches orders offered to them, held by them, or in the pool they are eligible for; anything else is 404.
 */
@Injectable()
export class WorkbenchService {
  /** Grabs of one order on this instance, one at a time (grab). */
  private readonly grabTurns = new KeyedQueue();

  constructor(
    private readonly orders: DispatchRepository,
    private readonly transactions: TransactionRunner,
    private readonly lifecycle: OrderLifecycle,
    private readonly dispatcher: Dispatcher,
    private readonly views: OrderViews,
    private readonly profiles: WorkerProfiles,
    private readonly phones: OrderPhones,
    private readonly mealRuns: MealRunDispatch,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The worker's profile, with the set-out lead the workbench needs to offer 出发 only when the API accepts it. */
  async profile(auth: AuthContext): Promise<WorkbenchProfileView> {
    const [view] = await this.profiles.views([await this.me(auth)]);
    return { ...view, setOutLeadMinutes: this.config.dispatch.setOutLeadMinutes };
  }

  /** Online/offline, with the position when the phone has one. Going offline does not drop jobs already held. */
  async setPresence(auth: AuthContext, online: boolean, position: Partial<Position>): Promise<WorkbenchProfileView> {
    const worker = await this.me(auth);
    const hasPosition = position.latitude !== undefined && position.longitude !== undefined;
    await this.transactions.write((manager) =>
      this.orders.setPresence(manager, worker.id, {
        online,
        ...(hasPosition ? { latitudeE6: Math.round(position.latitude! * 1e6), longitudeE6: Math.round(position.longitude! * 1e6), positionAt: new Date() } : {}),
      }),
    );
    return this.profile(auth);
  }

  async setPosition(auth: AuthContext, position: Position): Promise<WorkbenchProfileView> {
    const worker = await this.me(auth);
    await this.transactions.write((manager) =>
      this.orders.setPresence(manager, worker.id, { latitudeE6: Math.round(position.latitude * 1e6), longitudeE6: Math.round(position.longitude * 1e6), positionAt: new Date() }),
    );
    return this.profile(auth);
  }

  /**
   * The open offer, if any, with the order and when it expires. Polled by every online worker's phone, so the worker,
   * the offer and the order's view come from one plain query (issue 17).
   */
  async currentOffer(auth: AuthContext): Promise<DispatchOfferView | null> {
    const polled = await this.orders.findOpenOfferOfAccount(auth.accountId);
    if (!polled) throw workerProfileMissing();
    const { offer } = polled;
    const now = new Date();
    if (!offer?.order || offer.expiresAt <= now) return null;
    const secondsLeft = Math.floor((offer.expiresAt.getTime() - now.getTime()) / 1000);
    const [order] = await this.views.fromRows([offer.order], now);
    return { id: offer.id, expiresAt: offer.expiresAt.toISOString(), secondsLeft, distanceMeters: offer.distanceMeters, order };
  }

  /**
   * Accepts an offer while it is open and unexpired. The offer is closed by a conditional UPDATE first, so of two
   * concurrent accepts (or an accept racing the expiry sweep) exactly one wins.
   */
  async accept(auth: AuthContext, offerId: string): Promise<ServiceOrderView> {
    const worker = await this.me(auth);
    const offer = await this.orders.findOffer(offerId);
    if (!offer || offer.workerId !== worker.id) throw new NotFoundError('该派单');
    const now = new Date();
    await this.transactions.write(async (manager) => {
      if (!(await this.orders.closeOffer(manager, offerId, 'accepted', now, { workerId: worker.id, unexpiredAt: now }))) throw await this.offerGone(manager, offerId, now);
      const order = (await this.orders.findOrder(offer.orderId, manager))!;
      await this.lifecycle.apply(manager, order, {
        event: 'accept',
        by: this.actor(worker),
        workerId: worker.id,
        set: { workerId: worker.id, currentOfferId: null },
        guard: { currentOfferId: offerId },
        at: now,
      });
    });
    return this.views.one((await this.orders.findOrder(offer.orderId))!);
  }

  /** Refuses an offer with a reason; the order goes straight to the next candidate (or to staff after K refusals). */
  async reject(auth: AuthContext, offerId: string, reason: string): Promise<void> {
    const worker = await this.me(auth);
    const offer = await this.orders.findOffer(offerId);
    if (!offer || offer.workerId !== worker.id) throw new NotFoundError('该派单');
    const now = new Date();
    await this.transactions.write(async (manager) => {
      if (!(await this.orders.closeOffer(manager, offerId, 'rejected', now, { workerId: worker.id, reason, unexpiredAt: now }))) throw await this.offerGone(manager, offerId, now);
      const order = (await this.orders.findOrder(offer.orderId, manager))!;
      const pending = await this.lifecycle.apply(manager, order, {
        event: 'reject',
        by: this.actor(worker),
        workerId: worker.id,
        reason,
        set: { currentOfferId: null, refusals: () => 'refusals + 1' },
        guard: { currentOfferId: offerId },
        at: now,
      });
      await this.dispatcher.offerNext(manager, { ...pending, refusals: order.refusals + 1 }, now);
    });
  }

  /** Pool orders the worker could grab now (their skills, areas and hours): polled, so read as plain rows (issue 17). */
  async pool(auth: AuthContext): Promise<ServiceOrderView[]> {
    const worker = await this.orders.findPoolWorker(auth.accountId);
    if (!worker) throw workerProfileMissing();
    return this.views.fromRows(await this.eligiblePool(worker));
  }

  /** Nothing while offline or at the cap (they could not take any of it); otherwise their skills, areas and hours. */
  private async eligiblePool(worker: PoolWorker): Promise<OrderViewRow[]> {
    if (!worker.online || worker.openOrders >= worker.maxOpenOrders) return [];
    return (await this.orders.listPoolFor(worker, LIST_LIMIT)).filter((order) => workingHoursCover(worker.workingHours, order.windowStartsAt, order.windowEndsAt));
  }

  /**
   * First come, first served: the conditional UPDATE on the order lets exactly one of any number of grabs win, on any
   * number of instances. In a burst most grabs lose, so everything a grab checks before its transaction comes from one
   * plain read (GrabFacts), and the winner's answer from one more (issue 17: the 2000-grab storm). On this instance the
   * grabs of one order also take turns before they read: otherwise each loser waited inside its transaction for the
   * winner's row lock, holding a pooled connection all the while, and the grabs of other orders (their winners too)
   * queued behind them for a connection. Taking turns, the first wins and the others are answered from their read.
   */
  grab(auth: AuthContext, orderId: string): Promise<ServiceOrderView> {
    return this.grabTurns.run(orderId, () => this.grabInTurn(auth, orderId));
  }

  private async grabInTurn(auth: AuthContext, orderId: string): Promise<ServiceOrderView> {
    const facts = await this.orders.findGrabFacts(auth.accountId, orderId);
    if (!facts) throw workerProfileMissing();
    const { worker, order } = facts;
    // Orders that could never be in this worker's pool (other skills or areas, assign mode, outside their hours) are
    // 404 like missing ones, whatever their status; only for an order that was theirs to grab does a lost race say so.
    if (!order || !couldGrab(worker, order)) throw new NotFoundError('该订单');
    if (!worker.online) throw workerOffline();
    if (order.status !== 'pending_dispatch') throw orderTaken();
    const now = new Date();
    const by = this.actor({ accountId: auth.accountId, name: worker.name });
    // The winner's answer is read on the transaction's own connection before it commits: a read after it would wait
    // for a pooled connection behind the rest of a burst, so the winners of a storm were answered last.
    const won = await this.transactions.write(async (manager) => {
      const current = (await this.orders.findOrderState(orderId, manager))!;
      if (current.status !== 'pending_dispatch') throw orderTaken();
      try {
        await this.lifecycle.apply(manager, current, { event: 'grab', by, workerId: worker.id, set: { workerId: worker.id }, at: now });
      } catch (error) {
        if ((error as { code?: string }).code === 'INVALID_TRANSITION') throw orderTaken();
        throw error;
      }
      return (await this.orders.findOrderViewRow(orderId, manager))!;
    });
    const [view] = await this.views.fromRows([won]);
    return view;
  }

  async listOrders(auth: AuthContext, state: 'active' | 'history'): Promise<ServiceOrderView[]> {
    const worker = await this.me(auth);
    const orders =
      state === 'active'
        ? await this.orders.listForWorker(worker.id, ORDER_WORKER_HELD_STATUSES, false, LIST_LIMIT)
        : await this.orders.listForWorker(worker.id, HISTORY_STATUSES, true, LIST_LIMIT);
    return this.views.list(orders);
  }

  async detail(auth: AuthContext, orderId: string): Promise<ServiceOrderDetail> {
    return this.views.detail(await this.held(await this.me(auth), orderId));
  }

  /**
   * 出发 tells the resident the worker is on the way, so it is refused before the service day and before the lead
   * time (DISPATCH_SET_OUT_LEAD_MINUTES) ahead of the window: 409 SET_OUT_TOO_EARLY says from when it is possible.
   * Setting out with a meal run takes its ready meals out for delivery in the same transaction.
   */
  setOut(auth: AuthContext, orderId: string): Promise<ServiceOrderView> {
    return this.progress(auth, orderId, async (manager, order, by, now) => {
      const state = setOutState(order.windowStartsAt, this.config.dispatch.setOutLeadMinutes, now);
      if (!state.allowed && order.status === 'accepted') throw setOutTooEarly(state.notice, state.opensAt);
      await this.lifecycle.apply(manager, order, { event: 'set_out', by, guard: { workerId: order.workerId! }, at: now });
      if (order.kind === 'meal_delivery') await this.mealRuns.stops().setOut(manager, order.id, now);
    });
  }

  /** A meal run starts and completes by its stops (MealRunDispatch.stopSettled), not by these two buttons. */
  start(auth: AuthContext, orderId: string): Promise<ServiceOrderView> {
    return this.progress(auth, orderId, (manager, order, by, now) => {
      if (order.kind === 'meal_delivery') throw mealRunMovesByStops(order.status, 'start');
      return this.lifecycle.apply(manager, order, { event: 'start', by, guard: { workerId: order.workerId! }, at: now });
    });
  }

  complete(auth: AuthContext, orderId: string, note: string): Promise<ServiceOrderView> {
    return this.progress(auth, orderId, (manager, order, by, now) => {
      if (order.kind === 'meal_delivery') throw mealRunMovesByStops(order.status, 'complete');
      return this.lifecycle.apply(manager, order, {
        event: 'complete',
        by,
        reason: note,
        set: { completionNote: note.trim(), completedAt: now },
        guard: { workerId: order.workerId! },
        at: now,
      });
    });
  }

  /** The resident's full number, to call them about an order this worker holds or has just finished (audited). */
  async callResident(auth: AuthContext, orderId: string): Promise<OrderPhoneView> {
    return this.phones.residentOf(auth, await this.held(await this.me(auth), orderId));
  }

  /** The number of the elder at one stop of a meal run this worker holds, under the same rules as callResident. */
  async callStop(auth: AuthContext, orderId: string, mealOrderId: string): Promise<OrderPhoneView> {
    const order = await this.held(await this.me(auth), orderId);
    const stop = order.kind === 'meal_delivery' ? await this.mealRuns.stops().stopContact(order.id, mealOrderId) : null;
    if (!stop) throw new NotFoundError('该送餐订单');
    return this.phones.elderAtStop(auth, order, stop);
  }

  private async progress(
    auth: AuthContext,
    orderId: string,
    step: (manager: EntityManager, order: ServiceOrder, by: OrderActorRef, now: Date) => Promise<unknown>,
  ): Promise<ServiceOrderView> {
    const worker = await this.me(auth);
    await this.held(worker, orderId);
    await this.transactions.write(async (manager) => step(manager, (await this.orders.findOrder(orderId, manager))!, this.actor(worker), new Date()));
    return this.views.one((await this.orders.findOrder(orderId))!);
  }

  /** An order this worker holds or held; 404 for any other (including other workers' orders). */
  private async held(worker: Worker, orderId: string): Promise<ServiceOrder> {
    const order = await this.orders.findOrder(orderId);
    if (!order || order.workerId !== worker.id) throw new NotFoundError('该订单');
    return order;
  }

  private async me(auth: AuthContext): Promise<Worker> {
    const worker = await this.orders.findWorkerByAccount(auth.accountId);
    if (!worker) throw workerProfileMissing();
    return worker;
  }

  private actor(worker: Pick<Worker, 'accountId' | 'name'>): OrderActorRef {
    return { actor: 'worker', accountId: worker.accountId, name: worker.name, auth: null };
  }

  /** Why an offer could not be closed: it expired (the sweep re-dispatches it) or was already answered/withdrawn. */
  private async offerGone(manager: EntityManager, offerId: string, now: Date): Promise<DomainError> {
    const offer = await this.orders.findOffer(offerId, manager);
    if (offer && (offer.status === 'expired' || (offer.status === 'open' && offer.expiresAt <= now))) return offerExpired();
    return offerGone(offer?.status);
  }
}

/**
 * Whether the order is of the kind this worker's pool shows (whether or not someone took it meanwhile): a service
 * order of their skill and community, in grab mode or theirs is a grab provider, within their hours. Meal runs are
 * offered, never pooled.
 */
function couldGrab(worker: GrabFacts['worker'], order: NonNullable<GrabFacts['order']>): boolean {
  const inTheirPool = order.dispatchMode === 'grab' || worker.providerDispatchMode === 'grab';
  return order.serviceId !== null && inTheirPool && order.covered && workingHoursCover(worker.workingHours, order.windowStartsAt, order.windowEndsAt);
}
