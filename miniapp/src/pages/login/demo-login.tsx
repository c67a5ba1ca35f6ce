import { Text, View } from '@tarojs/components';
import { ROLE_LABELS } from '@linli/shared';

import type { DemoAccount } from '@linli/shared';

import { Notice } from '../../components/notice';
import { RemoteContent } from '../../components/remote-content';
import { useDemoAccounts } from '../../hooks/useDemoAccounts';
import { useSignIn } from '../../hooks/useSignIn';
import { openHomeOf } from '../../navigation/routes';
import { signInAsDemoAccount } from '../../services/session';

/** The browser (H5) demo: pick a seeded account. The API offers it only while no real WeChat AppID is configured. */
export function DemoLogin() {
  const accounts = useDemoAccounts();
  const signIn = useSignIn(signInAsDemoAccount, openHomeOf);
  const { state } = signIn;

  if (accounts.state.status === 'error' && accounts.state.error.code === 'NOT_FOUND') {
    return <Notice title='演示登录未开放' lines={['这里是正式环境，不提供演示账号。', '居民请在微信中打开「邻里」小程序，会自动登录。']} />;
  }

  return (
    <View className='login__demo'>
      <Text className='login__title'>演示登录 — 仅用于演示环境</Text>
      <Text className='login__line'>请选择一个演示身份。正式使用时，居民在微信小程序中自动登录。</Text>
      <RemoteContent state={accounts.state} onRetry={accounts.retry} emptyText='暂时没有可用的演示账号' isEmpty={(items) => items.length === 0}>
        {(items) =>
          items.map((account: DemoAccount) => (
            <View key={account.id} className='demo-account' hoverClass='demo-account--pressed' onClick={() => signIn.run(account.id, account.id)}>
              <Text className='demo-account__name'>{account.displayName}</Text>
              <Text className='demo-account__role'>{ROLE_LABELS[account.role]}</Text>
              <Text className='demo-account__description'>{account.description}</Text>
              {state.status === 'pending' && state.key === account.id && <Text className='demo-account__status'>正在登录，请稍候…</Text>}
              {state.status === 'failed' && state.key === account.id && <Text className='demo-account__error'>{state.error.message}</Text>}
            </View>
          ))
        }
      </RemoteContent>
    </View>
  );
}
