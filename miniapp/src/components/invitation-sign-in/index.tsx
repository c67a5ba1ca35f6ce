import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import type { SessionAccount } from '@linli/shared';

import { useSignIn } from '../../hooks/useSignIn';
import { openHomeOf } from '../../navigation/routes';
import { CAN_USE_WECHAT_LOGIN, normaliseInvitationCode } from '../../services/session';
import { Notice } from '../notice';
import { SubmitButton } from '../submit-button';
import { TextField } from '../text-field';

import './index.scss';

export interface InvitationSignInProps {
  title: string;
  lines: readonly string[];
  /** Takes the code as typed; gets WeChat's login code itself and signs in. */
  attempt: (invitationCode: string) => Promise<SessionAccount>;
}

const CODE_LENGTH = 8;

/** Enter an 8-character invitation code, then sign in with this WeChat (worker binding, family member claim). */
export function InvitationSignIn({ title, lines, attempt }: InvitationSignInProps) {
  const [code, setCode] = useState('');
  const [checkError, setCheckError] = useState<string | null>(null);
  const signIn = useSignIn(attempt, openHomeOf);
  const { state } = signIn;

  if (!CAN_USE_WECHAT_LOGIN) {
    return <Notice title={title} lines={['请在微信中打开“邻里”小程序使用邀请码，网页版不能绑定微信。']} />;
  }

  const submit = () => {
    if (normaliseInvitationCode(code).length !== CODE_LENGTH) {
      setCheckError(`邀请码是 ${CODE_LENGTH} 位字母或数字，请核对`);
      return;
    }
    setCheckError(null);
    signIn.run('invitation', code);
  };

  return (
    <View className='invitation-sign-in'>
      <Notice title={title} lines={lines} />
      <TextField
        label='邀请码'
        value={code}
        onChange={setCode}
        error={checkError ?? (state.status === 'failed' ? state.error.message : undefined)}
        placeholder={`${CODE_LENGTH} 位字母或数字`}
        inputClassName='invitation-sign-in__code'
        maxlength={16}
      />
      <SubmitButton className='invitation-sign-in__submit' pending={state.status === 'pending'} onClick={submit}>
        确认并用微信登录
      </SubmitButton>
      {state.status === 'done' && <Text className='invitation-sign-in__done'>绑定成功</Text>}
    </View>
  );
}
