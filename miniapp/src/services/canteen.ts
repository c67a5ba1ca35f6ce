import type {
  CopyMenuWeekInput,
  DishInput,
  KitchenCounts,
  MealDayClosedResult,
  MealKind,
  MealOrderView,
  MealPointView,
  MenuMealInput,
  MenuMealView,
  MenuPublishResult,
  MenuView,
} from '@linli/shared';

import { request, requestList } from './request';

/** The canteen operator's calls (and staff running a meal point): points, menus, the day's orders, pickup, counts. */

const segment = (value: string) => encodeURIComponent(value);

export function fetchManagedMealPoints(): Promise<MealPointView[]> {
  return requestList<MealPointView>('/staff/meal-points');
}

export function fetchMenu(mealPointId: string, from: string, to: string): Promise<MenuView> {
  return request<MenuView>(`/meal-points/${segment(mealPointId)}/menu`, { query: { from, to } });
}

export function publishMenu(mealPointId: string, meals: MenuMealInput[]): Promise<MenuPublishResult> {
  return request<MenuPublishResult>(`/meal-points/${segment(mealPointId)}/menu`, { method: 'PUT', body: { meals } });
}

export function copyLastWeek(mealPointId: string, fromDate: string): Promise<MenuPublishResult> {
  const body: CopyMenuWeekInput = { fromDate };
  return request<MenuPublishResult>(`/meal-points/${segment(mealPointId)}/menu/copy-last-week`, { method: 'POST', body });
}

export function changeMeal(mealPointId: string, mealDate: string, mealKind: MealKind, dishes: DishInput[]): Promise<MenuMealView> {
  return request<MenuMealView>(`/meal-points/${segment(mealPointId)}/menu/${segment(mealDate)}`, { method: 'PUT', body: { mealKind, dishes } });
}

export function closeMealDay(mealPointId: string, mealDate: string, reason: string): Promise<MealDayClosedResult> {
  return request<MealDayClosedResult>(`/meal-points/${segment(mealPointId)}/menu/${segment(mealDate)}/close`, { method: 'POST', body: { reason } });
}

export interface MealOrdersQuery {
  mealPointId: string;
  date: string;
  mealKind?: MealKind;
  name?: string;
  phoneTail?: string;
}

export function fetchMealOrdersOfDay(query: MealOrdersQuery): Promise<MealOrderView[]> {
  return requestList<MealOrderView>('/staff/meal-orders', { query: { ...query } });
}

/** Six digits read out, or the QR's signed code scanned: that point's order of today, handed over. */
export function collectByCode(mealPointId: string, code: string): Promise<MealOrderView> {
  return request<MealOrderView>('/staff/meal-pickups', { method: 'POST', body: { mealPointId, code } });
}

/** Handing over after looking the elder up by name or phone tail. */
export function collectOrder(orderId: string): Promise<MealOrderView> {
  return request<MealOrderView>(`/staff/meal-orders/${segment(orderId)}/collect`, { method: 'POST' });
}

export function fetchKitchenCounts(mealPointId: string, date: string, mealKind: MealKind): Promise<KitchenCounts> {
  return request<KitchenCounts>(`/staff/meal-points/${segment(mealPointId)}/kitchen-counts`, { query: { date, mealKind } });
}
