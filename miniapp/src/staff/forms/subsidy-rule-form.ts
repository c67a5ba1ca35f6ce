import { addDays, formatYuan, parseDate } from '@linli/shared';

import type { DishTag, HardshipCategory, MealKind, MealSubsidyResidency, MealSubsidyRuleInput, MealSubsidyRuleView } from '@linli/shared';

import { fenOfYuan } from '../../forms/yuan';

export type AmountChoice = 'fixed' | 'percent' | 'none';
export type DeliveryChoice = 'none' | 'free' | 'fixed';

/** A subsidy rule as the form holds it: money in yuan, numbers as typed, '' for "none". */
export interface SubsidyRuleDraft {
  name: string;
  effectiveFrom: string;
  effectiveTo: string;
  mealKinds: MealKind[];
  ageMin: string;
  ageMax: string;
  hardshipsAny: HardshipCategory[];
  residency: MealSubsidyResidency;
  amount: AmountChoice;
  amountYuan: string;
  percent: string;
  maxYuan: string;
  extraYuan: string;
  extraTags: DishTag[];
  delivery: DeliveryChoice;
  deliveryYuan: string;
  mealsPerDayPerKind: string;
  mealsPerMonth: string;
  yuanPerMonth: string;
  stacks: boolean;
}

export function emptyRuleDraft(today: string): SubsidyRuleDraft {
  return {
    name: '',
    effectiveFrom: addDays(today, 1),
    effectiveTo: '',
    mealKinds: ['lunch'],
    ageMin: '',
    ageMax: '',
    hardshipsAny: [],
    residency: 'registered',
    amount: 'fixed',
    amountYuan: '',
    percent: '',
    maxYuan: '',
    extraYuan: '',
    extraTags: [],
    delivery: 'none',
    deliveryYuan: '',
    mealsPerDayPerKind: '1',
    mealsPerMonth: '',
    yuanPerMonth: '',
    stacks: false,
  };
}

const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '' : formatYuan(fen));

/** The next version of a rule starts as a copy of it, from tomorrow. */
export function draftOfRule(rule: MealSubsidyRuleView, today: string): SubsidyRuleDraft {
  return {
    name: rule.name,
    effectiveFrom: addDays(today, 1),
    effectiveTo: '',
    mealKinds: [...rule.mealKinds],
    ageMin: text(rule.eligibility.age?.min),
    ageMax: text(rule.eligibility.age?.max),
    hardshipsAny: [...(rule.eligibility.hardshipsAny ?? [])],
    residency: rule.eligibility.residency,
    amount: rule.amount?.kind ?? 'none',
    amountYuan: rule.amount?.kind === 'fixed' ? yuan(rule.amount.fen) : '',
    percent: rule.amount?.kind === 'percent' ? String(rule.amount.percent) : '',
    maxYuan: rule.amount?.kind === 'percent' ? yuan(rule.amount.maxFen) : '',
    extraYuan: yuan(rule.specialDietExtra?.fen),
    extraTags: [...(rule.specialDietExtra?.tags ?? [])],
    delivery: rule.delivery?.kind ?? 'none',
    deliveryYuan: rule.delivery?.kind === 'fixed' ? yuan(rule.delivery.fen) : '',
    mealsPerDayPerKind: text(rule.caps.mealsPerDayPerKind),
    mealsPerMonth: text(rule.caps.mealsPerMonth),
    yuanPerMonth: yuan(rule.caps.fenPerMonth),
    stacks: rule.stacks,
  };
}

/** Problems are collected, not thrown: the form shows them all at once. */
class Reader {
  readonly problems: string[] = [];

  /** '' is "none" unless `required`. */
  whole(value: string, label: string, required = false): number | null {
    if (value.trim() === '') return this.missing(label, required);
    const number = Number(value.trim());
    if (Number.isInteger(number) && number >= 0) return number;
    this.problems.push(`${label}请填整数`);
    return null;
  }

  fen(value: string, label: string, required = false): number | null {
    if (value.trim() === '') return this.missing(label, required);
    const fen = fenOfYuan(value);
    if (fen === null || fen === 0) this.problems.push(`${label}请写成 5 或 5.50 这样的金额（元）`);
    return fen;
  }

  private missing(label: string, required: boolean): null {
    if (required) this.problems.push(`请填写${label}`);
    return null;
  }
}

/** The draft as the API's rule (fen, null for what is not given), or the problems to fix first. */
export function ruleInputOf(draft: SubsidyRuleDraft): { ok: true; input: MealSubsidyRuleInput } | { ok: false; problems: string[] } {
  const read = new Reader();
  if (!draft.name.trim()) read.problems.push('请填写规则名称（会印在收据上）');
  if (parseDate(draft.effectiveFrom.trim()) === null) read.problems.push('生效日期请写成 2027-01-01 这样的格式');
  if (draft.effectiveTo.trim() && parseDate(draft.effectiveTo.trim()) === null) read.problems.push('截止日期请写成 2027-12-31 这样的格式，长期有效请留空');
  if (draft.mealKinds.length === 0) read.problems.push('请选择补贴哪几餐');
  const ageMin = read.whole(draft.ageMin, '最低年龄');
  const ageMax = read.whole(draft.ageMax, '最高年龄');
  if (ageMin === null && ageMax !== null) read.problems.push('有最高年龄时，请也填最低年龄');
  if (ageMin === null && draft.hardshipsAny.length === 0) read.problems.push('请填年龄段，或选择困难类别');
  const amount: MealSubsidyRuleInput['amount'] =
    draft.amount === 'fixed'
      ? { kind: 'fixed', fen: read.fen(draft.amountYuan, '每餐补贴', true) ?? 0 }
      : draft.amount === 'percent'
        ? { kind: 'percent', percent: read.whole(draft.percent, '补贴比例', true) ?? 0, maxFen: read.fen(draft.maxYuan, '每餐最多') }
        : null;
  const extraFen = read.fen(draft.extraYuan, '特殊餐加补');
  if (extraFen !== null && draft.extraTags.length === 0) read.problems.push('特殊餐加补请选择哪些口味标签');
  const delivery: MealSubsidyRuleInput['delivery'] =
    draft.delivery === 'free' ? { kind: 'free' } : draft.delivery === 'fixed' ? { kind: 'fixed', fen: read.fen(draft.deliveryYuan, '送餐补贴', true) ?? 0 } : null;
  const input: MealSubsidyRuleInput = {
    name: draft.name.trim(),
    effectiveFrom: draft.effectiveFrom.trim(),
    effectiveTo: draft.effectiveTo.trim() || null,
    mealKinds: draft.mealKinds,
    eligibility: {
      age: ageMin === null ? null : { min: ageMin, max: ageMax },
      hardshipsAny: draft.hardshipsAny.length > 0 ? draft.hardshipsAny : null,
      residency: draft.residency,
    },
    amount,
    specialDietExtra: extraFen === null ? null : { fen: extraFen, tags: draft.extraTags },
    delivery,
    caps: {
      mealsPerDayPerKind: read.whole(draft.mealsPerDayPerKind, '每天每餐次数'),
      mealsPerMonth: read.whole(draft.mealsPerMonth, '每月次数'),
      fenPerMonth: read.fen(draft.yuanPerMonth, '每月金额'),
    },
    stacks: draft.stacks,
  };
  return read.problems.length > 0 ? { ok: false, problems: read.problems } : { ok: true, input };
}
