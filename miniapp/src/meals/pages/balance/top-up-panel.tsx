import { Text, View } from '@tarojs/components';
import { MEAL_ONLINE_TOP_UP_CHOICES_FEN } from '@linli/shared';

import { ChoiceGrid } from '../../../components/choice-grid';
import { yuan } from '../../../texts/meal-messages';
import { WechatPayPanel } from '../../components/wechat-pay-panel';
import { useBalanceTopUp } from '../../hooks/useBalanceTopUp';

import type { MealPerson } from '../../hooks/useMealPeople';

const CHOICES = MEAL_ONLINE_TOP_UP_CHOICES_FEN.map((fen) => yuan(fen));

/** 在线充值: 50 / 100 / 200 元 as big buttons, then one WeChat Pay button; the balance reloads once WeChat Pay confirms. */
export function TopUpPanel({ person, onCredited }: { person: MealPerson; onCredited: () => void }) {
  const topUp = useBalanceTopUp(person.id, onCredited);
  return (
    <View className='balance-top-up'>
      <ChoiceGrid
        label={`给${person.name}充值`}
        options={CHOICES}
        value={yuan(topUp.amountFen)}
        onChange={(label) => topUp.choose(MEAL_ONLINE_TOP_UP_CHOICES_FEN[CHOICES.indexOf(label)])}
      />
      <WechatPayPanel handle={topUp} amountFen={topUp.amountFen} onPay={topUp.submit} label='微信支付充值' />
      <Text className='balance-total__line'>也可以到社区，由工作人员登记现金或转账充值。</Text>
    </View>
  );
}
