import { useCallback, useState } from 'react';

import { useRemoteData } from './useRemoteData';

import type { RemoteDataHandle } from './useRemoteData';

export interface KeywordSearchHandle<T> extends RemoteDataHandle<T[]> {
  keyword: string;
  setKeyword: (keyword: string) => void;
  /** Searches for what is typed now (typing alone does not send a request per keystroke). */
  search: () => void;
}

/** A search box over a list: `find` gets the trimmed keyword of the last 查找 ('' at first). */
export function useKeywordSearch<T>(find: (keyword: string) => Promise<T[]>): KeywordSearchHandle<T> {
  const [keyword, setKeyword] = useState('');
  const [submitted, setSubmitted] = useState('');
  const load = useCallback(() => find(submitted), [find, submitted]);
  const remote = useRemoteData(load);
  const { retry } = remote;
  const search = useCallback(() => {
    if (keyword.trim() === submitted) retry();
    else setSubmitted(keyword.trim());
  }, [keyword, submitted, retry]);
  return { ...remote, keyword, setKeyword, search };
}
