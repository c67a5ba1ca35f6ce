import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  addDays,
  shanghaiDateOf,
  transitionMealOrder,
  type CreateMealOrderInput,
  type MealDayClosedResult,
  type MealKind,
  type MealOrderActor,
  type MealOrderLineInput,
  type MealOrderView,
  type MealPrice,
  type MealQuoteInput,
  type PlacedMealOrderView,
  type WechatPayRequest,
  MEAL_KIND_LABELS,
} from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { ConflictError, DomainError, NotFoundError } from '../../common/errors/domain-error';
import { Idempotency, type Remember } from '../../common/idempotency/idempotency';
import { FieldCipher } from '../../common/security/field-cipher';
import { isDuplicateKey } from '../../database/sql';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit';
import { MealBalances } from '../meal-subsidies';
import { OutboxService } from '../outbox';
import { WechatPayments } from '../payments';
import { ResidentAccess } from '../residents';
import type { MealCounter } from './meal-counter.entity';
import { MealPickupCodes } from './meal-pickup-codes';
import { MealPointAccess, mayManagePoint, mealActorOf } from './meal-point-access';
import type { MealPoint } from './meal-point.entity';
import type { MealOrder } from './meal-order.entity';
import { cutOffOf, situationOf, toMealOrderView } from './meal-order-view';
import { MealOrdersRepository } from './meal-orders.repository';
import { linesFromMenu, MealPrices, storedPriceColumns } from './meal-prices';
import { windowOf } from './menus.service';
import {
  dayClosed,
  fulfilmentNotOffered,
  mealDateOutOfRange,
  mealOrderChangedMeanwhile,
  mealOrderTransitionRefused,
  mealPointFull,
  pastCutOff,
  reasonRequired,
  soldOut,
} from './meals.errors';

const LIST_LIMIT = 200;

/** Who the audit log names for a change: a signed-in account, or the platform itself (accountId null). */
export type AuditActor = Parameters<AuditService['record']>[1];
const CLOSED_DAY_REFUND_REASON = (reason: string) => `助餐点停餐，订单已取消：${reason}`;

type LineWithDish = ReturnType<typeof linesFromMenu>[number];

/**
 * Elder meal orders from quote to cancellation. Capacity and portions are the database's job: a guarded
 * `ordered = ordered + 1 WHERE ordered < capacity` on the meal's counter and `remaining = remaining - q WHERE
 * remaining >= q` on each dish with a daily quantity, in one transaction with the order, its pickup code, the balance
 * payment and the audit entry. Locks are taken in one order everywhere — the elder's row, the counter, the dishes
 * by id, then the order and its children — so storms on MariaDB do not deadlock. Every price is priceMeal's, stored
 * whole on the order.
 */
@Injectable()
export class MealOrdersService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly orders: MealOrdersRepository,
    private readonly points: MealPointAccess,
    private readonly prices: MealPrices,
    private readonly pickupCodes: MealPickupCodes,
    private readonly balances: MealBalances,
    private readonly access: ResidentAccess,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly cipher: FieldCipher,
    private readonly idempotency: Idempotency,
    private readonly payments: WechatPayments,
  ) {}

  /** The price of a meal for an elder before ordering (nothing is written): what the mini program shows. */
  async quote(auth: AuthContext, input: MealQuoteInput, now = new Date()): Promise<MealPrice> {
    const { point, lines } = await this.orderable(auth, input, now);
    return this.prices.price({ ...input, point, lines });
  }

  /** With an Idempotency-Key, a retry of the same request returns the first order (Idempotency). */
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

  /** The signed wx.requestPayment parameters again, while a WeChat Pay order is unpaid (the prepay is reused for two hours). */
  async wechatPayRequest(auth: AuthContext, orderId: string): Promise<WechatPayRequest> {
    const order = await this.accessible(auth, orderId);
    // WeChat Pay takes no payment after the cut-off (time_expire): the order is cancelled by the sweep instead.
    if (order.paymentMethod === 'wechat_pay' && order.status === 'placed' && situationOf(order.mealPoint, order, new Date()).pastCutOff)
      throw pastCutOff(cutOffOf(order.mealPoint, order));
    const request = order.paymentMethod === 'wechat_pay' && order.status === 'placed' ? await this.payments.requestPayment(order.id) : null;
    if (!request) throw mealOrderTransitionRefused(order.status, 'pay', 'not_awaiting_wechat_pay');
    return request;
  }

  /**
   * Asks WeChat Pay whether a WeChat Pay order was paid and applies the answer, for when its notification is late or
   * lost (the mini program calls it after wx.requestPayment returns; the sweep does it for every unanswered payment).
   */
  async checkWechatPay(auth: AuthContext, orderId: string): Promise<MealOrderView> {
    const order = await this.accessible(auth, orderId);
    if (order.paymentMethod === 'wechat_pay') await this.payments.reconcile(order.id);
    return this.view(auth, order.id);
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
    return this.view(auth, id);
  }

  /** The caller's own meal orders and their household members', newest meal first. */
  async listMine(auth: AuthContext): Promise<MealOrderView[]> {
    const orders = await this.orders.listOrdersOfPeople(await this.access.selfAndHousehold(auth), LIST_LIMIT);
    return orders.map((order) => toMealOrderView(order, 'resident'));
  }

  /**
   * A meal point's orders of one date (default today), for its canteen and staff of its region; optionally one meal,
   * or the elders whose name contains `name` or whose phone ends with `phoneTail` (phones decrypted here, never queried).
   */
  async listForMeal(auth: AuthContext, filter: { mealPointId: string; date?: string; mealKind?: MealKind; name?: string; phoneTail?: string }): Promise<MealOrderView[]> {
    const point = await this.points.managed(auth, filter.mealPointId);
    const orders = await this.orders.listOrdersOfMeal(point.id, filter.date ?? shanghaiDateOf(new Date()), filter.mealKind, LIST_LIMIT);
    const actor = mealActorOf(auth);
    return orders
      .filter(
        (order) =>
          (!filter.name || order.resident.name.includes(filter.name)) &&
          (!filter.phoneTail || (!!order.resident.phoneCipher && this.cipher.decrypt(order.resident.phoneCipher).endsWith(filter.phoneTail))),
      )
      .map((order) => toMealOrderView(order, actor));
  }

  async get(auth: AuthContext, orderId: string): Promise<MealOrderView> {
    return toMealOrderView(await this.accessible(auth, orderId), mealActorOf(auth));
  }

  /** New lines before the cut-off (the elder, their household, or staff): portions and price redone, the balance settled by the difference. */
  async change(auth: AuthContext, orderId: string, requested: MealOrderLineInput[]): Promise<MealOrderView> {
    const actor = mealActorOf(auth);
    const read = await this.accessible(auth, orderId);
    // A WeChat Pay order's amount is fixed once asked for: cancel and order again instead.
    if (read.paymentMethod === 'wechat_pay') throw mealOrderTransitionRefused(read.status, 'change', 'wechat_pay_amount_fixed');
    this.assertTransition(read, 'change', actor, new Date());
    const lines = linesFromMenu(requested, await this.orders.listMealDishes(read.mealPointId, read.mealDate, read.mealKind));
    await this.transactions.write(async (manager) => {
      // The order as the last write left it: its lines and total are what the portions and the money move from.
      const order = await this.lockedOrder(manager, read);
      this.assertTransition(order, 'change', actor, new Date());
      await this.movePortions(manager, order, lines);
      const price = await this.prices.price({ ...order, point: order.mealPoint, lines, exceptOrderId: order.id }, manager);
      if (!(await this.orders.replaceLines(manager, order.id, order.status, storedPriceColumns(price), lines.map(orderLineRow)))) throw mealOrderChangedMeanwhile('change');
      const difference = price.total - order.totalFen;
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
      await this.audit.record(manager, auth, {
        action: 'meal_order.changed',
        targetType: 'meal_order',
        targetId: order.id,
        regionPath: order.mealPoint.region.path,
        details: { fromTotalFen: order.totalFen, toTotalFen: price.total },
      });
    });
    return this.view(auth, read.id);
  }

  /**
   * Cancels an order: the elder or their household before the cut-off; the canteen and staff with a reason the
   * resident sees. Gives the meal and the portions back and credits a balance payment in the same transaction.
   */
  async cancel(auth: AuthContext, orderId: string, reason: string | undefined): Promise<MealOrderView> {
    const read = await this.accessible(auth, orderId);
    const actor = mealActorOf(auth);
    if (actor !== 'resident' && !reason) throw reasonRequired();
    this.assertTransition(read, 'cancel', actor, new Date());
    await this.transactions.write(async (manager) => {
      const order = await this.lockedOrder(manager, read);
      this.assertTransition(order, 'cancel', actor, new Date());
      await this.cancelInTransaction(manager, auth, actor, order, order.mealPoint, reason ?? null);
    });
    if (read.paymentMethod === 'wechat_pay') await this.payments.sendDueRefunds();
    return this.view(auth, read.id);
  }

  /**
   * The sweep's cancel of a WeChat Pay order still unpaid after its cut-off (the caller asked WeChat Pay first): only
   * while it is still placed, so several instances sweeping at once cancel it once. False when it moved meanwhile.
   */
  async cancelUnpaid(orderId: string, actor: AuditActor, reason: string): Promise<boolean> {
    const read = await this.orders.findOrder(orderId);
    if (!read || read.status !== 'placed') return false;
    return this.transactions.write(async (manager) => {
      const order = await this.lockedOrder(manager, read);
      if (order.status !== 'placed') return false;
      await this.cancelInTransaction(manager, actor, 'system', order, order.mealPoint, reason);
      return true;
    });
  }

  /**
   * Closes a day of a meal point (a holiday, a breakdown): nothing more can be ordered for it, and every order placed
   * for it is cancelled with the reason, its balance payment credited back and the elder told through the outbox —
   * all in one transaction with the closure.
   */
  async closeDay(auth: AuthContext, mealPointId: string, mealDate: string, reason: string): Promise<MealDayClosedResult> {
    const point = await this.points.managed(auth, mealPointId);
    const today = shanghaiDateOf(new Date());
    if (mealDate < today || mealDate > addDays(today, 60)) throw mealDateOutOfRange('mealDate');
    const cancelledOrders = await this.transactions.write(async (manager) => {
      await this.orders.lockCountersOfDay(manager, point.id, mealDate);
      try {
        await this.orders.insertClosure(manager, { mealPointId: point.id, mealDate, reason, closedByAccountId: auth.accountId });
      } catch (error) {
        if (isDuplicateKey(error)) throw new ConflictError('当天已停餐', { mealDate });
        throw error;
      }
      const orders = (await this.orders.listHoldingOrdersOfDay(point.id, mealDate, undefined, manager)).filter((order) => order.status === 'placed' || order.status === 'paid');
      for (const order of orders) await this.cancelInTransaction(manager, auth, 'system', order, point, CLOSED_DAY_REFUND_REASON(reason));
      await this.audit.record(manager, auth, {
        action: 'meal_day.closed',
        targetType: 'meal_point',
        targetId: point.id,
        regionPath: point.region.path,
        details: { mealDate, reason, cancelledOrders: orders.length },
      });
      return orders.length;
    });
    await this.payments.sendDueRefunds();
    return { mealDate, reason, cancelledOrders };
  }

  /** An order the caller may see: their own or household's; its canteen's; for staff, one at a meal point of their region. */
  async accessible(auth: AuthContext, orderId: string): Promise<MealOrder> {
    const order = await this.orders.findOrder(orderId);
    const reachable =
      !!order && (auth.role === 'provider_admin' ? mayManagePoint(auth, order.mealPoint) : await this.access.mayReach(auth, order.residentId, order.mealPoint.region.path));
    if (!reachable) throw new NotFoundError('该订单');
    return order;
  }

  async view(auth: AuthContext, orderId: string): Promise<MealOrderView> {
    return toMealOrderView((await this.orders.findOrder(orderId))!, mealActorOf(auth));
  }

  /**
   * Inside a write: locks the elder's row and the meal's counter (the order every order transaction takes them in),
   * then reads the order afresh, so a change or cancel works from what the last write committed, never from a copy
   * read before another change or a closed day.
   */
  private async lockedOrder(manager: EntityManager, read: MealOrder): Promise<MealOrder> {
    await this.orders.lockPerson(manager, read.residentId);
    await this.orders.lockCounter(manager, read.counterId);
    return (await this.orders.findOrder(read.id, manager))!;
  }

  /** The meal point, its window and lines for a quote or an order, after the checks that need no transaction. */
  private async orderable(auth: AuthContext, input: MealQuoteInput, now: Date): Promise<{ point: MealPoint; lines: LineWithDish[] }> {
    const point = await this.points.readable(input.mealPointId);
    windowOf(point, input.mealKind);
    if (!point.fulfilments.includes(input.fulfilment)) throw fulfilmentNotOffered(input.fulfilment);
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

  private assertTransition(order: MealOrder, event: 'change' | 'cancel', actor: MealOrderActor, now: Date): void {
    const result = transitionMealOrder(order.status, event, actor, situationOf(order.mealPoint, order, now));
    if (result.ok) return;
    if (result.reason === 'past_cut_off') throw pastCutOff(cutOffOf(order.mealPoint, order));
    throw mealOrderTransitionRefused(order.status, event, result.reason);
  }

  /** Cancels inside the caller's transaction: status first (conditional), then the meal, portions and money given back. */
  private async cancelInTransaction(manager: EntityManager, auth: AuditActor, actor: MealOrderActor, order: MealOrder, point: MealPoint, reason: string | null): Promise<void> {
    if (!(await this.orders.moveOrder(manager, order.id, order.status, 'cancelled', { cancelReason: reason }))) throw mealOrderChangedMeanwhile('cancel');
    await this.orders.releaseMeal(manager, order.counterId);
    for (const line of [...order.lines].sort((a, b) => a.dishId.localeCompare(b.dishId))) await this.orders.releasePortions(manager, line.dishId, line.quantity);
    let refundedFen = 0;
    if (order.status === 'paid' && order.paymentMethod === 'balance') {
      if (order.totalFen > 0) {
        await this.balances.credit(manager, {
          residentId: order.residentId,
          amountFen: order.totalFen,
          mealOrderId: order.id,
          reason: reason ?? '订单已取消',
          accountId: auth.accountId,
        });
      }
      await this.orders.moveOrder(manager, order.id, 'cancelled', 'refunded');
      refundedFen = order.totalFen;
    }
    // WeChat Pay: a paid order gets its refund row (sent after commit; refunded when WeChat Pay says so), an unpaid one
    // its payment closed (a payment still arriving is refunded).
    if (order.paymentMethod === 'wechat_pay') refundedFen = await this.payments.cancelInTransaction(manager, order.id, reason ?? '订单已取消');
    if (actor !== 'resident') {
      await this.outbox.enqueue(manager, 'meal_order.cancelled', {
        orderId: order.id,
        residentId: order.residentId,
        mealPointId: point.id,
        mealDate: order.mealDate,
        mealKind: order.mealKind,
        reason: reason ?? '',
        refundedFen,
      });
    }
    await this.audit.record(manager, auth, {
      action: 'meal_order.cancelled',
      targetType: 'meal_order',
      targetId: order.id,
      regionPath: point.region.path,
      details: { from: order.status, reason, refundedFen },
    });
  }
}

function orderLineRow(line: LineWithDish) {
  return { dishId: line.dishId, name: line.name, unitPriceFen: line.unitPriceFen, quantity: line.quantity, tags: line.tags.length ? [...line.tags] : null };
}
