import { LinkEntry } from '../../../components/link-entry';
import { Notice } from '../../../components/notice';
import { PageRoot } from '../../../components/page-root';
import { useSession } from '../../../hooks/useSession';
import { ROUTES } from '../../../navigation/routes';
import { Workbench } from '../../components/workbench';

/** `/provider/pages/index/index`: a bound worker's workbench; everyone else is shown the way in. */
export function ProviderHomePage() {
  const { state } = useSession();
  const account = state.status === 'signed-in' ? state.account : null;

  if (account?.role === 'worker') {
    return (
      <PageRoot>
        <Workbench key={account.id} />
      </PageRoot>
    );
  }
  if (account?.role === 'provider_admin') {
    return (
      <PageRoot>
        <Notice title={`您好，${account.displayName}`} lines={['您是服务机构管理员：管理服务人员和派单方式。']} />
        <LinkEntry label='服务机构管理' hint='服务人员、邀请码、派单方式' url={ROUTES.providerAdmin} />
        <LinkEntry label='助餐点管理' hint='社区食堂：今日订单、取餐核销、后厨统计、菜单' url={ROUTES.canteenHome} />
      </PageRoot>
    );
  }
  return (
    <PageRoot>
      <Notice title='服务人员工作台' lines={['绑定后，您可以在这里上线接单、抢单，并记录服务完成情况。']} />
      <LinkEntry label='用邀请码绑定微信' hint='第一次使用的服务人员请先绑定' url={ROUTES.workerBinding} />
      <LinkEntry label='服务机构管理员登录' hint='使用账号和密码登录' url={ROUTES.staffLogin} />
    </PageRoot>
  );
}

export default ProviderHomePage;
