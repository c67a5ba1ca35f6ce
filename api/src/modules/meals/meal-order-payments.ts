import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { addDays, shanghaiDateOf } from '@linli/shared';
import { DomainError } from '../../common/errors/domain-error';
import { AuditService } from '../audit';
import { WechatPayments, type PaymentSubject } from '../payments';
import { situationOf } from './meal-order-view';
import { MealOrdersRepository } from './meal-orders.repository';
import { MealOrdersService, type AuditActor } from './meal-orders.service';

/** The platform acting on its own (payment notifications, the cut-off sweep) in the audit log. */
const SYSTEM: AuditActor = { accountId: null, role: null, ip: 'system', requestId: 'system' };
const UNPAID_AT_CUT_OFF = '未在订餐截止前完成微信支付，订单已自动取消';
/** Cut-offs are at most this many days before the meal (a breakfast ordered the evening before). */
const CUT_OFF_DAYS_AHEAD = 2;

/**
 * Meal orders as what WeChat Pay pays for (the payments module's PaymentSubject): a payment is taken only by an order
 * still waiting for it (placed → paid, once), a refund that went through moves a cancelled order to refunded, and
 * orders unpaid at their cut-off are cancelled after WeChat Pay was asked one last time.
 */
@Injectable()
export class MealOrderPayments implements PaymentSubject, OnModuleInit {
  constructor(
    private readonly orders: MealOrdersRepository,
    private readonly ordering: MealOrdersService,
    private readonly payments: WechatPayments,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.payments.serve(this);
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
      if (await this.ordering.cancelUnpaid(order.id, SYSTEM, UNPAID_AT_CUT_OFF)) cancelled++;
    }
    return cancelled;
  }
}
