import { useCallback, useState } from 'react';

import type { SessionAccount } from '@linli/shared';

import { ApiError } from '../services/api-error';

export type SignInState =
  | { status: 'idle' }
  /** `key` says which of several ways (e.g. which demo account) is being tried, so only that one shows progress. */
  | { status: 'pending'; key: string }
  | { status: 'failed'; key: string; error: ApiError }
  | { status: 'done'; account: SessionAccount };

export interface SignInHandle<A extends unknown[]> {
  state: SignInState;
  run: (key: string, ...args: A) => void;
}

/**
 * Runs one sign-in attempt at a time (taps while one is pending are ignored) and keeps its outcome for the page;
 * `onSignedIn` decides where to go next.
 */
export function useSignIn<A extends unknown[]>(attempt: (...args: A) => Promise<SessionAccount>, onSignedIn: (account: SessionAccount) => void): SignInHandle<A> {
  const [state, setState] = useState<SignInState>({ status: 'idle' });
  const pending = state.status === 'pending';

  const run = useCallback(
    (key: string, ...args: A) => {
      if (pending) return;
      setState({ status: 'pending', key });
      attempt(...args).then(
        (account) => {
          setState({ status: 'done', account });
          onSignedIn(account);
        },
        (error: unknown) => {
          if (!(error instanceof ApiError)) throw error;
          setState({ status: 'failed', key, error });
        },
      );
    },
    [attempt, onSignedIn, pending],
  );

  return { state, run };
}
