import { useActions } from '../../hooks/useActions';
import { orderErrorMessage } from '../../texts/order-messages';

import type { ActionState } from '../../hooks/useActions';

export interface CardRequestsHandle {
  /** The request from one card (an offer, a pool order, a job), by its id. */
  of: (id: string) => ActionState;
  /**
   * Sends one card's request (once while it is on its way); the last notice goes as it starts, since it no longer
   * describes the screen. `grab`: a lost race on a pool order reads as taken by someone else.
   */
  send: <T>(id: string, request: () => Promise<T>, done: (answer: T) => void, context?: 'grab' | 'other') => void;
  fail: (id: string, message: string) => void;
  reset: (id: string) => void;
}

/** The workbench's cards' requests: useActions with the order sentences, and the notice cleared when one starts. */
export function useCardRequests(say: (notice: string | null) => void): CardRequestsHandle {
  const { of, run, fail, reset } = useActions();
  const send = <T>(id: string, request: () => Promise<T>, done: (answer: T) => void, context: 'grab' | 'other' = 'other') => {
    if (run(id, request, { done, messageOf: (error) => orderErrorMessage(error, context) })) say(null);
  };
  return { of, send, fail, reset };
}
