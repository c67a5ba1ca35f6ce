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

/** One meal point's part of the month: the sums of its rows. The points' totals add up to the canteen's. */
export interface MealSettlementPointTotal {
  mealPointId: string;
  mealPointName: string;
  totals: MealSettlementTotals;
}

/**
 * A rule id of the month named as the district published it (`蜀山区低保特困老人助餐补贴`, version 1), so whoever reads
 * the settlement — the canteen's operator too, who cannot read the district's rules — knows what each id is.
 */
export interface MealSettlementRuleName {
  ruleId: string;
  name: string;
  version: number;
}

export interface MealSettlement {
  providerId: string;
  providerName: string;
  /** `YYYY-MM` */
  month: string;
  rows: MealSettlementRow[];
  totals: MealSettlementTotals;
  byRule: MealSettlementRuleTotal[];
  byMealPoint: MealSettlementPointTotal[];
  /** The rules of `byRule` that a rule version has, by id (an id no rule has is left out). */
  ruleNames: MealSettlementRuleName[];
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

function noMeals(): MealSettlementTotals {
  return { meals: 0, grossFen: 0, subsidyFen: 0, payableFen: 0, deliveryFeeGrossFen: 0, deliverySubsidyFen: 0, deliveryFeeFen: 0, totalFen: 0 };
}

function addMeal(totals: MealSettlementTotals, row: MealSettlementAmounts): void {
  totals.meals += 1;
  totals.grossFen += row.grossFen;
  totals.subsidyFen += row.subsidyFen;
  totals.payableFen += row.payableFen;
  totals.deliveryFeeGrossFen += row.deliveryFeeGrossFen;
  totals.deliverySubsidyFen += row.deliverySubsidyFen;
  totals.deliveryFeeFen += row.deliveryFeeFen;
  totals.totalFen += row.totalFen;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The month's totals, per-rule and per-meal-point totals of settled rows: plain integer sums of the stored fen, so the
 * totals equal the rows exactly, the per-rule totals add up to the subsidy and delivery-subsidy totals, and the
 * points' totals add up to the whole. Rules are listed by id, points by name (then id).
 */
export function totalMealSettlement(rows: readonly Pick<MealSettlementRow, keyof MealSettlementAmounts | 'rules' | 'mealPointId' | 'mealPointName'>[]): {
  totals: MealSettlementTotals;
  byRule: MealSettlementRuleTotal[];
  byMealPoint: MealSettlementPointTotal[];
} {
  const totals = noMeals();
  const byRule = new Map<string, MealSettlementRuleTotal>();
  const byMealPoint = new Map<string, MealSettlementPointTotal>();
  for (const row of rows) {
    addMeal(totals, row);
    const point = byMealPoint.get(row.mealPointId) ?? { mealPointId: row.mealPointId, mealPointName: row.mealPointName, totals: noMeals() };
    addMeal(point.totals, row);
    byMealPoint.set(row.mealPointId, point);
    for (const share of row.rules) {
      const ruleTotal = byRule.get(share.ruleId) ?? { ruleId: share.ruleId, meals: 0, mealFen: 0, deliveryFen: 0 };
      ruleTotal.meals += 1;
      ruleTotal.mealFen += share.mealFen;
      ruleTotal.deliveryFen += share.deliveryFen;
      byRule.set(share.ruleId, ruleTotal);
    }
  }
  return {
    totals,
    byRule: [...byRule.values()].sort((a, b) => byCodeUnits(a.ruleId, b.ruleId)),
    byMealPoint: [...byMealPoint.values()].sort((a, b) => byCodeUnits(a.mealPointName, b.mealPointName) || byCodeUnits(a.mealPointId, b.mealPointId)),
  };
}
