import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isOrderOverdue, rankCandidates, workingHoursCover, type GeoPoint, type RankedCandidate } from '@linli/shared';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TransactionRunner } from '../../database/transaction-runner';
import { OutboxService } from '../outbox';
import type { Worker } from '../providers';
import { DispatchRepository, type OfferCandidate } from './dispatch.repository';
import { DISPATCHER, OrderLifecycle } from './order-lifecycle';
import type { ServiceOrder } from './service-order.entity';

const SWEEP_BATCH = 100;
/** A meal run has no service row to carry an offer window: the catalogue's default. */
const MEAL_RUN_OFFER_WINDOW_SECONDS = 300;
const DAY_MS = 24 * 3600_000;

export function orderPlace(order: Pick<ServiceOrder, 'latitudeE6' | 'longitudeE6'>): GeoPoint {
  return { latitude: order.latitudeE6 / 1e6, longitude: order.longitudeE6 / 1e6 };
}

export function workerPosition(worker: Pick<Worker, 'latitudeE6' | 'longitudeE6'>): GeoPoint | null {
  return worker.latitudeE6 === null || worker.longitudeE6 === null ? null : { latitude: worker.latitudeE6 / 1e6, longitude: worker.longitudeE6 / 1e6 };
}

/** The ranked workers the dispatcher would offer an order to, best first (working hours applied). */
export function rankWorkersFor(order: ServiceOrder, workers: OfferCandidate[], now: Date): RankedCandidate[] {
  const available = workers.filter((worker) => workingHoursCover(worker.workingHours, order.windowStartsAt, order.windowEndsAt));
  return rankCandidates(
    available.map((worker) => ({
      workerId: worker.id,
      position: workerPosition(worker),
      openOrders: worker.openOrders,
      maxOpenOrders: worker.maxOpenOrders,
      ratingSum: worker.ratingSum,
      ratingCount: worker.ratingCount,
      lastOfferedAt: worker.lastOfferedAt,
    })),
    orderPlace(order),
    now,
  );
}

/**
 * The dispatch engine. Its state is in the database only: an order's status, its open offer's `expiresAt`, the
 * refusal count. Every step is a transaction whose first write is a conditional UPDATE, so any number of API
 * instances may run the same step on the same order and exactly one of them changes anything.
 */
@Injectable()
export class Dispatcher {
  private readonly logger = new Logger(Dispatcher.name);

  constructor(
    private readonly orders: DispatchRepository,
    private readonly lifecycle: OrderLifecycle,
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Offers a pending assign-mode order to the best candidate, or escalates it when there is none or it was refused
   * too often. Grab-mode orders wait in the pool. Call inside the transaction that left the order pending, with the
   * order as that transaction last read or moved it (its version decides whether the move still holds).
   */
  async offerNext(manager: EntityManager, order: ServiceOrder, now: Date): Promise<void> {
    if (order.status !== 'pending_dispatch' || order.dispatchMode === 'grab') return;
    const { maxRefusals, offerWindowSecondsOverride } = this.config.dispatch;
    if (order.refusals >= maxRefusals) {
      await this.lifecycle.apply(manager, order, { event: 'escalate', by: DISPATCHER, reason: `已有 ${order.refusals} 位服务人员拒单或超时未接单`, at: now });
      return;
    }
    const [best] = rankWorkersFor(order, await this.orders.listOfferCandidates(manager, order, now), now);
    if (!best) {
      await this.lifecycle.apply(manager, order, { event: 'escalate', by: DISPATCHER, reason: '暂无符合条件的在线服务人员', at: now });
      return;
    }
    const offerId = randomUUID();
    const windowSeconds = offerWindowSecondsOverride ?? order.centreService?.service.offerWindowSeconds ?? MEAL_RUN_OFFER_WINDOW_SECONDS;
    // The order names its offer before the offer exists: the database accepts an open offer only as the current
    // offer of an offered order (docs/dispatch.md, "Invariants").
    await this.lifecycle.apply(manager, order, { event: 'offer', by: DISPATCHER, workerId: best.workerId, set: { currentOfferId: offerId }, at: now });
    await this.orders.insertOffer(manager, {
      id: offerId,
      orderId: order.id,
      workerId: best.workerId,
      status: 'open',
      distanceMeters: best.distanceMeters,
      offeredAt: now,
      expiresAt: new Date(now.getTime() + windowSeconds * 1000),
      respondedAt: null,
      reason: null,
    });
    await this.orders.markOffered(manager, best.workerId, now);
  }

  /** Dispatches one order now (right after it was created, or after staff requeued it). */
  async dispatch(orderId: string, now = new Date()): Promise<void> {
    await this.transactions.write(async (manager) => {
      const order = await this.orders.findOrder(orderId, manager);
      if (order) await this.offerNext(manager, order, now);
    });
  }

  /** Like `dispatch`, for callers that must not fail because of it: the sweep retries what fails here. */
  async dispatchQuietly(orderId: string): Promise<void> {
    try {
      await this.dispatch(orderId);
    } catch (error) {
      this.logger.warn(`dispatch of order ${orderId} deferred to the sweep: ${(error as Error).message}`);
    }
  }

  /**
   * Expires every open offer past its window and offers the order to the next candidate. The conditional close of
   * the offer decides which instance does it: each expiry leads to exactly one re-dispatch. An offer whose order has
   * moved on without it (which the database no longer lets happen, but rows from before may exist) is withdrawn.
   */
  async sweepExpiredOffers(now = new Date()): Promise<number> {
    let expired = 0;
    await this.eachRow(
      await this.orders.listExpiredOpenOffers(now, SWEEP_BATCH),
      (offer) => `expiry of offer ${offer.id}`,
      async (offer) => {
        const outcome = await this.transactions.write(async (manager) => {
          const order = (await this.orders.findOrder(offer.orderId, manager))!;
          if (order.status !== 'offered' || order.currentOfferId !== offer.id) {
            return (await this.orders.closeOffer(manager, offer.id, 'withdrawn', now, { reason: '订单已不在派单中' })) ? 'withdrawn' : 'lost';
          }
          if (!(await this.orders.closeOffer(manager, offer.id, 'expired', now, { expiredBy: now }))) return 'lost';
          const pending = await this.lifecycle.apply(manager, order, {
            event: 'expire',
            by: DISPATCHER,
            workerId: offer.workerId,
            reason: '超时未接单',
            set: { currentOfferId: null, refusals: () => 'refusals + 1' },
            guard: { currentOfferId: offer.id },
            at: now,
          });
          await this.offerNext(manager, { ...pending, refusals: order.refusals + 1 }, now);
          return 'expired';
        });
        if (outcome === 'expired') {
          expired++;
          this.logger.log(`offer ${offer.id} expired; order ${offer.orderId} moved on`);
        } else if (outcome === 'withdrawn') {
          this.logger.warn(`offer ${offer.id} was open on order ${offer.orderId}, which had moved on without it; withdrawn`);
        }
      },
    );
    return expired;
  }

  /** Pending assign-mode orders whose first dispatch failed (a crash between commit and dispatch, a lost race). */
  async sweepAwaitingOffer(now = new Date()): Promise<void> {
    await this.eachRow(
      await this.orders.listAwaitingOffer(SWEEP_BATCH),
      (order) => `dispatch of order ${order.id}`,
      (order) => this.dispatch(order.id, now),
    );
  }

  /** Grab-mode orders nobody took in time go to the staff queue. */
  async sweepUnclaimedPool(now = new Date()): Promise<void> {
    const { grabPoolMinutes } = this.config.dispatch;
    const cutoff = new Date(now.getTime() - grabPoolMinutes * 60_000);
    await this.eachRow(
      await this.orders.listUnclaimedPool(cutoff, SWEEP_BATCH),
      (order) => `escalation of pool order ${order.id}`,
      (pooled) =>
        this.transactions.write(async (manager) => {
          await this.lifecycle.apply(manager, (await this.orders.findOrder(pooled.id, manager))!, {
            event: 'escalate',
            by: DISPATCHER,
            reason: `抢单池 ${grabPoolMinutes} 分钟无人接单`,
            at: now,
          });
        }),
    );
  }

  /** Warns staff once about each order not started within its window (the SLA rule in shared). */
  async sweepLateOrders(now = new Date()): Promise<number> {
    let warned = 0;
    const late = (await this.orders.listUnwarnedStarted(now, SWEEP_BATCH)).filter((order) => isOrderOverdue(order.status, order.windowStartsAt, order.windowEndsAt, now));
    await this.eachRow(
      late,
      (order) => `SLA warning for order ${order.id}`,
      async (order) => {
        const won = await this.transactions.write(async (manager) => {
          if (!(await this.orders.markSlaWarned(manager, order.id, now))) return false;
          await this.outbox.enqueue(manager, 'order.sla_warning', { orderId: order.id, status: order.status, regionPath: order.regionPath });
          return true;
        });
        if (won) warned++;
      },
    );
    return warned;
  }

  /** Completed orders the resident never confirmed are confirmed after the configured number of days. */
  async sweepAutoConfirm(now = new Date()): Promise<void> {
    const { autoConfirmDays } = this.config.dispatch;
    const cutoff = new Date(now.getTime() - autoConfirmDays * DAY_MS);
    await this.eachRow(
      await this.orders.listCompletedBefore(cutoff, SWEEP_BATCH),
      (order) => `auto-confirm of order ${order.id}`,
      (completed) =>
        this.transactions.write(async (manager) => {
          await this.lifecycle.apply(manager, (await this.orders.findOrder(completed.id, manager))!, {
            event: 'confirm',
            by: DISPATCHER,
            reason: `${autoConfirmDays} 天未确认，系统自动确认`,
            at: now,
          });
        }),
    );
  }

  /**
   * One pass of everything time-driven; each API instance runs it on a timer (DispatchSweeper). Each step runs
   * even when another failed: a database hiccup in one must not stop offers from expiring.
   */
  async sweep(now = new Date()): Promise<void> {
    const steps: Array<[string, () => Promise<unknown>]> = [
      ['offer expiry', () => this.sweepExpiredOffers(now)],
      ['first dispatch', () => this.sweepAwaitingOffer(now)],
      ['pool escalation', () => this.sweepUnclaimedPool(now)],
      ['SLA warnings', () => this.sweepLateOrders(now)],
      ['auto-confirm', () => this.sweepAutoConfirm(now)],
    ];
    for (const [name, step] of steps) {
      try {
        await step();
      } catch (error) {
        this.logger.error(`dispatch sweep step "${name}" failed: ${(error as Error).message}`);
      }
    }
  }

  /**
   * Runs `work` for each row in its own transaction(s): a row that fails is logged and skipped, never blocking the
   * rows after it. Losing a race to another instance or actor is normal and not logged.
   */
  private async eachRow<T>(rows: T[], describe: (row: T) => string, work: (row: T) => Promise<unknown>): Promise<void> {
    for (const row of rows) {
      try {
        await work(row);
      } catch (error) {
        if ((error as { code?: string }).code === 'INVALID_TRANSITION') continue;
        this.logger.error(`${describe(row)} failed: ${(error as Error).message}`);
      }
    }
  }
}
