import { useCallback, useEffect, useState } from 'react';

import type { MealBalanceEntryView, MealBalanceView } from '@linli/shared';

import { ApiError } from '../../services/api-error';
import { fetchMealBalance } from '../../services/meal-balance';
import { useRemoteData } from '../../hooks/useRemoteData';

import type { RemoteData } from '../../hooks/useRemoteData';

const PAGE_SIZE = 20;

export interface MealBalanceHandle {
  state: RemoteData<MealBalanceView>;
  retry: () => void;
  /** Every ledger row loaded so far, newest first. */
  entries: MealBalanceEntryView[];
  hasMore: boolean;
  loadingMore: boolean;
  moreError: string | null;
  loadMore: () => void;
}

/** An elder's meal balance and its ledger, a page at a time (newest first). */
export function useMealBalance(residentId: string): MealBalanceHandle {
  const load = useCallback(() => fetchMealBalance(residentId, 1, PAGE_SIZE), [residentId]);
  const first = useRemoteData(load);
  const [older, setOlder] = useState<MealBalanceEntryView[]>([]);
  const [page, setPage] = useState(1);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);

  // A new first page (another person, a retry) starts the list again.
  useEffect(() => {
    setOlder([]);
    setPage(1);
    setMoreError(null);
  }, [first.state]);

  const view = first.state.status === 'ready' ? first.state.data : null;
  const entries = view ? [...view.entries, ...older] : [];
  const hasMore = view !== null && entries.length < view.total;

  const loadMore = () => {
    if (!hasMore || loadingMore) return;
    setLoadingMore(true);
    setMoreError(null);
    fetchMealBalance(residentId, page + 1, PAGE_SIZE).then(
      (next) => {
        setOlder((current) => [...current, ...next.entries]);
        setPage(next.page);
        setLoadingMore(false);
      },
      (error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
        setMoreError(error.message);
        setLoadingMore(false);
      },
    );
  };

  return { state: first.state, retry: first.retry, entries, hasMore, loadingMore, moreError, loadMore };
}
