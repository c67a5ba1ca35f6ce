import { useCallback, useRef, useState } from 'react';

import { ApiError } from '../services/api-error';

/** One action on one record (a card's button, a row's link): nothing to show, on its way, or why it failed. */
export type ActionState = { status: 'idle' } | { status: 'pending' } | { status: 'failed'; message: string };

/** An action that, when it went through, says what it did (已添加 赵师傅…) until the next one starts. */
export type ReportedActionState = ActionState | { status: 'done'; message: string };

const IDLE: ActionState = { status: 'idle' };

export interface ActionOptions<T> {
  /** After the answer came and the record's state is idle again: apply the answer, say what was done. */
  done?: (answer: T) => void;
  /** The sentence shown for an API error; its own message when not given. */
  messageOf?: (error: ApiError) => string;
  /** After the failure is shown: what else an API error calls for (closing a stale panel, loading again). */
  failed?: (error: ApiError) => void;
}

export interface ActionsHandle<Id extends string> {
  /** The state of one record's action: idle when none ran or the last one went through. */
  of: (id: Id) => ActionState;
  /**
   * Sends one record's action, unless one is already on its way for that record (a double tap sends once): pending,
   * then idle and `done`, or failed with its sentence. Returns whether it was sent. Anything thrown that is not an
   * ApiError is a programming error and is rethrown.
   */
  run: <T>(id: Id, send: () => Promise<T>, options?: ActionOptions<T>) => boolean;
  /** A check before sending found a problem: shown on the record as a failure. */
  fail: (id: Id, message: string) => void;
  /** Back to idle (a panel opened or closed): a failure shown goes away. */
  reset: (id: Id) => void;
}

/**
 * The write side of a list: which records have an action on its way and why one failed, by record id. Every list
 * with per-record buttons (bookings, orders, household members, workers, organisations) keeps its actions here.
 */
export function useActions<Id extends string = string>(): ActionsHandle<Id> {
  const [states, setStates] = useState<Partial<Record<Id, ActionState>>>({});
  /** The records with an action on its way, known at once (state lags a render behind a double tap). */
  const sending = useRef(new Set<Id>());

  const set = useCallback((id: Id, state: ActionState) => setStates((current) => ({ ...current, [id]: state })), []);

  const run = useCallback(
    <T>(id: Id, send: () => Promise<T>, options: ActionOptions<T> = {}): boolean => {
      if (sending.current.has(id)) return false;
      sending.current.add(id);
      set(id, { status: 'pending' });
      send().then(
        (answer) => {
          sending.current.delete(id);
          set(id, IDLE);
          options.done?.(answer);
        },
        (error: unknown) => {
          sending.current.delete(id);
          if (!(error instanceof ApiError)) throw error;
          set(id, { status: 'failed', message: options.messageOf ? options.messageOf(error) : error.message });
          options.failed?.(error);
        },
      );
      return true;
    },
    [set],
  );

  const fail = useCallback((id: Id, message: string) => set(id, { status: 'failed', message }), [set]);
  const reset = useCallback((id: Id) => set(id, IDLE), [set]);
  const of = useCallback((id: Id): ActionState => states[id] ?? IDLE, [states]);

  return { of, run, fail, reset };
}
