import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import {
  DISH_TAG_LABELS,
  DISH_TAGS,
  HARDSHIP_CATEGORIES,
  HARDSHIP_CATEGORY_LABELS,
  MEAL_KIND_LABELS,
  MEAL_KINDS,
  MEAL_SUBSIDY_RESIDENCIES,
  MEAL_SUBSIDY_RESIDENCY_LABELS,
} from '@linli/shared';

import { SubmitButton } from '../../../components/submit-button';
import { TextField } from '../../../components/text-field';
import { Chips } from '../../components/chips';

import type { AmountChoice, DeliveryChoice, SubsidyRuleDraft } from '../../forms/subsidy-rule-form';
import type { SubsidyRulesHandle, SubsidyScheme } from '../../hooks/useSubsidyRules';

const AMOUNT_CHIPS: readonly { value: AmountChoice; label: string }[] = [
  { value: 'fixed', label: '每餐固定金额' },
  { value: 'percent', label: '按餐费比例' },
  { value: 'none', label: '不补餐费' },
];

const DELIVERY_CHIPS: readonly { value: DeliveryChoice; label: string }[] = [
  { value: 'none', label: '不补送餐费' },
  { value: 'free', label: '送餐免费' },
  { value: 'fixed', label: '送餐补贴' },
];

function toggled<T>(items: readonly T[], item: T): T[] {
  return items.includes(item) ? items.filter((value) => value !== item) : [...items, item];
}

/** Several may be chosen (which meals, which hardships, which tags). */
function Toggles<T extends string>({
  className,
  options,
  labels,
  value,
  onChange,
}: {
  className: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: readonly T[];
  onChange: (value: T[]) => void;
}) {
  return (
    <View className='staff-desk__choices'>
      {options.map((option) => (
        <View
          key={option}
          className={`staff-chip ${className}${value.includes(option) ? ' staff-chip--selected' : ''}`}
          data-value={option}
          ariaRole='checkbox'
          onClick={() => onChange(toggled(value, option))}
        >
          <Text>{labels[option]}</Text>
        </View>
      ))}
    </View>
  );
}

function Fields({ draft, set }: { draft: SubsidyRuleDraft; set: (change: Partial<SubsidyRuleDraft>) => void }) {
  return (
    <>
      <TextField label='规则名称（印在收据上）' value={draft.name} onChange={(name) => set({ name })} inputClassName='staff-rule-name' maxlength={60} />
      <TextField label='生效日期' value={draft.effectiveFrom} onChange={(effectiveFrom) => set({ effectiveFrom })} inputClassName='staff-rule-from' maxlength={10} />
      <TextField label='截止日期' hint='长期有效请留空' value={draft.effectiveTo} onChange={(effectiveTo) => set({ effectiveTo })} inputClassName='staff-rule-to' maxlength={10} />
      <Text className='staff-desk__label'>补贴哪几餐</Text>
      <Toggles className='staff-rule-meal' options={MEAL_KINDS} labels={MEAL_KIND_LABELS} value={draft.mealKinds} onChange={(mealKinds) => set({ mealKinds })} />
      <TextField
        label='最低年龄'
        hint='不按年龄请留空'
        type='number'
        value={draft.ageMin}
        onChange={(ageMin) => set({ ageMin })}
        inputClassName='staff-rule-age-min'
        maxlength={3}
      />
      <TextField
        label='最高年龄'
        hint='不设上限请留空'
        type='number'
        value={draft.ageMax}
        onChange={(ageMax) => set({ ageMax })}
        inputClassName='staff-rule-age-max'
        maxlength={3}
      />
      <Text className='staff-desk__label'>困难类别（符合任一即可；不限请不选）</Text>
      <Toggles
        className='staff-rule-hardship'
        options={HARDSHIP_CATEGORIES}
        labels={HARDSHIP_CATEGORY_LABELS}
        value={draft.hardshipsAny}
        onChange={(hardshipsAny) => set({ hardshipsAny })}
      />
      <Chips
        className='staff-rule-residency'
        chips={MEAL_SUBSIDY_RESIDENCIES.map((value) => ({ value, label: MEAL_SUBSIDY_RESIDENCY_LABELS[value] }))}
        value={draft.residency}
        onChange={(residency) => set({ residency })}
      />
      <Text className='staff-desk__label'>餐费补贴</Text>
      <Chips className='staff-rule-amount' chips={AMOUNT_CHIPS} value={draft.amount} onChange={(amount) => set({ amount })} />
      {draft.amount === 'fixed' && (
        <TextField label='每餐补贴（元）' value={draft.amountYuan} onChange={(amountYuan) => set({ amountYuan })} inputClassName='staff-rule-amount-yuan' maxlength={9} />
      )}
      {draft.amount === 'percent' && (
        <>
          <TextField label='补贴比例（%）' type='number' value={draft.percent} onChange={(percent) => set({ percent })} inputClassName='staff-rule-percent' maxlength={3} />
          <TextField label='每餐最多（元）' hint='不设上限请留空' value={draft.maxYuan} onChange={(maxYuan) => set({ maxYuan })} inputClassName='staff-rule-max' maxlength={9} />
        </>
      )}
      <TextField
        label='特殊餐加补（元）'
        hint='不加补请留空'
        value={draft.extraYuan}
        onChange={(extraYuan) => set({ extraYuan })}
        inputClassName='staff-rule-extra'
        maxlength={9}
      />
      {draft.extraYuan.trim() !== '' && (
        <Toggles className='staff-rule-extra-tag' options={DISH_TAGS} labels={DISH_TAG_LABELS} value={draft.extraTags} onChange={(extraTags) => set({ extraTags })} />
      )}
      <Text className='staff-desk__label'>送餐</Text>
      <Chips className='staff-rule-delivery' chips={DELIVERY_CHIPS} value={draft.delivery} onChange={(delivery) => set({ delivery })} />
      {draft.delivery === 'fixed' && (
        <TextField label='送餐补贴（元）' value={draft.deliveryYuan} onChange={(deliveryYuan) => set({ deliveryYuan })} inputClassName='staff-rule-delivery-yuan' maxlength={9} />
      )}
      <Text className='staff-desk__label'>次数和金额上限（不限请留空）</Text>
      <TextField
        label='每天每餐最多几次'
        type='number'
        value={draft.mealsPerDayPerKind}
        onChange={(mealsPerDayPerKind) => set({ mealsPerDayPerKind })}
        inputClassName='staff-rule-day-cap'
        maxlength={2}
      />
      <TextField
        label='每月最多几次'
        type='number'
        value={draft.mealsPerMonth}
        onChange={(mealsPerMonth) => set({ mealsPerMonth })}
        inputClassName='staff-rule-month-cap'
        maxlength={3}
      />
      <TextField label='每月最多（元）' value={draft.yuanPerMonth} onChange={(yuanPerMonth) => set({ yuanPerMonth })} inputClassName='staff-rule-month-yuan' maxlength={9} />
      <Chips
        className='staff-rule-stacks'
        chips={[
          { value: 'best', label: '与其他规则取最高' },
          { value: 'stacks', label: '叠加在其他规则上' },
        ]}
        value={draft.stacks ? 'stacks' : 'best'}
        onChange={(value) => set({ stacks: value === 'stacks' })}
      />
    </>
  );
}

/** A new scheme or the next version of one, checked here first, then by the API (its problems listed as it says them). */
export function RuleForm({ desk, schemes }: { desk: SubsidyRulesHandle; schemes: SubsidyScheme[] }) {
  const { editing } = desk;
  if (!editing) return null;
  const submitting = desk.actions.of('submit');
  const set = (change: Partial<SubsidyRuleDraft>) => desk.setDraft({ ...editing.draft, ...change });
  return (
    <View className='staff-desk__block staff-rule-form'>
      <Text className='staff-desk__label'>{editing.kind === 'scheme' ? '新建补贴规则' : '发布新版本'}</Text>
      <Fields draft={editing.draft} set={set} />
      {editing.kind === 'scheme' && schemes.length > 0 && (
        <>
          <Text className='staff-desk__label'>与哪条规则共用次数上限</Text>
          <Chips
            className='staff-rule-share'
            chips={[{ value: '', label: '不共用' }, ...schemes.map((scheme) => ({ value: scheme.schemeId, label: scheme.versions[0].name }))]}
            value={editing.shareCapsWithSchemeId ?? ''}
            onChange={(schemeId) => desk.setShareCaps(schemeId || null)}
          />
        </>
      )}
      {desk.problems.map((problem) => (
        <Text key={problem} className='staff-desk__message staff-rule-problem'>
          {problem}
        </Text>
      ))}
      {submitting.status === 'failed' && <Text className='staff-desk__message'>{submitting.message}</Text>}
      <SubmitButton className='staff-rule-submit' pending={submitting.status === 'pending'} onClick={desk.submit}>
        发布
      </SubmitButton>
      <Button className='staff-desk__button' size='large' block onClick={desk.cancel}>
        不发布
      </Button>
    </View>
  );
}
