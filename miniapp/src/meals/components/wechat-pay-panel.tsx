import { Text, View } from '@tarojs/components';

import { SubmitButton } from '../../components/submit-button';
import { yuan } from '../../texts/meal-messages';
import { WECHAT_PAY_MESSAGES } from '../hooks/useWechatPay';

import type { WechatPayHandle } from '../hooks/useWechatPay';

export interface WechatPayPanelProps {
  handle: WechatPayHandle;
  amountFen: number;
  onPay: () => void;
  /** What is paid for, before the amount: 微信支付 / 微信支付充值. */
  label?: string;
}

/**
 * One big button that pays with WeChat Pay (模拟支付 in the H5 demo, labelled as such), and what happened in plain
 * words: 支付成功, 支付已取消, 支付失败, 支付中.
 */
export function WechatPayPanel({ handle, amountFen, onPay, label = '微信支付' }: WechatPayPanelProps) {
  const { state, demo } = handle;
  return (
    <View className='wechat-pay'>
      {demo && <Text className='wechat-pay__demo'>{WECHAT_PAY_MESSAGES.DEMO_NOTE}</Text>}
      {state.status === 'paid' && <Text className='wechat-pay__message wechat-pay__message--paid'>{WECHAT_PAY_MESSAGES.PAID}</Text>}
      {(state.status === 'cancelled' || state.status === 'failed' || state.status === 'pending') && <Text className='wechat-pay__message'>{state.message}</Text>}
      <SubmitButton className='wechat-pay__button' pending={state.status === 'paying'} onClick={onPay}>
        {demo ? `模拟支付 ${yuan(amountFen)}（演示）` : `${label} ${yuan(amountFen)}`}
      </SubmitButton>
    </View>
  );
}
