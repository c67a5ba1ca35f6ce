import { elderAgeOn, hardshipsHeldOn, type ElderMealProfile } from './meal-profile';
import { ruleInForceOn, validateMealSubsidyRule, validateMealSubsidyRules, type MealSubsidyRule } from './meal-subsidy-rules';

const RULE: MealSubsidyRule = {
  id: 'ss-age70-v1',
  schemeId: 'ss-age70',
  version: 1,
  districtId: 'district-shushan',
  name: '蜀山区70-79岁老人助餐补贴',
  effectiveFrom: '2026-01-01',
  effectiveTo: '2026-12-15',
  mealKinds: ['lunch', 'dinner'],
  eligibility: { age: { min: 70, max: 79 }, hardshipsAny: null, residency: 'registered' },
  amount: { kind: 'fixed', fen: 500 },
  specialDietExtra: null,
  delivery: null,
  caps: { mealsPerDayPerKind: 1, mealsPerMonth: null, fenPerMonth: null },
  capGroupId: 'ss-base',
  stacks: false,
};

describe('subsidy rule windows', () => {
  it.each([
    ['2025-12-31', false],
    ['2026-01-01', true],
    ['2026-12-15', true],
    ['2026-12-16', false],
  ])('the 2026-01-01..2026-12-15 version prices %s: %s', (date, inForce) => expect(ruleInForceOn(RULE, date)).toBe(inForce));

  it('keeps an open-ended rule in force', () => expect(ruleInForceOn({ ...RULE, effectiveTo: null }, '2040-01-01')).toBe(true));
});

describe('validateMealSubsidyRule', () => {
  it('accepts a well-formed rule', () => expect(validateMealSubsidyRule(RULE)).toEqual([]));

  it.each([
    ['an empty name', { name: ' ' }, 'name is required'],
    ['version 0', { version: 0 }, 'version must be a whole number, 1 or more'],
    ['a window ending before it starts', { effectiveTo: '2025-12-31' }, 'effectiveTo must not be before effectiveFrom'],
    ['an impossible date', { effectiveFrom: '2026-02-30' }, 'effectiveFrom must be a date YYYY-MM-DD'],
    ['no meal kinds', { mealKinds: [] }, 'mealKinds must list some of breakfast, lunch, dinner'],
    ['nobody it is for', { eligibility: { age: null, hardshipsAny: null, residency: 'registered' } }, 'eligibility needs an age band or hardship categories'],
    [
      'an age band upside down',
      { eligibility: { age: { min: 80, max: 70 }, hardshipsAny: null, residency: 'registered' } },
      'eligibility.age must be whole years 0..150 with max ≥ min (or max null)',
    ],
    [
      'an empty hardship list',
      { eligibility: { age: null, hardshipsAny: [], residency: 'registered' } },
      'eligibility.hardshipsAny must list some of subsistence_allowance, extreme_poverty, care_dependent, living_alone, advanced_age, entitled_group, or be null',
    ],
    ['nothing to give', { amount: null }, 'a rule must subsidise the meal, the delivery or both'],
    ['a fractional fen', { amount: { kind: 'fixed', fen: 2.5 } }, 'amount.fen must be a whole number of fen, 1 or more'],
    ['a percentage over 100', { amount: { kind: 'percent', percent: 120, maxFen: null } }, 'amount.percent must be a whole number 1..100'],
    [
      'a special-diet extra without tags',
      { specialDietExtra: { fen: 200, tags: [] } },
      'specialDietExtra.tags must list some of low_salt, low_oil, low_sugar, soft, halal, vegetarian',
    ],
    ['a zero cap', { caps: { mealsPerDayPerKind: 0, mealsPerMonth: null, fenPerMonth: null } }, 'caps.mealsPerDayPerKind must be a whole number, 1 or more, or null'],
  ] as [string, Partial<MealSubsidyRule>, string][])('refuses %s', (_what, change, problem) => {
    expect(validateMealSubsidyRule({ ...RULE, ...change })).toContain(problem);
  });
});

describe('validateMealSubsidyRules', () => {
  const nextVersion: MealSubsidyRule = { ...RULE, id: 'ss-age70-v2', version: 2, effectiveFrom: '2026-12-16', effectiveTo: null, amount: { kind: 'fixed', fen: 600 } };

  it('accepts versions that follow each other', () => expect(validateMealSubsidyRules([RULE, nextVersion])).toEqual([]));

  it('refuses versions in force on the same date, or in two districts', () => {
    expect(validateMealSubsidyRules([RULE, { ...nextVersion, effectiveFrom: '2026-12-15' }])).toEqual([
      'ss-age70-v1, ss-age70-v2: versions of ss-age70 in force on the same dates',
    ]);
    expect(validateMealSubsidyRules([RULE, { ...nextVersion, districtId: 'district-baohe' }])).toEqual(['ss-age70-v1, ss-age70-v2: versions of ss-age70 in different districts']);
  });

  it('refuses a duplicate id or version', () => {
    expect(validateMealSubsidyRules([RULE, { ...nextVersion, id: RULE.id }])).toContain('ss-age70-v1: id used more than once');
    expect(validateMealSubsidyRules([RULE, { ...nextVersion, version: 1 }])).toContain('ss-age70-v1, ss-age70-v2: both are version 1 of ss-age70');
  });
});

describe('the elder’s meal profile', () => {
  const profile: ElderMealProfile = {
    birthDate: '1956-12-15',
    hardships: [
      { category: 'subsistence_allowance', verified: true, validFrom: '2026-01-01', validTo: '2026-06-30' },
      { category: 'subsistence_allowance', verified: true, validFrom: '2026-07-01', validTo: null }, // renewed
      { category: 'care_dependent', verified: false, validFrom: '2026-01-01', validTo: null },
      { category: 'living_alone', verified: true, validFrom: '2026-12-16', validTo: null },
    ],
    registeredDistrictId: 'district-shushan',
    residenceDistrictId: 'district-shushan',
  };

  it('holds each verified category once on the dates it is valid', () => {
    expect(hardshipsHeldOn(profile, '2026-12-15')).toEqual(['subsistence_allowance']);
    expect(hardshipsHeldOn(profile, '2026-12-16')).toEqual(['subsistence_allowance', 'living_alone']);
    expect(hardshipsHeldOn(profile, '2025-12-31')).toEqual([]);
  });

  it('reads the age on the meal date, or none without a verified birth date', () => {
    expect(elderAgeOn(profile, '2026-12-14')).toBe(69);
    expect(elderAgeOn(profile, '2026-12-15')).toBe(70);
    expect(elderAgeOn({ ...profile, birthDate: null }, '2026-12-15')).toBeNull();
  });
});
