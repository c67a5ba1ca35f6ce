import { useCallback, useEffect, useState } from 'react';

import { ApiError } from '../services/api-error';

export type RemoteData<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: ApiError };

export interface RemoteDataHandle<T> {
  state: RemoteData<T>;
  retry: () => void;
  /**
   * Applies a change the caller already knows about (e.g. the saved record a PUT answered with) without loading
   * again. Works on the latest data, so two changes finishing together both stay. Ignored unless data is shown.
   */
  update: (change: (current: T) => T) => void;
  /**
   * Loads again without the loading screen (after a change, say): the fresh data replaces what is shown; a failure
   * keeps it. Ignored unless data is shown.
   */
  reloadQuietly: () => void;
}

/**
 * Runs `load` on mount, whenever `load` changes identity, and on retry. Results that arrive after unmount or after a
 * newer attempt started are dropped. Anything that is not an ApiError is a programming error and is rethrown.
 */
export function useRemoteData<T>(load: () => Promise<T>): RemoteDataHandle<T> {
  const [state, setState] = useState<RemoteData<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    load().then(
      (data) => {
        if (current) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
        if (current) setState({ status: 'error', error });
      },
    );
    return () => {
      current = false;
    };
  }, [load, attempt]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  const update = useCallback((change: (current: T) => T) => setState((current) => (current.status === 'ready' ? { status: 'ready', data: change(current.data) } : current)), []);
  const reloadQuietly = useCallback(() => {
    load().then(
      (data) => update(() => data),
      (error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
      },
    );
  }, [load, update]);
  return { state, retry, update, reloadQuietly };
}

/** `useRemoteData` for a record picked by id (from the page's query): loads again when the id changes. */
export function useRemoteById<T>(load: (id: string) => Promise<T>, id: string): RemoteDataHandle<T> {
  const loadThis = useCallback(() => load(id), [load, id]);
  return useRemoteData(loadThis);
}
