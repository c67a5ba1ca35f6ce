import type { CommunitySummary } from '@linli/shared';

import { fetchCommunities } from '../services/regions';
import { useRemoteData } from './useRemoteData';

import type { RemoteDataHandle } from './useRemoteData';

export function useCommunities(): RemoteDataHandle<CommunitySummary[]> {
  return useRemoteData(fetchCommunities);
}
