import type { CentreSummary } from '@linli/shared';

import { fetchCentre, fetchCentres } from '../services/regions';
import { useRemoteById, useRemoteData } from './useRemoteData';

import type { RemoteDataHandle } from './useRemoteData';

export function useCentres(): RemoteDataHandle<CentreSummary[]> {
  return useRemoteData(fetchCentres);
}

/** One centre by id; `data` is null when no centre has that id (e.g. an old shared link). */
export function useCentre(id: string): RemoteDataHandle<CentreSummary | null> {
  return useRemoteById(fetchCentre, id);
}
