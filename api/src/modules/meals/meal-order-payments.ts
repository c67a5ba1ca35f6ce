import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { addDays, shanghaiDateOf, type MealOrderView, type WechatPayRequest } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { DomainError } from '../../common/errors/domain-error';
import { AuditService } from '../audit';
import { WechatPayments, type PaymentSubject } from '../payments';
import { MealCancellationsService } from './meal-cancellations.service';
import { MealOrderReads } from './meal-order-reads';
import type { AuditActor } from './meal-order-support';
import { cutOffOf, situationOf } from './meal-order-view';
import { MealOrdersRepository } from './meal-orders.repository';
import { mealOrderTransitionRefused, pastCutOff } from './meals.errors';

/** The platform acting on its own (payment notifications, the cut-off sweep) in the audit log. */
const SYSTEM: AuditActor = { accountId: null, role: null, ip: 'system', requestId: 'system' };
const UNPAID_AT_CUT_OFF = '未在订餐截止前完成微信支付，订单已自动取消';
/** Cut-offs are at most this many days before the meal (a breakfast ordered the evening before). */
const CUT_OFF_DAYS_AHEAD = 2;

/**
 * Meal orders as what WeChat Pay pays for (the payments module's PaymentSubject): a payment is taken only by an order
 * still waiting for it (placed → paid, once), a refund that went through moves a cancelled order to refunded, and
 * orders unpaid at their cut-off are cancelled after WeChat Pay was asked one last time. Also the mini program's side
 * of paying: the wx.requestPayment parameters again, and asking WeChat Pay whether an order was paid.
 */
@Injectable()
export class MealOrderPayments implements PaymentSubject, OnModuleInit {
  constructor(
    private readonly orders: MealOrdersRepository,
    private readonly reads: MealOrderReads,
    private readonly cancellations: MealCancellationsService,
    private readonly payments: WechatPayments,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.payments.serve('meal_order', this);
  }

  /** The signed wx.requestPayment parameters again, while a WeChat Pay order is unpaid (the prepay is reused for two hours). */
  async wechatPayRequest(auth: AuthContext, orderId: string): Promise<WechatPayRequest> {
    const order = await this.reads.accessible(auth, orderId);
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
    const order = await this.reads.accessible(auth, orderId);
    if (order.paymentMethod === 'wechat_pay') await this.payments.reconcile(order.id);
    return this.reads.view(auth, order.id);
  }

  /**
   * The demo's 模拟支付 (H5 has no wx.requestPayment): the fake WeChat Pay server plays the payer. 404 unless the API
   * runs with WECHATPAY_SIMULATE_PAYMENTS (never in production); then the mini program checks as after paying.
   */
  async simulateWechatPay(auth: AuthContext, orderId: string): Promise<void> {
    this.payments.assertSimulatingPayments();
    await this.wechatPayRequest(auth, orderId);
    await this.payments.simulatePayment(orderId);
  }

  /** The elder's row, then the meal's counter: the order every order transaction takes them in. */
  async lock(manager: EntityManager, orderId: string): Promise<void> {
    const order = await this.orders.findOrder(orderId, manager);
    if (!order) return;
    await this.orders.lockPerson(manager, order.residentId);
    await this.orders.lockCounter(manager, order.counterId);
  }

  async takePayment(manager: EntityManager, orderId: string): Promise<boolean> {
    const order = await this.orders.findOrder(orderId, manager);
    if (!order || order.status !== 'placed' || !(await this.orders.moveOrder(manager, order.id, 'placed', 'paid'))) return false;
    await this.audit.record(manager, SYSTEM, {
      action: 'meal_order.paid',
      targetType: 'meal_order',
      targetId: order.id,
      regionPath: order.mealPoint.region.path,
      details: { paymentMethod: 'wechat_pay', totalFen: order.totalFen },
    });
    return true;
  }

  async refunded(manager: EntityManager, orderId: string): Promise<void> {
    const order = await this.orders.findOrder(orderId, manager);
    if (!order || !(await this.orders.moveOrder(manager, order.id, 'cancelled', 'refunded'))) return;
    await this.audit.record(manager, SYSTEM, {
      action: 'meal_order.refunded',
      targetType: 'meal_order',
      targetId: order.id,
      regionPath: order.mealPoint.region.path,
      details: { paymentMethod: 'wechat_pay', refundedFen: order.totalFen },
    });
  }

  async cancelUnpaidPastCutOff(now: Date): Promise<number> {
    const unpaid = await this.orders.listUnpaidWechatPayOrders(addDays(shanghaiDateOf(now), CUT_OFF_DAYS_AHEAD));
    let cancelled = 0;
    for (const order of unpaid.filter((candidate) => situationOf(candidate.mealPoint, candidate, now).pastCutOff)) {
      try {
        // Paid at the last moment with the notification still on its way: the query applies it and the order stays.
        await this.payments.reconcile(order.id);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'WECHAT_PAY_UNAVAILABLE') continue; // ask again next sweep
        throw error;
      }
      if (await this.cancellations.cancelUnpaid(order.id, SYSTEM, UNPAID_AT_CUT_OFF)) cancelled++;
    }
    return cancelled;
  }
}
