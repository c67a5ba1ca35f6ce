import { Injectable } from '@nestjs/common';
import { DISH_TAGS, shanghaiDateOf, transitionMealOrder, type DishTag, type KitchenCounts, type MealKind, type MealOrderView, type MealPickupCode } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit';
import { MealPickupCodes } from './meal-pickup-codes';
import { MealPointAccess, mealActorOf } from './meal-point-access';
import type { MealOrder } from './meal-order.entity';
import { collectable, situationOf, toMealOrderView } from './meal-order-view';
import { MealOrdersRepository } from './meal-orders.repository';
import { MealOrderReads } from './meal-order-reads';
import { alreadyCollected, mealOrderChangedMeanwhile, mealOrderTransitionRefused, wrongMealDay, wrongMealPoint } from './meals.errors';

/**
 * Handing meals over at the counter: the pickup codes the elder's phone shows, the canteen or staff scanning or typing
 * one (or finding the elder by name or phone tail and collecting from the list), and the kitchen's counts per dish
 * and tag. A meal is collected once; a second scan says when.
 */
@Injectable()
export class MealPickupsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly orders: MealOrdersRepository,
    private readonly reads: MealOrderReads,
    private readonly points: MealPointAccess,
    private readonly pickupCodes: MealPickupCodes,
    private readonly audit: AuditService,
  ) {}

  /** The QR's signed code (minutes long; the screen asks again) and the six digits, for an order still to collect. */
  async pickupCode(auth: AuthContext, orderId: string): Promise<MealPickupCode> {
    const order = await this.reads.accessible(auth, orderId);
    if (!['placed', 'paid', 'ready'].includes(order.status) || order.fulfilment === 'delivery') {
      throw mealOrderTransitionRefused(order.status, 'collect', order.fulfilment === 'delivery' ? 'wrong_fulfilment' : 'invalid_transition');
    }
    return this.pickupCodes.issue(order.id);
  }

  /** A code scanned or typed at a meal point's counter: that point's order of today, handed over. */
  async collectByCode(auth: AuthContext, mealPointId: string, code: string): Promise<MealOrderView> {
    const point = await this.points.managed(auth, mealPointId);
    const order = (await this.orders.findOrder(await this.pickupCodes.resolve(auth, point, code)))!;
    if (order.mealPointId !== point.id) throw wrongMealPoint(order.mealPoint.name);
    return this.collectOrder(auth, order);
  }

  /** Collecting from the day's list after looking the elder up (no phone, no code). */
  async collect(auth: AuthContext, orderId: string): Promise<MealOrderView> {
    const order = await this.reads.accessible(auth, orderId);
    return this.collectOrder(auth, order);
  }

  /** Portions per dish and per tag of one meal's orders that hold portions: what the kitchen cooks. */
  async kitchenCounts(auth: AuthContext, mealPointId: string, mealDate: string, mealKind: MealKind): Promise<KitchenCounts> {
    const point = await this.points.managed(auth, mealPointId);
    const orders = await this.orders.listHoldingOrdersOfDay(point.id, mealDate, mealKind);
    const dishes = new Map<string, { dishId: string; name: string; portions: number }>();
    const tags = new Map<DishTag, number>();
    for (const line of orders.flatMap((order) => order.lines)) {
      const dish = dishes.get(line.dishId) ?? { dishId: line.dishId, name: line.name, portions: 0 };
      dish.portions += line.quantity;
      dishes.set(line.dishId, dish);
      for (const tag of line.tags ?? []) tags.set(tag, (tags.get(tag) ?? 0) + line.quantity);
    }
    return {
      mealPointId: point.id,
      mealDate,
      mealKind,
      orders: orders.length,
      dishes: [...dishes.values()].sort((a, b) => b.portions - a.portions || a.name.localeCompare(b.name, 'zh')),
      tags: DISH_TAGS.filter((tag) => tags.has(tag)).map((tag) => ({ tag, portions: tags.get(tag)! })),
    };
  }

  private async collectOrder(auth: AuthContext, order: MealOrder, now = new Date()): Promise<MealOrderView> {
    if (order.status === 'collected' && order.collectedAt) throw alreadyCollected(order.collectedAt);
    if (order.mealDate !== shanghaiDateOf(now)) throw wrongMealDay(order.mealDate);
    const actor = mealActorOf(auth);
    const situation = situationOf(order.mealPoint, order, now);
    if (!collectable(order, actor, situation)) {
      const refused = transitionMealOrder(order.status === 'ready' ? 'ready' : order.status, order.status === 'ready' ? 'collect' : 'mark_ready', 'canteen', situation);
      throw mealOrderTransitionRefused(order.status, 'collect', refused.ok ? 'actor_not_allowed' : refused.reason);
    }
    await this.transactions.write(async (manager) => {
      // Conditional on the status read: of two scans at once, one collects and the other is told it was collected.
      if (!(await this.orders.moveOrder(manager, order.id, order.status, 'collected', { collectedAt: now }))) {
        const current = await this.orders.findOrder(order.id, manager);
        if (current?.collectedAt) throw alreadyCollected(current.collectedAt);
        throw mealOrderChangedMeanwhile('collect');
      }
      await this.audit.record(manager, auth, {
        action: 'meal_order.collected',
        targetType: 'meal_order',
        targetId: order.id,
        regionPath: order.mealPoint.region.path,
        details: { from: order.status },
      });
    });
    return toMealOrderView((await this.orders.findOrder(order.id))!, actor);
  }
}
