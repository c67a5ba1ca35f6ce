import { In, type EntityManager } from 'typeorm';
import type { MealSubsidyRule } from '@linli/shared';
import type { FieldCipher } from '../common/security/field-cipher';
import { MealBalances, MealBalancesRepository } from '../modules/meal-subsidies';
import { HardshipRecordRow } from '../modules/meal-subsidies/hardship-record.entity';
import { MealBalanceAccount } from '../modules/meal-subsidies/meal-balance-account.entity';
import { MealProfile } from '../modules/meal-subsidies/meal-profile.entity';
import { MealSubsidyRuleRow } from '../modules/meal-subsidies/meal-subsidy-rule.entity';
import { stableId } from './stable-id';

const SHUSHAN = stableId('region', '340104');
const SHUSHAN_ADMIN = stableId('account', 'admin-shushan');
const ANDA_STAFF = stableId('account', 'staff-anda');
const LI_JIANGUO = stableId('resident', 'li-jianguo');
/** 蜀山区's meal tiers share one cap group: one subsidised lunch and one dinner a day, whatever the tier. */
const SHUSHAN_MEALS_CAP_GROUP = stableId('meal-subsidy-cap-group', 'shushan-meals');

type DemoRule = Omit<MealSubsidyRule, 'id' | 'schemeId' | 'version' | 'districtId' | 'effectiveFrom' | 'effectiveTo' | 'specialDietExtra' | 'capGroupId'> & {
  key: string;
  capGroupId?: string;
};

const ONE_A_DAY = { mealsPerDayPerKind: 1, mealsPerMonth: null, fenPerMonth: null };
const ageTier = (key: string, name: string, min: number, max: number | null, fen: number): DemoRule => ({
  key,
  name,
  mealKinds: ['lunch', 'dinner'],
  eligibility: { age: { min, max }, hardshipsAny: null, residency: 'registered_or_resident' },
  amount: { kind: 'fixed', fen },
  delivery: null,
  caps: ONE_A_DAY,
  stacks: false,
});

/**
 * 蜀山区's demo scheme, in the shape of the Hefei policy pages (docs/meals.md walks through it): age tiers of ¥2/¥4/¥6
 * per lunch or dinner, ¥10 for 低保/特困 elders registered in the district (the best one wins), and free delivery for
 * 失能 and 低保 elders on top.
 */
export const DEMO_MEAL_SUBSIDY_RULES: DemoRule[] = [
  ageTier('shushan-60-69', '蜀山区60-69岁老人助餐补贴', 60, 69, 200),
  ageTier('shushan-70-79', '蜀山区70-79岁老人助餐补贴', 70, 79, 400),
  ageTier('shushan-80-plus', '蜀山区80岁以上老人助餐补贴', 80, null, 600),
  {
    key: 'shushan-hardship',
    name: '蜀山区低保特困老人助餐补贴',
    mealKinds: ['lunch', 'dinner'],
    eligibility: { age: { min: 60, max: null }, hardshipsAny: ['subsistence_allowance', 'extreme_poverty'], residency: 'registered' },
    amount: { kind: 'fixed', fen: 1000 },
    delivery: null,
    caps: ONE_A_DAY,
    stacks: false,
  },
  {
    key: 'shushan-free-delivery',
    name: '蜀山区失能低保老人免费送餐',
    mealKinds: ['breakfast', 'lunch', 'dinner'],
    eligibility: { age: null, hardshipsAny: ['care_dependent', 'subsistence_allowance'], residency: 'registered_or_resident' },
    amount: null,
    delivery: { kind: 'free' },
    caps: { mealsPerDayPerKind: 1, mealsPerMonth: null, fenPerMonth: null },
    capGroupId: stableId('meal-subsidy-cap-group', 'shushan-free-delivery'),
    stacks: true,
  },
];

export const DEMO_RULES_EFFECTIVE_FROM = '2026-01-01';

/** The rules as the engine sees them (version 1 of each scheme, open-ended). */
export const demoMealSubsidyRules = (): MealSubsidyRule[] =>
  DEMO_MEAL_SUBSIDY_RULES.map(({ key, capGroupId, ...rule }) => ({
    ...rule,
    id: stableId('meal-subsidy-rule', `${key}-v1`),
    schemeId: stableId('meal-subsidy-scheme', key),
    version: 1,
    districtId: SHUSHAN,
    effectiveFrom: DEMO_RULES_EFFECTIVE_FROM,
    effectiveTo: null,
    specialDietExtra: null,
    capGroupId: capGroupId ?? SHUSHAN_MEALS_CAP_GROUP,
  }));

/**
 * 蜀山区's subsidy rules, 李建国's meal profile (registered in 蜀山区, 低保 verified by 安大社区's staff) and ¥100 he has
 * on his meal balance, paid in cash at the desk. Inserts only what is missing, like the rest of the demo seed.
 */
export async function seedDemoMealSubsidies(manager: EntityManager, cipher: FieldCipher): Promise<void> {
  const rules = demoMealSubsidyRules();
  const existing = new Set((await manager.getRepository(MealSubsidyRuleRow).find({ select: { id: true }, where: { id: In(rules.map((rule) => rule.id)) } })).map((row) => row.id));
  const createdAt = new Date(`${DEMO_RULES_EFFECTIVE_FROM}T00:00:00+08:00`);
  const missing = rules.filter((rule) => !existing.has(rule.id)).map((rule) => ({ ...rule, createdByAccountId: SHUSHAN_ADMIN, createdAt, withdrawnAt: null }));
  if (missing.length > 0) await manager.getRepository(MealSubsidyRuleRow).insert(missing);

  if (!(await manager.getRepository(MealProfile).existsBy({ residentId: LI_JIANGUO }))) {
    await manager.getRepository(MealProfile).insert({ residentId: LI_JIANGUO, registeredDistrictId: SHUSHAN, updatedByAccountId: ANDA_STAFF });
  }
  const hardshipId = stableId('hardship-record', 'li-jianguo-subsistence');
  if (!(await manager.getRepository(HardshipRecordRow).existsBy({ id: hardshipId }))) {
    await manager.getRepository(HardshipRecordRow).insert({
      id: hardshipId,
      residentId: LI_JIANGUO,
      category: 'subsistence_allowance',
      validFrom: DEMO_RULES_EFFECTIVE_FROM,
      validTo: null,
      noteCipher: cipher.encrypt('低保证 SS-2026-0117'),
      verifiedByAccountId: ANDA_STAFF,
      verifiedAt: createdAt,
      endedByAccountId: null,
      endedAt: null,
    });
  }
  if (!(await manager.getRepository(MealBalanceAccount).existsBy({ residentId: LI_JIANGUO }))) {
    const balances = new MealBalances(new MealBalancesRepository(manager.connection));
    await balances.topUp(manager, {
      entryId: stableId('meal-balance-entry', 'li-jianguo-first-top-up'),
      residentId: LI_JIANGUO,
      amountFen: 10_000,
      method: 'cash',
      note: '李明代缴',
      accountId: ANDA_STAFF,
    });
  }
}
