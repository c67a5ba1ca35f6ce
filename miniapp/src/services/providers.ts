import type { ProviderApplicationInput, ProviderStatus, ProviderView } from '@linli/shared';

import { request, requestList } from './request';

/** A resident applies for their organisation to join (signed in with WeChat); answers the new `pending` provider. */
export function applyAsProvider(input: ProviderApplicationInput): Promise<ProviderView> {
  return request<ProviderView>('/provider-applications', { method: 'POST', body: input });
}

/** The signed-in resident's own applications, newest first. */
export function fetchMyApplications(): Promise<ProviderView[]> {
  return requestList<ProviderView>('/provider-applications/mine');
}

/** Staff: every organisation of their region, pending applications included. */
export function fetchRegionProviders(): Promise<ProviderView[]> {
  return requestList<ProviderView>('/providers');
}

/** The statuses staff may move an organisation to (`pending` is only ever where it starts). */
export type ProviderTargetStatus = Exclude<ProviderStatus, 'pending'>;

/** Staff decide: 通过/不通过 an application, 暂停/恢复 an organisation. `reason` for 不通过 and 暂停. */
export function setProviderStatus(providerId: string, status: ProviderTargetStatus, reason: string | null): Promise<ProviderView> {
  return request<ProviderView>(`/providers/${encodeURIComponent(providerId)}/status`, {
    method: 'PUT',
    body: reason === null ? { status } : { status, reason },
  });
}
