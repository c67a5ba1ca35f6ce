import { totalMealSettlement } from '@linli/shared';

import type { MealPointView, MealSettlement, MealSettlementRow, MealSubsidyRuleView } from '@linli/shared';

import { mealPointFixture } from './fake-canteen';

/** A district rule version as GET /districts/:id/meal-subsidy-rules lists it (staff read these; operators may not). */
export function ruleOf(id: string, name: string, overrides: Partial<MealSubsidyRuleView> = {}): MealSubsidyRuleView {
  return {
    id,
    schemeId: `scheme-${id}`,
    version: 1,
    districtId: mealPointFixture.districtId,
    name,
    effectiveFrom: '2026-01-01',
    effectiveTo: null,
    mealKinds: ['lunch', 'dinner'],
    eligibility: { age: null, hardshipsAny: ['subsistence_allowance'], residency: 'registered' },
    amount: { kind: 'fixed', fen: 1000 },
    specialDietExtra: null,
    delivery: null,
    caps: { mealsPerDayPerKind: 1, mealsPerMonth: null, fenPerMonth: null },
    capGroupId: 'cap',
    stacks: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    withdrawnAt: null,
    ...overrides,
  };
}

export const hardshipRule = ruleOf('rule-hardship', '蜀山区低保特困老人助餐补贴');
export const deliveryRule = ruleOf('rule-delivery', '蜀山区送餐补贴', { amount: null, delivery: { kind: 'free' }, stacks: true });

/** 金寨路助餐点: a second point of the same canteen. */
export const jinzhaiPoint: MealPointView = { ...mealPointFixture, id: 'point-jinzhai', name: '金寨路助餐点' };

/** 李*国's delivered lunch: ¥10 meal subsidy (hardship rule) and the ¥3 delivery fee paid by the delivery rule. */
export function rowOf(overrides: Partial<MealSettlementRow>): MealSettlementRow {
  return {
    orderId: 'order-1',
    mealDate: '2026-12-01',
    mealKind: 'lunch',
    fulfilment: 'delivery',
    status: 'delivered',
    mealPointId: mealPointFixture.id,
    mealPointName: mealPointFixture.name,
    elderName: '李*国',
    elderIdNumber: '3401**********0011',
    rules: [
      { ruleId: hardshipRule.id, mealFen: 1000, deliveryFen: 0 },
      { ruleId: deliveryRule.id, mealFen: 0, deliveryFen: 300 },
    ],
    grossFen: 1500,
    subsidyFen: 1000,
    payableFen: 500,
    deliveryFeeGrossFen: 300,
    deliverySubsidyFen: 300,
    deliveryFeeFen: 0,
    totalFen: 500,
    ...overrides,
  };
}

/**
 * The settlement as the API answers it: totals summed with totalMealSettlement, and each rule id of the month named by
 * `rules` (an id none of them has is left out, as the API leaves it out).
 */
export function settlementOf(month: string, rows: MealSettlementRow[], rules: readonly MealSubsidyRuleView[] = [hardshipRule, deliveryRule]): MealSettlement {
  const totals = totalMealSettlement(rows);
  const ruleNames = totals.byRule.flatMap(({ ruleId }) => {
    const rule = rules.find((candidate) => candidate.id === ruleId);
    return rule ? [{ ruleId, name: rule.name, version: rule.version }] : [];
  });
  return { providerId: mealPointFixture.providerId, providerName: mealPointFixture.providerName, month, rows, ...totals, ruleNames };
}
