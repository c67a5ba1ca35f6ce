import type { DispatchOfferView, OrderPhoneView, ServiceOrderDetail, ServiceOrderView, WorkbenchProfileView } from '@linli/shared';

import { request, requestList } from './request';

/** Where the worker is now (GCJ-02), as Taro.getLocation({ type: 'gcj02' }) gives it. */
export interface WorkerPosition {
  latitude: number;
  longitude: number;
}

const path = (...parts: string[]) => parts.map((part) => `/${encodeURIComponent(part)}`).join('');

export function fetchWorkerProfile(): Promise<WorkbenchProfileView> {
  return request<WorkbenchProfileView>('/worker/profile');
}

/** 上线 / 下线; the position (when known) lets the dispatcher rank the worker by distance at once. */
export function setWorkerPresence(online: boolean, position: WorkerPosition | null): Promise<WorkbenchProfileView> {
  return request<WorkbenchProfileView>('/worker/presence', { method: 'PUT', body: { online, ...(position ?? {}) } });
}

export function reportWorkerPosition(position: WorkerPosition): Promise<WorkbenchProfileView> {
  return request<WorkbenchProfileView>('/worker/position', { method: 'PUT', body: position });
}

/** The order offered to me now, waiting for 接单 or 拒单; null when there is none. */
export async function fetchWorkerOffer(): Promise<DispatchOfferView | null> {
  const body = await request<{ offer: DispatchOfferView | null }>('/worker/offer');
  return body?.offer ?? null;
}

export function acceptOffer(offerId: string): Promise<ServiceOrderView> {
  return request<ServiceOrderView>(`${path('worker', 'offers', offerId)}/accept`, { method: 'POST', body: {} });
}

export function rejectOffer(offerId: string, reason: string): Promise<{ status: 'rejected' }> {
  return request<{ status: 'rejected' }>(`${path('worker', 'offers', offerId)}/reject`, { method: 'POST', body: { reason } });
}

/** Orders of grab-mode providers I may take (my skills, areas and hours). */
export function fetchGrabPool(): Promise<ServiceOrderView[]> {
  return requestList<ServiceOrderView>('/worker/pool');
}

export function grabOrder(orderId: string): Promise<ServiceOrderView> {
  return request<ServiceOrderView>(`${path('worker', 'pool', orderId)}/grab`, { method: 'POST', body: {} });
}

export function fetchWorkerOrders(state: 'active' | 'history'): Promise<ServiceOrderView[]> {
  return requestList<ServiceOrderView>('/worker/orders', { query: { state } });
}

export function fetchWorkerOrder(orderId: string): Promise<ServiceOrderDetail> {
  return request<ServiceOrderDetail>(path('worker', 'orders', orderId));
}

export type WorkerStep = 'set-out' | 'start' | 'complete';

/** 出发, 开始服务, 完成服务 (the last with a note of what was done). */
export function advanceWorkerOrder(orderId: string, step: WorkerStep, note?: string): Promise<ServiceOrderView> {
  const body = step === 'complete' ? { note: note?.trim() ?? '' } : {};
  return request<ServiceOrderView>(`${path('worker', 'orders', orderId)}/${step}`, { method: 'POST', body });
}

/** The resident's full number, asked for only when the worker taps 拨打居民电话 (the API audits it). */
export function fetchResidentPhone(orderId: string): Promise<OrderPhoneView> {
  return request<OrderPhoneView>(`${path('worker', 'orders', orderId)}/call`, { method: 'POST', body: {} });
}
