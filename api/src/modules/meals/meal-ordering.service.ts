import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type CreateMealOrderInput,
  type MealKind,
  type MealOrderLineInput,
  type MealOrderView,
  type MealPrice,
  type MealQuoteInput,
  type PlacedMealOrderView,
  MEAL_KIND_LABELS,
} from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { DomainError, NotFoundError } from '../../common/errors/domain-error';
import { Idempotency, type Remember } from '../../common/idempotency/idempotency';
import { isDuplicateKey } from '../../database/sql';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit';
import { MealBalances } from '../meal-subsidies';
import { WechatPayments } from '../payments';
import { ResidentAccess } from '../residents';
import type { MealCounter } from './meal-counter.entity';
import { MealPickupCodes } from './meal-pickup-codes';
import { MealPointAccess, mealActorOf } from './meal-point-access';
import type { MealPoint } from './meal-point.entity';
import type { MealOrder } from './meal-order.entity';
import { MealOrderReads } from './meal-order-reads';
import { assertTransition, lockedOrder } from './meal-order-support';
import { assertDeliverable, deliveryPositionColumns } from './meal-delivery-positions';
import { cutOffOf, situationOf, toMealOrderView } from './meal-order-view';
import { MealOrdersRepository } from './meal-orders.repository';
import { linesFromMenu, MealPrices, storedPriceColumns } from './meal-prices';
import { windowOf } from './menus.service';
import { dayClosed, fulfilmentNotOffered, mealOrderChangedMeanwhile, mealPointFull, pastCutOff, soldOut, wechatPayOrderIncrease, wechatPayOrderUnpaid } from './meals.errors';

type LineWithDish = ReturnType<typeof linesFromMenu>[number];

/**
 * Elder meal orders quoted, placed and changed. Capacity and portions are the database's job: a guarded
 * `ordered = ordered + 1 WHERE ordered < capacity` on the meal's counter and `remaining = remaining - q WHERE
 * remaining >= q` on each dish with a daily quantity, in one transaction with the order, its pickup code, the balance
 * payment and the audit entry. Locks are taken in one order everywhere — the elder's row, the counter, the dishes
 * by id, then the order and its children — so storms on MariaDB do not deadlock. Every price is priceMeal's, stored
 * whole on the order.
 */
@Injectable()
export class MealOrderingService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly orders: MealOrdersRepository,
    private readonly reads: MealOrderReads,
    private readonly points: MealPointAccess,
    private readonly prices: MealPrices,
    private readonly pickupCodes: MealPickupCodes,
    private readonly balances: MealBalances,
    private readonly access: ResidentAccess,
    private readonly audit: AuditService,
    private readonly idempotency: Idempotency,
    private readonly payments: WechatPayments,
  ) {}

  /** The price of a meal for an elder before ordering (nothing is written): what the mini program shows. */
  async quote(auth: AuthContext, input: MealQuoteInput, now = new Date()): Promise<MealPrice> {
    const { point, lines } = await this.orderable(auth, input, now);
    return this.prices.price({ ...input, point, lines });
  }

  /**
   * With an Idempotency-Key, a retry of the same request returns the first order (Idempotency). A WeChat Pay order is
   * placed unpaid, holding its meal and portions; the prepay is asked for after the order commits, and its signed
   * wx.requestPayment parameters come with the answer (absent when WeChat Pay did not answer: GET them again).
   */
  async create(auth: AuthContext, input: CreateMealOrderInput, idempotencyKey?: string): Promise<PlacedMealOrderView> {
    const lines = [...input.lines].sort((a, b) => a.dishId.localeCompare(b.dishId)).map((line) => [line.dishId, line.quantity]);
    const placed = await this.idempotency.run<{ orderId: string }, MealOrderView>(
      idempotencyKey ? { accountId: auth.accountId, key: idempotencyKey } : null,
      'meal_order',
      [input.mealPointId, input.residentId, input.mealDate, input.mealKind, input.fulfilment, input.paymentMethod, lines],
      (remember) => this.place(auth, input, remember),
      async ({ orderId }) => {
        const order = await this.orders.findOrder(orderId);
        return order ? toMealOrderView(order, mealActorOf(auth)) : null;
      },
    );
    if (placed.paymentMethod !== 'wechat_pay' || placed.status !== 'placed') return placed;
    try {
      const wechatPay = await this.payments.requestPayment(placed.id);
      return wechatPay ? { ...placed, wechatPay } : placed;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'WECHAT_PAY_UNAVAILABLE') return placed;
      throw error;
    }
  }

  private async place(auth: AuthContext, input: CreateMealOrderInput, remember: Remember<{ orderId: string }>): Promise<MealOrderView> {
    const now = new Date();
    const { point, lines } = await this.orderable(auth, input, now);
    // Fail fast on what is already gone (the common answer in a rush); the guarded updates below decide.
    const gone = lines.find((line) => line.dish.remaining !== null && line.dish.remaining < line.quantity);
    if (gone) throw soldOut(gone.dishId, gone.name);
    const counter = await this.ensureCounter(point, input.mealDate, input.mealKind);
    if (counter.ordered >= counter.capacity) throw mealPointFull(input.mealDate, input.mealKind);
    const payerOpenid = input.paymentMethod === 'wechat_pay' ? await this.payments.payerOpenid(auth.accountId) : null;

    const id = randomUUID();
    await this.transactions.write(async (manager) => {
      await remember(manager, { orderId: id });
      const person = await this.orders.lockPerson(manager, input.residentId);
      if (!person || person.erasedAt) throw new NotFoundError('该居民');
      if (!(await this.orders.takeMeal(manager, counter.id))) throw mealPointFull(input.mealDate, input.mealKind);
      // After the counter: closing a day locks the counters first, so an order in flight either commits before the
      // closure (and is cancelled by it) or sees it here.
      const closure = await this.orders.findClosure(point.id, input.mealDate, manager);
      if (closure) throw dayClosed(input.mealDate, closure.reason);
      await this.takePortions(manager, lines);
      const price = await this.prices.price({ ...input, point, lines }, manager);
      // A WeChat Pay order waits for WeChat Pay's notification; one the subsidies cover whole has nothing to pay.
      const status = input.paymentMethod === 'balance' || (input.paymentMethod === 'wechat_pay' && price.total === 0) ? 'paid' : 'placed';
      await this.orders.insertOrder(
        manager,
        {
          id,
          mealPointId: point.id,
          counterId: counter.id,
          residentId: person.id,
          mealDate: input.mealDate,
          mealKind: input.mealKind,
          fulfilment: input.fulfilment,
          status,
          paymentMethod: input.paymentMethod,
          ...storedPriceColumns(price),
          cancelReason: null,
          collectedAt: null,
          deliveryNote: input.fulfilment === 'delivery' ? input.deliveryNote?.trim() || null : null,
          ...deliveryPositionColumns(input),
          orderedByAccountId: auth.accountId,
        },
        lines.map(orderLineRow),
      );
      await this.pickupCodes.assign(manager, { id, mealPointId: point.id, mealDate: input.mealDate });
      if (input.paymentMethod === 'balance' && price.total > 0) {
        await this.balances.debit(manager, { residentId: person.id, amountFen: price.total, mealOrderId: id, accountId: auth.accountId });
      }
      if (payerOpenid && price.total > 0) {
        await this.payments.recordIntent(manager, {
          subjectKind: 'meal_order',
          subjectId: id,
          amountFen: price.total,
          payerOpenid,
          description: `${point.name} ${input.mealDate} ${MEAL_KIND_LABELS[input.mealKind]}`,
          expiresAt: cutOffOf(point, input),
        });
      }
      await this.audit.record(manager, auth, {
        action: 'meal_order.placed',
        targetType: 'meal_order',
        targetId: id,
        regionPath: point.region.path,
        details: { residentId: person.id, status, totalFen: price.total, appliedRuleIds: price.appliedRuleIds.join(',') },
      });
    });
    return this.reads.view(auth, id);
  }

  /**
   * New lines before the cut-off (the elder, their household, or staff): portions and price redone, the money settled
   * by the difference — a balance payment debited or credited, a paid WeChat Pay order refunded the difference (a
   * partial refund written in this transaction, sent after commit). A WeChat Pay order cannot cost more (WeChat Pay
   * takes one amount per order: cancel and order again) and is not changed while unpaid (its amount is being paid).
   */
  async change(auth: AuthContext, orderId: string, requested: MealOrderLineInput[]): Promise<MealOrderView> {
    const actor = mealActorOf(auth);
    const read = await this.reads.accessible(auth, orderId);
    if (read.paymentMethod === 'wechat_pay' && read.status === 'placed') throw wechatPayOrderUnpaid();
    assertTransition(read, 'change', actor, new Date());
    const lines = linesFromMenu(requested, await this.orders.listMealDishes(read.mealPointId, read.mealDate, read.mealKind));
    const refundDue = await this.transactions.write(async (manager) => {
      // The order as the last write left it: its lines and total are what the portions and the money move from.
      const order = await lockedOrder(this.orders, manager, read);
      assertTransition(order, 'change', actor, new Date());
      if (order.paymentMethod === 'wechat_pay' && order.status === 'placed') throw wechatPayOrderUnpaid();
      await this.movePortions(manager, order, lines);
      const price = await this.prices.price({ ...order, point: order.mealPoint, lines, exceptOrderId: order.id }, manager);
      const difference = price.total - order.totalFen;
      if (order.paymentMethod === 'wechat_pay' && difference > 0) throw wechatPayOrderIncrease(difference);
      if (!(await this.orders.replaceLines(manager, order.id, order.status, storedPriceColumns(price), lines.map(orderLineRow)))) throw mealOrderChangedMeanwhile('change');
      if (order.paymentMethod === 'balance' && difference > 0) {
        await this.balances.debit(manager, { residentId: order.residentId, amountFen: difference, mealOrderId: order.id, accountId: auth.accountId });
      }
      if (order.paymentMethod === 'balance' && difference < 0) {
        await this.balances.credit(manager, {
          residentId: order.residentId,
          amountFen: -difference,
          mealOrderId: order.id,
          reason: '修改订单，退回差额',
          accountId: auth.accountId,
        });
      }
      if (order.paymentMethod === 'wechat_pay' && difference < 0) await this.payments.refundPart(manager, order.id, -difference, '修改订单，退回差额');
      await this.audit.record(manager, auth, {
        action: 'meal_order.changed',
        targetType: 'meal_order',
        targetId: order.id,
        regionPath: order.mealPoint.region.path,
        details: { fromTotalFen: order.totalFen, toTotalFen: price.total },
      });
      return order.paymentMethod === 'wechat_pay' && difference < 0;
    });
    if (refundDue) await this.payments.sendDueRefunds();
    return this.reads.view(auth, read.id);
  }

  /** The meal point, its window and lines for a quote or an order, after the checks that need no transaction. */
  private async orderable(auth: AuthContext, input: MealQuoteInput, now: Date): Promise<{ point: MealPoint; lines: LineWithDish[] }> {
    const point = await this.points.readable(input.mealPointId);
    windowOf(point, input.mealKind);
    if (!point.fulfilments.includes(input.fulfilment)) throw fulfilmentNotOffered(input.fulfilment);
    assertDeliverable(point, input);
    const situation = situationOf(point, { ...input }, now);
    if (situation.pastCutOff) throw pastCutOff(cutOffOf(point, input));
    await this.access.assertMayActFor(auth, input.residentId);
    const closure = await this.orders.findClosure(point.id, input.mealDate);
    if (closure) throw dayClosed(input.mealDate, closure.reason);
    return { point, lines: linesFromMenu(input.lines, await this.orders.listMealDishes(point.id, input.mealDate, input.mealKind)) };
  }

  /** The counter row of a meal, created on its first order in a short transaction of its own (as slot rows are). */
  private async ensureCounter(point: MealPoint, mealDate: string, mealKind: MealKind): Promise<MealCounter> {
    const existing = await this.orders.findCounter(point.id, mealDate, mealKind);
    if (existing) return existing;
    try {
      await this.transactions.write((manager) =>
        this.orders.insertCounter(manager, { id: randomUUID(), mealPointId: point.id, mealDate, mealKind, capacity: windowOf(point, mealKind).capacity, ordered: 0 }),
      );
    } catch (error) {
      if (!isDuplicateKey(error)) throw error; // another request created it a moment ago
    }
    return (await this.orders.findCounter(point.id, mealDate, mealKind))!;
  }

  /** Takes the portions of dishes with a daily quantity, in dish-id order (one lock order for every transaction). */
  private async takePortions(manager: EntityManager, lines: readonly LineWithDish[]): Promise<void> {
    for (const line of [...lines].sort((a, b) => a.dishId.localeCompare(b.dishId))) {
      if (line.dish.dailyQuantity === null) continue;
      if (!(await this.orders.takePortions(manager, line.dishId, line.quantity))) throw soldOut(line.dishId, line.name);
    }
  }

  /** Moves portions from an order's old lines to its new ones, dish by dish in id order: only the difference changes hands. */
  private async movePortions(manager: EntityManager, order: MealOrder, lines: readonly LineWithDish[]): Promise<void> {
    const delta = new Map<string, { quantity: number; limited: boolean; name: string }>();
    for (const line of order.lines) delta.set(line.dishId, { quantity: -line.quantity, limited: true, name: line.name });
    for (const line of lines) {
      const before = delta.get(line.dishId)?.quantity ?? 0;
      delta.set(line.dishId, { quantity: before + line.quantity, limited: line.dish.dailyQuantity !== null, name: line.name });
    }
    for (const [dishId, change] of [...delta.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      if (change.quantity < 0) await this.orders.releasePortions(manager, dishId, -change.quantity);
      if (change.quantity > 0 && change.limited && !(await this.orders.takePortions(manager, dishId, change.quantity))) throw soldOut(dishId, change.name);
    }
  }
}

function orderLineRow(line: LineWithDish) {
  return { dishId: line.dishId, name: line.name, unitPriceFen: line.unitPriceFen, quantity: line.quantity, tags: line.tags.length ? [...line.tags] : null };
}
