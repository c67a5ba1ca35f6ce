import { useRef, useState } from 'react';
import { formatYuan } from '@linli/shared';

import type { MealBalanceView, MealTopUpMethod } from '@linli/shared';

import { fenOfYuan } from '../../forms/yuan';
import { useActions } from '../../hooks/useActions';
import { useRemoteById } from '../../hooks/useRemoteData';
import { newIdempotencyKey } from '../../services/bookings';
import { fetchMealBalance, topUpMealBalance } from '../../services/meal-admin';
import { CANTEEN_MESSAGES } from '../../texts/canteen-messages';

import type { ActionState } from '../../hooks/useActions';
import type { RemoteDataHandle } from '../../hooks/useRemoteData';

/** The API's ceiling for one top-up (¥5,000). */
const MAX_TOP_UP_FEN = 500_000;

export interface MealTopUpHandle {
  balance: RemoteDataHandle<MealBalanceView>;
  amountYuan: string;
  setAmountYuan: (amount: string) => void;
  method: MealTopUpMethod;
  setMethod: (method: MealTopUpMethod) => void;
  note: string;
  setNote: (note: string) => void;
  submit: () => void;
  state: ActionState;
  done: string | null;
}

/**
 * 充值: money paid in at the desk, in yuan, recorded in fen. One Idempotency-Key per top-up, kept until it went
 * through, so a second tap or a retry after a lost answer records the money once.
 */
export function useMealTopUp(residentId: string): MealTopUpHandle {
  const balance = useRemoteById(fetchMealBalance, residentId);
  const [amountYuan, setAmountYuan] = useState('');
  const [method, setMethod] = useState<MealTopUpMethod>('cash');
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey());
  const actions = useActions();

  const edit =
    <T>(set: (value: T) => void) =>
    (value: T) => {
      // Another amount is another top-up: a new key, so the API does not take it for a retry of the last one.
      key.current = newIdempotencyKey();
      set(value);
    };

  const submit = () => {
    const amountFen = fenOfYuan(amountYuan);
    if (amountFen === null || amountFen === 0 || amountFen > MAX_TOP_UP_FEN) return actions.fail('top-up', CANTEEN_MESSAGES.AMOUNT_INVALID);
    setDone(null);
    actions.run('top-up', () => topUpMealBalance(residentId, { amountFen, method, note: note.trim() || null }, key.current), {
      done: (entry) => {
        key.current = newIdempotencyKey();
        setAmountYuan('');
        setNote('');
        setDone(`已充值 ¥${formatYuan(entry.amountFen)}，余额 ¥${formatYuan(entry.balanceAfterFen)}`);
        balance.reloadQuietly();
      },
    });
  };

  return {
    balance,
    amountYuan,
    setAmountYuan: edit(setAmountYuan),
    method,
    setMethod: edit(setMethod),
    note,
    setNote: edit(setNote),
    submit,
    state: actions.of('top-up'),
    done,
  };
}
