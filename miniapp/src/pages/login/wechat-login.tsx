import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

import { LinkEntry } from '../../components/link-entry';
import { useSignIn } from '../../hooks/useSignIn';
import { openHomeOf, ROUTES } from '../../navigation/routes';
import { signInWithWechat } from '../../services/session';

/** WeChat: sign-in normally happens silently; this is the way back in after signing out or a failed attempt. */
export function WechatLogin() {
  const signIn = useSignIn(signInWithWechat, openHomeOf);
  const { state } = signIn;
  return (
    <View className='login__wechat'>
      <Text className='login__title'>微信登录</Text>
      <Text className='login__line'>使用您的微信身份登录，不需要输入密码。</Text>
      {state.status === 'failed' && <Text className='login__error'>{state.error.message}</Text>}
      <Button className='login__wechat-button' type='primary' size='large' block loading={state.status === 'pending'} onClick={() => signIn.run('wechat')}>
        微信一键登录
      </Button>
      <LinkEntry label='我有家人邀请码' hint='家人已替您登记过信息，用邀请码绑定' url={ROUTES.familyClaim} />
    </View>
  );
}
