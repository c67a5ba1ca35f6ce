import { Injectable } from '@nestjs/common';
import { shanghaiDateOf, type MealKind, type MealOrderView } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { NotFoundError } from '../../common/errors/domain-error';
import { FieldCipher } from '../../common/security/field-cipher';
import { ResidentAccess } from '../residents';
import { MealPointAccess, mayManagePoint, mealActorOf } from './meal-point-access';
import type { MealOrder } from './meal-order.entity';
import { toMealOrderView } from './meal-order-view';
import { MealOrdersRepository } from './meal-orders.repository';

const LIST_LIMIT = 200;

/** Meal orders as callers may see them: their own and their household's, a meal's for its canteen and staff, one by id. */
@Injectable()
export class MealOrderReads {
  constructor(
    private readonly orders: MealOrdersRepository,
    private readonly points: MealPointAccess,
    private readonly access: ResidentAccess,
    private readonly cipher: FieldCipher,
  ) {}

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
}
