import type { DishTag, MealOrderLine } from './meal-menu';
import type { ElderMealProfile, HardshipCategory, HardshipRecord } from './meal-profile';
import { formatYuan, priceMeal, tallyMealSubsidyUsage, type MealPrice, type MealPricingContext, type MealSubsidyUsage, type SubsidisedMeal } from './meal-pricing';
import { validateMealSubsidyRules, type MealSubsidyRule } from './meal-subsidy-rules';
import { addDays } from './time';

// ─── Fixtures: two districts of one city and the rules of their elder-meal programmes ──────────────────────────

const SHUSHAN = 'district-shushan';
const BAOHE = 'district-baohe';

function rule(overrides: Partial<MealSubsidyRule> & Pick<MealSubsidyRule, 'id' | 'name'>): MealSubsidyRule {
  return {
    schemeId: overrides.id.replace(/-v\d+$/, ''),
    version: 1,
    districtId: SHUSHAN,
    effectiveFrom: '2026-01-01',
    effectiveTo: null,
    mealKinds: ['lunch', 'dinner'],
    eligibility: { age: null, hardshipsAny: null, residency: 'registered' },
    amount: null,
    specialDietExtra: null,
    delivery: null,
    // The district's base programme: one subsidised lunch and one dinner a day, 45 meals and ¥300 a month.
    caps: { mealsPerDayPerKind: 1, mealsPerMonth: 45, fenPerMonth: 30000 },
    capGroupId: 'ss-base',
    stacks: false,
    ...overrides,
  };
}

const ageBand = (min: number, max: number | null, residency: 'registered' | 'registered_or_resident' = 'registered') => ({ age: { min, max }, hardshipsAny: null, residency });
const hardship = (categories: HardshipCategory[], minAge: number | null, residency: 'registered' | 'registered_or_resident' = 'registered') => ({
  age: minAge === null ? null : { min: minAge, max: null },
  hardshipsAny: categories,
  residency,
});

const AGE_60 = rule({ id: 'ss-age60-v1', name: '蜀山区60-69岁老人助餐补贴', eligibility: ageBand(60, 69), amount: { kind: 'fixed', fen: 300 } });
// The 70–79 tier is raised from ¥5 to ¥6 from 16 December: a new version, the old one ends the day before.
const AGE_70_V1 = rule({ id: 'ss-age70-v1', name: '蜀山区70-79岁老人助餐补贴', eligibility: ageBand(70, 79), amount: { kind: 'fixed', fen: 500 }, effectiveTo: '2026-12-15' });
const AGE_70_V2 = rule({ ...AGE_70_V1, id: 'ss-age70-v2', version: 2, amount: { kind: 'fixed', fen: 600 }, effectiveFrom: '2026-12-16', effectiveTo: null });
const AGE_80 = rule({ id: 'ss-age80-v1', name: '蜀山区80岁以上老人助餐补贴', eligibility: ageBand(80, null, 'registered_or_resident'), amount: { kind: 'fixed', fen: 800 } });
const HARDSHIP = rule({
  id: 'ss-hardship-v1',
  name: '蜀山区低保特困老人助餐补贴',
  eligibility: hardship(['subsistence_allowance', 'extreme_poverty'], 60),
  amount: { kind: 'fixed', fen: 1500 },
  specialDietExtra: { fen: 200, tags: ['low_sugar', 'soft'] },
  delivery: { kind: 'fixed', fen: 200 },
});
const ALONE = rule({
  id: 'ss-alone-v1',
  name: '蜀山区独居空巢老人助餐补贴',
  eligibility: hardship(['living_alone'], 60),
  amount: { kind: 'percent', percent: 30, maxFen: 900 },
  caps: { mealsPerDayPerKind: 1, mealsPerMonth: 10, fenPerMonth: null },
  capGroupId: 'ss-alone',
});
const CARE_DELIVERY = rule({
  id: 'ss-care-delivery-v1',
  name: '蜀山区失能老人免费送餐',
  mealKinds: ['breakfast', 'lunch', 'dinner'],
  eligibility: hardship(['care_dependent'], null, 'registered_or_resident'),
  delivery: { kind: 'free' },
  caps: { mealsPerDayPerKind: null, mealsPerMonth: null, fenPerMonth: null },
  capGroupId: 'ss-delivery',
  stacks: true,
});
const ADVANCED_AGE = rule({
  id: 'ss-advanced-age-v1',
  name: '蜀山区高龄津贴对象加补',
  eligibility: hardship(['advanced_age'], null),
  amount: { kind: 'fixed', fen: 100 },
  caps: { mealsPerDayPerKind: 1, mealsPerMonth: null, fenPerMonth: null },
  capGroupId: 'ss-advanced',
  stacks: true,
});
const ENTITLED = rule({
  id: 'ss-entitled-v1',
  name: '蜀山区重点优抚对象加补',
  eligibility: hardship(['entitled_group'], null),
  amount: { kind: 'fixed', fen: 200 },
  caps: { mealsPerDayPerKind: 1, mealsPerMonth: 20, fenPerMonth: null },
  capGroupId: 'ss-entitled',
  stacks: true,
});
// A new rule that starts in the middle of the month.
const WINTER = rule({
  id: 'ss-winter-v1',
  name: '蜀山区冬季助餐加补',
  eligibility: ageBand(60, null),
  amount: { kind: 'fixed', fen: 100 },
  effectiveFrom: '2026-12-20',
  effectiveTo: '2027-02-28',
  caps: { mealsPerDayPerKind: 1, mealsPerMonth: null, fenPerMonth: null },
  capGroupId: 'ss-winter',
  stacks: true,
});
const BAOHE_AGE = rule({
  id: 'bh-age60-v1',
  name: '包河区60岁以上老人助餐补贴',
  districtId: BAOHE,
  eligibility: ageBand(60, null, 'registered_or_resident'),
  amount: { kind: 'fixed', fen: 400 },
  capGroupId: 'bh-base',
});

const RULES: MealSubsidyRule[] = [AGE_60, AGE_70_V1, AGE_70_V2, AGE_80, HARDSHIP, ALONE, CARE_DELIVERY, ADVANCED_AGE, ENTITLED, WINTER, BAOHE_AGE];

function holds(category: HardshipCategory, overrides: Partial<HardshipRecord> = {}): HardshipRecord {
  return { category, verified: true, validFrom: '2026-01-01', validTo: null, ...overrides };
}

function elder(birthDate: string | null, options: { hardships?: HardshipRecord[]; registered?: string; residence?: string } = {}): ElderMealProfile {
  const registered = options.registered ?? SHUSHAN;
  return { birthDate, hardships: options.hardships ?? [], registeredDistrictId: registered, residenceDistrictId: options.residence ?? registered };
}

// Ages on the default meal date, 2026-12-15.
const BORN = {
  age55: '1971-03-10',
  age58: '1968-05-01',
  age65: '1961-06-01',
  age66: '1960-06-01',
  age68: '1958-06-01',
  age72: '1954-03-10',
  age75: '1951-03-10',
  age82: '1944-03-10',
  age85: '1941-03-10',
  age90: '1936-03-10',
};

function line(dishId: string, name: string, unitPriceFen: number, tags: DishTag[] = [], quantity = 1): MealOrderLine {
  return { dishId, name, unitPriceFen, quantity, tags };
}

const SET_MEAL = line('set-a', '红烧鱼套餐', 1800, ['low_salt', 'low_oil']);
const DIABETIC_SET = line('set-d', '糖尿病套餐', 2000, ['low_sugar', 'low_salt']);

const CONTEXT: MealPricingContext = { mealDate: '2026-12-15', mealKind: 'lunch', fulfilment: 'dine_in', mealPointDistrictId: SHUSHAN, deliveryFeeFen: 400 };

interface PricingCase {
  name: string;
  profile: ElderMealProfile;
  lines?: MealOrderLine[];
  context?: Partial<MealPricingContext>;
  usage?: MealSubsidyUsage;
  rules?: MealSubsidyRule[];
  subsidy: number;
  applied: string[];
  deliverySubsidy?: number;
  /** `ruleId:reason` */
  withheld?: string[];
  explanation?: string[];
}

const usageOf = (capGroupId: string, mealsOfKindOnDate: number, mealsInMonth: number, fenInMonth: number): MealSubsidyUsage => ({
  [capGroupId]: { mealsOfKindOnDate, mealsInMonth, fenInMonth },
});

const CASES: PricingCase[] = [
  // ── Age tiers: the day before and on the 60th, 70th and 80th birthdays ──
  { name: '59 on the day before the 60th birthday: no tier yet', profile: elder('1966-12-15'), context: { mealDate: '2026-12-14' }, subsidy: 0, applied: [] },
  { name: 'on the 60th birthday: 60–69 tier', profile: elder('1966-12-15'), subsidy: 300, applied: ['ss-age60-v1'], explanation: ['蜀山区60-69岁老人助餐补贴：每餐补贴3.00元'] },
  { name: '69 on the day before the 70th birthday: still 60–69', profile: elder('1956-12-15'), context: { mealDate: '2026-12-14' }, subsidy: 300, applied: ['ss-age60-v1'] },
  { name: 'on the 70th birthday: 70–79 tier', profile: elder('1956-12-15'), subsidy: 500, applied: ['ss-age70-v1'] },
  { name: '79 on the day before the 80th birthday: still 70–79', profile: elder('1946-12-15'), context: { mealDate: '2026-12-14' }, subsidy: 500, applied: ['ss-age70-v1'] },
  { name: 'on the 80th birthday: 80+ tier', profile: elder('1946-12-15'), subsidy: 800, applied: ['ss-age80-v1'] },
  { name: 'born 29 February: 79 on 28 February of an ordinary year', profile: elder('1946-02-29'), context: { mealDate: '2026-02-28' }, subsidy: 500, applied: ['ss-age70-v1'] },
  { name: 'born 29 February: 80 on 1 March', profile: elder('1946-02-29'), context: { mealDate: '2026-03-01' }, subsidy: 800, applied: ['ss-age80-v1'] },
  { name: 'no verified ID number: no age, no tier', profile: elder(null), subsidy: 0, applied: [] },
  { name: '96: the open-ended 80+ tier', profile: elder('1930-01-01'), subsidy: 800, applied: ['ss-age80-v1'] },

  // ── Hardship categories: verified and valid on the meal date, or they count for nothing ──
  {
    name: '低保 at 65: the hardship rule beats the age tier',
    profile: elder(BORN.age65, { hardships: [holds('subsistence_allowance')] }),
    subsidy: 1500,
    applied: ['ss-hardship-v1'],
  },
  { name: '特困 at 72', profile: elder(BORN.age72, { hardships: [holds('extreme_poverty')] }), subsidy: 1500, applied: ['ss-hardship-v1'] },
  {
    name: '低保 entered but not verified: age tier only',
    profile: elder(BORN.age65, { hardships: [holds('subsistence_allowance', { verified: false })] }),
    subsidy: 300,
    applied: ['ss-age60-v1'],
  },
  {
    name: '低保 expired the day before the meal',
    profile: elder(BORN.age65, { hardships: [holds('subsistence_allowance', { validTo: '2026-12-14' })] }),
    subsidy: 300,
    applied: ['ss-age60-v1'],
  },
  {
    name: '低保 valid up to and including the meal date',
    profile: elder(BORN.age65, { hardships: [holds('subsistence_allowance', { validTo: '2026-12-15' })] }),
    subsidy: 1500,
    applied: ['ss-hardship-v1'],
  },
  {
    name: '低保 valid only from the day after the meal',
    profile: elder(BORN.age65, { hardships: [holds('subsistence_allowance', { validFrom: '2026-12-16' })] }),
    subsidy: 300,
    applied: ['ss-age60-v1'],
  },
  { name: '低保 at 58: the rule wants 60 and over', profile: elder(BORN.age58, { hardships: [holds('subsistence_allowance')] }), subsidy: 0, applied: [] },
  {
    name: '失能 at 75, delivered: age tier plus free delivery (stacking)',
    profile: elder(BORN.age75, { hardships: [holds('care_dependent')] }),
    context: { fulfilment: 'delivery' },
    subsidy: 500,
    deliverySubsidy: 400,
    applied: ['ss-age70-v1', 'ss-care-delivery-v1'],
    explanation: ['蜀山区70-79岁老人助餐补贴：每餐补贴5.00元', '蜀山区失能老人免费送餐：免收送餐费4.00元'],
  },
  {
    name: '失能 at 75, picking up: nothing to deliver, no delivery rule',
    profile: elder(BORN.age75, { hardships: [holds('care_dependent')] }),
    context: { fulfilment: 'pickup' },
    subsidy: 500,
    applied: ['ss-age70-v1'],
  },
  {
    name: '独居 at 66: 30% of ¥18.00 beats the ¥3.00 tier',
    profile: elder(BORN.age66, { hardships: [holds('living_alone')] }),
    subsidy: 540,
    applied: ['ss-alone-v1'],
    explanation: ['蜀山区独居空巢老人助餐补贴：按餐费18.00元的30%补贴5.40元'],
  },
  {
    name: '独居: 30% of ¥18.35 is 550.5 fen, rounded down to 550',
    profile: elder(BORN.age66, { hardships: [holds('living_alone')] }),
    lines: [line('set-b', '土豆牛肉套餐', 1500), line('side-1', '凉拌黄瓜', 335, ['vegetarian'])],
    subsidy: 550,
    applied: ['ss-alone-v1'],
    explanation: ['蜀山区独居空巢老人助餐补贴：按餐费18.35元的30%补贴5.50元（不足1分的部分不补）'],
  },
  {
    name: '独居: 30% of ¥35.00 is held to the ¥9.00 ceiling per meal',
    profile: elder(BORN.age66, { hardships: [holds('living_alone')] }),
    lines: [line('set-e', '清蒸鲈鱼套餐', 1750, [], 2)],
    subsidy: 900,
    applied: ['ss-alone-v1'],
    explanation: ['蜀山区独居空巢老人助餐补贴：按餐费35.00元的30%补贴，每餐最多9.00元'],
  },
  {
    name: '高龄 (verified) at 82: 80+ tier plus the stacking ¥1.00',
    profile: elder(BORN.age82, { hardships: [holds('advanced_age')] }),
    subsidy: 900,
    applied: ['ss-age80-v1', 'ss-advanced-age-v1'],
  },
  {
    name: '重点优抚 at 68: 60–69 tier plus the stacking ¥2.00',
    profile: elder(BORN.age68, { hardships: [holds('entitled_group')] }),
    subsidy: 500,
    applied: ['ss-age60-v1', 'ss-entitled-v1'],
  },
  {
    name: '重点优抚 with its 20 meals of the month used: tier only',
    profile: elder(BORN.age68, { hardships: [holds('entitled_group')] }),
    usage: usageOf('ss-entitled', 0, 20, 4000),
    subsidy: 300,
    applied: ['ss-age60-v1'],
    withheld: ['ss-entitled-v1:month_meals_cap_reached'],
  },

  // ── Caps reached mid-month ──
  {
    name: 'a second lunch on the same day: day cap reached, not subsidised',
    profile: elder(BORN.age72),
    usage: usageOf('ss-base', 1, 20, 10000),
    subsidy: 0,
    applied: [],
    withheld: ['ss-age70-v1:day_cap_reached'],
  },
  {
    name: 'dinner after a subsidised lunch: its own day cap',
    profile: elder(BORN.age72),
    context: { mealKind: 'dinner' },
    usage: usageOf('ss-base', 0, 21, 10500),
    subsidy: 500,
    applied: ['ss-age70-v1'],
  },
  {
    name: '低保 with ¥10.00 of the month left: partly subsidised',
    profile: elder(BORN.age65, { hardships: [holds('subsistence_allowance')] }),
    usage: usageOf('ss-base', 0, 19, 29000),
    subsidy: 1000,
    applied: ['ss-hardship-v1'],
    explanation: ['蜀山区低保特困老人助餐补贴：每餐补贴15.00元，本月补贴额度仅余10.00元，本餐实补10.00元'],
  },
  {
    name: '低保 with the month’s ¥300.00 used: nothing, and the age tier shares the cap',
    profile: elder(BORN.age65, { hardships: [holds('subsistence_allowance')] }),
    usage: usageOf('ss-base', 0, 20, 30000),
    subsidy: 0,
    applied: [],
    withheld: ['ss-age60-v1:month_fen_cap_reached', 'ss-hardship-v1:month_fen_cap_reached'],
  },
  {
    name: '45 subsidised meals this month: month meal cap reached',
    profile: elder(BORN.age72),
    usage: usageOf('ss-base', 0, 45, 22500),
    subsidy: 0,
    applied: [],
    withheld: ['ss-age70-v1:month_meals_cap_reached'],
  },
  {
    name: '独居 with its 10 meals used: the next best rule (age tier) applies',
    profile: elder(BORN.age66, { hardships: [holds('living_alone')] }),
    usage: usageOf('ss-alone', 0, 10, 5400),
    subsidy: 300,
    applied: ['ss-age60-v1'],
    withheld: ['ss-alone-v1:month_meals_cap_reached'],
  },
  {
    name: '低保 delivered with ¥5.00 left: the fen cap covers delivery help too',
    profile: elder(BORN.age65, { hardships: [holds('subsistence_allowance')] }),
    context: { fulfilment: 'delivery' },
    usage: usageOf('ss-base', 0, 19, 29500),
    subsidy: 500,
    deliverySubsidy: 0,
    applied: ['ss-hardship-v1'],
  },

  // ── Rules that change or start mid-month ──
  { name: '72 on 15 December: the ¥5.00 version', profile: elder(BORN.age72), subsidy: 500, applied: ['ss-age70-v1'] },
  { name: '72 on 16 December: the ¥6.00 version', profile: elder(BORN.age72), context: { mealDate: '2026-12-16' }, subsidy: 600, applied: ['ss-age70-v2'] },
  { name: 'the day before the winter rule starts', profile: elder(BORN.age72), context: { mealDate: '2026-12-19' }, subsidy: 600, applied: ['ss-age70-v2'] },
  { name: 'the day the winter rule starts: it stacks', profile: elder(BORN.age72), context: { mealDate: '2026-12-20' }, subsidy: 700, applied: ['ss-age70-v2', 'ss-winter-v1'] },
  { name: 'before any rule was in force', profile: elder(BORN.age72), context: { mealDate: '2025-12-31' }, subsidy: 0, applied: [] },

  // ── Moved district: registered (户籍) vs residence, and where the meal point is ──
  {
    name: 'registered in 蜀山, living in 包河, eating in 包河: 包河 admits residents',
    profile: elder(BORN.age72, { residence: BAOHE }),
    context: { mealPointDistrictId: BAOHE },
    subsidy: 400,
    applied: ['bh-age60-v1'],
  },
  { name: 'registered in 蜀山, living in 包河, eating in 蜀山: registered there', profile: elder(BORN.age72, { residence: BAOHE }), subsidy: 500, applied: ['ss-age70-v1'] },
  {
    name: 'registered in 包河, living in 蜀山: 蜀山’s 70–79 tier is for registered elders only',
    profile: elder(BORN.age72, { registered: BAOHE, residence: SHUSHAN }),
    subsidy: 0,
    applied: [],
  },
  {
    name: 'registered in 包河, living in 蜀山, 85: 蜀山’s 80+ tier admits residents',
    profile: elder(BORN.age85, { registered: BAOHE, residence: SHUSHAN }),
    subsidy: 800,
    applied: ['ss-age80-v1'],
  },
  { name: 'a 蜀山 elder eating in 包河: neither district pays', profile: elder(BORN.age72), context: { mealPointDistrictId: BAOHE }, subsidy: 0, applied: [] },

  // ── Combining: the best non-stacking rule, stacking rules on top ──
  {
    name: '低保 at 85: best of ¥15.00 and ¥8.00, not both',
    profile: elder(BORN.age85, { hardships: [holds('subsistence_allowance')] }),
    subsidy: 1500,
    applied: ['ss-hardship-v1'],
  },
  {
    name: '低保 and 重点优抚: ¥15.00 plus the stacking ¥2.00',
    profile: elder(BORN.age65, { hardships: [holds('subsistence_allowance'), holds('entitled_group')] }),
    subsidy: 1700,
    applied: ['ss-hardship-v1', 'ss-entitled-v1'],
  },
  {
    name: 'two non-stacking rules giving the same: the lower id, whatever order they come in',
    profile: elder(BORN.age72),
    rules: [
      rule({ id: 'tie-b', name: '乙', eligibility: ageBand(60, null), amount: { kind: 'fixed', fen: 500 } }),
      rule({ id: 'tie-a', name: '甲', eligibility: ageBand(60, null), amount: { kind: 'fixed', fen: 500 } }),
    ],
    subsidy: 500,
    applied: ['tie-a'],
  },
  {
    name: '低保 on a ¥12.00 meal: never more than the meal',
    profile: elder(BORN.age65, { hardships: [holds('subsistence_allowance')] }),
    lines: [line('noodle', '青菜面', 1200)],
    subsidy: 1200,
    applied: ['ss-hardship-v1'],
    explanation: ['蜀山区低保特困老人助餐补贴：每餐补贴15.00元，补贴不超过餐费，本餐实补12.00元'],
  },
  {
    name: '低保 and 重点优抚 on a ¥12.00 meal: nothing left to stack',
    profile: elder(BORN.age65, { hardships: [holds('subsistence_allowance'), holds('entitled_group')] }),
    lines: [line('noodle', '青菜面', 1200)],
    subsidy: 1200,
    applied: ['ss-hardship-v1'],
  },
  {
    name: '低保 and 重点优抚 on a ¥16.00 meal: the stacking rule gives the last ¥1.00',
    profile: elder(BORN.age65, { hardships: [holds('subsistence_allowance'), holds('entitled_group')] }),
    lines: [line('rice', '盖浇饭', 1600)],
    subsidy: 1600,
    applied: ['ss-hardship-v1', 'ss-entitled-v1'],
  },
  {
    name: '低保, 失能 and 高龄 at 90, delivered: the best rule, then the stacking ones in id order',
    profile: elder(BORN.age90, { hardships: [holds('subsistence_allowance'), holds('care_dependent'), holds('advanced_age')] }),
    context: { fulfilment: 'delivery' },
    subsidy: 1600,
    deliverySubsidy: 400,
    applied: ['ss-hardship-v1', 'ss-advanced-age-v1', 'ss-care-delivery-v1'],
    explanation: ['蜀山区低保特困老人助餐补贴：每餐补贴15.00元，送餐费补贴2.00元', '蜀山区高龄津贴对象加补：每餐补贴1.00元', '蜀山区失能老人免费送餐：免收送餐费2.00元'],
  },

  // ── Special-diet extra ──
  {
    name: '低保 with a diabetic set meal: ¥2.00 extra',
    profile: elder(BORN.age65, { hardships: [holds('subsistence_allowance')] }),
    lines: [DIABETIC_SET],
    subsidy: 1700,
    applied: ['ss-hardship-v1'],
    explanation: ['蜀山区低保特困老人助餐补贴：每餐补贴15.00元，特殊膳食加补2.00元'],
  },
  {
    name: '低保 with a soft side dish among the lines: the extra once per meal',
    profile: elder(BORN.age65, { hardships: [holds('subsistence_allowance')] }),
    lines: [SET_MEAL, line('tofu', '肉末豆腐', 300, ['soft'])],
    subsidy: 1700,
    applied: ['ss-hardship-v1'],
  },
  {
    name: '低保 with only 少盐: not a special diet for this rule',
    profile: elder(BORN.age65, { hardships: [holds('subsistence_allowance')] }),
    subsidy: 1500,
    applied: ['ss-hardship-v1'],
  },
  { name: 'a diabetic meal under an age tier without an extra', profile: elder(BORN.age72), lines: [DIABETIC_SET], subsidy: 500, applied: ['ss-age70-v1'] },
  {
    name: '低保 with a ¥16.00 diabetic meal: base plus extra held to the meal',
    profile: elder(BORN.age65, { hardships: [holds('subsistence_allowance')] }),
    lines: [line('set-d2', '糖尿病小份餐', 1600, ['low_sugar'])],
    subsidy: 1600,
    applied: ['ss-hardship-v1'],
  },

  // ── Delivery ──
  { name: '72, delivered, no delivery help: the fee is paid', profile: elder(BORN.age72), context: { fulfilment: 'delivery' }, subsidy: 500, applied: ['ss-age70-v1'] },
  {
    name: '低保 delivered: ¥2.00 of the ¥4.00 fee',
    profile: elder(BORN.age65, { hardships: [holds('subsistence_allowance')] }),
    context: { fulfilment: 'delivery' },
    subsidy: 1500,
    deliverySubsidy: 200,
    applied: ['ss-hardship-v1'],
  },
  {
    name: '低保 and 失能 delivered: the free-delivery rule waives the rest',
    profile: elder(BORN.age65, { hardships: [holds('subsistence_allowance'), holds('care_dependent')] }),
    context: { fulfilment: 'delivery' },
    subsidy: 1500,
    deliverySubsidy: 400,
    applied: ['ss-hardship-v1', 'ss-care-delivery-v1'],
  },
  {
    name: '失能 at 55: no meal subsidy, free delivery for the group all the same',
    profile: elder(BORN.age55, { hardships: [holds('care_dependent')] }),
    context: { fulfilment: 'delivery' },
    subsidy: 0,
    deliverySubsidy: 400,
    applied: ['ss-care-delivery-v1'],
  },
  {
    name: 'a free delivery with a ¥0.00 fee is no subsidy at all',
    profile: elder(BORN.age55, { hardships: [holds('care_dependent')] }),
    context: { fulfilment: 'delivery', deliveryFeeFen: 0 },
    subsidy: 0,
    applied: [],
  },

  // ── Meal kinds ──
  { name: 'breakfast: the age tiers pay for lunch and dinner only', profile: elder(BORN.age72), context: { mealKind: 'breakfast' }, subsidy: 0, applied: [] },
  {
    name: '失能 breakfast delivered: the free delivery covers every meal',
    profile: elder(BORN.age72, { hardships: [holds('care_dependent')] }),
    context: { mealKind: 'breakfast', fulfilment: 'delivery' },
    subsidy: 0,
    deliverySubsidy: 400,
    applied: ['ss-care-delivery-v1'],
  },
];

function priceCase(testCase: PricingCase): MealPrice {
  return priceMeal(testCase.lines ?? [SET_MEAL], testCase.profile, testCase.rules ?? RULES, testCase.usage ?? {}, { ...CONTEXT, ...testCase.context });
}

describe('priceMeal', () => {
  it('has the fixtures a district admin could save', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(validateMealSubsidyRules(RULES)).toEqual([]);
  });

  it.each(CASES.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    const price = priceCase(testCase);
    expect(price.subsidy).toBe(testCase.subsidy);
    expect(price.appliedRuleIds).toEqual(testCase.applied);
    expect(price.deliverySubsidy).toBe(testCase.deliverySubsidy ?? 0);
    expect(price.withheld.map((entry) => `${entry.ruleId}:${entry.reason}`)).toEqual(testCase.withheld ?? []);
    if (testCase.explanation) expect(price.explanation).toEqual(testCase.explanation);
  });

  it('never creates or loses a fen, and explains every fen by a rule id, in every case', () => {
    for (const testCase of CASES) {
      const price = priceCase(testCase);
      const rulesById = new Map((testCase.rules ?? RULES).map((entry) => [entry.id, entry]));
      expect(price.subsidy + price.payable).toBe(price.gross);
      expect(price.deliverySubsidy + price.deliveryFee).toBe(price.deliveryFeeGross);
      expect(price.total).toBe(price.payable + price.deliveryFee);
      expect(price.payable).toBeGreaterThanOrEqual(0);
      expect(price.deliveryFee).toBeGreaterThanOrEqual(0);
      expect(price.applied.reduce((sum, entry) => sum + entry.mealFen, 0)).toBe(price.subsidy);
      expect(price.applied.reduce((sum, entry) => sum + entry.deliveryFen, 0)).toBe(price.deliverySubsidy);
      expect(price.applied.every((entry) => entry.mealFen + entry.deliveryFen > 0 && Number.isInteger(entry.mealFen) && Number.isInteger(entry.deliveryFen))).toBe(true);
      expect(price.appliedRuleIds).toEqual(price.applied.map((entry) => entry.ruleId));
      price.applied.forEach((entry, index) => expect(price.explanation[index]).toBe(entry.explanation));
      for (const entry of price.applied) expect(entry.explanation.startsWith(`${rulesById.get(entry.ruleId)?.name}：`)).toBe(true);
    }
  });

  it('rounds every percentage down to the fen and keeps subsidy + payable === gross (gross 0..2000 fen × 1..100%)', () => {
    const profile = elder(BORN.age72);
    const wrong: string[] = [];
    for (let percent = 1; percent <= 100; percent++) {
      const percentRule = rule({ id: `pct-${percent}`, name: '比例补贴', eligibility: ageBand(60, null), amount: { kind: 'percent', percent, maxFen: null } });
      for (let gross = 0; gross <= 2000; gross++) {
        const price = priceMeal([line('dish', '菜', gross)], profile, [percentRule], {}, CONTEXT);
        if (price.subsidy !== Math.floor((gross * percent) / 100) || price.subsidy + price.payable !== gross) wrong.push(`${percent}% of ${gross}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('never charges a district for another district’s elder or meal point, whatever the rules passed in', () => {
    const price = priceMeal([SET_MEAL], elder(BORN.age72, { registered: BAOHE }), [BAOHE_AGE], {}, CONTEXT);
    expect(price.appliedRuleIds).toEqual([]);
  });

  it.each([
    ['no lines', [], CONTEXT],
    ['a negative price', [line('x', 'x', -100)], CONTEXT],
    ['a fractional fen', [line('x', 'x', 12.5)], CONTEXT],
    ['zero portions', [line('x', 'x', 1200, [], 0)], CONTEXT],
    ['a malformed meal date', [SET_MEAL], { ...CONTEXT, mealDate: '2026-12-32' }],
    ['a negative delivery fee', [SET_MEAL], { ...CONTEXT, deliveryFeeFen: -1 }],
  ] as const)('refuses %s', (_reason, lines, context) => {
    expect(() => priceMeal(lines, elder(BORN.age72), RULES, {}, context)).toThrow(RangeError);
  });
});

describe('a month of meals, with usage tallied from the meals before', () => {
  /** Prices lunch and dinner every day from `from` to `to`, each against the usage of the meals priced before it. */
  function eatEveryMeal(profile: ElderMealProfile, lines: MealOrderLine[], from: string, to: string) {
    const history: (SubsidisedMeal & { price: MealPrice })[] = [];
    for (let date = from; date <= to; date = addDays(date, 1)) {
      for (const mealKind of ['lunch', 'dinner'] as const) {
        const price = priceMeal(lines, profile, RULES, tallyMealSubsidyUsage(history, date, mealKind), { ...CONTEXT, mealDate: date, mealKind });
        history.push({ mealDate: date, mealKind, applied: price.applied, price });
      }
    }
    return history;
  }

  it('pays 低保 ¥17.00 a diabetic meal until ¥300.00, part of one meal, then nothing from that cap group', () => {
    const history = eatEveryMeal(elder(BORN.age65, { hardships: [holds('subsistence_allowance')] }), [DIABETIC_SET], '2026-12-01', '2026-12-31');
    const baseFen = (meal: (typeof history)[number]) => meal.applied.filter((entry) => entry.capGroupId === 'ss-base').reduce((sum, entry) => sum + entry.mealFen, 0);
    expect(history.slice(0, 17).map(baseFen)).toEqual(Array(17).fill(1700));
    // The 18th meal (9 December, dinner) gets the ¥11.00 that is left of the month.
    expect(history[17]).toMatchObject({ mealDate: '2026-12-09', mealKind: 'dinner' });
    expect(baseFen(history[17])).toBe(1100);
    expect(history.slice(18).every((meal) => baseFen(meal) === 0)).toBe(true);
    expect(history.reduce((sum, meal) => sum + baseFen(meal), 0)).toBe(30000);
    expect(history[18].price.withheld.map((entry) => entry.reason)).toEqual(['month_fen_cap_reached', 'month_fen_cap_reached']);
    // The winter rule (its own cap group) starts on the 20th and keeps paying its ¥1.00.
    expect(history.filter((meal) => meal.price.appliedRuleIds.includes('ss-winter-v1')).map((meal) => meal.mealDate)[0]).toBe('2026-12-20');
    expect(history.filter((meal) => meal.price.appliedRuleIds.includes('ss-winter-v1'))).toHaveLength(24);
  });

  it('starts a new month with a fresh cap', () => {
    const history = eatEveryMeal(elder(BORN.age65, { hardships: [holds('subsistence_allowance')] }), [DIABETIC_SET], '2026-12-31', '2027-01-01');
    expect(history.map((meal) => meal.price.subsidy)).toEqual([1800, 1800, 1800, 1800]); // ¥17.00 plus the winter ¥1.00
  });
});

describe('tallyMealSubsidyUsage', () => {
  const applied = (capGroupId: string, mealFen: number, deliveryFen = 0) => ({ capGroupId, mealFen, deliveryFen });

  it('counts per cap group over the calendar month of the meal, a meal once per group', () => {
    const meals: SubsidisedMeal[] = [
      { mealDate: '2026-11-30', mealKind: 'lunch', applied: [applied('ss-base', 1500)] }, // last month
      { mealDate: '2026-12-01', mealKind: 'lunch', applied: [applied('ss-base', 1500, 200), applied('ss-base', 100)] },
      { mealDate: '2026-12-01', mealKind: 'dinner', applied: [applied('ss-base', 1500), applied('ss-entitled', 200)] },
      { mealDate: '2026-12-02', mealKind: 'lunch', applied: [applied('ss-base', 800)] },
      { mealDate: '2026-12-03', mealKind: 'lunch', applied: [] },
    ];
    expect(tallyMealSubsidyUsage(meals, '2026-12-01', 'lunch')).toEqual({
      'ss-base': { mealsOfKindOnDate: 1, mealsInMonth: 3, fenInMonth: 4100 },
      'ss-entitled': { mealsOfKindOnDate: 0, mealsInMonth: 1, fenInMonth: 200 },
    });
    expect(tallyMealSubsidyUsage(meals, '2026-11-30', 'lunch')).toEqual({ 'ss-base': { mealsOfKindOnDate: 1, mealsInMonth: 1, fenInMonth: 1500 } });
  });

  it('gives a second lunch on the same day nothing from the base programme', () => {
    const profile = elder(BORN.age72);
    const first = priceMeal([SET_MEAL], profile, RULES, {}, CONTEXT);
    const second = priceMeal([SET_MEAL], profile, RULES, tallyMealSubsidyUsage([{ ...CONTEXT, applied: first.applied }], CONTEXT.mealDate, 'lunch'), CONTEXT);
    expect([first.subsidy, second.subsidy]).toEqual([500, 0]);
  });
});

describe('formatYuan', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [845, '8.45'],
    [30000, '300.00'],
    [-120, '-1.20'],
  ])('%i fen is %s', (fen, text) => expect(formatYuan(fen)).toBe(text));
});
