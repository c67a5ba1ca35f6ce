import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OrderStatus } from '@linli/shared';
import { DispatchRepository } from './dispatch.repository';
import { Dispatcher } from './dispatcher';
import { OrderLifecycle, type OrderActorRef } from './order-lifecycle';
import type { ServiceOrder } from './service-order.entity';

/** What the meals module serves back for the runs it hands to dispatch (registered at start, as PaymentSubject is). */
export interface MealRunStops {
  /** Inside the set-out transaction: the run's stops that are ready go out for delivery. */
  setOut(manager: EntityManager, serviceOrderId: string, now: Date): Promise<void>;
  /** The elder at one stop of the run, for a call; null when the meal order is not a stop of this run. */
  stopContact(serviceOrderId: string, mealOrderId: string): Promise<MealRunStopContact | null>;
}

export interface MealRunStopContact {
  mealOrderId: string;
  /** The elder's phone, encrypted; null for an elder registered without one (then whoever ordered is called). */
  phoneCipher: string | null;
  orderedByAccountId: string;
}

/** A run's dispatch order as meals needs it: who holds it and how far it is. */
export interface MealRunOrderState {
  id: string;
  status: OrderStatus;
  workerId: string | null;
  windowStartsAt: Date;
  windowEndsAt: Date;
}

/** The worker acting on a run, as the timeline names them. */
export interface MealRunWorker {
  workerId: string;
  name: string;
  accountId: string;
}

/** A new run's dispatch order: where it starts (the meal point), when (the meal's serving hours) and whose region. */
export interface NewMealRunOrder {
  id: string;
  regionPath: string;
  communityId: string;
  address: string;
  latitudeE6: number;
  longitudeE6: number;
  windowStartsAt: Date;
  windowEndsAt: Date;
  description: string;
  /** Null when the cut-off sweep committed the run. */
  createdByAccountId: string | null;
}

/**
 * The port through which meal-delivery runs become dispatch orders (`kind` meal_delivery) and follow their stops: the
 * meals module places a run's order in its commit transaction, asks who holds it, and moves it on as stops are
 * settled; dispatch calls back through `MealRunStops` when the worker sets out. So meals imports dispatch and never
 * the other way round. Offers, the pool, escalation, assignment and SLA stay dispatch's, unchanged.
 */
@Injectable()
export class MealRunDispatch {
  private stopsOfRuns: MealRunStops | null = null;

  constructor(
    private readonly orders: DispatchRepository,
    private readonly lifecycle: OrderLifecycle,
    private readonly dispatcher: Dispatcher,
  ) {}

  /** The meals module plugs its stops in here at start. */
  serve(stops: MealRunStops): void {
    this.stopsOfRuns = stops;
  }

  stops(): MealRunStops {
    if (!this.stopsOfRuns) throw new Error('No MealRunStops registered with MealRunDispatch');
    return this.stopsOfRuns;
  }

  /** Inserts the run's order, waiting for dispatch, in the caller's transaction; `offer` dispatches it after commit. */
  async place(manager: EntityManager, run: NewMealRunOrder): Promise<void> {
    await this.orders.insertOrder(manager, {
      ...run,
      kind: 'meal_delivery',
      status: 'pending_dispatch',
      dispatchMode: 'assign',
      centreServiceId: null,
      serviceId: null,
      residentId: null,
      workerId: null,
      currentOfferId: null,
      version: 0,
      refusals: 0,
      slaWarnedAt: null,
      photoCount: 0,
      completionNote: null,
      completedAt: null,
    });
  }

  /** After commit: offers each run to its best worker (a failure is left to the sweep, as for home orders). */
  async offer(orderIds: readonly string[]): Promise<void> {
    for (const orderId of orderIds) await this.dispatcher.dispatchQuietly(orderId);
  }

  /** The worker signed in as `accountId`, and the run order if they hold or held it (null for anyone else). */
  async heldBy(accountId: string, orderId: string, manager?: EntityManager): Promise<{ worker: MealRunWorker; order: MealRunOrderState } | null> {
    const worker = await this.orders.findWorkerByAccount(accountId);
    const order = await this.orders.findOrderState(orderId, manager);
    if (!worker || !order || order.kind !== 'meal_delivery' || order.workerId !== worker.id) return null;
    return { worker: { workerId: worker.id, name: worker.name, accountId }, order: runState(order) };
  }

  /** The worker's runs in these statuses (the run orders, for the meals module to add their stops). */
  async listRunsOf(accountId: string, statuses: readonly OrderStatus[]): Promise<MealRunOrderState[]> {
    const worker = await this.orders.findWorkerByAccount(accountId);
    if (!worker) return [];
    return (await this.orders.listMealRunsOf(worker.id, statuses)).map(runState);
  }

  /**
   * A stop of the run was settled, in the caller's transaction: the first one starts the run (en route → in service),
   * and the one that settles the last open stop completes it, both as the worker's own steps.
   */
  async stopSettled(manager: EntityManager, orderId: string, by: MealRunWorker, lastStop: boolean, now: Date): Promise<void> {
    const actor: OrderActorRef = { actor: 'worker', accountId: by.accountId, name: by.name, auth: null };
    let order = (await this.orders.findOrderState(orderId, manager)) as ServiceOrder;
    if (order.status === 'en_route') order = await this.lifecycle.apply(manager, order, { event: 'start', by: actor, guard: { workerId: by.workerId }, at: now });
    if (!lastStop || order.status !== 'in_service') return;
    const note = '本趟送餐各户均已处理';
    await this.lifecycle.apply(manager, order, {
      event: 'complete',
      by: actor,
      reason: note,
      set: { completionNote: note, completedAt: now },
      guard: { workerId: by.workerId },
      at: now,
    });
  }
}

function runState(order: ServiceOrder): MealRunOrderState {
  return { id: order.id, status: order.status, workerId: order.workerId, windowStartsAt: order.windowStartsAt, windowEndsAt: order.windowEndsAt };
}
