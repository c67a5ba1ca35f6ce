import { Injectable } from '@nestjs/common';
import { DataSource, In, LessThanOrEqual, type EntityManager } from 'typeorm';
import { MEAL_ORDER_PORTION_HOLDING_STATUSES, type MealKind, type MealOrderStatus } from '@linli/shared';
import { Resident } from '../residents';
import { Dish } from './dish.entity';
import { MealCounter } from './meal-counter.entity';
import { MealDayClosure } from './meal-day-closure.entity';
import { MealOrderLineRow } from './meal-order-line.entity';
import { MealOrder } from './meal-order.entity';
import { MealPickupCodeRow } from './meal-pickup-code.entity';

/** What a meal order view needs loaded with it. */
const ORDER_DETAILS = { mealPoint: { region: true, windows: true }, resident: true, lines: true } as const;

type NewOrder = Omit<MealOrder, 'mealPoint' | 'counter' | 'resident' | 'lines' | 'createdAt' | 'updatedAt'>;
export type StoredPriceColumns = Pick<
  MealOrder,
  'grossFen' | 'subsidyFen' | 'payableFen' | 'deliveryFeeGrossFen' | 'deliverySubsidyFen' | 'deliveryFeeFen' | 'totalFen' | 'appliedSubsidies'
>;

/**
 * Meal orders, the per-meal counters and dish portions they hold, and pickup codes. Counters and portions move only
 * through guarded updates with an affected-rows check; an order changes only conditionally on the status read.
 */
@Injectable()
export class MealOrdersRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  findCounter(mealPointId: string, mealDate: string, mealKind: MealKind): Promise<MealCounter | null> {
    return this.dataSource.getRepository(MealCounter).findOne({ where: { mealPointId, mealDate, mealKind } });
  }

  /** Throws a duplicate-key error when another request created the counter a moment ago. */
  async insertCounter(manager: EntityManager, counter: Omit<MealCounter, 'mealPoint'>): Promise<void> {
    await manager.getRepository(MealCounter).insert(counter);
  }

  /** Takes one meal of the counter's capacity; false when it is full (nothing changed). */
  async takeMeal(manager: EntityManager, counterId: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(MealCounter)
      .set({ ordered: () => 'ordered + 1' })
      .where('id = :counterId AND ordered < capacity', { counterId })
      .execute();
    return result.affected === 1;
  }

  async releaseMeal(manager: EntityManager, counterId: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(MealCounter)
      .set({ ordered: () => 'ordered - 1' })
      .where('id = :counterId AND ordered > 0', { counterId })
      .execute();
  }

  /** Takes `quantity` portions of a dish with a daily quantity; false when fewer are left (nothing changed). */
  async takePortions(manager: EntityManager, dishId: string, quantity: number): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Dish)
      .set({ remaining: () => `remaining - ${quantity}` })
      .where('id = :dishId AND remaining >= :quantity', { dishId, quantity })
      .execute();
    return result.affected === 1;
  }

  async releasePortions(manager: EntityManager, dishId: string, quantity: number): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Dish)
      .set({ remaining: () => `remaining + ${quantity}` })
      .where('id = :dishId AND remaining IS NOT NULL', { dishId })
      .execute();
  }

  /**
   * Locks one meal's counter row (MySQL/MariaDB; SQLite writes one at a time). Every write to an order takes it
   * before reading the order, as closing a day does for all of the day's counters: a change, a cancel and a closure
   * of one meal then run one after the other, each reading what the one before committed.
   */
  async lockCounter(manager: EntityManager, counterId: string): Promise<void> {
    if (this.dataSource.options.type === 'better-sqlite3') return;
    await manager.getRepository(MealCounter).findOne({ where: { id: counterId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Locks the counters of a meal point's date (closing the day waits for orders in flight, and they then see the closure). */
  async lockCountersOfDay(manager: EntityManager, mealPointId: string, mealDate: string): Promise<void> {
    const repository = manager.getRepository(MealCounter);
    if (this.dataSource.options.type === 'better-sqlite3') return;
    await repository.find({ where: { mealPointId, mealDate }, lock: { mode: 'pessimistic_write' } });
  }

  /** Serialises one elder's meal orders on MySQL/MariaDB (their subsidy caps are counted across orders); SQLite writes one at a time already. */
  async lockPerson(manager: EntityManager, residentId: string): Promise<Resident | null> {
    const repository = manager.getRepository(Resident);
    if (this.dataSource.options.type === 'better-sqlite3') return repository.findOne({ where: { id: residentId } });
    return repository.findOne({ where: { id: residentId }, lock: { mode: 'pessimistic_write' } });
  }

  findClosure(mealPointId: string, mealDate: string, manager?: EntityManager): Promise<MealDayClosure | null> {
    return this.m(manager).getRepository(MealDayClosure).findOne({ where: { mealPointId, mealDate } });
  }

  /** Throws a duplicate-key error when the day is already closed. */
  async insertClosure(manager: EntityManager, closure: Omit<MealDayClosure, 'mealPoint' | 'createdAt'>): Promise<void> {
    await manager.getRepository(MealDayClosure).insert(closure);
  }

  listMealDishes(mealPointId: string, mealDate: string, mealKind: MealKind, manager?: EntityManager): Promise<Dish[]> {
    return this.m(manager).getRepository(Dish).find({ where: { mealPointId, mealDate, mealKind } });
  }

  async insertOrder(manager: EntityManager, order: NewOrder, lines: Array<Omit<MealOrderLineRow, 'order' | 'dish' | 'orderId'>>): Promise<void> {
    await manager.getRepository(MealOrder).insert(order);
    await manager.getRepository(MealOrderLineRow).insert(lines.map((line) => ({ ...line, orderId: order.id })));
  }

  /**
   * Replaces an order's lines and stored price, only while it is still in `status` (another request may have
   * cancelled it first): false when it is not.
   */
  async replaceLines(
    manager: EntityManager,
    orderId: string,
    status: MealOrderStatus,
    price: StoredPriceColumns,
    lines: Array<Omit<MealOrderLineRow, 'order' | 'dish' | 'orderId'>>,
  ): Promise<boolean> {
    const result = await manager.createQueryBuilder().update(MealOrder).set(price).where('id = :orderId AND status = :status', { orderId, status }).execute();
    if (result.affected !== 1) return false;
    await manager.getRepository(MealOrderLineRow).delete({ orderId });
    await manager.getRepository(MealOrderLineRow).insert(lines.map((line) => ({ ...line, orderId })));
    return true;
  }

  /** Moves an order from `from` to `to` only if it is still in `from`; false when another request moved it first. */
  async moveOrder(
    manager: EntityManager,
    orderId: string,
    from: MealOrderStatus,
    to: MealOrderStatus,
    fields: Partial<Pick<MealOrder, 'cancelReason' | 'collectedAt'>> = {},
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(MealOrder)
      .set({ status: to, ...fields })
      .where('id = :orderId AND status = :from', { orderId, from })
      .execute();
    return result.affected === 1;
  }

  findOrder(orderId: string, manager?: EntityManager): Promise<MealOrder | null> {
    return this.m(manager)
      .getRepository(MealOrder)
      .findOne({ where: { id: orderId }, relations: ORDER_DETAILS });
  }

  /** Orders of the elder in the calendar month of `mealDate` that still hold their subsidy (for the caps), except one being changed. */
  async listSubsidisedMealsOfMonth(residentId: string, mealDate: string, exceptOrderId: string | null, manager?: EntityManager): Promise<MealOrder[]> {
    const month = mealDate.slice(0, 7);
    const orders = await this.m(manager)
      .getRepository(MealOrder)
      .find({
        where: { residentId, status: In([...MEAL_ORDER_PORTION_HOLDING_STATUSES]) },
        select: { id: true, mealDate: true, mealKind: true, appliedSubsidies: true },
      });
    return orders.filter((order) => order.mealDate.slice(0, 7) === month && order.id !== exceptOrderId);
  }

  /** Orders of several people (a resident and their household), newest meal first. */
  listOrdersOfPeople(residentIds: string[], limit: number): Promise<MealOrder[]> {
    if (residentIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(MealOrder)
      .find({ where: { residentId: In(residentIds) }, relations: ORDER_DETAILS, order: { mealDate: 'DESC', createdAt: 'DESC' }, take: limit });
  }

  /** A meal point's orders of one date (optionally one meal), in order of placing. */
  listOrdersOfMeal(mealPointId: string, mealDate: string, mealKind: MealKind | undefined, limit: number, manager?: EntityManager): Promise<MealOrder[]> {
    return this.m(manager)
      .getRepository(MealOrder)
      .find({ where: { mealPointId, mealDate, ...(mealKind ? { mealKind } : {}) }, relations: ORDER_DETAILS, order: { createdAt: 'ASC' }, take: limit });
  }

  /** WeChat Pay orders still unpaid for meals up to `untilDate`, with their point's windows (for the cut-off sweep). */
  listUnpaidWechatPayOrders(untilDate: string): Promise<MealOrder[]> {
    return this.dataSource.getRepository(MealOrder).find({
      where: { status: 'placed', paymentMethod: 'wechat_pay', mealDate: LessThanOrEqual(untilDate) },
      relations: { mealPoint: { windows: true } },
      order: { mealDate: 'ASC' },
      take: 500,
    });
  }

  /** Orders of a date that hold portions, with their lines (for cancelling a closed day and for kitchen counts). */
  listHoldingOrdersOfDay(mealPointId: string, mealDate: string, mealKind: MealKind | undefined, manager?: EntityManager): Promise<MealOrder[]> {
    return this.m(manager)
      .getRepository(MealOrder)
      .find({
        where: { mealPointId, mealDate, status: In([...MEAL_ORDER_PORTION_HOLDING_STATUSES]), ...(mealKind ? { mealKind } : {}) },
        relations: { lines: true },
        order: { createdAt: 'ASC' },
      });
  }

  findPickupCode(orderId: string): Promise<MealPickupCodeRow | null> {
    return this.dataSource.getRepository(MealPickupCodeRow).findOne({ where: { orderId } });
  }

  /** Throws a duplicate-key error when the point already uses `code` on that date. */
  async insertPickupCode(manager: EntityManager, code: Omit<MealPickupCodeRow, 'order' | 'mealPoint'>): Promise<void> {
    await manager.getRepository(MealPickupCodeRow).insert(code);
  }

  async findOrderIdByPickupCode(mealPointId: string, mealDate: string, code: string): Promise<string | null> {
    return (await this.dataSource.getRepository(MealPickupCodeRow).findOne({ where: { mealPointId, mealDate, code }, select: { orderId: true } }))?.orderId ?? null;
  }
}
