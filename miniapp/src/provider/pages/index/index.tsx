import { View } from '@tarojs/components';
import { ROLE_LABELS } from '@linli/shared';

import { LinkEntry } from '../../../components/link-entry';
import { Notice } from '../../../components/notice';
import { useSession } from '../../../hooks/useSession';
import { ROUTES } from '../../../services/routes';

export function ProviderHomePage() {
  const { state } = useSession();
  const account = state.status === 'signed-in' ? state.account : null;
  const isWorker = account?.role === 'worker' || account?.role === 'provider_admin';

  return (
    <View className='page-root'>
      {isWorker && account && (
        <Notice title={`您好，${account.displayName}`} lines={[`身份：${ROLE_LABELS[account.role]}`]} />
      )}
      <Notice
        title='服务人员工作台'
        lines={[
          '这里将显示派给您的服务单。',
          '您可以接单、签到，并记录服务完成情况。',
        ]}
      />
      {!isWorker && (
        <>
          <LinkEntry label='用邀请码绑定微信' hint='第一次使用的服务人员请先绑定' url={ROUTES.workerBinding} />
          <LinkEntry label='服务机构管理员登录' hint='使用账号和密码登录' url={ROUTES.staffLogin} />
        </>
      )}
    </View>
  );
}

export default ProviderHomePage;
