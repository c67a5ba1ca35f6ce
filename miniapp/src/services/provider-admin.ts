import type { DispatchMode, InvitationCode, ProviderView, WorkingDay } from '@linli/shared';

import { request, requestList } from './request';

/** A worker as their organisation's administrator sees them. */
export interface ProviderWorker {
  id: string;
  providerId: string;
  name: string;
  phoneMasked: string;
  wechatBound: boolean;
  online: boolean;
  openOrders: number;
  maxOpenOrders: number;
  skills: { id: string; name: string }[];
  areas: { id: string; name: string }[];
  workingHours: WorkingDay[];
  ratingCount: number;
  averageRating: number | null;
}

export interface DispatchProfileInput {
  skillServiceIds: string[];
  areaRegionIds: string[];
  workingHours: WorkingDay[];
  maxOpenOrders: number;
}

const path = (...parts: string[]) => parts.map((part) => `/${encodeURIComponent(part)}`).join('');

/** My own organisation (a provider administrator sees only theirs). */
export async function fetchMyProvider(providerId: string): Promise<ProviderView | null> {
  const providers = await requestList<ProviderView>('/providers');
  return providers.find((provider) => provider.id === providerId) ?? null;
}

export function fetchProviderWorkers(providerId: string): Promise<ProviderWorker[]> {
  return requestList<ProviderWorker>(`${path('providers', providerId)}/workers`);
}

export function addProviderWorker(providerId: string, name: string, phone: string): Promise<ProviderWorker> {
  return request<ProviderWorker>(`${path('providers', providerId)}/workers`, {
    method: 'POST',
    body: { name: name.trim(), phone: phone.replace(/\s+/g, '') },
  });
}

export function inviteProviderWorker(providerId: string, workerId: string): Promise<InvitationCode> {
  return request<InvitationCode>(`${path('providers', providerId, 'workers', workerId)}/invitation`, { method: 'POST' });
}

export function saveDispatchProfile(providerId: string, workerId: string, input: DispatchProfileInput): Promise<ProviderWorker> {
  return request<ProviderWorker>(`${path('providers', providerId, 'workers', workerId)}/dispatch-profile`, { method: 'PUT', body: input });
}

export function setDispatchMode(providerId: string, mode: DispatchMode): Promise<ProviderView> {
  return request<ProviderView>(`${path('providers', providerId)}/dispatch-mode`, { method: 'PUT', body: { mode } });
}
