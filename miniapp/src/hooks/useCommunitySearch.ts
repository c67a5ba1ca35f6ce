import type { CommunitySummary } from '@linli/shared';

import { searchCommunities } from '../services/regions';
import { useKeywordSearch } from './useKeywordSearch';

import type { KeywordSearchHandle } from './useKeywordSearch';

export type CommunitySearchHandle = KeywordSearchHandle<CommunitySummary>;

export function useCommunitySearch(): CommunitySearchHandle {
  return useKeywordSearch(searchCommunities);
}
