import type { AssignableWorker, DispatchBoard, ServiceOrderDetail, ServiceOrderView } from '@linli/shared';

import { request, requestList } from './request';

const path = (...parts: string[]) => parts.map((part) => `/${encodeURIComponent(part)}`).join('');

/** The region's orders that need an eye: waiting, offered, escalated, overdue, disputed. */
export function fetchDispatchBoard(centreId?: string): Promise<DispatchBoard> {
  return request<DispatchBoard>('/dispatch/board', { query: { centreId: centreId || undefined } });
}

export function fetchDispatchOrder(orderId: string): Promise<ServiceOrderDetail> {
  return request<ServiceOrderDetail>(path('dispatch', 'orders', orderId));
}

/** Workers who could take the order, best first; `notes` say why the automatic dispatcher would skip one. */
export function fetchCandidates(orderId: string): Promise<AssignableWorker[]> {
  return requestList<AssignableWorker>(`${path('dispatch', 'orders', orderId)}/candidates`);
}

export function assignOrder(orderId: string, workerId: string, reason: string): Promise<ServiceOrderView> {
  return request<ServiceOrderView>(`${path('dispatch', 'orders', orderId)}/assign`, { method: 'POST', body: { workerId, reason } });
}

export type StaffOrderAction = 'requeue' | 'cancel' | 'resolve';

/** 重新派单, 取消 or 处理投诉, each with the reason kept in the timeline. */
export function actOnOrder(orderId: string, action: StaffOrderAction, reason: string): Promise<ServiceOrderView> {
  return request<ServiceOrderView>(`${path('dispatch', 'orders', orderId)}/${action}`, { method: 'POST', body: { reason } });
}
