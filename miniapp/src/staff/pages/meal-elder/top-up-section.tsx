import { Text, View } from '@tarojs/components';
import { formatYuan, MEAL_BALANCE_ENTRY_KIND_LABELS, MEAL_TOP_UP_METHOD_LABELS, MEAL_TOP_UP_METHODS } from '@linli/shared';

import type { MealTopUpMethod } from '@linli/shared';

import { ChoiceGrid } from '../../../components/choice-grid';
import { RemoteContent } from '../../../components/remote-content';
import { SubmitButton } from '../../../components/submit-button';
import { TextField } from '../../../components/text-field';
import { formatDateTime } from '../../../utils/datetime';
import { useMealTopUp } from '../../hooks/useMealTopUp';

const METHOD_BY_LABEL = Object.fromEntries(MEAL_TOP_UP_METHODS.map((method) => [MEAL_TOP_UP_METHOD_LABELS[method], method])) as Record<string, MealTopUpMethod>;

/** 助餐余额: the balance, its latest movements, and recording money paid in. */
export function TopUpSection({ residentId }: { residentId: string }) {
  const topUp = useMealTopUp(residentId);
  return (
    <View className='staff-desk__block staff-meal-balance'>
      <Text className='staff-desk__label'>助餐余额</Text>
      <RemoteContent state={topUp.balance.state} onRetry={topUp.balance.retry} emptyText=''>
        {(balance) => (
          <>
            <Text className='staff-desk__line staff-meal-balance__amount'>余额 ¥{formatYuan(balance.balanceFen)}</Text>
            {balance.entries.slice(0, 3).map((entry) => (
              <Text key={entry.id} className='staff-desk__line'>
                {formatDateTime(entry.createdAt)} {MEAL_BALANCE_ENTRY_KIND_LABELS[entry.kind]} {entry.amountFen > 0 ? '+' : ''}
                {formatYuan(entry.amountFen)}
              </Text>
            ))}
          </>
        )}
      </RemoteContent>
      <TextField label='充值金额（元）' value={topUp.amountYuan} onChange={topUp.setAmountYuan} inputClassName='staff-top-up-amount' maxlength={9} />
      <ChoiceGrid
        label='收款方式'
        options={MEAL_TOP_UP_METHODS.map((method) => MEAL_TOP_UP_METHOD_LABELS[method])}
        value={MEAL_TOP_UP_METHOD_LABELS[topUp.method]}
        onChange={(label) => topUp.setMethod(METHOD_BY_LABEL[label])}
      />
      <TextField label='备注' value={topUp.note} onChange={topUp.setNote} inputClassName='staff-top-up-note' maxlength={100} />
      <SubmitButton className='staff-top-up-submit' pending={topUp.state.status === 'pending'} onClick={topUp.submit}>
        充值
      </SubmitButton>
      {topUp.state.status === 'failed' && <Text className='staff-desk__message'>{topUp.state.message}</Text>}
      {topUp.done && <Text className='staff-desk__message staff-desk__message--done'>{topUp.done}</Text>}
    </View>
  );
}
