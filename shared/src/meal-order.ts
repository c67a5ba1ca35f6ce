import type { MealFulfilment } from './meal-menu';
import { addDays, instantOf } from './time';

/**
 * The meal-order state machine, shared so every screen offers only the actions the API will accept.
 *
 *   placed ──pay──▶ paid            (pay: the payment port confirms a balance debit or WeChat Pay; 到店付 orders stay
 *     │              │               placed and are paid at the counter on collection)
 *     └──mark_ready──┴──▶ ready ──collect──▶ collected                       (堂食 / 自取)
 *                           └──set_out──▶ out_for_delivery ──deliver──▶ delivered       (送餐)
 *                                               └──report_not_at_home──▶ not_at_home ──deliver──▶ delivered
 *   placed / paid / ready ──cancel──▶ cancelled ──refund──▶ refunded     not_at_home ──refund──▶ refunded
 *
 * The cut-off (截止时间) splits an order's life: before it the resident may change or cancel and the kitchen may not
 * start (its counts would move under it); after it the order is fixed for the resident, and only the canteen, staff
 * or the system cancel (a closed day, an unpaid online order, an emergency), always with a reason.
 */
export const MEAL_ORDER_STATUSES = ['placed', 'paid', 'ready', 'collected', 'out_for_delivery', 'delivered', 'not_at_home', 'cancelled', 'refunded'] as const;
export type MealOrderStatus = (typeof MEAL_ORDER_STATUSES)[number];

export const MEAL_ORDER_EVENTS = ['pay', 'change', 'cancel', 'mark_ready', 'collect', 'set_out', 'deliver', 'report_not_at_home', 'refund'] as const;
export type MealOrderEvent = (typeof MEAL_ORDER_EVENTS)[number];

/**
 * Who causes an event: the resident (the elder, or a household member ordering for them), staff of the region,
 * the canteen operator, the delivery worker, or the platform itself (payment notifications, cut-off jobs).
 */
export const MEAL_ORDER_ACTORS = ['resident', 'staff', 'canteen', 'worker', 'system'] as const;
export type MealOrderActor = (typeof MEAL_ORDER_ACTORS)[number];

export const MEAL_ORDER_STATUS_LABELS: Record<MealOrderStatus, string> = {
  placed: '已下单',
  paid: '已支付',
  ready: '已备餐',
  collected: '已取餐',
  out_for_delivery: '送餐中',
  delivered: '已送达',
  not_at_home: '送餐未遇',
  cancelled: '已取消',
  refunded: '已退款',
};

export const MEAL_ORDER_EVENT_LABELS: Record<MealOrderEvent, string> = {
  pay: '支付',
  change: '修改订单',
  cancel: '取消订单',
  mark_ready: '备餐完成',
  collect: '确认取餐',
  set_out: '出发送餐',
  deliver: '确认送达',
  report_not_at_home: '家中无人',
  refund: '退款',
};

/** Statuses whose order keeps its portion in the kitchen counts and its subsidy in the elder's usage. */
export const MEAL_ORDER_PORTION_HOLDING_STATUSES: readonly MealOrderStatus[] = ['placed', 'paid', 'ready', 'collected', 'out_for_delivery', 'delivered', 'not_at_home'];

/** `before`: only until the cut-off; `after`: only from the cut-off on; `any`: whenever. */
type CutOffCondition = 'before' | 'after' | 'any';

interface MealTransitionRule {
  from: readonly MealOrderStatus[];
  /** null: the order keeps its status (a change of lines). */
  to: MealOrderStatus | null;
  actors: readonly MealOrderActor[];
  cutOff: CutOffCondition;
  /** The fulfilments the event belongs to; null for all. */
  fulfilments: readonly MealFulfilment[] | null;
}

const BEFORE_KITCHEN: readonly MealOrderStatus[] = ['placed', 'paid'];

const TRANSITIONS: Record<MealOrderEvent, MealTransitionRule> = {
  pay: { from: ['placed'], to: 'paid', actors: ['system'], cutOff: 'any', fulfilments: null },
  change: { from: BEFORE_KITCHEN, to: null, actors: ['resident', 'staff'], cutOff: 'before', fulfilments: null },
  // The resident's cancel is held to the cut-off below; the others may cancel after it, with a reason.
  cancel: { from: [...BEFORE_KITCHEN, 'ready'], to: 'cancelled', actors: ['resident', 'staff', 'canteen', 'system'], cutOff: 'any', fulfilments: null },
  mark_ready: { from: BEFORE_KITCHEN, to: 'ready', actors: ['canteen'], cutOff: 'after', fulfilments: null },
  collect: { from: ['ready'], to: 'collected', actors: ['canteen', 'staff'], cutOff: 'any', fulfilments: ['dine_in', 'pickup'] },
  set_out: { from: ['ready'], to: 'out_for_delivery', actors: ['worker'], cutOff: 'any', fulfilments: ['delivery'] },
  // A second knock (or a call to the family) can still hand the meal over after 家中无人.
  deliver: { from: ['out_for_delivery', 'not_at_home'], to: 'delivered', actors: ['worker', 'staff'], cutOff: 'any', fulfilments: ['delivery'] },
  report_not_at_home: { from: ['out_for_delivery'], to: 'not_at_home', actors: ['worker'], cutOff: 'any', fulfilments: ['delivery'] },
  // Only for orders that were paid: the API knows which, this machine does not.
  refund: { from: ['cancelled', 'not_at_home'], to: 'refunded', actors: ['staff', 'system'], cutOff: 'any', fulfilments: null },
};

/** Who may cancel which statuses: the resident only what the kitchen has not started, and only before the cut-off. */
const CANCELLABLE_BY: Record<MealOrderActor, readonly MealOrderStatus[]> = {
  resident: BEFORE_KITCHEN,
  canteen: BEFORE_KITCHEN,
  system: BEFORE_KITCHEN,
  // An uncollected meal at the end of the day, an elder taken to hospital: staff close it.
  staff: [...BEFORE_KITCHEN, 'ready'],
  worker: [],
};

/** What the machine needs to know about the order besides its status. */
export interface MealOrderSituation {
  fulfilment: MealFulfilment;
  /** Whether the cut-off of the order's meal has passed (see beforeMealCutOff). */
  pastCutOff: boolean;
}

export type MealOrderTransitionResult =
  { ok: true; to: MealOrderStatus } | { ok: false; reason: 'invalid_transition' | 'actor_not_allowed' | 'wrong_fulfilment' | 'past_cut_off' | 'before_cut_off' };

/** The status an event leads to (the same status for a change), or why it may not happen. */
export function transitionMealOrder(from: MealOrderStatus, event: MealOrderEvent, actor: MealOrderActor, situation: MealOrderSituation): MealOrderTransitionResult {
  const rule = TRANSITIONS[event];
  if (!rule.from.includes(from)) return { ok: false, reason: 'invalid_transition' };
  if (rule.fulfilments !== null && !rule.fulfilments.includes(situation.fulfilment)) return { ok: false, reason: 'wrong_fulfilment' };
  if (!rule.actors.includes(actor)) return { ok: false, reason: 'actor_not_allowed' };
  if (event === 'cancel' && !CANCELLABLE_BY[actor].includes(from)) return { ok: false, reason: 'invalid_transition' };
  const cutOff: CutOffCondition = event === 'cancel' && actor === 'resident' ? 'before' : rule.cutOff;
  if (cutOff === 'before' && situation.pastCutOff) return { ok: false, reason: 'past_cut_off' };
  if (cutOff === 'after' && !situation.pastCutOff) return { ok: false, reason: 'before_cut_off' };
  return { ok: true, to: rule.to ?? from };
}

/** Events an actor may cause now (to show only the buttons that will work). */
export function availableMealOrderEvents(from: MealOrderStatus, actor: MealOrderActor, situation: MealOrderSituation): MealOrderEvent[] {
  return MEAL_ORDER_EVENTS.filter((event) => transitionMealOrder(from, event, actor, situation).ok);
}

/** Whether an event needs a reason from the one causing it: every cancel except the resident's own, and every refund. */
export function mealOrderEventNeedsReason(event: MealOrderEvent, actor: MealOrderActor): boolean {
  return event === 'refund' || (event === 'cancel' && actor !== 'resident');
}

// ─── Cut-off ───────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The instant a meal's ordering closes: `cutOffTime` (`HH:mm`, Shanghai) on the meal date, or `daysBefore` days
 * earlier (breakfast is usually ordered the evening before: `18:00`, 1).
 */
export function mealCutOffAt(mealDate: string, cutOffTime: string, daysBefore = 0): Date {
  return instantOf(addDays(mealDate, -daysBefore), cutOffTime);
}

/**
 * Whether an order for the meal may still be placed, changed or cancelled by the resident. The cut-off minute itself
 * is already closed ("截止 09:30" means 09:29:59 is the last moment), unlike a booking's "at least N minutes before",
 * because residents read the time on the menu as the moment the kitchen starts counting.
 */
export function beforeMealCutOff(mealDate: string, cutOffTime: string, now: Date, daysBefore = 0): boolean {
  return now.getTime() < mealCutOffAt(mealDate, cutOffTime, daysBefore).getTime();
}
