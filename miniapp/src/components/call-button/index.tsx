import { Text, View } from '@tarojs/components';

import type { PhoneCallState } from '../../hooks/usePhoneCall';

import { SubmitButton } from '../submit-button';

import './index.scss';

export interface CallButtonProps {
  /** BEM class of the button in its screen (tests and browser tests find it by it). */
  className: string;
  label: string;
  state: PhoneCallState | undefined;
  onCall: () => void;
}

/** A big 拨打电话 button, with the number once it is dialled (to read out or type by hand) or why it cannot be. */
export function CallButton({ className, label, state, onCall }: CallButtonProps) {
  return (
    <View className='call-button'>
      <SubmitButton className={className} type='default' pending={state?.status === 'pending'} onClick={onCall}>
        {label}
      </SubmitButton>
      {state?.status === 'dialled' && (
        <Text className='call-button__number' userSelect>
          正在拨打 {state.phone}，没有自动拨出时请用手机拨这个号码
        </Text>
      )}
      {state?.status === 'failed' && <Text className='call-button__message'>{state.message}</Text>}
    </View>
  );
}
