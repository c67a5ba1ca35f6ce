import { formatYuan, shanghaiDateOf, shanghaiTimeOf } from '@linli/shared';

import type { MealOrderStatus, MealPaymentMethod, MealPrice, StoredMealPrice, WechatRefundProgress } from '@linli/shared';

import { dateLabel } from './booking-messages';

import type { ApiError } from '../services/api-error';

/** Sentences the meal screens show inline, one per error code that can happen there. */
export const MEAL_MESSAGES = {
  MEAL_SOLD_OUT: '这道菜已经卖完了，请换一道菜，或少订几份。',
  MEAL_POINT_FULL: '这一餐已经订满了，请换一天或换一个助餐点。',
  MEAL_ORDER_CUT_OFF: '已过订餐截止时间，这一餐不能再订、修改或取消了。',
  IDEMPOTENCY_KEY_REUSED: '订餐内容有变化，请核对后再点一次“确认订餐”。',
  INVALID_TRANSITION: '订单状态已经变了，请看最新状态。',
  CONFLICT: '订单刚刚被更新，请刷新后再试。',
  CONSENT_REQUIRED: '订餐前需要先同意《隐私政策》，请到“我的”页面查看并同意。',
  NETWORK_RETRY: '网络不稳定，没有收到结果。请再点一次，不会重复下单。',
  NO_DISH: '请至少选一份菜。',
  NO_ADDRESS: '送餐需要填写地址（小区、楼栋、门牌号）。',
  WECHAT_PAY_CHANGE: '微信支付的订单只能减少份数，少的钱原路退回微信。要加菜，请再下一单。',
} as const;

function detail<T>(error: ApiError, key: string): T | undefined {
  const details = error.details;
  if (typeof details !== 'object' || details === null) return undefined;
  return (details as Record<string, T | undefined>)[key];
}

/** The inline message for a failed order, change or cancel. */
export function mealErrorMessage(error: ApiError): string {
  switch (error.code) {
    case 'MEAL_SOLD_OUT':
      // The API names the dish (红烧鸡腿套餐已售完): say which, then what to do.
      return `${error.message}。${MEAL_MESSAGES.MEAL_SOLD_OUT}`;
    case 'BALANCE_INSUFFICIENT': {
      const balance = detail<number>(error, 'balanceFen');
      const amount = detail<number>(error, 'amountFen');
      if (balance === undefined || amount === undefined) return error.message;
      return `助餐余额不够：余额 ${formatYuan(balance)} 元，这餐要付 ${formatYuan(amount)} 元。请改用“到店付”，或请社区工作人员充值。`;
    }
    case 'MEAL_POINT_FULL':
    case 'MEAL_ORDER_CUT_OFF':
    case 'IDEMPOTENCY_KEY_REUSED':
    case 'INVALID_TRANSITION':
    case 'CONFLICT':
    case 'CONSENT_REQUIRED':
      return MEAL_MESSAGES[error.code as keyof typeof MEAL_MESSAGES];
    case 'NETWORK_ERROR':
    case 'TIMEOUT':
      return MEAL_MESSAGES.NETWORK_RETRY;
    default:
      return error.message;
  }
}

/** `¥15.00`, `-¥6.00`. */
export function yuan(fen: number): string {
  return `${fen < 0 ? '-' : ''}¥${formatYuan(Math.abs(fen))}`;
}

/** `明天 12月2日`: a meal day as a big button, without the weekday, so today and tomorrow fit side by side on a phone. */
export function mealDayLabel(date: string, now: Date = new Date()): string {
  const label = dateLabel(date, now);
  return label.slice(0, label.lastIndexOf(' 周'));
}

/** `09:30 前可订/可改`, or `前一天 18:00 前可订/可改` for a meal ordered the day before. */
export function cutOffLabel(cutOffAt: string, mealDate: string, now: Date = new Date()): string {
  const cutOff = new Date(cutOffAt);
  const day = shanghaiDateOf(cutOff);
  const when = day === mealDate ? shanghaiTimeOf(cutOff) : `${dateLabel(day, now)} ${shanghaiTimeOf(cutOff)}`;
  return `${when} 前可订/可改`;
}

/** What the price box says, line by line: the gross, the subsidy with the rules' own words, and what is paid. */
export interface PriceLines {
  /** Shown crossed out when a subsidy applies. */
  gross: string | null;
  subsidy: string | null;
  delivery: string | null;
  payable: string;
  /** The receipt lines of the rules applied, and why a rule the elder qualifies for gives nothing today. */
  explanations: string[];
}

export function priceLines(price: MealPrice | StoredMealPrice): PriceLines {
  const subsidised = price.subsidy + price.deliverySubsidy > 0;
  const withheld = 'withheld' in price ? price.withheld.map((item) => item.explanation) : [];
  let delivery: string | null = null;
  if (price.deliveryFeeGross > 0) {
    delivery = price.deliverySubsidy > 0 ? `送餐费 ${yuan(price.deliveryFeeGross)}，补贴 ${yuan(price.deliverySubsidy)}` : `送餐费 ${yuan(price.deliveryFee)}`;
  }
  return {
    gross: subsidised ? yuan(price.gross + price.deliveryFeeGross) : null,
    subsidy: price.subsidy > 0 ? `补贴 ${yuan(price.subsidy)}` : null,
    delivery,
    payable: `实付 ${yuan(price.total)}`,
    explanations: [...price.explanation, ...withheld],
  };
}

/** One sentence under an order's status: what happens next. */
export const MEAL_STATUS_HINTS: Record<MealOrderStatus, string> = {
  placed: '已订好，取餐时付款。',
  paid: '已订好，已从助餐余额付款。',
  ready: '饭菜已备好，请凭取餐码取餐。',
  collected: '已取餐，祝您用餐愉快。',
  out_for_delivery: '正在送餐，请留意敲门声。',
  delivered: '已送到。',
  not_at_home: '送餐时家中无人，助餐点会联系您。',
  cancelled: '这个订单已取消。',
  refunded: '这个订单已取消，钱已退回助餐余额。',
};

/** The status hint, worded for where the money is: a WeChat Pay order is paid and refunded through WeChat, not the balance. */
export function mealStatusHint(status: MealOrderStatus, paymentMethod: MealPaymentMethod): string {
  if (paymentMethod === 'wechat_pay' && status === 'paid') return '已订好，已用微信支付。';
  if (paymentMethod === 'wechat_pay' && status === 'refunded') return '这个订单已取消，钱已原路退回微信。';
  return MEAL_STATUS_HINTS[status];
}

/**
 * Where a WeChat Pay order's refunds stand, in one line: money that did not arrive first (the resident must call the
 * canteen, who settles it by hand), then money on its way, then money back. Null when nothing was refunded.
 */
export function refundLine(refunds: WechatRefundProgress | undefined): { text: string; problem: boolean } | null {
  if (!refunds) return null;
  if (refunds.failedFen > 0) return { text: `退款未到账 ${yuan(refunds.failedFen)}，请联系食堂`, problem: true };
  if (refunds.pendingFen > 0)
    return { text: `退款中 ${yuan(refunds.pendingFen)}${refunds.refundedFen > 0 ? `（已退款 ${yuan(refunds.refundedFen)}）` : ''}，将原路退回微信`, problem: false };
  if (refunds.refundedFen > 0) return { text: `已退款 ${yuan(refunds.refundedFen)}，已退回微信`, problem: false };
  return null;
}

/** Statuses whose meal is still to be handed over at the counter: the pickup code is shown for these. */
export function showsPickupCode(status: MealOrderStatus, fulfilment: string): boolean {
  return fulfilment !== 'delivery' && (status === 'placed' || status === 'paid' || status === 'ready');
}
