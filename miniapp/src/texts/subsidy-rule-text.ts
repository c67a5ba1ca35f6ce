import { formatYuan, HARDSHIP_CATEGORY_LABELS, MEAL_KIND_LABELS } from '@linli/shared';

import type { MealSubsidyRuleView } from '@linli/shared';

/** What a subsidy rule gives to whom, in one line: 午餐、晚餐 · 80岁及以上 · 低保/特困 · 每餐 ¥6.00 · 送餐免费. */
export function subsidyRuleLine(rule: MealSubsidyRuleView): string {
  const { age, hardshipsAny } = rule.eligibility;
  const parts = [rule.mealKinds.map((kind) => MEAL_KIND_LABELS[kind]).join('、')];
  if (age) parts.push(age.max === null ? `${age.min}岁及以上` : `${age.min}–${age.max}岁`);
  if (hardshipsAny) parts.push(hardshipsAny.map((category) => HARDSHIP_CATEGORY_LABELS[category]).join('/'));
  if (rule.amount?.kind === 'fixed') parts.push(`每餐 ¥${formatYuan(rule.amount.fen)}`);
  if (rule.amount?.kind === 'percent') parts.push(`餐费 ${rule.amount.percent}%${rule.amount.maxFen !== null ? `（最多 ¥${formatYuan(rule.amount.maxFen)}）` : ''}`);
  if (rule.delivery?.kind === 'free') parts.push('送餐免费');
  if (rule.delivery?.kind === 'fixed') parts.push(`送餐补 ¥${formatYuan(rule.delivery.fen)}`);
  if (rule.stacks) parts.push('可叠加');
  return parts.join(' · ');
}

/** A rule version by name: 蜀山区低保特困老人助餐补贴 第 1 版. */
export function subsidyRuleTitle(rule: Pick<MealSubsidyRuleView, 'name' | 'version'>): string {
  return `${rule.name} 第 ${rule.version} 版`;
}
