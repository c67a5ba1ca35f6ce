import type { CategoryWithServices, ServiceDetail } from '@linli/shared';

import { ApiError } from './api-error';
import { request, requestList } from './request';

/**
 * The catalogue changes only when city staff edit it, so one answer serves every page for a few minutes: the home
 * tiles, the 服务 tab and each category page share it, and going back and forth sends no new request. A failed
 * load is not kept, so 重试 always asks again.
 */
export const CATALOGUE_CACHE_MS = 5 * 60_000;

let cached: { loaded: Promise<CategoryWithServices[]>; at: number } | null = null;

export function fetchCatalogue(): Promise<CategoryWithServices[]> {
  if (cached && Date.now() - cached.at < CATALOGUE_CACHE_MS) return cached.loaded;
  const entry = { loaded: requestList<CategoryWithServices>('/catalogue'), at: Date.now() };
  cached = entry;
  entry.loaded.catch(() => {
    if (cached === entry) cached = null;
  });
  return entry.loaded;
}

/** Drops the cached catalogue (tests, and later a pull-down refresh). */
export function forgetCatalogue(): void {
  cached = null;
}

/** One category with its services; null when no category has that id (e.g. an old shared link). */
export async function fetchCategory(id: string): Promise<CategoryWithServices | null> {
  const categories = await fetchCatalogue();
  return categories.find((category) => category.id === id) ?? null;
}

/** The services one centre offers now, by category (the catalogue as that centre has it). */
export function fetchCentreServices(centreId: string): Promise<CategoryWithServices[]> {
  return requestList<CategoryWithServices>(`/centres/${encodeURIComponent(centreId)}/services`);
}

/**
 * A service's full page, or null when there is no such service: the API answers 404 for an unknown id and 400 for
 * one that is not even an id. Neither gets better by retrying, so the page says "not found" instead of 重试.
 */
export async function fetchServiceDetail(id: string): Promise<ServiceDetail | null> {
  try {
    return await request<ServiceDetail>(`/services/${encodeURIComponent(id)}`);
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'VALIDATION_FAILED')) return null;
    throw error;
  }
}
