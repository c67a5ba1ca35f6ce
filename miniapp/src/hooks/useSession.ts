import { useCallback, useEffect, useState } from 'react';

import type { SessionAccount } from '@linli/shared';

import { ApiError } from '../services/api-error';
import { CAN_USE_WECHAT_LOGIN, refreshAccount, signInWithWechat, signOut, storedAccount } from '../services/session';
import { subscribeSession } from '../storage/token-storage';

export type SessionState =
  | { status: 'checking' }
  /** No session. `error` says why the last sign-in attempt failed, if one was made. */
  | { status: 'signed-out'; error?: ApiError }
  | { status: 'signed-in'; account: SessionAccount };

export interface SessionHandle {
  state: SessionState;
  /** WeChat sign-in (weapp only): the retry after a failed silent sign-in, or after signing out. */
  signIn: () => void;
  signOut: () => Promise<void>;
}

function fromStorage(): SessionState {
  const account = storedAccount();
  return account ? { status: 'signed-in', account } : { status: 'signed-out' };
}

export interface UseSessionOptions {
  /** On WeChat, sign in silently when no session is stored (first use). Pages that only read the session skip it. */
  autoSignIn?: boolean;
}

/**
 * The signed-in account, kept in step with storage: any page's sign-in, sign-out or the request layer ending a dead
 * session redraws every page using this hook. A stored session is shown at once and confirmed with /me (which also
 * picks up a changed role or consent); if the server rejects it, the request layer clears it and this hook follows.
 */
export function useSession({ autoSignIn = false }: UseSessionOptions = {}): SessionHandle {
  const [state, setState] = useState<SessionState>(() => {
    const initial = fromStorage();
    return initial.status === 'signed-out' && autoSignIn && CAN_USE_WECHAT_LOGIN ? { status: 'checking' } : initial;
  });

  const signIn = useCallback(() => {
    setState({ status: 'checking' });
    signInWithWechat().then(
      (account) => setState({ status: 'signed-in', account }),
      (error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
        setState({ status: 'signed-out', error });
      },
    );
  }, []);

  useEffect(() => {
    const unsubscribe = subscribeSession(() => setState(fromStorage()));
    if (storedAccount()) {
      refreshAccount().catch((error: unknown) => {
        // Offline: keep showing the stored account. A dead session was already cleared by the request layer.
        if (!(error instanceof ApiError)) throw error;
      });
    } else if (autoSignIn && CAN_USE_WECHAT_LOGIN) {
      signIn();
    }
    return unsubscribe;
    // Runs once per mount: later changes arrive through the subscription.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return { state, signIn, signOut };
}
