import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  MEAL_ORDER_STATUS_LABELS,
  shanghaiDateOf,
  transitionMealOrder,
  type MealDeliveryStopAction,
  type OrderStatus,
  type WorkerMealRunView,
  type WorkerMealStopView,
} from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { NotFoundError } from '../../common/errors/domain-error';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit';
import { MealRunDispatch, type MealRunOrderState, type MealRunStopContact, type MealRunStops } from '../dispatch';
import { OutboxService, type MealOrderDeliveryMessage } from '../outbox';
import type { MealDeliveryRun } from './meal-delivery-run.entity';
import { MealDeliveryRunsRepository } from './meal-delivery-runs.repository';
import type { MealDeliveryStop } from './meal-delivery-stop.entity';
import type { MealOrder } from './meal-order.entity';
import { deliveryPositionOf } from './meal-delivery-positions';
import { deliveryStepRefused, runNotSetOut } from './meal-delivery.errors';
import { situationOf } from './meal-order-view';
import { MealOrdersRepository } from './meal-orders.repository';

const NO_COMMUNITY = '未登记社区';

/** Run orders whose stops the worker works: set out with (en route, in service), or done today (a later knock may still deliver). */
const STOPS_OPEN_STATUSES: readonly OrderStatus[] = ['en_route', 'in_service', 'completed'];
/** Runs the worker's screen lists: held, and completed ones of today's meals. */
const LISTED_STATUSES: readonly OrderStatus[] = ['accepted', 'en_route', 'in_service', 'completed'];

const STOP_ACTIONS: readonly MealDeliveryStopAction[] = ['deliver', 'report_not_at_home'];

/**
 * The stops of committed runs through the meal-order machine: out for delivery when the worker sets out (dispatch
 * calls `setOut` inside its transaction), then 已送达 or 家中无人 at each door, each a guarded update of the status the
 * worker's tap read, so a second tap or a race with staff changes nothing and answers 409. The first settled stop
 * starts the run's dispatch order and the last completes it, in the same transaction; 家中无人 queues
 * `meal_order.not_at_home` for the family and the community's staff. Only the worker holding the run reaches its stops.
 */
@Injectable()
export class MealDeliveryStopsService implements MealRunStops, OnModuleInit {
  constructor(
    private readonly deliveries: MealDeliveryRunsRepository,
    private readonly orders: MealOrdersRepository,
    private readonly transactions: TransactionRunner,
    private readonly dispatch: MealRunDispatch,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.dispatch.serve(this);
  }

  async setOut(manager: EntityManager, serviceOrderId: string, now: Date): Promise<void> {
    const run = (await this.deliveries.findRunByOrder(serviceOrderId, manager))!;
    for (const stop of await this.deliveries.listStopsOfRuns([run.id], manager)) {
      const order = stop.mealOrder;
      const out = transitionMealOrder(order.status, 'set_out', 'worker', situationOf(order.mealPoint, order, now));
      // A meal cancelled since the commit stays where it is; the others leave with the worker, and their elders hear.
      if (out.ok && (await this.orders.moveOrder(manager, order.id, order.status, out.to))) await this.outbox.enqueue(manager, 'meal_order.on_the_way', deliveryMessageOf(order));
    }
  }

  async stopContact(serviceOrderId: string, mealOrderId: string): Promise<MealRunStopContact | null> {
    const stop = await this.deliveries.findStop(mealOrderId);
    if (!stop || stop.run.serviceOrderId !== serviceOrderId) return null;
    return { mealOrderId, phoneCipher: stop.mealOrder.resident.phoneCipher, orderedByAccountId: stop.mealOrder.orderedByAccountId };
  }

  /** The runs the worker holds (and today's finished ones), each with its stops in order. */
  async runs(auth: AuthContext, now = new Date()): Promise<WorkerMealRunView[]> {
    const orders = await this.dispatch.listRunsOf(auth.accountId, LISTED_STATUSES);
    const runs = await this.deliveries.listRunsByOrders(orders.map((order) => order.id));
    const listed = runs.filter((run) => orders.find((order) => order.id === run.serviceOrderId)!.status !== 'completed' || run.mealDate === shanghaiDateOf(now));
    const stops = await this.deliveries.listStopsOfRuns(listed.map((run) => run.id));
    return orders
      .map((order) => ({ order, run: listed.find((run) => run.serviceOrderId === order.id) }))
      .filter((entry): entry is { order: MealRunOrderState; run: MealDeliveryRun } => entry.run !== undefined)
      .map(({ order, run }) =>
        runView(
          order,
          run,
          stops.filter((stop) => stop.runId === run.id),
          now,
        ),
      );
  }

  deliver(auth: AuthContext, mealOrderId: string): Promise<WorkerMealRunView> {
    return this.settle(auth, mealOrderId, 'deliver');
  }

  notAtHome(auth: AuthContext, mealOrderId: string): Promise<WorkerMealRunView> {
    return this.settle(auth, mealOrderId, 'report_not_at_home');
  }

  private async settle(auth: AuthContext, mealOrderId: string, event: MealDeliveryStopAction, now = new Date()): Promise<WorkerMealRunView> {
    const stop = await this.deliveries.findStop(mealOrderId);
    const held = stop ? await this.dispatch.heldBy(auth.accountId, stop.run.serviceOrderId) : null;
    if (!stop || !held) throw new NotFoundError('该送餐订单');
    if (!STOPS_OPEN_STATUSES.includes(held.order.status)) throw runNotSetOut();
    const order = stop.mealOrder;
    const step = transitionMealOrder(order.status, event, 'worker', situationOf(order.mealPoint, order, now));
    if (!step.ok) throw deliveryStepRefused(order.status, event);
    await this.transactions.write(async (manager) => {
      await this.deliveries.lockRun(manager, stop.runId);
      // Conditional on the status the tap read: of two taps at once (or a tap and staff), one moves the meal.
      if (!(await this.orders.moveOrder(manager, order.id, order.status, step.to))) {
        const current = (await this.orders.findOrder(order.id, manager))!;
        throw deliveryStepRefused(current.status, event);
      }
      await this.audit.record(manager, auth, {
        action: event === 'deliver' ? 'meal_order.delivered' : 'meal_order.not_at_home',
        targetType: 'meal_order',
        targetId: order.id,
        regionPath: order.mealPoint.region.path,
        details: { from: order.status, runId: stop.runId },
      });
      if (event === 'deliver') await this.outbox.enqueue(manager, 'meal_order.delivered', deliveryMessageOf(order));
      if (event === 'report_not_at_home') {
        await this.outbox.enqueue(manager, 'meal_order.not_at_home', {
          orderId: order.id,
          residentId: order.residentId,
          communityId: order.resident.communityId,
          mealPointId: order.mealPointId,
          mealDate: order.mealDate,
          mealKind: order.mealKind,
          reportedAt: now.toISOString(),
        });
      }
      // A stop settled for the first time moves the run on; a later knock after 家中无人 changes nothing there.
      if (order.status === 'out_for_delivery') {
        const lastStop = (await this.deliveries.countOpenStops(manager, stop.runId)) === 0;
        await this.dispatch.stopSettled(manager, stop.run.serviceOrderId, held.worker, lastStop, now);
      }
    });
    return this.runOf(auth, stop.run.serviceOrderId, now);
  }

  private async runOf(auth: AuthContext, serviceOrderId: string, now: Date): Promise<WorkerMealRunView> {
    const held = (await this.dispatch.heldBy(auth.accountId, serviceOrderId))!;
    const run = (await this.deliveries.findRunByOrder(serviceOrderId))!;
    return runView(held.order, run, await this.deliveries.listStopsOfRuns([run.id]), now);
  }
}

function deliveryMessageOf(order: MealOrder): MealOrderDeliveryMessage {
  return { orderId: order.id, residentId: order.residentId, mealPointId: order.mealPointId, mealDate: order.mealDate, mealKind: order.mealKind };
}

function runView(order: MealRunOrderState, run: MealDeliveryRun, stops: MealDeliveryStop[], now: Date): WorkerMealRunView {
  const atTheDoors = STOPS_OPEN_STATUSES.includes(order.status);
  return {
    orderId: order.id,
    orderStatus: order.status,
    mealPointName: run.mealPoint.name,
    address: run.mealPoint.address,
    mealDate: run.mealDate,
    mealKind: run.mealKind,
    areaName: run.area?.name ?? NO_COMMUNITY,
    windowStartsAt: order.windowStartsAt.toISOString(),
    windowEndsAt: order.windowEndsAt.toISOString(),
    stops: stops.map((stop): WorkerMealStopView => {
      const meal = stop.mealOrder;
      const situation = situationOf(meal.mealPoint, meal, now);
      return {
        mealOrderId: meal.id,
        sequence: stop.sequence,
        elderName: meal.resident.name,
        address: meal.resident.address,
        location: deliveryPositionOf(meal),
        deliveryNote: meal.deliveryNote,
        status: meal.status,
        statusLabel: MEAL_ORDER_STATUS_LABELS[meal.status],
        items: meal.lines.map((line) => `${line.name} ×${line.quantity}`),
        actions: atTheDoors ? STOP_ACTIONS.filter((action) => transitionMealOrder(meal.status, action, 'worker', situation).ok) : [],
      };
    }),
  };
}
