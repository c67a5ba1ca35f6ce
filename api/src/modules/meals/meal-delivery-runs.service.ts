import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  beforeMealCutOff,
  instantOf,
  MEAL_KIND_LABELS,
  planDeliveryRuns,
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
import { isDuplicateKey } from '../../database/sql';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit';
import { MealRunDispatch } from '../dispatch';
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
  ) {}

  async plan(auth: AuthContext, mealPointId: string, mealDate: string, mealKind: MealKind, now = new Date()): Promise<MealDeliveryPlan> {
    const point = await this.points.managed(auth, mealPointId);
    const window = windowOf(point, mealKind);
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
   * After the cut-off: one transaction writes the meal's runs and stops from the plan over the orders it reads, marks
   * each meal ready (the canteen handing it to delivery) and places one dispatch order per run; after commit each is
   * offered. The meal's lock and the unique run numbers make it happen once: a second commit, or another instance's at
   * the same moment, writes nothing and answers the runs there are. An unpaid WeChat Pay order is left out (the
   * payment sweep cancels it at the cut-off).
   */
  async commit(auth: AuthContext, mealPointId: string, mealDate: string, mealKind: MealKind, now = new Date()): Promise<MealDeliveryCommit> {
    const point = await this.points.managed(auth, mealPointId);
    const window = windowOf(point, mealKind);
    if (beforeMealCutOff(mealDate, window.cutOffTime, now, window.cutOffDaysBefore)) throw deliveryRunsNotFixed(mealDate, mealKind);
    let placed: string[] = [];
    try {
      placed = await this.transactions.write(async (manager) => {
        await this.deliveries.lockMeal(manager, point.id, mealDate, mealKind);
        if ((await this.deliveries.listRunsOfMeal(point.id, mealDate, mealKind, manager)).length > 0) return [];
        const deliveries = (await this.deliveries.listDeliveriesToPlan(point.id, mealDate, mealKind, manager)).filter(
          (order) => !(order.paymentMethod === 'wechat_pay' && order.status === 'placed'),
        );
        const runs = planRuns(point, deliveries);
        const orderIds: string[] = [];
        for (const [index, run] of runs.entries()) orderIds.push(await this.writeRun(manager, auth, point, mealDate, mealKind, index + 1, run, now));
        await this.audit.record(manager, auth, {
          action: 'meal_delivery.committed',
          targetType: 'meal_point',
          targetId: point.id,
          regionPath: point.region.path,
          details: { mealDate, mealKind, runs: runs.length, stops: deliveries.length },
        });
        return orderIds;
      });
    } catch (error) {
      // Another instance committed the same meal between our check and our insert: its runs stand, ours never existed.
      if (!isDuplicateKey(error)) throw error;
    }
    await this.dispatch.offer(placed);
    const runs = await this.deliveries.listRunsOfMeal(point.id, mealDate, mealKind);
    return { mealPointId: point.id, mealDate, mealKind, created: placed.length > 0, runs: runs.map(committedView) };
  }

  /** One run: its dispatch order (from the meal point, in the serving hours, overseen by the area's staff), the run, its stops, each meal made ready. */
  private async writeRun(
    manager: EntityManager,
    auth: AuthContext,
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
      createdByAccountId: auth.accountId,
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
      committedByAccountId: auth.accountId,
    });
    await this.deliveries.insertStops(
      manager,
      run.stops.map((stop, index) => ({ mealOrderId: stop.orderId, runId, sequence: index + 1 })),
    );
    for (const { order } of run.stops) {
      if (order.status === 'ready') continue;
      const ready = transitionMealOrder(order.status, 'mark_ready', 'canteen', situationOf(point, order, now));
      if (!ready.ok || !(await this.orders.moveOrder(manager, order.id, order.status, ready.to))) throw mealOrderChangedMeanwhile('mark_ready');
    }
    return serviceOrderId;
  }
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
  return { id: run.id, runNumber: run.runNumber, areaId: run.areaId, areaName: run.area?.name ?? NO_COMMUNITY, serviceOrderId: run.serviceOrderId, stopCount: run.stops.length };
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
