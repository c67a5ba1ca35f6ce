import type {
  CommunityCoverage,
  OutletCommunity,
  OutletImportResult,
  OutletInput,
  OutletKind,
  OutletReportReason,
  OutletReportStatus,
  OutletReportView,
  OutletSearchPage,
  OutletView,
} from '@linli/shared';

import { ApiError } from './api-error';
import { apiUrl, request, requestList, upload } from './request';

const path = (...parts: string[]) => parts.map((part) => `/${encodeURIComponent(part)}`).join('');

/** Where to search from (a GCJ-02 position, or a community when the phone gives none) and what to keep. */
export interface OutletSearchQuery {
  latitude?: number;
  longitude?: number;
  communityId?: string;
  kinds: OutletKind[];
  openNow: boolean;
  keyword?: string;
  page: number;
  pageSize: number;
}

export function searchOutlets(query: OutletSearchQuery): Promise<OutletSearchPage> {
  const { kinds, keyword, ...rest } = query;
  return request<OutletSearchPage>('/outlets', { query: { ...rest, kinds: kinds.length > 0 ? kinds.join(',') : undefined, keyword: keyword || undefined } });
}

/** One outlet, or null when there is none by that id (an old link, an outlet since removed). */
export async function fetchOutlet(outletId: string): Promise<OutletView | null> {
  try {
    return await request<OutletView>(path('outlets', outletId));
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'VALIDATION_FAILED')) return null;
    throw error;
  }
}

export function reportOutlet(outletId: string, reason: OutletReportReason, note: string): Promise<OutletReportView> {
  return request<OutletReportView>(`${path('outlets', outletId)}/reports`, { method: 'POST', body: { reason, ...(note ? { note } : {}) } });
}

/* Staff: their region's outlets, CSV files, residents' reports and the coverage view. */

export function fetchRegionOutlets(): Promise<OutletView[]> {
  return requestList<OutletView>('/staff/outlets');
}

export function createOutlet(input: OutletInput): Promise<OutletView> {
  return request<OutletView>('/staff/outlets', { method: 'POST', body: input });
}

/** Saving is staff confirming the details: the answer is verified today. */
export function updateOutlet(outletId: string, input: OutletInput): Promise<OutletView> {
  return request<OutletView>(path('staff', 'outlets', outletId), { method: 'PUT', body: input });
}

/** The communities of the region an outlet can be placed in, each with where a new one starts on the map. */
export function fetchOutletCommunities(): Promise<OutletCommunity[]> {
  return requestList<OutletCommunity>('/staff/outlet-communities');
}

/** Adds one photo (JPEG, PNG or WebP, at most 2 MB) to a saved outlet; answers the outlet with its photos' paths. */
export function uploadOutletPhoto(outletId: string, filePath: string): Promise<OutletView> {
  return upload<OutletView>(path('staff', 'outlets', outletId, 'photos'), { filePath, name: 'photo' });
}

/** Where an `<Image>` loads an outlet photo from: an https URL as it is, an uploaded one's signed path (`/outlet-photos/…`) under the API. */
export function outletPhotoSrc(photoUrl: string): string {
  return photoUrl.startsWith('/') ? apiUrl(photoUrl) : photoUrl;
}

export function removeOutlet(outletId: string): Promise<void> {
  return request<void>(path('staff', 'outlets', outletId), { method: 'DELETE' });
}

/** All rows or none: a bad file rejects with OUTLET_IMPORT_INVALID (or NOT_FOUND), each bad line in `details`. */
export function importOutlets(csv: string): Promise<OutletImportResult> {
  return request<OutletImportResult>('/staff/outlets/import', { method: 'POST', body: { csv } });
}

export function exportOutlets(): Promise<string> {
  return request<string>('/staff/outlets/export', { as: 'text' });
}

export function fetchOutletReports(status: OutletReportStatus): Promise<OutletReportView[]> {
  return requestList<OutletReportView>('/staff/outlet-reports', { query: { status } });
}

export function resolveOutletReport(reportId: string, resolution: string): Promise<OutletReportView> {
  return request<OutletReportView>(`${path('staff', 'outlet-reports', reportId)}/resolve`, { method: 'POST', body: { resolution } });
}

export function fetchOutletCoverage(radiusMeters?: number): Promise<CommunityCoverage[]> {
  return requestList<CommunityCoverage>('/staff/outlet-coverage', { query: { radiusMeters } });
}
