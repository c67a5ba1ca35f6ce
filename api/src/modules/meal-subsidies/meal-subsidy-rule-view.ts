import type { MealSubsidyRule, MealSubsidyRuleView } from '@linli/shared';
import type { MealSubsidyRuleRow } from './meal-subsidy-rule.entity';

/** The stored version as the shared engine takes it: exactly the fields of MealSubsidyRule, nothing of the row's bookkeeping. */
export function toMealSubsidyRule(row: MealSubsidyRuleRow): MealSubsidyRule {
  return {
    id: row.id,
    schemeId: row.schemeId,
    version: row.version,
    districtId: row.districtId,
    name: row.name,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    mealKinds: row.mealKinds,
    eligibility: row.eligibility,
    amount: row.amount,
    specialDietExtra: row.specialDietExtra,
    delivery: row.delivery,
    caps: row.caps,
    capGroupId: row.capGroupId,
    stacks: row.stacks,
  };
}

export function toMealSubsidyRuleView(row: MealSubsidyRuleRow): MealSubsidyRuleView {
  return { ...toMealSubsidyRule(row), createdAt: row.createdAt.toISOString(), withdrawnAt: row.withdrawnAt?.toISOString() ?? null };
}
