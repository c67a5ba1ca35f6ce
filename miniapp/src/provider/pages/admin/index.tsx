import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

import type { DispatchMode, SessionAccount } from '@linli/shared';

import { FailedSignInsNotice } from '../../../components/failed-sign-ins-notice';
import { LinkEntry } from '../../../components/link-entry';
import { Notice } from '../../../components/notice';
import { PageRoot } from '../../../components/page-root';
import { isEmptyList, RemoteContent, RemoteRecord } from '../../../components/remote-content';
import { SubmitButton } from '../../../components/submit-button';
import { TextField } from '../../../components/text-field';
import { useProviderAdmin, WEEKDAY_LABELS } from '../../../hooks/useProviderAdmin';
import { useSession } from '../../../hooks/useSession';
import { ROUTES } from '../../../navigation/routes';
import { formatDateTime } from '../../../utils/datetime';
import { DispatchProfileEditor } from '../../components/dispatch-profile-editor';

import type { ProviderAdminHandle } from '../../../hooks/useProviderAdmin';
import type { ProviderWorker } from '../../../services/provider-admin';

import '../../components/provider.scss';

const MODES: readonly { id: DispatchMode; label: string; hint: string }[] = [
  { id: 'assign', label: '系统派单', hint: '系统把订单派给最近、最空闲的服务人员，限时接单' },
  { id: 'grab', label: '抢单', hint: '订单进入抢单池，符合条件的服务人员先抢先得' },
];

function ModeSection({ admin }: { admin: ProviderAdminHandle }) {
  return (
    <RemoteRecord state={admin.provider.state} onRetry={admin.provider.retry} notFoundText='没有找到您的服务机构'>
      {(provider) => (
        <View className='provider-admin__block'>
          <Text className='provider-admin__label'>{provider.name} · 派单方式</Text>
          <View className='provider-admin__choices'>
            {MODES.map((mode) => (
              <View
                key={mode.id}
                className={`provider-chip provider-mode provider-mode--${mode.id}${provider.dispatchMode === mode.id ? ' provider-chip--selected provider-mode--selected' : ''}`}
                ariaRole='radio'
                onClick={() => provider.dispatchMode !== mode.id && admin.changeMode(mode.id)}
              >
                <Text>{mode.label}</Text>
              </View>
            ))}
          </View>
          <Text className='provider-worker__line'>{MODES.find((mode) => mode.id === provider.dispatchMode)?.hint ?? '请选择派单方式'}</Text>
          {admin.mode.status === 'failed' && <Text className='provider-admin__message'>{admin.mode.message}</Text>}
          {admin.mode.status === 'done' && <Text className='provider-admin__message provider-admin__message--done'>{admin.mode.message}</Text>}
        </View>
      )}
    </RemoteRecord>
  );
}

function hoursText(worker: ProviderWorker): string {
  if (worker.workingHours.length === 0) return '未设置';
  const days = worker.workingHours.map((day) => WEEKDAY_LABELS[day.weekday]).join('、');
  const range = worker.workingHours[0].ranges[0];
  return range ? `${days} ${range.start}–${range.end}` : days;
}

function WorkerCard({ admin, worker }: { admin: ProviderAdminHandle; worker: ProviderWorker }) {
  const code = admin.invitations[worker.id];
  const inviting = admin.invitingOf(worker.id);
  const editing = admin.draft?.workerId === worker.id;
  return (
    <View className='provider-worker' data-worker={worker.id}>
      <Text className='provider-worker__title'>
        {worker.name} · {worker.online ? '在线' : '离线'}
      </Text>
      <Text className='provider-worker__line'>
        电话：{worker.phoneMasked} · {worker.wechatBound ? '已绑定微信' : '未绑定微信'}
      </Text>
      <Text className='provider-worker__line'>
        手上订单：{worker.openOrders}/{worker.maxOpenOrders} · 评分：
        {worker.averageRating !== null ? `${worker.averageRating.toFixed(1)}（${worker.ratingCount} 次）` : '暂无'}
      </Text>
      <Text className='provider-worker__line'>服务：{worker.skills.map((skill) => skill.name).join('、') || '未设置'}</Text>
      <Text className='provider-worker__line'>社区：{worker.areas.map((area) => area.name).join('、') || '未设置'}</Text>
      <Text className='provider-worker__line'>时间：{hoursText(worker)}</Text>
      {code && (
        <View className='provider-invitation'>
          <Text className='provider-worker__line'>请服务人员在“服务人员入口”输入邀请码：</Text>
          <Text className='provider-admin__code provider-invitation__code'>{code.code}</Text>
          <Text className='provider-worker__line'>有效期至 {formatDateTime(code.expiresAt) ?? code.expiresAt}</Text>
        </View>
      )}
      {inviting.status === 'failed' && <Text className='provider-admin__message'>{inviting.message}</Text>}
      {!editing && (
        <View className='provider-worker__actions'>
          {!worker.wechatBound && (
            <SubmitButton className='provider-worker__invite' pending={inviting.status === 'pending'} onClick={() => admin.invite(worker.id)}>
              生成邀请码
            </SubmitButton>
          )}
          <Button className='provider-worker__edit' size='large' block onClick={() => admin.editProfile(worker)}>
            接单设置
          </Button>
        </View>
      )}
      {editing && admin.draft && <DispatchProfileEditor admin={admin} draft={admin.draft} />}
    </View>
  );
}

function AddWorker({ admin }: { admin: ProviderAdminHandle }) {
  const { newWorker } = admin;
  return (
    <View className='provider-admin__block provider-add'>
      <Text className='provider-admin__label'>添加服务人员</Text>
      <TextField label='姓名' value={newWorker.name} onChange={(name) => admin.setNewWorker({ ...newWorker, name })} inputClassName='provider-add__name' maxlength={64} />
      <TextField
        label='手机号'
        type='number'
        value={newWorker.phone}
        onChange={(phone) => admin.setNewWorker({ ...newWorker, phone })}
        inputClassName='provider-add__phone'
        maxlength={13}
      />
      {admin.adding.status === 'failed' && <Text className='provider-admin__message'>{admin.adding.message}</Text>}
      {admin.adding.status === 'done' && <Text className='provider-admin__message provider-admin__message--done'>{admin.adding.message}</Text>}
      <SubmitButton className='provider-add__submit' pending={admin.adding.status === 'pending'} onClick={admin.addWorker}>
        添加
      </SubmitButton>
    </View>
  );
}

function AdminDesk({ providerId }: { providerId: string }) {
  const admin = useProviderAdmin(providerId);
  return (
    <>
      <ModeSection admin={admin} />
      <Text className='provider-admin__title'>服务人员</Text>
      {admin.saving.status === 'done' && <Text className='provider-admin__message provider-admin__message--done'>{admin.saving.message}</Text>}
      <RemoteContent state={admin.workers.state} onRetry={admin.workers.retry} isEmpty={isEmptyList} emptyText='还没有服务人员，请在下面添加'>
        {(items) => items.map((worker) => <WorkerCard key={worker.id} admin={admin} worker={worker} />)}
      </RemoteContent>
      <AddWorker admin={admin} />
    </>
  );
}

function isProviderAdmin(account: SessionAccount | null): account is SessionAccount & { providerId: string } {
  return account?.role === 'provider_admin' && Boolean(account.providerId);
}

/** `/provider/pages/admin/index`: a provider administrator's desk. */
export function ProviderAdminPage() {
  const { state, signOut } = useSession();
  const account = state.status === 'signed-in' ? state.account : null;
  if (!isProviderAdmin(account)) {
    return (
      <PageRoot className='provider-admin'>
        <Notice title='服务机构管理' lines={[account ? '您当前登录的不是服务机构管理员账号。' : '请先用管理员账号登录。']} />
        <LinkEntry label='服务机构管理员登录' hint='使用账号和密码登录' url={ROUTES.staffLogin} />
      </PageRoot>
    );
  }
  return (
    <PageRoot className='provider-admin'>
      <FailedSignInsNotice accountId={account.id} />
      <Text className='provider-admin__title'>您好，{account.displayName}</Text>
      <AdminDesk key={account.id} providerId={account.providerId} />
      <Button className='provider-admin__logout' size='large' block onClick={() => void signOut()}>
        退出登录
      </Button>
    </PageRoot>
  );
}

export default ProviderAdminPage;
