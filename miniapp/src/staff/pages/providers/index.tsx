import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PROVIDER_STATUS_LABELS } from '@linli/shared';

import type { ProviderView } from '@linli/shared';

import { ProviderCard } from '../../../components/provider-card';
import { ReasonPicker } from '../../../components/reason-picker';
import { RemoteContent } from '../../../components/remote-content';
import { SubmitButton } from '../../../components/submit-button';
import { usePullToReload } from '../../../hooks/usePolling';
import { DECISION_LABELS, DECISION_REASONS, groupProviders, movesOf, useProviderReview } from '../../hooks/useProviderReview';
import { StaffDeskPage } from '../../components/staff-gate';

import type { ProviderGroup, ProviderReviewHandle, ReasonPanel } from '../../hooks/useProviderReview';

import '../../components/staff-desk.scss';
import './index.scss';

/** What staff read before confirming: what the move does for the organisation. */
const PANEL_WARNINGS: Partial<Record<ReasonPanel['move']['decision'], string>> = {
  reject: '不通过后，申请人会看到原因，可以修改后重新申请。',
  suspend: '暂停后，该机构的管理员和服务人员将不能登录、接单，直到恢复。确定要暂停吗？',
};

function ReasonForm({ review, panel }: { review: ProviderReviewHandle; panel: ReasonPanel }) {
  const { decision } = panel.move;
  const label = DECISION_LABELS[decision];
  return (
    <View className='staff-provider__panel'>
      <ReasonPicker label={`${label}的原因`} options={DECISION_REASONS[decision] ?? []} value={review.reason} onChange={review.setReason} inputClassName='staff-provider__reason' />
      {PANEL_WARNINGS[decision] && <Text className='staff-provider__warning'>{PANEL_WARNINGS[decision]}</Text>}
      <SubmitButton
        className={`staff-provider__confirm staff-provider__confirm--${decision}`}
        type='danger'
        pending={review.actionOf(panel.providerId).status === 'pending'}
        onClick={review.confirm}
      >
        确定{label}
      </SubmitButton>
    </View>
  );
}

function ProviderRow({ review, provider }: { review: ProviderReviewHandle; provider: ProviderView }) {
  const moves = movesOf(provider.status);
  const action = review.actionOf(provider.id);
  const panel = review.panel?.providerId === provider.id ? review.panel : null;
  return (
    <ProviderCard provider={provider} detailed>
      {moves.length > 0 && (
        <View className='staff-booking__actions'>
          {moves.map((move) => (
            <Button
              key={move.to}
              className={`staff-provider__action staff-provider__action--${move.decision}`}
              type={panel?.move.to === move.to ? 'default' : move.needsReason ? 'danger' : 'primary'}
              size='large'
              loading={action.status === 'pending' && !move.needsReason}
              disabled={action.status === 'pending'}
              onClick={() => review.choose(provider, move)}
            >
              {panel?.move.to === move.to ? '收起' : DECISION_LABELS[move.decision]}
            </Button>
          ))}
        </View>
      )}
      {panel && <ReasonForm review={review} panel={panel} />}
      {action.status === 'failed' && <Text className='staff-desk__message'>{action.message}</Text>}
    </ProviderCard>
  );
}

function Group({ review, group }: { review: ProviderReviewHandle; group: ProviderGroup }) {
  // 待审核 always shows (saying there is nothing to do is news too); the other groups only when they have someone.
  if (group.items.length === 0 && group.status !== 'pending') return null;
  return (
    <View className={`staff-provider-group staff-provider-group--${group.status}`}>
      <Text className='staff-desk__label'>
        {PROVIDER_STATUS_LABELS[group.status]}（{group.items.length}）
      </Text>
      {group.items.length === 0 && <Text className='staff-desk__line'>没有待审核的入驻申请。</Text>}
      {group.items.map((provider) => (
        <ProviderRow key={provider.id} review={review} provider={provider} />
      ))}
    </View>
  );
}

function Review() {
  const review = useProviderReview();
  usePullToReload(review.retry);
  return (
    <>
      {review.lastDone && <Text className='staff-desk__message staff-desk__message--done'>{review.lastDone}</Text>}
      <RemoteContent state={review.state} onRetry={review.retry} emptyText=''>
        {(items) => groupProviders(items).map((group) => <Group key={group.status} review={review} group={group} />)}
      </RemoteContent>
    </>
  );
}

/** `/staff/pages/providers/index`: 服务机构审核 — applications to approve or turn down, organisations to suspend or reinstate. */
export function StaffProvidersPage() {
  return (
    <StaffDeskPage
      title='服务机构审核'
      desk={() => (
        <>
          <Text className='staff-desk__title'>服务机构审核</Text>
          <Text className='staff-desk__line'>审核本辖区服务机构的入驻申请；已入驻的机构可以暂停、恢复。审核前请电话联系申请人核实。</Text>
          <Review />
        </>
      )}
    />
  );
}

export default StaffProvidersPage;
