import type { ProviderApplicationInput, ProviderStatus, ProviderView } from '@linli/shared';

import { ApiError } from './api-error';
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

/** Sentences the provider screens show inline for the errors that can happen there. */
export const PROVIDER_MESSAGES = {
  USERNAME_TAKEN: '这个登录名已被其他机构使用，请换一个',
  APPLICATION_PENDING: '您已有一份入驻申请正在审核，请等审核结果出来后再申请',
  REGION_NOT_FOUND: '没有找到这个社区，请重新选择',
  INVALID_TRANSITION: '这个机构的状态已经变了，列表已刷新，请看最新状态',
  FIX_FIELDS: '还有内容没填好，请看上面红字提示',
} as const;

/** Which field a CONFLICT answer is about (`adminUsername`, `application`), from its details. */
export function conflictField(error: ApiError): string | null {
  if (error.code !== 'CONFLICT' || typeof error.details !== 'object' || error.details === null) return null;
  const { field } = error.details as { field?: unknown };
  return typeof field === 'string' ? field : null;
}
