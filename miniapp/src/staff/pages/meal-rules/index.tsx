import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatYuan, HARDSHIP_CATEGORY_LABELS, MEAL_KIND_LABELS, ruleInForceOn } from '@linli/shared';

import type { MealSubsidyRuleView, SessionAccount } from '@linli/shared';

import { isEmptyList, RemoteContent } from '../../../components/remote-content';
import { SubmitButton } from '../../../components/submit-button';
import { StaffDeskPage } from '../../components/staff-gate';
import { useSubsidyRules } from '../../hooks/useSubsidyRules';
import { RuleForm } from './rule-form';

import type { SubsidyRulesHandle, SubsidyScheme } from '../../hooks/useSubsidyRules';

import '../../components/staff-desk.scss';

/** 80岁及以上 · 低保/特困 · 每餐 ¥6.00 · 送餐免费 */
function ruleLine(rule: MealSubsidyRuleView): string {
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

function versionState(rule: MealSubsidyRuleView, today: string): string {
  if (rule.withdrawnAt) return '已撤回';
  if (ruleInForceOn(rule, today)) return '生效中';
  return rule.effectiveFrom > today ? '未生效' : '已结束';
}

function SchemeCard({ desk, scheme, canWrite }: { desk: SubsidyRulesHandle; scheme: SubsidyScheme; canWrite: boolean }) {
  const latest = scheme.versions[0];
  return (
    <View className='staff-booking staff-rule' data-scheme={scheme.schemeId}>
      <Text className='staff-booking__title'>{latest.name}</Text>
      {scheme.versions.map((rule) => {
        const withdrawing = desk.actions.of(rule.id);
        const withdrawable = canWrite && rule === latest && !rule.withdrawnAt && rule.effectiveFrom > desk.today;
        return (
          <View key={rule.id} className='staff-rule__version' data-rule={rule.id}>
            <Text className='staff-booking__line'>
              第 {rule.version} 版 · {rule.effectiveFrom} 至 {rule.effectiveTo ?? '长期'} · {versionState(rule, desk.today)}
            </Text>
            <Text className='staff-booking__line'>{ruleLine(rule)}</Text>
            {withdrawable && (
              <SubmitButton className='staff-rule__withdraw' type='danger' pending={withdrawing.status === 'pending'} onClick={() => desk.withdraw(rule)}>
                撤回这一版
              </SubmitButton>
            )}
            {withdrawing.status === 'failed' && <Text className='staff-desk__message'>{withdrawing.message}</Text>}
          </View>
        );
      })}
      {canWrite && !desk.editing && (
        <Button className='staff-desk__button staff-rule__new-version' size='large' block onClick={() => desk.newVersion(scheme)}>
          发布新版本
        </Button>
      )}
    </View>
  );
}

function Desk({ account }: { account: SessionAccount }) {
  const desk = useSubsidyRules(account.regionId ?? '');
  const canWrite = account.role === 'admin';
  return (
    <>
      <Text className='staff-desk__title'>助餐补贴规则 · {account.regionName}</Text>
      <Text className='staff-desk__line'>规则改动从生效日期起算，已下的订单不受影响。尚未生效的版本可以撤回。</Text>
      {desk.done && <Text className='staff-desk__message staff-desk__message--done staff-rule-done'>{desk.done}</Text>}
      {canWrite && !desk.editing && (
        <Button className='staff-desk__button staff-rule-new' type='primary' size='large' block onClick={desk.newScheme}>
          新建补贴规则
        </Button>
      )}
      <RuleForm desk={desk} schemes={desk.schemes} />
      <RemoteContent state={desk.rules.state} onRetry={desk.rules.retry} isEmpty={isEmptyList} emptyText='本区还没有助餐补贴规则'>
        {() => desk.schemes.map((scheme) => <SchemeCard key={scheme.schemeId} desk={desk} scheme={scheme} canWrite={canWrite} />)}
      </RemoteContent>
    </>
  );
}

/** `/staff/pages/meal-rules/index`: the subsidy rules of the signed-in admin's district (staff read them). */
export function StaffMealRulesPage() {
  return <StaffDeskPage title='助餐补贴规则' desk={(account) => <Desk account={account} />} />;
}

export default StaffMealRulesPage;
