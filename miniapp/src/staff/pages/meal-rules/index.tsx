import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ruleInForceOn } from '@linli/shared';

import type { MealDistrictView, MealSubsidyRuleView } from '@linli/shared';

import { isEmptyList, RemoteContent } from '../../../components/remote-content';
import { SubmitButton } from '../../../components/submit-button';
import { Chips } from '../../components/chips';
import { StaffDeskPage } from '../../components/staff-gate';
import { subsidyRuleLine } from '../../../texts/subsidy-rule-text';
import { useMealDistricts, useRuleDistrictChoice } from '../../hooks/useMealDistricts';
import { useSubsidyRules } from '../../hooks/useSubsidyRules';
import { RuleForm } from './rule-form';

import type { SubsidyRulesHandle, SubsidyScheme } from '../../hooks/useSubsidyRules';

import '../../components/staff-desk.scss';

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
            <Text className='staff-booking__line'>{subsidyRuleLine(rule)}</Text>
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

/** The rules of one district: read by whoever works in, above or below it; written by its admins. */
function DistrictRules({ district }: { district: MealDistrictView }) {
  const desk = useSubsidyRules(district.id);
  const canWrite = district.rulesEditable;
  return (
    <>
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

function DistrictDesk({ districts }: { districts: MealDistrictView[] }) {
  const { readable, chosen, choose } = useRuleDistrictChoice(districts);
  if (!chosen) return <Text className='staff-desk__message staff-rule-no-district'>您的账号不属于任何区县，没有可查看的补贴规则</Text>;
  return (
    <>
      <Text className='staff-desk__title'>助餐补贴规则 · {chosen.name}</Text>
      {readable.length > 1 && (
        <Chips className='staff-rule-district' chips={readable.map((district) => ({ value: district.id, label: district.name }))} value={chosen.id} onChange={choose} />
      )}
      <DistrictRules key={chosen.id} district={chosen} />
    </>
  );
}

function Desk() {
  const districts = useMealDistricts();
  return (
    <RemoteContent state={districts.state} onRetry={districts.retry} emptyText=''>
      {(items) => <DistrictDesk districts={items} />}
    </RemoteContent>
  );
}

/**
 * `/staff/pages/meal-rules/index`: the subsidy rules of a district — a city admin chooses which, a district's admin
 * writes their own, staff read the district they work in.
 */
export function StaffMealRulesPage() {
  return <StaffDeskPage title='助餐补贴规则' desk={() => <Desk />} />;
}

export default StaffMealRulesPage;
