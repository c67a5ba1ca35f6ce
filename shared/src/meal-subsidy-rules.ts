import { DISH_TAGS, MEAL_KINDS, type DishTag, type MealKind } from './meal-menu';
import { HARDSHIP_CATEGORIES, type HardshipCategory } from './meal-profile';
import { parseDate } from './time';

/**
 * Meal subsidy rules (助餐补贴规则) as data: each district's admins edit their own, and priceMeal (meal-pricing.ts)
 * applies them. A rule is never edited in place once orders used it: a change is a new version (a new id, the same
 * schemeId, the next version number) whose window starts where the old one's ends, so every stored order keeps
 * pointing at the exact rule that priced it.
 */

/** `registered`: only elders whose household registration (户籍) is in the district; `registered_or_resident`: those living there too. */
export const MEAL_SUBSIDY_RESIDENCIES = ['registered', 'registered_or_resident'] as const;
export type MealSubsidyResidency = (typeof MEAL_SUBSIDY_RESIDENCIES)[number];

export const MEAL_SUBSIDY_RESIDENCY_LABELS: Record<MealSubsidyResidency, string> = {
  registered: '仅限本区户籍',
  registered_or_resident: '本区户籍或常住',
};

/**
 * Who qualifies. Every condition given must hold: an age band AND (when listed) any one of the hardship categories,
 * verified and valid on the meal date. A rule names at least one of the two.
 */
export interface MealSubsidyEligibility {
  /** Age on the meal date, both ends included (60–69: `{ min: 60, max: 69 }`; 80+: `{ min: 80, max: null }`). */
  age: { min: number; max: number | null } | null;
  /** Any one of these qualifies; null when no hardship is needed. */
  hardshipsAny: readonly HardshipCategory[] | null;
  residency: MealSubsidyResidency;
}

/**
 * The subsidy per meal: a fixed amount, or a whole percentage of the meal's gross (rounded down to the fen, see
 * priceMeal) with an optional ceiling per meal.
 */
export type MealSubsidyAmount = { kind: 'fixed'; fen: number } | { kind: 'percent'; percent: number; maxFen: number | null };

/** Delivery help: the whole fee waived, or up to `fen` of it. */
export type MealDeliverySubsidy = { kind: 'free' } | { kind: 'fixed'; fen: number };

/**
 * Caps, counted per cap group over the Shanghai calendar month of the meal (see MealSubsidyUsage). A meal-count cap
 * reached withholds the rule for the meal; the fen cap lets the rule give what is left of its month, then nothing.
 */
export interface MealSubsidyCaps {
  /** Subsidised meals of one kind on one date (one lunch and one dinner a day: 1). */
  mealsPerDayPerKind: number | null;
  mealsPerMonth: number | null;
  /** Subsidy fen (meal and delivery together) in a month. */
  fenPerMonth: number | null;
}

export interface MealSubsidyRule {
  /** This version's id: stored on every order it priced. */
  id: string;
  /** The rule across its versions. */
  schemeId: string;
  version: number;
  /** The district that pays. It subsidises meals at meal points in this district only. */
  districtId: string;
  /** Receipt wording, e.g. `蜀山区80岁以上老人助餐补贴`. */
  name: string;
  /** `YYYY-MM-DD`, first meal date it prices. */
  effectiveFrom: string;
  /** `YYYY-MM-DD`, last meal date it prices; null while open-ended. */
  effectiveTo: string | null;
  /** The meals it subsidises (many programmes pay for lunch only). */
  mealKinds: readonly MealKind[];
  eligibility: MealSubsidyEligibility;
  /** null for a delivery-only rule. */
  amount: MealSubsidyAmount | null;
  /** Added once per meal when any line carries one of `tags` (diabetic or soft meals cost the canteen more). */
  specialDietExtra: { fen: number; tags: readonly DishTag[] } | null;
  delivery: MealDeliverySubsidy | null;
  caps: MealSubsidyCaps;
  /**
   * Rules sharing caps count usage together. A rule's versions share one group; a district whose policy is "one
   * subsidised lunch a day, whatever the tier" puts its tiers in one group too.
   */
  capGroupId: string;
  /** false: competes with the other non-stacking rules and only the best applies; true: adds on top. */
  stacks: boolean;
}

/** Whether a rule prices meals on a date (`YYYY-MM-DD`): its window contains it, both ends included. */
export function ruleInForceOn(rule: Pick<MealSubsidyRule, 'effectiveFrom' | 'effectiveTo'>, date: string): boolean {
  return rule.effectiveFrom <= date && (rule.effectiveTo === null || date <= rule.effectiveTo);
}

const MAX_AGE = 150;

const isPositiveWhole = (value: number) => Number.isInteger(value) && value >= 1;

/** Validation problems of one rule (empty when fine): what the admin's form and the API refuse. */
export function validateMealSubsidyRule(rule: MealSubsidyRule): string[] {
  const problems: string[] = [];
  for (const field of ['id', 'schemeId', 'districtId', 'name', 'capGroupId'] as const) {
    if (rule[field].trim() === '') problems.push(`${field} is required`);
  }
  if (!isPositiveWhole(rule.version)) problems.push('version must be a whole number, 1 or more');
  if (parseDate(rule.effectiveFrom) === null) problems.push('effectiveFrom must be a date YYYY-MM-DD');
  if (rule.effectiveTo !== null && parseDate(rule.effectiveTo) === null) problems.push('effectiveTo must be a date YYYY-MM-DD or null');
  else if (rule.effectiveTo !== null && rule.effectiveTo < rule.effectiveFrom) problems.push('effectiveTo must not be before effectiveFrom');
  if (rule.mealKinds.length === 0 || rule.mealKinds.some((kind) => !MEAL_KINDS.includes(kind))) problems.push(`mealKinds must list some of ${MEAL_KINDS.join(', ')}`);
  problems.push(...validateEligibility(rule.eligibility));
  problems.push(...validateBenefit(rule));
  for (const cap of ['mealsPerDayPerKind', 'mealsPerMonth', 'fenPerMonth'] as const) {
    const value = rule.caps[cap];
    if (value !== null && !isPositiveWhole(value)) problems.push(`caps.${cap} must be a whole number, 1 or more, or null`);
  }
  return problems;
}

function validateEligibility(eligibility: MealSubsidyEligibility): string[] {
  const problems: string[] = [];
  const { age, hardshipsAny, residency } = eligibility;
  if (age === null && hardshipsAny === null) problems.push('eligibility needs an age band or hardship categories');
  if (age !== null) {
    const minValid = Number.isInteger(age.min) && age.min >= 0 && age.min <= MAX_AGE;
    const maxValid = age.max === null || (Number.isInteger(age.max) && age.max <= MAX_AGE && age.max >= age.min);
    if (!minValid || !maxValid) problems.push(`eligibility.age must be whole years 0..${MAX_AGE} with max ≥ min (or max null)`);
  }
  if (hardshipsAny !== null && (hardshipsAny.length === 0 || hardshipsAny.some((category) => !HARDSHIP_CATEGORIES.includes(category)))) {
    problems.push(`eligibility.hardshipsAny must list some of ${HARDSHIP_CATEGORIES.join(', ')}, or be null`);
  }
  if (!MEAL_SUBSIDY_RESIDENCIES.includes(residency)) problems.push(`eligibility.residency must be one of ${MEAL_SUBSIDY_RESIDENCIES.join(', ')}`);
  return problems;
}

function validateBenefit(rule: MealSubsidyRule): string[] {
  const problems: string[] = [];
  const { amount, specialDietExtra, delivery } = rule;
  if (amount === null && delivery === null) problems.push('a rule must subsidise the meal, the delivery or both');
  if (amount?.kind === 'fixed' && !isPositiveWhole(amount.fen)) problems.push('amount.fen must be a whole number of fen, 1 or more');
  if (amount?.kind === 'percent') {
    if (!(Number.isInteger(amount.percent) && amount.percent >= 1 && amount.percent <= 100)) problems.push('amount.percent must be a whole number 1..100');
    if (amount.maxFen !== null && !isPositiveWhole(amount.maxFen)) problems.push('amount.maxFen must be a whole number of fen, 1 or more, or null');
  }
  if (specialDietExtra !== null) {
    if (amount === null) problems.push('specialDietExtra needs a meal amount to add to');
    if (!isPositiveWhole(specialDietExtra.fen)) problems.push('specialDietExtra.fen must be a whole number of fen, 1 or more');
    if (specialDietExtra.tags.length === 0 || specialDietExtra.tags.some((tag) => !DISH_TAGS.includes(tag)))
      problems.push(`specialDietExtra.tags must list some of ${DISH_TAGS.join(', ')}`);
  }
  if (delivery?.kind === 'fixed' && !isPositiveWhole(delivery.fen)) problems.push('delivery.fen must be a whole number of fen, 1 or more');
  return problems;
}

/**
 * Problems across a district's rules (empty when fine): each rule's own, duplicate ids, and versions of one scheme
 * that are in force on the same date or disagree on district (either would subsidise a meal twice over).
 */
export function validateMealSubsidyRules(rules: readonly MealSubsidyRule[]): string[] {
  const problems = rules.flatMap((rule) => validateMealSubsidyRule(rule).map((problem) => `${rule.id}: ${problem}`));
  const seenIds = new Set<string>();
  for (const rule of rules) {
    if (seenIds.has(rule.id)) problems.push(`${rule.id}: id used more than once`);
    seenIds.add(rule.id);
  }
  rules.forEach((rule, index) => {
    for (const other of rules.slice(index + 1)) {
      if (other.schemeId !== rule.schemeId) continue;
      if (other.districtId !== rule.districtId) problems.push(`${rule.id}, ${other.id}: versions of ${rule.schemeId} in different districts`);
      if (other.version === rule.version) problems.push(`${rule.id}, ${other.id}: both are version ${rule.version} of ${rule.schemeId}`);
      if (windowsOverlap(rule, other)) problems.push(`${rule.id}, ${other.id}: versions of ${rule.schemeId} in force on the same dates`);
    }
  });
  return problems;
}

function windowsOverlap(a: MealSubsidyRule, b: MealSubsidyRule): boolean {
  const aEndsBeforeB = a.effectiveTo !== null && a.effectiveTo < b.effectiveFrom;
  const bEndsBeforeA = b.effectiveTo !== null && b.effectiveTo < a.effectiveFrom;
  return !aEndsBeforeB && !bEndsBeforeA;
}
