import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  addDays,
  beforeMealCutOff,
  instantOf,
  MEAL_KIND_LABELS,
  planDeliveryRuns,
  shanghaiDateOf,
  transitionMealOrder,
  type CommittedMealDeliveryRun,
  type MealDeliveryCommit,
  type MealDeliveryPlan,
  type MealDeliveryStopView,
  type MealKind,
  type GeoPoint,
  type PlannedDeliveryRun,
} from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { DomainError } from '../../common/errors/domain-error';
import { Clock } from '../../common/time/clock';
import { isDuplicateKey } from '../../database/sql';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService, SYSTEM_ACTOR, type AuditActor } from '../audit';
import { MealRunDispatch } from '../dispatch';
import { WechatPayments } from '../payments';
import { MealDeliveryRunsRepository } from './meal-delivery-runs.repository';
import type { MealOrder } from './meal-order.entity';
import { situationOf } from './meal-order-view';
import { MealOrdersRepository } from './meal-orders.repository';
import type { MealPoint } from './meal-point.entity';
import { MealPointAccess } from './meal-point-access';
import type { MealDeliveryRun } from './meal-delivery-run.entity';
import { deliveryPositionOf } from './meal-delivery-positions';
import { deliveryRunsNotFixed } from './meal-delivery.errors';
import { mealNotServed, mealOrderChangedMeanwhile } from './meals.errors';

const NO_COMMUNITY = '未登记社区';
/** A cut-off is at most the day before its meal (meal windows' cutOffDaysBefore is 0 or 1). */
const LAST_CUT_OFF_DAYS_BEFORE = 1;

type Stop = { orderId: string; areaId: string | null; address: string; position: GeoPoint | null; order: MealOrder };

/**
 * The delivery runs of one meal (planDeliveryRuns), for its canteen and the staff over it: the plan while orders may
 * still change, and after the cut-off the commit that writes the runs and hands each to dispatch as one
 * `meal_delivery` order. A stop ordered with a point on the map goes nearest neighbour; one without goes by address.
 */
@Injectable()
export class MealDeliveryRunsService {
  constructor(
    private readonly points: MealPointAccess,
    private readonly deliveries: MealDeliveryRunsRepository,
    private readonly orders: MealOrdersRepository,
    private readonly transactions: TransactionRunner,
    private readonly dispatch: MealRunDispatch,
    private readonly audit: AuditService,
    private readonly payments: WechatPayments,
    private readonly clock: Clock,
  ) {}

  private readonly logger = new Logger(MealDeliveryRunsService.name);

  async plan(auth: AuthContext, mealPointId: string, mealDate: string, mealKind: MealKind): Promise<MealDeliveryPlan> {
    const point = await this.points.managed(auth, mealPointId);
    const window = windowOf(point, mealKind);
    const now = this.clock.now();
    const runs = planRuns(point, await this.deliveries.listDeliveriesToPlan(point.id, mealDate, mealKind));
    const committed = await this.deliveries.listRunsOfMeal(point.id, mealDate, mealKind);
    return {
      mealPointId: point.id,
      mealDate,
      mealKind,
      fixed: !beforeMealCutOff(mealDate, window.cutOffTime, now, window.cutOffDaysBefore),
      runs: runs.map((run) => ({
        areaId: run.areaId,
        areaName: run.stops[0].order.resident.community?.name ?? NO_COMMUNITY,
        knownDistanceMeters: run.knownDistanceMeters,
        stops: run.stops.map((stop, index) => stopView(stop.order, index + 1)),
      })),
      committedRuns: committed.map(committedView),
    };
  }

  /**
   * After the cut-off (the canteen's or staff's button): commits the meal's deliveries waiting for a run, as the cut-off
   * sweep does by itself, and answers all the meal's runs. `created` is true when this commit wrote runs.
   */
  async commit(auth: AuthContext, mealPointId: string, mealDate: string, mealKind: MealKind): Promise<MealDeliveryCommit> {
    const point = await this.points.managed(auth, mealPointId);
    const window = windowOf(point, mealKind);
    const now = this.clock.now();
    if (beforeMealCutOff(mealDate, window.cutOffTime, now, window.cutOffDaysBefore)) throw deliveryRunsNotFixed(mealDate, mealKind);
    const created = await this.commitMeal(auth, point, mealDate, mealKind, now);
    const runs = await this.deliveries.listRunsOfMeal(point.id, mealDate, mealKind);
    return { mealPointId: point.id, mealDate, mealKind, created, runs: runs.map(committedView) };
  }

  /**
   * The cut-off sweep (MealDeliverySweeper, every instance): commits every meal of today and tomorrow whose cut-off has
   * passed and that has deliveries waiting for a run, as the system. Answers how many meals got new runs. One meal
   * failing (WeChat Pay, a race lost to staff) is logged and left to the next sweep; the others go on.
   */
  async commitDue(): Promise<number> {
    const now = this.clock.now();
    const today = shanghaiDateOf(now);
    let committed = 0;
    for (const meal of await this.deliveries.listMealsToPlan(today, addDays(today, LAST_CUT_OFF_DAYS_BEFORE))) {
      const point = await this.points.readable(meal.mealPointId);
      const window = point.windows.find((candidate) => candidate.mealKind === meal.mealKind);
      if (!window || beforeMealCutOff(meal.mealDate, window.cutOffTime, now, window.cutOffDaysBefore)) continue;
      try {
        if (await this.commitMeal(SYSTEM_ACTOR, point, meal.mealDate, meal.mealKind, now)) committed++;
      } catch (error) {
        this.logger.error(`Committing the delivery runs of ${point.id} ${meal.mealDate} ${meal.mealKind} failed: ${(error as Error).message}`);
      }
    }
    return committed;
  }

  /**
   * One transaction, under the meal's lock (the counter row every order, payment and cancellation of the meal takes),
   * plans the deliveries waiting for a run (planDeliveryRuns), writes the runs numbered on from the meal's last, their
   * stops (a stop of a cancelled run stays as history), marks each meal ready (the canteen handing it to delivery) and
   * places one dispatch order per run; after commit each is offered. Repeatable: a commit that finds nothing waiting
   * writes nothing, so two at once (another instance, staff and the sweep) write each stop once — and should two
   * inserts still meet, the unique run number or live stop refuses the second, which then wrote nothing.
   *
   * A WeChat Pay order still unpaid is asked about first (outside the transaction: no network inside it); paid, it goes
   * on a run now; still unpaid, it waits for a later commit, or the payments sweep cancels it at the cut-off.
   */
  private async commitMeal(actor: AuditActor, point: MealPoint, mealDate: string, mealKind: MealKind, now: Date): Promise<boolean> {
    await this.settleAwaitingPayments(await this.deliveries.listDeliveriesToPlan(point.id, mealDate, mealKind));
    let placed: string[] = [];
    try {
      placed = await this.transactions.write(async (manager) => {
        await this.deliveries.lockMeal(manager, point.id, mealDate, mealKind);
        const deliveries = (await this.deliveries.listDeliveriesToPlan(point.id, mealDate, mealKind, manager)).filter((order) => !awaitingWechatPay(order));
        if (deliveries.length === 0) return [];
        await this.deliveries.releaseStops(
          manager,
          deliveries.map((order) => order.id),
        );
        const firstRunNumber = await this.deliveries.nextRunNumber(manager, point.id, mealDate, mealKind);
        const runs = planRuns(point, deliveries);
        const orderIds: string[] = [];
        for (const [index, run] of runs.entries()) orderIds.push(await this.writeRun(manager, actor, point, mealDate, mealKind, firstRunNumber + index, run, now));
        await this.audit.record(manager, actor, {
          action: 'meal_delivery.committed',
          targetType: 'meal_point',
          targetId: point.id,
          regionPath: point.region.path,
          details: { mealDate, mealKind, runs: runs.length, stops: deliveries.length, firstRunNumber },
        });
        return orderIds;
      });
    } catch (error) {
      // Another commit of the same meal wrote between our read and our insert: its runs stand, ours never existed.
      if (!isDuplicateKey(error)) throw error;
    }
    await this.dispatch.offer(placed);
    return placed.length > 0;
  }

  /** Asks WeChat Pay about each unpaid WeChat Pay order; unreachable, the order waits for the next commit. */
  private async settleAwaitingPayments(deliveries: MealOrder[]): Promise<void> {
    for (const order of deliveries.filter(awaitingWechatPay)) {
      try {
        await this.payments.reconcile(order.id);
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'WECHAT_PAY_UNAVAILABLE')) throw error;
      }
    }
  }

  /** One run: its dispatch order (from the meal point, in the serving hours, overseen by the area's staff), the run, its stops, each meal made ready. */
  private async writeRun(
    manager: EntityManager,
    actor: AuditActor,
    point: MealPoint,
    mealDate: string,
    mealKind: MealKind,
    runNumber: number,
    run: PlannedDeliveryRun<Stop>,
    now: Date,
  ): Promise<string> {
    const window = windowOf(point, mealKind);
    const community = run.stops[0].order.resident.community;
    const serviceOrderId = randomUUID();
    await this.dispatch.place(manager, {
      id: serviceOrderId,
      regionPath: community?.path ?? point.region.path,
      communityId: community?.id ?? point.regionId,
      address: point.address,
      latitudeE6: point.latitudeE6,
      longitudeE6: point.longitudeE6,
      windowStartsAt: instantOf(mealDate, window.servesFrom),
      windowEndsAt: instantOf(mealDate, window.servesUntil),
      description: `${point.name} · ${mealDate} ${MEAL_KIND_LABELS[mealKind]} · ${community?.name ?? NO_COMMUNITY} ${run.stops.length} 户送餐`,
      createdByAccountId: actor.accountId,
    });
    const runId = randomUUID();
    await this.deliveries.insertRun(manager, {
      id: runId,
      mealPointId: point.id,
      mealDate,
      mealKind,
      runNumber,
      areaId: run.areaId,
      serviceOrderId,
      committedByAccountId: actor.accountId,
    });
    await this.deliveries.insertStops(
      manager,
      run.stops.map((stop, index) => ({ mealOrderId: stop.orderId, runId, sequence: index + 1 })),
    );
    for (const { order } of run.stops) {
      // Only meals not yet handed over move: one given back by a cancelled run is ready already, or out with its worker.
      if (order.status !== 'placed' && order.status !== 'paid') continue;
      const ready = transitionMealOrder(order.status, 'mark_ready', 'canteen', situationOf(point, order, now));
      if (!ready.ok || !(await this.orders.moveOrder(manager, order.id, order.status, ready.to))) throw mealOrderChangedMeanwhile('mark_ready');
    }
    return serviceOrderId;
  }
}

/** Placed with WeChat Pay and not paid yet: the money may still come, or the order be cancelled at the cut-off. */
function awaitingWechatPay(order: MealOrder): boolean {
  return order.paymentMethod === 'wechat_pay' && order.status === 'placed';
}

function windowOf(point: MealPoint, mealKind: MealKind) {
  const window = point.windows.find((candidate) => candidate.mealKind === mealKind);
  if (!window) throw mealNotServed(mealKind);
  return window;
}

function planRuns(point: MealPoint, orders: MealOrder[]): PlannedDeliveryRun<Stop>[] {
  const stops = orders.map((order): Stop => ({
    orderId: order.id,
    areaId: order.resident.communityId,
    address: order.resident.address ?? '',
    position: deliveryPositionOf(order),
    order,
  }));
  return planDeliveryRuns({ latitude: point.latitudeE6 / 1e6, longitude: point.longitudeE6 / 1e6 }, stops);
}

function committedView(run: MealDeliveryRun): CommittedMealDeliveryRun {
  return {
    id: run.id,
    runNumber: run.runNumber,
    areaId: run.areaId,
    areaName: run.area?.name ?? NO_COMMUNITY,
    serviceOrderId: run.serviceOrderId,
    stopCount: run.stops.length,
    cancelled: run.serviceOrder.status === 'cancelled',
  };
}

function stopView(order: MealOrder, sequence: number): MealDeliveryStopView {
  return {
    orderId: order.id,
    sequence,
    residentId: order.residentId,
    elderName: order.resident.name,
    address: order.resident.address,
    status: order.status,
    items: order.lines.map((line) => `${line.name} ×${line.quantity}`),
  };
}
