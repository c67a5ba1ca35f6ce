import { Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

import type { ReactNode } from 'react';
import type { SessionAccount } from '@linli/shared';

import { useSession } from '../../hooks/useSession';
import { BOOKING_MESSAGES } from '../../texts/booking-messages';
import { ROUTES, openMeTab, openPage } from '../../navigation/routes';
import { Notice } from '../notice';

import './index.scss';

/** What the gate lets a resident do, which its sentences name. */
export type ResidentGatePurpose = 'booking' | 'application';

const GATE_TEXTS: Record<ResidentGatePurpose, { signIn: string; wrongRole: string; consent: string }> = {
  booking: { signIn: '登录后就可以预约，也可以为家人预约。', wrongRole: '请用居民账号预约', consent: BOOKING_MESSAGES.CONSENT_REQUIRED },
  application: {
    signIn: '登录后就可以提交服务机构入驻申请，并查看审核结果。',
    wrongRole: '请用居民微信账号申请',
    consent: '提交申请前需要先同意《隐私政策》，请到“我的”页面查看并同意。',
  },
};

export interface ResidentGateProps {
  /** What staff are told to use instead (their own desk). */
  staffHint: string;
  /** 'booking' by default. */
  purpose?: ResidentGatePurpose;
  /** Shown to a signed-in resident who accepted the privacy terms; remounted per account. */
  children: (account: SessionAccount) => ReactNode;
}

/** Who may book (or apply): a signed-in resident who accepted the privacy terms. Everyone else is told what to do. */
export function ResidentGate({ staffHint, purpose = 'booking', children }: ResidentGateProps) {
  const texts = GATE_TEXTS[purpose];
  const { state } = useSession();
  if (state.status === 'checking') return <Text className='resident-gate__line'>正在登录，请稍候…</Text>;
  if (state.status === 'signed-out') {
    return (
      <>
        <Notice title='请先登录' lines={[texts.signIn]} />
        <Button className='resident-gate__login' type='primary' size='large' block onClick={() => openPage(ROUTES.login)}>
          去登录
        </Button>
      </>
    );
  }
  const { account } = state;
  if (account.role !== 'resident' || !account.residentId) {
    return <Notice title={texts.wrongRole} lines={[staffHint]} />;
  }
  if (account.consentRequired) {
    return (
      <>
        <Notice title='请先同意隐私政策' lines={[texts.consent]} />
        <Button className='resident-gate__consent' type='primary' size='large' block onClick={openMeTab}>
          去“我的”
        </Button>
      </>
    );
  }
  return <>{children(account)}</>;
}
