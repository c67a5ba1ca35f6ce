import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ROLE_LABELS } from '@linli/shared';

import type { SessionAccount } from '@linli/shared';

import { LinkEntry } from '../../components/link-entry';
import { PageRoot } from '../../components/page-root';
import { useSession } from '../../hooks/useSession';
import { ROUTES, openPage } from '../../navigation/routes';
import { CAN_USE_WECHAT_LOGIN } from '../../services/session';
import { ConsentScreen } from './consent-screen';
import { DataRightsSection } from './data-rights-section';
import { ElderModeSection } from './elder-mode-section';
import { HouseholdSection } from './household-section';
import { ProfileSection } from './profile-section';

import type { SessionHandle } from '../../hooks/useSession';

import './index.scss';

function SignedOut({ session }: { session: SessionHandle }) {
  const { state } = session;
  return (
    <View className='me-card me__signed-out'>
      <Text className='me__title'>您还没有登录</Text>
      <Text className='me-card__text'>登录后可以填写您的信息、添加家人、预约服务。</Text>
      {state.status === 'signed-out' && state.error && <Text className='me-card__error'>{state.error.message}</Text>}
      <Button className='me__login' type='primary' size='large' block onClick={() => (CAN_USE_WECHAT_LOGIN ? session.signIn() : openPage(ROUTES.login))}>
        {CAN_USE_WECHAT_LOGIN ? '微信一键登录' : '去登录'}
      </Button>
    </View>
  );
}

/** Where 进入工作台 leads for each non-resident role. */
const WORKBENCH_OF_ROLE: Partial<Record<SessionAccount['role'], string>> = {
  worker: ROUTES.providerHome,
  provider_admin: ROUTES.providerAdmin,
};

function OtherRole({ account, onSignOut }: { account: SessionAccount; onSignOut: () => void }) {
  const workbench = WORKBENCH_OF_ROLE[account.role] ?? ROUTES.staffHome;
  return (
    <View className='me-card'>
      <Text className='profile-name'>{account.displayName}</Text>
      <Text className='me-card__text'>您当前的身份是：{ROLE_LABELS[account.role]}</Text>
      <LinkEntry label='进入工作台' hint='处理您的工作' url={workbench} />
      <Button className='data-rights__logout' size='large' block onClick={onSignOut}>
        退出登录
      </Button>
    </View>
  );
}

function ResidentHome({ account, onSignOut }: { account: SessionAccount; onSignOut: () => void }) {
  return (
    <>
      <ProfileSection account={account} />
      <HouseholdSection />
      <LinkEntry className='me__provider-apply' label='服务机构入驻申请' hint='家政、维修、养老等机构申请入驻' url={ROUTES.providerApply} />
      <DataRightsSection onSignOut={onSignOut} />
    </>
  );
}

function Content({ session }: { session: SessionHandle }) {
  const { state } = session;
  const signOut = () => void session.signOut();
  if (state.status === 'checking') {
    return (
      <View className='me-card'>
        <Text className='me-card__text'>正在登录，请稍候…</Text>
      </View>
    );
  }
  if (state.status === 'signed-out') return <SignedOut session={session} />;
  const { account } = state;
  if (account.role !== 'resident') return <OtherRole account={account} onSignOut={signOut} />;
  // Nothing personal is loaded or sent until the current privacy terms are accepted.
  if (account.consentRequired) return <ConsentScreen />;
  // Keyed by account: another sign-in on this device starts from a clean page.
  return <ResidentHome key={account.id} account={account} onSignOut={signOut} />;
}

export function MePage() {
  const session = useSession({ autoSignIn: true });
  return (
    <PageRoot className='me'>
      <Content session={session} />
      <ElderModeSection />
      <View className='me__section me__workspaces'>
        <LinkEntry label='社区工作人员入口' hint='处理预约、派单' url={ROUTES.staffHome} />
        <LinkEntry label='服务人员入口' hint='接单、签到、完成服务' url={ROUTES.providerHome} />
      </View>
    </PageRoot>
  );
}

export default MePage;
