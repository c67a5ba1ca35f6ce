import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useMemo, useState } from 'react';

import type { FailedSignIns } from '@linli/shared';

import { dismissFailedSignIns, readFailedSignIns } from '../../storage/failed-sign-ins';
import { formatDateTime } from '../../utils/datetime';

import './index.scss';

/** `上次登录后有 3 次密码输错（最近一次 2026年12月1日 09:12），账号曾因此被暂时锁定。` */
function failedSignInsSummary({ count, lastAt, locked }: FailedSignIns): string {
  const last = formatDateTime(lastAt);
  return `上次登录后有 ${count} 次密码输错${last ? `（最近一次 ${last}）` : ''}${locked ? '，账号曾因此被暂时锁定' : ''}。`;
}

/**
 * Wrong passwords tried on this account since its previous sign-in, shown once on the page the owner lands on.
 * The login page cannot say "locked" or "wrong password" without telling a stranger that the account exists, so
 * this is where the owner learns that someone may be trying their account.
 */
export function FailedSignInsNotice({ accountId }: { accountId: string }) {
  const failedSignIns = useMemo(() => readFailedSignIns(accountId), [accountId]);
  const [dismissedBy, setDismissedBy] = useState<string | null>(null);
  if (!failedSignIns || dismissedBy === accountId) return null;
  return (
    <View className='failed-sign-ins' ariaRole='alert'>
      <Text className='failed-sign-ins__summary'>{failedSignInsSummary(failedSignIns)}</Text>
      <Text className='failed-sign-ins__advice'>如果不是您本人输错的，可能有人在尝试登录您的账号，请告诉管理员。</Text>
      <Button
        className='failed-sign-ins__dismiss'
        size='large'
        block
        onClick={() => {
          dismissFailedSignIns();
          setDismissedBy(accountId);
        }}
      >
        知道了
      </Button>
    </View>
  );
}
