import {
  MEAL_FULFILMENT_LABELS,
  MEAL_KIND_LABELS,
  shanghaiDateOf,
  shanghaiTimeOf,
  type MealFulfilment,
  type MealKind,
  type MealOrderEvent,
  type MealOrderStatus,
} from '@linli/shared';
import { DomainError, ValidationFailedError } from '../../common/errors/domain-error';

/*
 * The refusals of meal points, menus, meal orders and pickup, each named for the situation. The code decides the HTTP
 * status (common/errors/error-status.ts); the words are what the elder, the family or the canteen reads.
 */

// ─── meal points and menus ──────────────────────────────────────────────────────────────────────────────────

export const notACanteen = () => new ValidationFailedError([{ field: 'providerId', constraints: ['canteen'], message: '该机构不是服务中的社区食堂' }]);

export const regionOutsideProvider = () => new ValidationFailedError([{ field: 'regionId', constraints: ['withinProvider'], message: '助餐点须位于食堂所属的辖区内' }]);

export const notACommunity = (field: string) => new ValidationFailedError([{ field, constraints: ['community'], message: '请选择社区' }]);

export const mealNotServed = (mealKind: MealKind) => new DomainError('MEAL_NOT_OFFERED', `该助餐点不供应${MEAL_KIND_LABELS[mealKind]}`, { mealKind });

export const mealDateOutOfRange = (field: string) => new ValidationFailedError([{ field, constraints: ['mealDate'], message: '菜单日期须为今天起 60 天内' }]);

export const menuHasOrders = (mealDate: string, mealKind: MealKind) =>
  new DomainError('MEAL_MENU_HAS_ORDERS', `${mealDate} ${MEAL_KIND_LABELS[mealKind]}已有订单，不能整餐替换；如需停餐请关闭当天`, { mealDate, mealKind });

// ─── ordering ───────────────────────────────────────────────────────────────────────────────────────────────

export const dayClosed = (mealDate: string, reason: string) => new DomainError('MEAL_NOT_OFFERED', `${mealDate} 停餐：${reason}`, { mealDate, reason });

export const dishNotOnMenu = (dishId: string) => new DomainError('MEAL_NOT_OFFERED', '所选菜品不在该餐次的菜单上', { dishId });

export const fulfilmentNotOffered = (fulfilment: MealFulfilment) => new DomainError('MEAL_NOT_OFFERED', `该助餐点不提供${MEAL_FULFILMENT_LABELS[fulfilment]}`, { fulfilment });

export const duplicateDishLines = () => new ValidationFailedError([{ field: 'lines', constraints: ['uniqueDish'], message: '同一菜品请合并为一行' }]);

export const soldOut = (dishId: string, name: string) => new DomainError('MEAL_SOLD_OUT', `${name}已售完`, { dishId });

export const mealPointFull = (mealDate: string, mealKind: MealKind) =>
  new DomainError('MEAL_POINT_FULL', `${mealDate} ${MEAL_KIND_LABELS[mealKind]}已订满`, { mealDate, mealKind });

export const pastCutOff = (cutOffAt: Date) => new DomainError('MEAL_ORDER_CUT_OFF', '已过订餐截止时间，订单不能再下单、修改或取消', { cutOffAt: cutOffAt.toISOString() });

export const reasonRequired = () => new ValidationFailedError([{ field: 'reason', constraints: ['isNotEmpty'], message: '请填写取消原因，居民会看到' }]);

export const mealOrderTransitionRefused = (status: MealOrderStatus, event: MealOrderEvent, reason: string) =>
  new DomainError('INVALID_TRANSITION', '订单当前状态不能进行该操作', { status, event, reason });

/** WeChat Pay takes one amount per order: a paid WeChat Pay order may cost less after a change (the difference is refunded), never more. */
export const wechatPayOrderIncrease = (differenceFen: number) =>
  new DomainError('INVALID_TRANSITION', '微信支付的订单不能加价，请取消后重新下单', { event: 'change', reason: 'wechat_pay_increase', differenceFen });

/** An unpaid WeChat Pay order's amount is the one being paid: pay it first, or cancel and order again. */
export const wechatPayOrderUnpaid = () =>
  new DomainError('INVALID_TRANSITION', '订单还未完成微信支付，请先支付，或取消后重新下单', { status: 'placed', event: 'change', reason: 'wechat_pay_unpaid' });

export const mealOrderChangedMeanwhile = (event: MealOrderEvent) => new DomainError('CONFLICT', '订单刚刚被更新，请刷新后重试', { event });

// ─── pickup ─────────────────────────────────────────────────────────────────────────────────────────────────

export const pickupCodeInvalid = () => new DomainError('PICKUP_CODE_INVALID', '取餐码无效或已过期');

export const tooManyWrongPickupCodes = (retryAfterSeconds: number) =>
  new DomainError('RATE_LIMITED', `取餐码输错次数太多，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再输入，或按姓名查找`, { retryAfterSeconds });

export const alreadyCollected = (collectedAt: Date) =>
  new DomainError('MEAL_ALREADY_COLLECTED', `该餐已于 ${shanghaiDateOf(collectedAt)} ${shanghaiTimeOf(collectedAt)} 取走`, { collectedAt: collectedAt.toISOString() });

export const wrongMealPoint = (name: string) => new DomainError('MEAL_NOT_OFFERED', `该订单属于${name}，不在本助餐点取餐`, { mealPoint: name });

export const wrongMealDay = (mealDate: string) => new DomainError('MEAL_NOT_OFFERED', `该订单是 ${mealDate} 的餐`, { mealDate });
