import type {
  CreateMealOrderInput,
  MealOrderLineInput,
  MealOrderView,
  MealPickupCode,
  MealPointListItem,
  MealPointView,
  MealPrice,
  MealQuoteInput,
  MenuView,
  PlacedMealOrderView,
  WechatPayRequest,
} from '@linli/shared';

import { ApiError } from './api-error';
import { request, requestList } from './request';

const path = (...parts: string[]) => parts.map((part) => `/${encodeURIComponent(part)}`).join('');

/** Where the resident is looking from: the points serving that community first, or nearest first with a position. */
export interface MealPointsQuery {
  communityId?: string;
  latitude?: number;
  longitude?: number;
}

export function fetchMealPoints(query: MealPointsQuery): Promise<MealPointListItem[]> {
  return requestList<MealPointListItem>('/meal-points', { query: { ...query } });
}

/** The meals of `from`..`to` (Shanghai dates) with their cut-off, capacity left and dishes. */
export function fetchMenu(mealPointId: string, from: string, to: string): Promise<MenuView> {
  return request<MenuView>(`${path('meal-points', mealPointId)}/menu`, { query: { from, to } });
}

/** The price after subsidy for one elder; writes nothing. */
export function quoteMeal(input: MealQuoteInput): Promise<MealPrice> {
  return request<MealPrice>('/meal-quotes', { method: 'POST', body: input });
}

/**
 * Orders a meal. With an Idempotency-Key (see `newIdempotencyKey`), a retry after a lost answer or a second tap
 * returns the order already made instead of ordering twice; the same key with another body is IDEMPOTENCY_KEY_REUSED.
 */
export function createMealOrder(input: CreateMealOrderInput, idempotencyKey: string): Promise<PlacedMealOrderView> {
  return request<PlacedMealOrderView>('/meal-orders', { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } });
}

/** Mine and my household's, newest meal first. */
export function fetchMyMealOrders(): Promise<MealOrderView[]> {
  return requestList<MealOrderView>('/meal-orders');
}

/** One order; null when there is no such order (an old link) or it is not mine to see. */
export async function fetchMealOrder(orderId: string): Promise<MealOrderView | null> {
  try {
    return await request<MealOrderView>(path('meal-orders', orderId));
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'VALIDATION_FAILED')) return null;
    throw error;
  }
}

/** New quantities before the cut-off: portions, price and a balance payment move by the difference. */
export function changeMealOrder(orderId: string, lines: MealOrderLineInput[]): Promise<MealOrderView> {
  return request<MealOrderView>(`${path('meal-orders', orderId)}/change`, { method: 'POST', body: { lines } });
}

/** The resident's own cancel before the cut-off (no reason asked); a balance payment is credited back. */
export function cancelMealOrder(orderId: string): Promise<MealOrderView> {
  return request<MealOrderView>(`${path('meal-orders', orderId)}/cancel`, { method: 'POST', body: {} });
}

/** The signed code for the QR (ten minutes) and the six digits to read out. */
export function fetchPickupCode(orderId: string): Promise<MealPickupCode> {
  return request<MealPickupCode>(`${path('meal-orders', orderId)}/pickup-code`);
}

export function fetchMealPoint(mealPointId: string): Promise<MealPointView> {
  return request<MealPointView>(path('meal-points', mealPointId));
}

/** The signed wx.requestPayment parameters of an unpaid WeChat Pay order (again). */
export function fetchMealOrderWechatPay(orderId: string): Promise<WechatPayRequest> {
  return request<WechatPayRequest>(`${path('meal-orders', orderId)}/wechat-pay`);
}

/** Asks the API to ask WeChat Pay whether the order was paid (the notification may be late); the order as it is now. */
export function checkMealOrderWechatPay(orderId: string): Promise<MealOrderView> {
  return request<MealOrderView>(`${path('meal-orders', orderId)}/wechat-pay/check`, { method: 'POST', body: {} });
}

/** Demo builds only (the API answers 404 otherwise): the fake WeChat Pay server plays the payer. */
export function simulateMealOrderWechatPay(orderId: string): Promise<void> {
  return request<void>(`${path('meal-orders', orderId)}/wechat-pay/demo-payment`, { method: 'POST', body: {} });
}
