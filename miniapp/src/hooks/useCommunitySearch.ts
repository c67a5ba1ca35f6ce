import { useCallback, useState } from 'react';

import type { CommunitySummary } from '@linli/shared';

import { searchCommunities } from '../services/regions';
import { useRemoteData } from './useRemoteData';

import type { RemoteDataHandle } from './useRemoteData';

export interface CommunitySearchHandle extends RemoteDataHandle<CommunitySummary[]> {
  keyword: string;
  setKeyword: (keyword: string) => void;
  /** Searches for what is typed now (typing alone does not send a request per keystroke). */
  search: () => void;
}

export function useCommunitySearch(): CommunitySearchHandle {
  const [keyword, setKeyword] = useState('');
  const [submitted, setSubmitted] = useState('');
  const load = useCallback(() => searchCommunities(submitted), [submitted]);
  const remote = useRemoteData(load);
  const { retry } = remote;
  const search = useCallback(() => {
    if (keyword.trim() === submitted) retry();
    else setSubmitted(keyword.trim());
  }, [keyword, submitted, retry]);
  return { ...remote, keyword, setKeyword, search };
}
