import { useCallback, useState } from 'react';

import { ApiError } from '../services/api-error';
import { acceptPrivacyPolicy } from '../services/session';

export type ConsentState =
  | { status: 'asking' }
  | { status: 'pending' }
  | { status: 'failed'; message: string }
  /** Said no: nothing personal is stored; the resident can still browse public pages, and change their mind. */
  | { status: 'declined' };

export interface ConsentHandle {
  state: ConsentState;
  accept: () => void;
  decline: () => void;
  reconsider: () => void;
}

/** Accepting stores the new account (consentRequired false) with the session; the page follows the session. */
export function useConsent(): ConsentHandle {
  const [state, setState] = useState<ConsentState>({ status: 'asking' });

  const accept = useCallback(() => {
    setState({ status: 'pending' });
    acceptPrivacyPolicy().then(
      () => setState({ status: 'asking' }),
      (error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
        setState({ status: 'failed', message: error.message });
      },
    );
  }, []);
  const decline = useCallback(() => setState({ status: 'declined' }), []);
  const reconsider = useCallback(() => setState({ status: 'asking' }), []);

  return { state, accept, decline, reconsider };
}
