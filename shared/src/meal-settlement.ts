import type { MealFulfilment, MealKind } from './meal-menu';
import { MEAL_ORDER_PORTION_HOLDING_STATUSES, type MealOrderStatus } from './meal-order';

/**
 * Monthly settlement of a canteen's subsidised meals with the district (civil-affairs bureau): every meal the
 * district pays part of, and totals that are the exact sums of the rows, in fen.
 *
 * Which orders count: every order whose status still holds its portion and its subsidy in the meal-order machine
 * (placed, paid, ready, collected, out_for_delivery, delivered, not_at_home) — everything but cancelled and refunded.
 * These are the orders whose subsidy the caps already count (the elder cannot get it again that day), so the
 * district pays for exactly the subsidies it let the elder use. A `placed` order of a past day that was never
 * collected still counts, as the kitchen cooked it; a meal not at home counts until staff refund it, after which it
 * drops out (the month's settlement is a snapshot of the statuses when it is read).
 */
export const MEAL_SETTLEMENT_STATUSES: readonly MealOrderStatus[] = MEAL_ORDER_PORTION_HOLDING_STATUSES;

export function countsInMealSettlement(status: MealOrderStatus): boolean {
  return MEAL_SETTLEMENT_STATUSES.includes(status);
}

/** The stored price of one settled meal: the columns of its order, never recomputed from today's rules. */
export interface MealSettlementAmounts {
  grossFen: number;
  subsidyFen: number;
  payableFen: number;
  deliveryFeeGrossFen: number;
  deliverySubsidyFen: number;
  deliveryFeeFen: number;
  totalFen: number;
}

/** One applied rule of a settled meal, as stored on its order. */
export interface MealSettlementRuleShare {
  ruleId: string;
  mealFen: number;
  deliveryFen: number;
}

/** One subsidised meal of the month, the elder masked. */
export interface MealSettlementRow extends MealSettlementAmounts {
  orderId: string;
  mealDate: string;
  mealKind: MealKind;
  fulfilment: MealFulfilment;
  status: MealOrderStatus;
  mealPointId: string;
  mealPointName: string;
  /** `王*英`: see maskPersonName. */
  elderName: string;
  /** `3401**********1234`, or null when no ID number is on file. */
  elderIdNumber: string | null;
  /** The rules applied and what each gave, in the order priceMeal applied them. */
  rules: MealSettlementRuleShare[];
}

export interface MealSettlementTotals extends MealSettlementAmounts {
  meals: number;
}

/** What one rule paid over the month: the sums of its shares. */
export interface MealSettlementRuleTotal {
  ruleId: string;
  meals: number;
  mealFen: number;
  deliveryFen: number;
}

export interface MealSettlement {
  providerId: string;
  providerName: string;
  /** `YYYY-MM` */
  month: string;
  rows: MealSettlementRow[];
  totals: MealSettlementTotals;
  byRule: MealSettlementRuleTotal[];
}

/** Query of the settlement routes. */
export interface MealSettlementQuery {
  providerId: string;
  month: string;
}

/**
 * `王秀英` → `王*英`, `李明` → `李*`, `欧阳娜娜` → `欧**娜`: the first character and, from three characters on, the last,
 * as Chinese lists of subsidy recipients publish names.
 */
export function maskPersonName(name: string): string {
  const characters = Array.from(name);
  if (characters.length <= 1) return characters.length === 0 ? '' : '*';
  if (characters.length === 2) return `${characters[0]}*`;
  return `${characters[0]}${'*'.repeat(characters.length - 2)}${characters[characters.length - 1]}`;
}

/** The first and the last Shanghai date of a month, `2026-02` → [`2026-02-01`, `2026-02-28`]. */
export function monthDateRange(month: string): { from: string; to: string } {
  const [year, monthNumber] = month.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, '0')}` };
}

/**
 * The month's totals and per-rule totals of settled rows: plain integer sums of the stored fen, so the totals equal
 * the rows exactly and the per-rule totals add up to the subsidy and delivery-subsidy totals. Rules are listed by id.
 */
export function totalMealSettlement(rows: readonly Pick<MealSettlementRow, keyof MealSettlementAmounts | 'rules'>[]): {
  totals: MealSettlementTotals;
  byRule: MealSettlementRuleTotal[];
} {
  const totals: MealSettlementTotals = {
    meals: rows.length,
    grossFen: 0,
    subsidyFen: 0,
    payableFen: 0,
    deliveryFeeGrossFen: 0,
    deliverySubsidyFen: 0,
    deliveryFeeFen: 0,
    totalFen: 0,
  };
  const byRule = new Map<string, MealSettlementRuleTotal>();
  for (const row of rows) {
    totals.grossFen += row.grossFen;
    totals.subsidyFen += row.subsidyFen;
    totals.payableFen += row.payableFen;
    totals.deliveryFeeGrossFen += row.deliveryFeeGrossFen;
    totals.deliverySubsidyFen += row.deliverySubsidyFen;
    totals.deliveryFeeFen += row.deliveryFeeFen;
    totals.totalFen += row.totalFen;
    for (const share of row.rules) {
      const ruleTotal = byRule.get(share.ruleId) ?? { ruleId: share.ruleId, meals: 0, mealFen: 0, deliveryFen: 0 };
      ruleTotal.meals += 1;
      ruleTotal.mealFen += share.mealFen;
      ruleTotal.deliveryFen += share.deliveryFen;
      byRule.set(share.ruleId, ruleTotal);
    }
  }
  return { totals, byRule: [...byRule.values()].sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)) };
}
