import { Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

import type { ReactNode } from 'react';
import type { SessionAccount } from '@linli/shared';

import { useSession } from '../../hooks/useSession';
import { BOOKING_MESSAGES } from '../../services/booking-messages';
import { ROUTES, openMeTab, openPage } from '../../services/routes';
import { Notice } from '../notice';

import './index.scss';

export interface ResidentGateProps {
  /** What staff are told to use instead (their own desk). */
  staffHint: string;
  /** Shown to a signed-in resident who accepted the privacy terms; remounted per account. */
  children: (account: SessionAccount) => ReactNode;
}

/** Who may book: a signed-in resident who accepted the privacy terms. Everyone else is told what to do. */
export function ResidentGate({ staffHint, children }: ResidentGateProps) {
  const { state } = useSession();
  if (state.status === 'checking') return <Text className='resident-gate__line'>正在登录，请稍候…</Text>;
  if (state.status === 'signed-out') {
    return (
      <>
        <Notice title='请先登录' lines={['登录后就可以预约，也可以为家人预约。']} />
        <Button className='resident-gate__login' type='primary' size='large' block onClick={() => openPage(ROUTES.login)}>
          去登录
        </Button>
      </>
    );
  }
  const { account } = state;
  if (account.role !== 'resident' || !account.residentId) {
    return <Notice title='请用居民账号预约' lines={[staffHint]} />;
  }
  if (account.consentRequired) {
    return (
      <>
        <Notice title='请先同意隐私政策' lines={[BOOKING_MESSAGES.CONSENT_REQUIRED]} />
        <Button className='resident-gate__consent' type='primary' size='large' block onClick={openMeTab}>
          去“我的”
        </Button>
      </>
    );
  }
  return <>{children(account)}</>;
}
