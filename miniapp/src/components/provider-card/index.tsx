import { Text, View } from '@tarojs/components';
import { PROVIDER_KIND_LABELS, PROVIDER_STATUS_LABELS } from '@linli/shared';

import type { ProviderStatus, ProviderView } from '@linli/shared';
import type { ReactNode } from 'react';

import { formatDateTime } from '../../utils/datetime';

import './index.scss';

/** What the latest decision's reason is called, for the statuses that carry one. */
const REASON_LABELS: Partial<Record<ProviderStatus, string>> = {
  rejected: '未通过原因',
  suspended: '暂停原因',
};

/** The statuses that ask for attention wear the tag's `--review` colours. */
const ATTENTION: ReadonlySet<ProviderStatus> = new Set(['pending', 'suspended']);

export interface ProviderCardProps {
  provider: ProviderView;
  /** Staff see who applied and how to reach them; the applicant knows that already. */
  detailed?: boolean;
  /** Hints and buttons under the card's lines. */
  children?: ReactNode;
}

/** One service organisation or application: name, status, kind and community, the reason of the latest decision. */
export function ProviderCard({ provider, detailed = false, children }: ProviderCardProps) {
  const reasonLabel = REASON_LABELS[provider.status];
  return (
    <View className={`provider-card provider-card--${provider.status}`} data-provider={provider.id}>
      <Text className='provider-card__title'>{provider.name}</Text>
      <Text className={`provider-card__status provider-card__status--${provider.status}${ATTENTION.has(provider.status) ? ' provider-card__status--review' : ''}`}>
        {PROVIDER_STATUS_LABELS[provider.status]}
      </Text>
      <Text className='provider-card__line'>
        {PROVIDER_KIND_LABELS[provider.kind]} · {provider.regionName}
      </Text>
      {detailed && (
        <>
          {provider.contactName && (
            <Text className='provider-card__line'>
              联系人：{provider.contactName}
              {provider.contactPhoneMasked ? ` ${provider.contactPhoneMasked}` : ''}
            </Text>
          )}
          {provider.creditCode && <Text className='provider-card__line'>信用代码：{provider.creditCode}</Text>}
          <Text className='provider-card__line'>申请时间：{formatDateTime(provider.createdAt) ?? provider.createdAt}</Text>
        </>
      )}
      {reasonLabel && provider.decisionReason && (
        <Text className='provider-card__reason'>
          {reasonLabel}：{provider.decisionReason}
        </Text>
      )}
      {children}
    </View>
  );
}
