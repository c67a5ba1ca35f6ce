import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ORDER_WORKER_HELD_STATUSES, transitionOrder, type OrderActor, type OrderEvent, type OrderStatus } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { DomainError } from '../../common/errors/domain-error';
import { AuditService } from '../audit';
import { OutboxService } from '../outbox';
import { DispatchRepository, type OrderGuard } from './dispatch.repository';
import type { ServiceOrder } from './service-order.entity';
import { orderChangedMeanwhile, orderTransitionRefused, workerAtCapacity } from './dispatch.errors';

/** Who causes a transition: an actor kind, the account (null for the dispatcher) and the name the timeline shows. */
export interface OrderActorRef {
  actor: OrderActor;
  accountId: string | null;
  name: string;
  /** The signed-in caller, for the audit log of staff actions; null for residents, workers and the system. */
  auth: AuthContext | null;
}

export const DISPATCHER: OrderActorRef = { actor: 'system', accountId: null, name: '系统', auth: null };

export interface TransitionRequest {
  event: OrderEvent;
  by: OrderActorRef;
  reason?: string | null;
  /** The worker the event concerns (offered to, accepting, assigned); recorded in the timeline. */
  workerId?: string | null;
  /** Columns changed together with the status. */
  set?: QueryDeepPartialEntity<ServiceOrder>;
  /** Conditions that must still hold when the update runs. */
  guard?: OrderGuard;
  at: Date;
}

/**
 * The one place an order changes status: the shared state machine says whether the event is allowed, a conditional
 * UPDATE makes sure nobody changed the order meanwhile, the timeline and the outbox get their records, and the
 * worker's load is kept equal to the orders they hold, all in the caller's transaction.
 */
@Injectable()
export class OrderLifecycle {
  constructor(
    private readonly orders: DispatchRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Applies the event to `order` as the caller read it (status and version) and returns the order as it now stands
   * (columns set by SQL expressions, such as `refusals + 1`, keep their old values). 409 INVALID_TRANSITION when
   * the event may not happen, or when someone moved the order since it was read.
   */
  async apply(manager: EntityManager, order: ServiceOrder, request: TransitionRequest): Promise<ServiceOrder> {
    const rule = transitionOrder(order.status, request.event, request.by.actor);
    if (!rule.ok) throw orderTransitionRefused(order.status, request.event);
    const set = request.set ?? {};
    // The worker's row before the order's: moving the order to a worker takes a shared lock on the worker's row (the
    // foreign key), and taking the place after it upgraded that lock — two grabs by one worker held it shared and each
    // waited for the other (deadlocks, and 5xx once retries ran out, in the 2000-grab storm). A lost race below rolls
    // the place back with the rest of the transaction.
    await this.keepLoad(manager, order, rule.to, request);
    if (!(await this.orders.moveOrder(manager, order, rule.to, set, request.guard))) throw await this.lostRace(manager, order, request);
    await this.orders.insertEvent(manager, {
      orderId: order.id,
      event: request.event,
      fromStatus: order.status,
      toStatus: rule.to,
      actor: request.by.actor,
      actorAccountId: request.by.accountId,
      actorName: request.by.name.slice(0, 64),
      workerId: request.workerId ?? order.workerId,
      reason: request.reason?.trim() || null,
      at: request.at,
    });
    await this.outbox.enqueue(manager, `order.${request.event}`, {
      orderId: order.id,
      status: rule.to,
      residentId: order.residentId,
      workerId: request.workerId ?? order.workerId,
    });
    if (request.by.auth) {
      await this.audit.record(manager, request.by.auth, {
        action: `service_order.${request.event}`,
        targetType: 'service_order',
        targetId: order.id,
        regionPath: order.regionPath,
        details: { from: order.status, to: rule.to },
      });
    }
    return { ...order, ...plainValues(set), status: rule.to, version: order.version + 1 };
  }

  /**
   * The order changed between the caller's read and its move. When the event is no longer allowed the answer says
   * the status it is in now; when it still is (the order moved and came back, or only its offer changed) the caller
   * is asked to look again rather than told something false about the status.
   */
  private async lostRace(manager: EntityManager, order: ServiceOrder, request: TransitionRequest): Promise<DomainError> {
    const current = (await this.orders.findOrderState(order.id, manager)) ?? order;
    if (!transitionOrder(current.status, request.event, request.by.actor).ok) return orderTransitionRefused(current.status, request.event);
    return orderChangedMeanwhile(current.status, request.event);
  }

  /**
   * A worker's `openOrders` counts the orders they hold. Taking one needs a free place (the guarded update, backed
   * by a CHECK); giving one up (completion, cancellation, reassignment) frees it.
   */
  private async keepLoad(manager: EntityManager, order: ServiceOrder, to: OrderStatus, request: TransitionRequest): Promise<void> {
    const heldBefore = ORDER_WORKER_HELD_STATUSES.includes(order.status) ? order.workerId : null;
    const holderAfter = ORDER_WORKER_HELD_STATUSES.includes(to) ? (request.workerId ?? order.workerId) : null;
    if (heldBefore === holderAfter) return;
    if (heldBefore) await this.orders.releaseWorkerPlace(manager, heldBefore);
    if (holderAfter && !(await this.orders.takeWorkerPlace(manager, holderAfter))) {
      throw workerAtCapacity(holderAfter);
    }
  }
}

/** The columns a transition sets to plain values (not SQL expressions such as `refusals + 1`). */
function plainValues(set: QueryDeepPartialEntity<ServiceOrder>): Partial<ServiceOrder> {
  return Object.fromEntries(Object.entries(set).filter(([, value]) => typeof value !== 'function'));
}
