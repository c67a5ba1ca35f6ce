import { MEAL_KIND_LABELS, validateMealOrderLines, type MealFulfilment, type MealKind, type MealOrderLine } from './meal-menu';
import { elderAgeOn, hardshipsHeldOn, type ElderMealProfile, type HardshipCategory } from './meal-profile';
import { ruleInForceOn, type MealSubsidyRule } from './meal-subsidy-rules';
import { parseDate } from './time';

/**
 * The price of one elder meal after subsidies: the one function the API uses for the truth and the mini program uses
 * to show the price before ordering. Pure: everything it needs comes in as arguments.
 *
 * Decisions (meal-pricing.spec.ts holds a worked example of each):
 * - **Which rules.** Those in force on the meal's Shanghai date (effectiveFrom ≤ date ≤ effectiveTo), of the district
 *   the meal point is in, for this meal kind, that the elder qualifies for on that date. The API stores the result
 *   when the order is placed (and again when the resident changes it before cut-off); a later rule change never
 *   reprices a stored order.
 * - **Who qualifies.** Age is the age on the meal date (the birthday itself counts as the new age). A hardship counts
 *   only when verified and valid on the meal date. Residency is matched against the rule's district: the registered
 *   (户籍) district, or also the residence district when the rule admits residents.
 * - **Combining.** Non-stacking rules compete: the single one giving the most (meal plus delivery subsidy, after its
 *   caps) applies; a tie goes to the lower rule id, so the result never depends on the order rules arrive in.
 *   Stacking rules then add on top, in rule-id order, each limited to what is left.
 * - **Never more than the price.** The meal subsidy never exceeds the gross (payable ≥ 0) and the delivery subsidy
 *   never exceeds the fee.
 * - **Rounding.** A percentage subsidy is rounded down to the fen (floor of gross × percent / 100) and payable is
 *   gross − subsidy, so subsidy + payable === gross exactly: no fen is created or lost, and a fraction of a fen is
 *   never charged to the district.
 * - **Caps.** A meal-count cap reached (per day and meal kind, per month) withholds the rule for the whole meal (a meal
 *   is subsidised or not; there is no half a meal). A monthly fen cap lets the rule give what is left of the month,
 *   then nothing. When a non-stacking rule is capped, the next best one applies.
 * - **Explained.** Every fen of subsidy belongs to one entry of `applied`, named by rule id, with a Chinese line for
 *   the receipt; settlement sums these entries.
 */

/** Where and how the meal is eaten. */
export interface MealPricingContext {
  /** Shanghai date of the meal, `YYYY-MM-DD` (not the date the order is placed). */
  mealDate: string;
  mealKind: MealKind;
  fulfilment: MealFulfilment;
  /** The district of the meal point: only this district's rules subsidise the meal. */
  mealPointDistrictId: string;
  /** The meal point's delivery fee in fen; counted only when the fulfilment is delivery. */
  deliveryFeeFen: number;
}

/** What an elder has already used of one cap group this month (see tallyMealSubsidyUsage). */
export interface MealCapGroupUsage {
  /** Subsidised meals of the priced meal's kind on the priced meal's date. */
  mealsOfKindOnDate: number;
  /** Subsidised meals in the Shanghai calendar month of the priced meal. */
  mealsInMonth: number;
  /** Subsidy fen (meal and delivery) in that month. */
  fenInMonth: number;
}

/** Usage per cap group id; a group that is missing has not been used. */
export type MealSubsidyUsage = Readonly<Record<string, MealCapGroupUsage>>;

/** One rule's part in a meal's price: what the receipt and the settlement show against its id. */
export interface AppliedMealSubsidy {
  ruleId: string;
  capGroupId: string;
  mealFen: number;
  deliveryFen: number;
  /** Receipt line, e.g. `蜀山区80岁以上老人助餐补贴：每餐补贴8.00元`. */
  explanation: string;
}

export const MEAL_SUBSIDY_WITHHELD_REASONS = ['day_cap_reached', 'month_meals_cap_reached', 'month_fen_cap_reached'] as const;
export type MealSubsidyWithheldReason = (typeof MEAL_SUBSIDY_WITHHELD_REASONS)[number];

/** A rule the elder qualifies for that gives nothing to this meal because a cap is reached: the "why not" to show. */
export interface WithheldMealSubsidy {
  ruleId: string;
  reason: MealSubsidyWithheldReason;
  explanation: string;
}

export interface MealPrice {
  /** Sum of the lines, fen. */
  gross: number;
  /** Meal subsidy, 0 ≤ subsidy ≤ gross. */
  subsidy: number;
  /** gross − subsidy. */
  payable: number;
  /** The meal point's delivery fee (0 unless delivered). */
  deliveryFeeGross: number;
  deliverySubsidy: number;
  /** What the elder pays for delivery: deliveryFeeGross − deliverySubsidy. */
  deliveryFee: number;
  /** What the elder pays in all: payable + deliveryFee. */
  total: number;
  /** The rules that gave something, in the order they were applied (the non-stacking winner first). */
  appliedRuleIds: string[];
  applied: AppliedMealSubsidy[];
  /** The receipt lines, one per applied rule. */
  explanation: string[];
  withheld: WithheldMealSubsidy[];
}

/** 845 → `8.45`: fen shown as yuan with two decimals, worked out in integers so no float rounding can creep in. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const absolute = Math.abs(fen);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}

const WITHHELD_WORDING: Record<MealSubsidyWithheldReason, (mealKind: MealKind) => string> = {
  day_cap_reached: (mealKind) => `今日${MEAL_KIND_LABELS[mealKind]}补贴次数已用完`,
  month_meals_cap_reached: () => '本月补贴餐次已用完',
  month_fen_cap_reached: () => '本月补贴额度已用完',
};

const NO_USAGE: MealCapGroupUsage = { mealsOfKindOnDate: 0, mealsInMonth: 0, fenInMonth: 0 };

/** What is left to subsidise of this meal once earlier rules have applied. */
interface Room {
  meal: number;
  delivery: number;
}

type RuleOutcome = { kind: 'applied'; subsidy: AppliedMealSubsidy } | { kind: 'withheld'; withheld: WithheldMealSubsidy } | { kind: 'nothing' };

/**
 * Prices one meal for one elder. Throws RangeError on malformed lines or context (the API validates them first; the
 * mini program only prices lines from the menu).
 */
export function priceMeal(
  lines: readonly MealOrderLine[],
  profile: ElderMealProfile,
  rules: readonly MealSubsidyRule[],
  usage: MealSubsidyUsage,
  context: MealPricingContext,
): MealPrice {
  const problems = [...validateMealOrderLines(lines), ...validateContext(context)];
  if (problems.length > 0) throw new RangeError(`cannot price meal: ${problems.join('; ')}`);

  const gross = lines.reduce((sum, line) => sum + line.unitPriceFen * line.quantity, 0);
  const deliveryFeeGross = context.fulfilment === 'delivery' ? context.deliveryFeeFen : 0;
  const candidates = rules.filter((rule) => ruleApplicableTo(rule, profile, context)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const applied: AppliedMealSubsidy[] = [];
  const withheld: WithheldMealSubsidy[] = [];
  const fullRoom: Room = { meal: gross, delivery: deliveryFeeGross };

  // The best non-stacking rule: each is weighed alone against the usage so far; ties keep the lower id (sorted first).
  let best: AppliedMealSubsidy | null = null;
  for (const rule of candidates.filter((candidate) => !candidate.stacks)) {
    const outcome = evaluateRule(rule, lines, gross, fullRoom, usage[rule.capGroupId] ?? NO_USAGE, context.mealKind);
    if (outcome.kind === 'withheld') withheld.push(outcome.withheld);
    if (outcome.kind === 'applied' && (best === null || benefitOf(outcome.subsidy) > benefitOf(best))) best = outcome.subsidy;
  }
  if (best) applied.push(best);

  // Stacking rules add on top of what is already given, and see this meal's use of their cap group.
  for (const rule of candidates.filter((candidate) => candidate.stacks)) {
    const room: Room = { meal: gross - sumOf(applied, 'mealFen'), delivery: deliveryFeeGross - sumOf(applied, 'deliveryFen') };
    const groupUsage = usage[rule.capGroupId] ?? NO_USAGE;
    const usedInThisMeal = applied.filter((entry) => entry.capGroupId === rule.capGroupId).reduce((sum, entry) => sum + benefitOf(entry), 0);
    const outcome = evaluateRule(rule, lines, gross, room, { ...groupUsage, fenInMonth: groupUsage.fenInMonth + usedInThisMeal }, context.mealKind);
    if (outcome.kind === 'withheld') withheld.push(outcome.withheld);
    if (outcome.kind === 'applied') applied.push(outcome.subsidy);
  }

  const subsidy = sumOf(applied, 'mealFen');
  const deliverySubsidy = sumOf(applied, 'deliveryFen');
  const payable = gross - subsidy;
  const deliveryFee = deliveryFeeGross - deliverySubsidy;
  return {
    gross,
    subsidy,
    payable,
    deliveryFeeGross,
    deliverySubsidy,
    deliveryFee,
    total: payable + deliveryFee,
    appliedRuleIds: applied.map((entry) => entry.ruleId),
    applied,
    explanation: applied.map((entry) => entry.explanation),
    withheld,
  };
}

function validateContext(context: MealPricingContext): string[] {
  const problems: string[] = [];
  if (parseDate(context.mealDate) === null) problems.push('mealDate must be a date YYYY-MM-DD');
  if (!(Number.isInteger(context.deliveryFeeFen) && context.deliveryFeeFen >= 0)) problems.push('deliveryFeeFen must be a whole number of fen, 0 or more');
  return problems;
}

/** In force on the meal date, this district's, for this meal kind, and the elder qualifies on that date. */
function ruleApplicableTo(rule: MealSubsidyRule, profile: ElderMealProfile, context: MealPricingContext): boolean {
  if (!ruleInForceOn(rule, context.mealDate)) return false;
  if (rule.districtId !== context.mealPointDistrictId || !rule.mealKinds.includes(context.mealKind)) return false;
  const { age, hardshipsAny, residency } = rule.eligibility;
  const belongs = profile.registeredDistrictId === rule.districtId || (residency === 'registered_or_resident' && profile.residenceDistrictId === rule.districtId);
  if (!belongs) return false;
  if (age !== null) {
    const elderAge = elderAgeOn(profile, context.mealDate);
    if (elderAge === null || elderAge < age.min || (age.max !== null && elderAge > age.max)) return false;
  }
  return hardshipsAny === null || holdsAny(hardshipsHeldOn(profile, context.mealDate), hardshipsAny);
}

function holdsAny(held: readonly HardshipCategory[], wanted: readonly HardshipCategory[]): boolean {
  return wanted.some((category) => held.includes(category));
}

/** One rule's subsidy for this meal, given the room left and its cap group's usage so far. */
function evaluateRule(rule: MealSubsidyRule, lines: readonly MealOrderLine[], gross: number, room: Room, groupUsage: MealCapGroupUsage, mealKind: MealKind): RuleOutcome {
  const { caps } = rule;
  const withhold = (reason: MealSubsidyWithheldReason): RuleOutcome => ({
    kind: 'withheld',
    withheld: { ruleId: rule.id, reason, explanation: `${rule.name}：${WITHHELD_WORDING[reason](mealKind)}` },
  });
  if (caps.mealsPerDayPerKind !== null && groupUsage.mealsOfKindOnDate >= caps.mealsPerDayPerKind) return withhold('day_cap_reached');
  if (caps.mealsPerMonth !== null && groupUsage.mealsInMonth >= caps.mealsPerMonth) return withhold('month_meals_cap_reached');
  const monthLeft = caps.fenPerMonth === null ? Number.POSITIVE_INFINITY : caps.fenPerMonth - groupUsage.fenInMonth;
  if (monthLeft <= 0) return withhold('month_fen_cap_reached');

  const parts: string[] = [];
  const nominalMeal = nominalMealSubsidy(rule, lines, gross, parts);
  const mealFen = Math.min(nominalMeal, room.meal, monthLeft);
  if (mealFen < nominalMeal) {
    parts.push(mealFen === monthLeft ? `本月补贴额度仅余${formatYuan(mealFen)}元，本餐实补${formatYuan(mealFen)}元` : `补贴不超过餐费，本餐实补${formatYuan(mealFen)}元`);
  }

  const nominalDelivery = rule.delivery === null ? 0 : rule.delivery.kind === 'free' ? room.delivery : rule.delivery.fen;
  const deliveryFen = Math.min(nominalDelivery, room.delivery, monthLeft - mealFen);
  if (deliveryFen > 0)
    parts.push(rule.delivery?.kind === 'free' && deliveryFen === room.delivery ? `免收送餐费${formatYuan(deliveryFen)}元` : `送餐费补贴${formatYuan(deliveryFen)}元`);

  if (mealFen + deliveryFen === 0) return { kind: 'nothing' };
  return { kind: 'applied', subsidy: { ruleId: rule.id, capGroupId: rule.capGroupId, mealFen, deliveryFen, explanation: `${rule.name}：${parts.join('，')}` } };
}

/** The rule's meal subsidy before any limit, describing it into `parts` (nothing when the rule pays only delivery). */
function nominalMealSubsidy(rule: MealSubsidyRule, lines: readonly MealOrderLine[], gross: number, parts: string[]): number {
  const { amount, specialDietExtra } = rule;
  if (amount === null) return 0;
  let base: number;
  if (amount.kind === 'fixed') {
    base = amount.fen;
    parts.push(`每餐补贴${formatYuan(base)}元`);
  } else {
    // Integer fen × whole percent stays an exact integer before the one rounding, down.
    const exact = Math.floor((gross * amount.percent) / 100);
    base = amount.maxFen === null ? exact : Math.min(exact, amount.maxFen);
    const share = `按餐费${formatYuan(gross)}元的${amount.percent}%补贴`;
    const roundedNote = (gross * amount.percent) % 100 === 0 ? '' : '（不足1分的部分不补）';
    parts.push(base < exact ? `${share}，每餐最多${formatYuan(base)}元` : `${share}${formatYuan(base)}元${roundedNote}`);
  }
  const specialDiet = specialDietExtra !== null && lines.some((line) => line.tags.some((tag) => specialDietExtra.tags.includes(tag)));
  if (!specialDiet) return base;
  parts.push(`特殊膳食加补${formatYuan(specialDietExtra.fen)}元`);
  return base + specialDietExtra.fen;
}

function benefitOf(entry: AppliedMealSubsidy): number {
  return entry.mealFen + entry.deliveryFen;
}

function sumOf(entries: readonly AppliedMealSubsidy[], field: 'mealFen' | 'deliveryFen'): number {
  return entries.reduce((sum, entry) => sum + entry[field], 0);
}

/** A meal already priced for the elder, as the API stored it. */
export interface SubsidisedMeal {
  mealDate: string;
  mealKind: MealKind;
  applied: readonly Pick<AppliedMealSubsidy, 'capGroupId' | 'mealFen' | 'deliveryFen'>[];
}

/**
 * The usage priceMeal weighs caps against, from the elder's meals already priced: pass the orders in
 * MEAL_ORDER_PORTION_HOLDING_STATUSES (a cancelled or refunded order gave its subsidy back) and, when re-pricing a
 * changed order, not that order itself. Counts the Shanghai calendar month of `mealDate`; a meal counts once per cap group however many
 * of the group's rules applied to it.
 */
export function tallyMealSubsidyUsage(meals: readonly SubsidisedMeal[], mealDate: string, mealKind: MealKind): MealSubsidyUsage {
  const month = mealDate.slice(0, 7);
  const usage: Record<string, MealCapGroupUsage> = {};
  for (const meal of meals) {
    if (meal.mealDate.slice(0, 7) !== month) continue;
    const groups = new Set<string>();
    for (const entry of meal.applied) {
      const group = (usage[entry.capGroupId] ??= { ...NO_USAGE });
      group.fenInMonth += entry.mealFen + entry.deliveryFen;
      groups.add(entry.capGroupId);
    }
    for (const capGroupId of groups) {
      usage[capGroupId].mealsInMonth += 1;
      if (meal.mealDate === mealDate && meal.mealKind === mealKind) usage[capGroupId].mealsOfKindOnDate += 1;
    }
  }
  return usage;
}
