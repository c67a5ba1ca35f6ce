import { Injectable } from '@nestjs/common';
import { shanghaiDateOf, type MealKind, type MealOrderActor, type MealOrderView } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { NotFoundError } from '../../common/errors/domain-error';
import { FieldCipher } from '../../common/security/field-cipher';
import { WechatPayments } from '../payments';
import { ResidentAccess } from '../residents';
import { MealPointAccess, mayManagePoint, mealActorOf } from './meal-point-access';
import type { MealOrder } from './meal-order.entity';
import { toMealOrderView } from './meal-order-view';
import { MealOrdersRepository } from './meal-orders.repository';

const LIST_LIMIT = 200;

/**
 * Meal orders as callers may see them: their own and their household's, a meal's for its canteen and staff, one by id
 * — each WeChat Pay order with where its refunds stand.
 */
@Injectable()
export class MealOrderReads {
  constructor(
    private readonly orders: MealOrdersRepository,
    private readonly points: MealPointAccess,
    private readonly access: ResidentAccess,
    private readonly cipher: FieldCipher,
    private readonly payments: WechatPayments,
  ) {}

  /** The caller's own meal orders and their household members', newest meal first. */
  async listMine(auth: AuthContext): Promise<MealOrderView[]> {
    return this.views(await this.orders.listOrdersOfPeople(await this.access.selfAndHousehold(auth), LIST_LIMIT), 'resident');
  }

  /**
   * A meal point's orders of one date (default today), for its canteen and staff of its region; optionally one meal,
   * or the elders whose name contains `name` or whose phone ends with `phoneTail` (phones decrypted here, never queried).
   */
  async listForMeal(auth: AuthContext, filter: { mealPointId: string; date?: string; mealKind?: MealKind; name?: string; phoneTail?: string }): Promise<MealOrderView[]> {
    const point = await this.points.managed(auth, filter.mealPointId);
    const orders = await this.orders.listOrdersOfMeal(point.id, filter.date ?? shanghaiDateOf(new Date()), filter.mealKind, LIST_LIMIT);
    return this.views(
      orders.filter(
        (order) =>
          (!filter.name || order.resident.name.includes(filter.name)) &&
          (!filter.phoneTail || (!!order.resident.phoneCipher && this.cipher.decrypt(order.resident.phoneCipher).endsWith(filter.phoneTail))),
      ),
      mealActorOf(auth),
    );
  }

  async get(auth: AuthContext, orderId: string): Promise<MealOrderView> {
    return (await this.views([await this.accessible(auth, orderId)], mealActorOf(auth)))[0];
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
    return (await this.views([(await this.orders.findOrder(orderId))!], mealActorOf(auth)))[0];
  }

  private async views(orders: MealOrder[], actor: MealOrderActor): Promise<MealOrderView[]> {
    const refunds = await this.payments.refundProgressOf(orders.filter((order) => order.paymentMethod === 'wechat_pay').map((order) => order.id));
    return orders.map((order) => toMealOrderView(order, actor, refunds.get(order.id)));
  }
}
