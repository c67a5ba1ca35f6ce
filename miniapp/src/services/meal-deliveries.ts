import type { MealDeliveryCommit, MealDeliveryPlan, MealKind, OrderPhoneView, WorkerMealRunView } from '@linli/shared';

import { request, requestList } from './request';

const path = (...parts: string[]) => parts.map((part) => `/${encodeURIComponent(part)}`).join('');

/** The meal-delivery runs the worker holds (and today's finished ones), stops in order. */
export function fetchMealRuns(): Promise<WorkerMealRunView[]> {
  return requestList<WorkerMealRunView>('/worker/meal-delivery-runs');
}

export type MealStopStep = 'deliver' | 'not-at-home';

/** 已送达 or 家中无人 at one door; answers the whole run as it now stands. */
export function settleMealStop(mealOrderId: string, step: MealStopStep): Promise<WorkerMealRunView> {
  return request<WorkerMealRunView>(`${path('worker', 'meal-deliveries', mealOrderId)}/${step}`, { method: 'POST', body: {} });
}

/** The elder's number at one stop (the family's when the elder has none), asked for only on the tap (audited). */
export function fetchStopPhone(orderId: string, mealOrderId: string): Promise<OrderPhoneView> {
  return request<OrderPhoneView>(`${path('worker', 'orders', orderId, 'stops', mealOrderId)}/call`, { method: 'POST', body: {} });
}

/** A meal's delivery runs for the canteen: what the deliveries not yet committed would make, and the committed runs. */
export function fetchDeliveryPlan(mealPointId: string, date: string, mealKind: MealKind): Promise<MealDeliveryPlan> {
  return request<MealDeliveryPlan>(`${path('staff', 'meal-points', mealPointId)}/delivery-runs`, { query: { date, mealKind } });
}

/** After the cut-off: the runs are written and each handed to dispatch (once; a repeat answers the runs there are). */
export function commitDeliveryRuns(mealPointId: string, date: string, mealKind: MealKind): Promise<MealDeliveryCommit> {
  return request<MealDeliveryCommit>(`${path('staff', 'meal-points', mealPointId)}/delivery-runs/commit`, { method: 'POST', body: { date, mealKind } });
}
