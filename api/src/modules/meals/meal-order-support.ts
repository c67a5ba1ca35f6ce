import { transitionMealOrder, type MealOrderActor } from '@linli/shared';
import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit';
import type { MealOrder } from './meal-order.entity';
import { cutOffOf, situationOf } from './meal-order-view';
import type { MealOrdersRepository } from './meal-orders.repository';
import { mealOrderTransitionRefused, pastCutOff } from './meals.errors';

/** Who the audit log names for a change: a signed-in account, or the platform itself (accountId null). */
export type AuditActor = Parameters<AuditService['record']>[1];

/**
 * Inside a write: locks the elder's row and the meal's counter (the order every order transaction takes them in),
 * then reads the order afresh, so a change or cancel works from what the last write committed, never from a copy
 * read before another change or a closed day. Shared by ordering (change) and cancellations.
 */
export async function lockedOrder(orders: MealOrdersRepository, manager: EntityManager, read: MealOrder): Promise<MealOrder> {
  await orders.lockPerson(manager, read.residentId);
  await orders.lockCounter(manager, read.counterId);
  return (await orders.findOrder(read.id, manager))!;
}

export function assertTransition(order: MealOrder, event: 'change' | 'cancel', actor: MealOrderActor, now: Date): void {
  const result = transitionMealOrder(order.status, event, actor, situationOf(order.mealPoint, order, now));
  if (result.ok) return;
  if (result.reason === 'past_cut_off') throw pastCutOff(cutOffOf(order.mealPoint, order));
  throw mealOrderTransitionRefused(order.status, event, result.reason);
}
