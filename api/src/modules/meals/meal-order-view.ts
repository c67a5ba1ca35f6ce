import {
  beforeMealCutOff,
  instantOf,
  mealCutOffAt,
  transitionMealOrder,
  type MealOrderActor,
  type MealOrderEvent,
  type MealOrderSituation,
  type MealOrderView,
  type WechatRefundProgress,
} from '@linli/shared';
import type { MealOrder } from './meal-order.entity';
import type { MealPoint } from './meal-point.entity';

/** When ordering the meal closes; a meal whose window was since removed counts as closed from its date's start. */
export function cutOffOf(point: Pick<MealPoint, 'windows'>, order: Pick<MealOrder, 'mealDate' | 'mealKind'>): Date {
  const window = point.windows.find((candidate) => candidate.mealKind === order.mealKind);
  return window ? mealCutOffAt(order.mealDate, window.cutOffTime, window.cutOffDaysBefore) : instantOf(order.mealDate, '00:00');
}

export function situationOf(point: Pick<MealPoint, 'windows'>, order: Pick<MealOrder, 'mealDate' | 'mealKind' | 'fulfilment'>, now: Date): MealOrderSituation {
  const window = point.windows.find((candidate) => candidate.mealKind === order.mealKind);
  return { fulfilment: order.fulfilment, pastCutOff: !window || !beforeMealCutOff(order.mealDate, window.cutOffTime, now, window.cutOffDaysBefore) };
}

/**
 * Whether the meal can be handed over now by `actor`: a ready meal is collected; one still placed or paid is made
 * ready by the canteen handing it over (after the cut-off) and collected in the same step.
 * An unpaid WeChat Pay order is not handed over.
 */
export function collectable(order: Pick<MealOrder, 'status' | 'paymentMethod'>, actor: MealOrderActor, situation: MealOrderSituation): boolean {
  // A WeChat Pay order is handed over only once WeChat Pay confirmed it (the cut-off sweep cancels it otherwise).
  if (order.paymentMethod === 'wechat_pay' && order.status === 'placed') return false;
  if (order.status === 'ready') return transitionMealOrder('ready', 'collect', actor, situation).ok;
  return transitionMealOrder(order.status, 'mark_ready', 'canteen', situation).ok && transitionMealOrder('ready', 'collect', actor, situation).ok;
}

/** The events the API offers on a meal order today, for the buttons to show. */
function actionsOf(order: MealOrder, actor: MealOrderActor, now: Date): MealOrderEvent[] {
  const situation = situationOf(order.mealPoint, order, now);
  // An unpaid WeChat Pay order's amount is being paid: the resident may pay or cancel, not change it. Once paid it may
  // change to cost less (the difference is refunded; the API refuses more).
  const changeable = order.paymentMethod === 'wechat_pay' && order.status === 'placed' ? (['cancel'] as const) : (['change', 'cancel'] as const);
  const events: MealOrderEvent[] = changeable.filter((event) => transitionMealOrder(order.status, event, actor, situation).ok);
  if (order.paymentMethod === 'wechat_pay' && order.status === 'placed' && actor === 'resident' && !situation.pastCutOff) events.unshift('pay');
  if (actor !== 'resident' && collectable(order, actor, situation)) events.push('collect');
  return events;
}

/**
 * A meal order with its point, elder and lines loaded, as the caller acting as `actor` sees it, with where its WeChat
 * Pay refunds stand when it has any (`MealOrderReads` reads them).
 */
export function toMealOrderView(order: MealOrder, actor: MealOrderActor, refunds?: WechatRefundProgress, now = new Date()): MealOrderView {
  return {
    id: order.id,
    status: order.status,
    mealPoint: { id: order.mealPoint.id, name: order.mealPoint.name, address: order.mealPoint.address },
    resident: { id: order.resident.id, name: order.resident.name },
    mealDate: order.mealDate,
    mealKind: order.mealKind,
    fulfilment: order.fulfilment,
    paymentMethod: order.paymentMethod,
    lines: [...order.lines]
      .sort((a, b) => a.name.localeCompare(b.name, 'zh'))
      .map((line) => ({ dishId: line.dishId, name: line.name, unitPriceFen: line.unitPriceFen, quantity: line.quantity, tags: line.tags ?? [] })),
    price: {
      gross: order.grossFen,
      subsidy: order.subsidyFen,
      payable: order.payableFen,
      deliveryFeeGross: order.deliveryFeeGrossFen,
      deliverySubsidy: order.deliverySubsidyFen,
      deliveryFee: order.deliveryFeeFen,
      total: order.totalFen,
      appliedRuleIds: order.appliedSubsidies.map((entry) => entry.ruleId),
      applied: order.appliedSubsidies,
      explanation: order.appliedSubsidies.map((entry) => entry.explanation),
    },
    cutOffAt: cutOffOf(order.mealPoint, order).toISOString(),
    cancelReason: order.cancelReason,
    collectedAt: order.collectedAt?.toISOString() ?? null,
    createdAt: order.createdAt.toISOString(),
    actions: actionsOf(order, actor, now),
    ...(refunds ? { refunds } : {}),
  };
}
