import { MEAL_KIND_LABELS, MEAL_ORDER_STATUS_LABELS, type MealKind, type MealOrderEvent, type MealOrderStatus } from '@linli/shared';
import { DomainError } from '../../common/errors/domain-error';

/*
 * The refusals of meal deliveries: committing a meal's runs and the worker's taps at the door. The code decides the
 * HTTP status (common/errors/error-status.ts); the words are what the canteen or the worker reads.
 */

export const deliveryRunsNotFixed = (mealDate: string, mealKind: MealKind) =>
  new DomainError('CONFLICT', `${mealDate} ${MEAL_KIND_LABELS[mealKind]}尚未截止订餐，送餐路线还会变化，截止后再确定`, { mealDate, mealKind });

/** The tap does not fit the stop's status (a second tap, or someone else moved it first). */
export const deliveryStepRefused = (status: MealOrderStatus, event: MealOrderEvent) =>
  new DomainError('INVALID_TRANSITION', `该餐当前为「${MEAL_ORDER_STATUS_LABELS[status]}」，不能再进行此操作`, { status, event });

/** The run has not been set out with yet: its meals are still at the meal point. */
export const runNotSetOut = () => new DomainError('INVALID_TRANSITION', '请先在送餐单上点「出发」，再逐户确认', { reason: 'not_set_out' });

/** 送餐 to a point beyond the meal point's delivery radius (straight line). */
export const outsideDeliveryRadius = (distanceMeters: number, radiusMeters: number) =>
  new DomainError('MEAL_NOT_OFFERED', `该地点距助餐点约 ${(distanceMeters / 1000).toFixed(1)} 公里，超出 ${(radiusMeters / 1000).toFixed(1)} 公里的送餐范围，请选择自取或堂食`, {
    reason: 'outside_delivery_radius',
    distanceMeters: Math.round(distanceMeters),
    radiusMeters,
  });
