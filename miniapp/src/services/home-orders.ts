import type { HomeOrderInput, OrderPhoneView, ServiceOrderDetail, ServiceOrderView } from '@linli/shared';

import { ApiError } from './api-error';
import { request, requestList } from './request';

const path = (...parts: string[]) => parts.map((part) => `/${encodeURIComponent(part)}`).join('');

/**
 * Asks for a home visit. With an Idempotency-Key (see `newIdempotencyKey`), a retry after a lost answer or a second
 * tap returns the order already made instead of making another; the same key with another body is IDEMPOTENCY_KEY_REUSED.
 */
export function createHomeOrder(input: HomeOrderInput, idempotencyKey?: string): Promise<ServiceOrderView> {
  const headers = idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : undefined;
  return request<ServiceOrderView>('/home-orders', { method: 'POST', body: input, ...(headers ? { headers } : {}) });
}

/** Mine and my household's, newest first. */
export function fetchMyHomeOrders(): Promise<ServiceOrderView[]> {
  return requestList<ServiceOrderView>('/home-orders');
}

/** One order with its timeline; null when there is no such order (an old link) or it is not mine to see. */
export async function fetchHomeOrder(orderId: string): Promise<ServiceOrderDetail | null> {
  try {
    return await request<ServiceOrderDetail>(path('home-orders', orderId));
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'VALIDATION_FAILED')) return null;
    throw error;
  }
}

/** The worker's full number, asked for only when the resident taps 拨打电话 (the API audits it). */
export function fetchWorkerPhone(orderId: string): Promise<OrderPhoneView> {
  return request<OrderPhoneView>(`${path('home-orders', orderId)}/call`, { method: 'POST', body: {} });
}

export function cancelHomeOrder(orderId: string, reason: string): Promise<ServiceOrderView> {
  return request<ServiceOrderView>(`${path('home-orders', orderId)}/cancel`, { method: 'POST', body: { reason } });
}

export function confirmHomeOrder(orderId: string): Promise<ServiceOrderView> {
  return request<ServiceOrderView>(`${path('home-orders', orderId)}/confirm`, { method: 'POST', body: {} });
}

/** 1..5 stars and an optional comment; rating a completed order also confirms it. */
export function rateHomeOrder(orderId: string, score: number, comment: string): Promise<ServiceOrderView> {
  const body = comment.trim() ? { score, comment: comment.trim() } : { score };
  return request<ServiceOrderView>(`${path('home-orders', orderId)}/rating`, { method: 'POST', body });
}

export function complainAboutHomeOrder(orderId: string, reason: string): Promise<ServiceOrderView> {
  return request<ServiceOrderView>(`${path('home-orders', orderId)}/complaint`, { method: 'POST', body: { reason } });
}
