import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ROLE_LABELS } from '@linli/shared';

import type { SessionAccount } from '@linli/shared';

import { FailedSignInsNotice } from '../../../components/failed-sign-ins-notice';
import { LinkEntry } from '../../../components/link-entry';
import { Notice } from '../../../components/notice';
import { PageRoot } from '../../../components/page-root';
import { useReloadOnReturn } from '../../../hooks/usePolling';
import { usePendingApplicationCount } from '../../hooks/useProviderReview';
import { useSession } from '../../../hooks/useSession';
import { ROUTES } from '../../../navigation/routes';
import { BOOKING_DESK_ROLES } from '../../components/staff-gate';
import { HolidayCalendarWarning } from '../../components/holiday-calendar-warning';

import './index.scss';

/** 服务机构审核, with how many applications wait (known a moment after the page opens). */
function ProviderReviewEntry() {
  const { count, retry } = usePendingApplicationCount();
  useReloadOnReturn(retry);
  const hint = count ? `${count} 家待审核 · 入驻申请、暂停与恢复` : '入驻申请、暂停与恢复';
  return <LinkEntry className='staff-home__providers' label='服务机构审核' hint={hint} url={ROUTES.staffProviders} />;
}

const WORKBENCH_ROLES: ReadonlySet<SessionAccount['role']> = new Set(['staff', 'admin', 'provider_admin']);

function Greeting({ account, onSignOut }: { account: SessionAccount; onSignOut: () => void }) {
  return (
    <View className='staff-home__card'>
      <Text className='staff-greeting'>您好，{account.displayName}</Text>
      <Text className='staff-home__line'>身份：{ROLE_LABELS[account.role]}</Text>
      <Text className='staff-home__line'>
        {account.role === 'provider_admin' ? '服务机构所在区域' : '负责区域'}：{account.regionName ?? '未设置'}
      </Text>
      {BOOKING_DESK_ROLES.has(account.role) ? (
        <>
          <LinkEntry className='staff-home__bookings' label='今日预约' hint='审核、签到、扫码签到' url={ROUTES.staffBookings} />
          <LinkEntry className='staff-home__book' label='代居民预约' hint='为窗口或电话来的居民预约' url={ROUTES.staffBook} />
          <LinkEntry className='staff-home__schedule' label='开放时间' hint='每周时间、预约规则、特殊日期' url={ROUTES.staffSchedule} />
          <LinkEntry className='staff-home__statistics' label='统计' hint='预约数、未到场率、导出表格' url={ROUTES.staffStatistics} />
          <LinkEntry className='staff-home__dispatch' label='派单看板' hint='上门服务：指派、重新派单、投诉' url={ROUTES.staffDispatch} />
          <ProviderReviewEntry />
          <LinkEntry className='staff-home__meal-elder' label='老人助餐' hint='助餐档案、困难认定、充值、代老人订餐' url={ROUTES.staffMealElder} />
          <LinkEntry className='staff-home__canteen' label='助餐点' hint='今日订单、取餐核销、后厨统计、菜单' url={ROUTES.canteenHome} />
          <LinkEntry className='staff-home__meal-settlement' label='助餐补贴结算' hint='每月每餐补贴明细、按规则合计、导出表格' url={ROUTES.staffMealSettlement} />
          <LinkEntry className='staff-home__outlets' label='便民网点' hint='网点目录、批量导入、居民反馈、一刻钟生活圈覆盖' url={ROUTES.staffOutlets} />
          {account.role === 'admin' && <LinkEntry className='staff-home__meal-rules' label='助餐补贴规则' hint='补贴方案、发布新版本、撤回' url={ROUTES.staffMealRules} />}
        </>
      ) : (
        <LinkEntry className='staff-home__provider' label='服务机构管理' hint='服务人员、邀请码、派单方式' url={ROUTES.providerAdmin} />
      )}
      <Button className='staff-home__logout' size='large' block onClick={onSignOut}>
        退出登录
      </Button>
    </View>
  );
}

/** The staff workbench (placeholder): who is signed in, or the way to sign in. */
export function StaffHomePage() {
  const session = useSession();
  const { state } = session;

  if (state.status === 'signed-in' && WORKBENCH_ROLES.has(state.account.role)) {
    return (
      <PageRoot className='staff-home'>
        <FailedSignInsNotice accountId={state.account.id} />
        {state.account.role === 'admin' && <HolidayCalendarWarning />}
        <Greeting account={state.account} onSignOut={() => void session.signOut()} />
      </PageRoot>
    );
  }
  return (
    <PageRoot className='staff-home'>
      <Notice
        title='社区工作人员工作台'
        lines={['这里用于处理居民的预约和派单。', state.status === 'signed-in' ? '您当前登录的不是工作人员账号，请用工作账号重新登录。' : '请先用工作账号登录。']}
      />
      <LinkEntry label='工作人员登录' hint='使用账号和密码登录' url={ROUTES.staffLogin} />
    </PageRoot>
  );
}

export default StaffHomePage;
