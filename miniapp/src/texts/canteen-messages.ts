import { formatYuan, MEAL_FULFILMENT_LABELS, MEAL_KIND_LABELS, MEAL_ORDER_STATUS_LABELS, MEAL_PAYMENT_METHOD_LABELS } from '@linli/shared';

import type { MealKind, MealOrderView } from '@linli/shared';

/** Sentences the canteen and staff meal screens show for what the person did or must fix. */
export const CANTEEN_MESSAGES = {
  CODE_REQUIRED: '请输入取餐码（6 位数字）',
  LOOKUP_REQUIRED: '请输入姓名或手机尾号',
  REASON_REQUIRED: '请写明停餐原因，居民会看到',
  DISH_NAME_REQUIRED: '请填写菜名',
  PRICE_INVALID: '价格请写成 15 或 15.50 这样的金额（元）',
  QUANTITY_INVALID: '每日份数请填 1 到 9999 的整数，不限量请留空',
  NO_DISHES: '这一餐还没有菜品',
  AMOUNT_INVALID: '金额请写成 100 或 100.50 这样的数字（元），单次最多 5000 元',
  DATE_INVALID: '日期请写成 2026-12-01 这样的格式',
} as const;

/** 午餐 · 堂食 · 到店付: how a meal order is served and paid, in one line. */
export function mealOrderSummary(order: MealOrderView): string {
  return [MEAL_KIND_LABELS[order.mealKind], MEAL_FULFILMENT_LABELS[order.fulfilment], MEAL_PAYMENT_METHOD_LABELS[order.paymentMethod], `¥${formatYuan(order.price.total)}`].join(
    ' · ',
  );
}

/** 红烧鱼套餐 ×1、米饭 ×2 */
export function mealOrderLines(order: MealOrderView): string {
  return order.lines.map((line) => `${line.name} ×${line.quantity}`).join('、');
}

export function mealOrderStatus(order: MealOrderView): string {
  return MEAL_ORDER_STATUS_LABELS[order.status];
}

/** 12月1日 午餐 */
export function mealLabel(date: string, mealKind: MealKind): string {
  const [, month, day] = date.split('-').map(Number);
  return `${month}月${day}日 ${MEAL_KIND_LABELS[mealKind]}`;
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** 12月1日 周二 */
export function dayLabel(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${month}月${day}日 ${WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]}`;
}
