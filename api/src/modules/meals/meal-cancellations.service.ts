import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { addDays, shanghaiDateOf, type MealDayClosedResult, type MealOrderActor, type MealOrderView } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { ConflictError } from '../../common/errors/domain-error';
import { isDuplicateKey } from '../../database/sql';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit';
import { MealBalances } from '../meal-subsidies';
import { OutboxService } from '../outbox';
import { WechatPayments } from '../payments';
import { MealPointAccess, mealActorOf } from './meal-point-access';
import type { MealPoint } from './meal-point.entity';
import type { MealOrder } from './meal-order.entity';
import { MealOrderReads } from './meal-order-reads';
import { assertTransition, lockedOrder, type AuditActor } from './meal-order-support';
import { MealOrdersRepository } from './meal-orders.repository';
import { mealDateOutOfRange, mealOrderChangedMeanwhile, reasonRequired } from './meals.errors';

const CLOSED_DAY_REFUND_REASON = (reason: string) => `助餐点停餐，订单已取消：${reason}`;

/**
 * Meal orders cancelled — by the elder or staff, by the sweep when WeChat Pay was not paid by the cut-off, or all of a
 * closed day's at once — each giving back its meal, its portions and its money in the transaction that cancels it,
 * with the elder's row and the counter locked first as every order transaction does.
 */
@Injectable()
export class MealCancellationsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly orders: MealOrdersRepository,
    private readonly reads: MealOrderReads,
    private readonly points: MealPointAccess,
    private readonly balances: MealBalances,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly payments: WechatPayments,
  ) {}

  /**
   * Cancels an order: the elder or their household before the cut-off; the canteen and staff with a reason the
   * resident sees. Gives the meal and the portions back and credits a balance payment in the same transaction.
   */
  async cancel(auth: AuthContext, orderId: string, reason: string | undefined): Promise<MealOrderView> {
    const read = await this.reads.accessible(auth, orderId);
    const actor = mealActorOf(auth);
    if (actor !== 'resident' && !reason) throw reasonRequired();
    assertTransition(read, 'cancel', actor, new Date());
    await this.transactions.write(async (manager) => {
      const order = await lockedOrder(this.orders, manager, read);
      assertTransition(order, 'cancel', actor, new Date());
      await this.cancelInTransaction(manager, auth, actor, order, order.mealPoint, reason ?? null);
    });
    if (read.paymentMethod === 'wechat_pay') await this.payments.sendDueRefunds();
    return this.reads.view(auth, read.id);
  }

  /**
   * The sweep's cancel of a WeChat Pay order still unpaid after its cut-off (the caller asked WeChat Pay first): only
   * while it is still placed, so several instances sweeping at once cancel it once. False when it moved meanwhile.
   */
  async cancelUnpaid(orderId: string, actor: AuditActor, reason: string): Promise<boolean> {
    const read = await this.orders.findOrder(orderId);
    if (!read || read.status !== 'placed') return false;
    return this.transactions.write(async (manager) => {
      const order = await lockedOrder(this.orders, manager, read);
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
    // WeChat Pay: a paid order gets its refund row (sent after commit), an unpaid one its payment closed (a payment
    // still arriving is refunded). The order stays cancelled, its refunds shown pending, until every refund of it has
    // reached the payer (MealOrderPayments.refunded); a failed one keeps it cancelled for an operator to settle.
    if (order.paymentMethod === 'wechat_pay') {
      const refund = await this.payments.cancelInTransaction(manager, order.id, reason ?? '订单已取消');
      refundedFen = refund.refundingFen;
      // Paid, and nothing is on its way (the subsidies covered it, or the changes' refunds all arrived): refunded now.
      if (order.status === 'paid' && refund.complete) await this.orders.moveOrder(manager, order.id, 'cancelled', 'refunded');
    }
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
