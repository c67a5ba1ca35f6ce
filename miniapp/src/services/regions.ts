import type { CentreSummary, CommunitySummary } from '@linli/shared';

import { requestList } from './request';

export function fetchCommunities(): Promise<CommunitySummary[]> {
  return requestList<CommunitySummary>('/regions/communities');
}

export function fetchCentres(): Promise<CentreSummary[]> {
  return requestList<CentreSummary>('/centres');
}

/** The centres of the signed-in staff member's area: the only desks their pages offer. */
export function fetchStaffCentres(): Promise<CentreSummary[]> {
  return requestList<CentreSummary>('/staff/centres');
}

/** The API has no single-centre route yet; the list is small (one centre per community or street). */
export async function fetchCentre(id: string): Promise<CentreSummary | null> {
  const centres = await fetchCentres();
  return centres.find((centre) => centre.id === id) ?? null;
}

/** Communities whose name contains `keyword` (all of them for an empty keyword), for the community picker. */
export function searchCommunities(keyword: string): Promise<CommunitySummary[]> {
  const trimmed = keyword.trim();
  return requestList<CommunitySummary>('/regions/communities', { query: { keyword: trimmed || undefined } });
}
