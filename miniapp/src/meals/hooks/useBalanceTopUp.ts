import { useRef, useState } from 'react';

import { MEAL_ONLINE_TOP_UP_CHOICES_FEN } from '@linli/shared';

import { newIdempotencyKey } from '../../services/bookings';
import { checkTopUp, createWechatTopUp, fetchTopUpWechatPay, simulateTopUpPayment } from '../../services/meal-balance';
import { useWechatPay } from './useWechatPay';

import type { WechatPayHandle, WechatPayOptions } from './useWechatPay';

export interface BalanceTopUpHandle extends WechatPayHandle {
  amountFen: number;
  choose: (amountFen: number) => void;
  /** Creates the top-up (once per amount: a second tap or a retry reuses it) and pays it. */
  submit: () => void;
}

/**
 * Topping up an elder's meal balance online: an amount among 50 / 100 / 200 元, one top-up per amount chosen (its
 * Idempotency-Key kept, so paying again after 支付取消 pays the same top-up), WeChat Pay, and `onCredited` once WeChat
 * Pay confirmed and the ledger has the row.
 */
export function useBalanceTopUp(residentId: string, onCredited: () => void, options: WechatPayOptions = {}): BalanceTopUpHandle {
  const [amountFen, setAmountFen] = useState<number>(MEAL_ONLINE_TOP_UP_CHOICES_FEN[1]);
  const handle = useWechatPay(options);
  const attempt = useRef({ amountFen, key: newIdempotencyKey() });

  const submit = () => {
    if (attempt.current.amountFen !== amountFen) attempt.current = { amountFen, key: newIdempotencyKey() };
    const { key } = attempt.current;
    let topUpId: string | null = null;
    const created = () => createWechatTopUp(residentId, amountFen, key);
    handle.pay({
      fetchParameters: async () => {
        const topUp = await created();
        topUpId = topUp.id;
        return topUp.wechatPay ?? fetchTopUpWechatPay(topUp.id);
      },
      simulate: async () => {
        topUpId = (await created()).id;
        await simulateTopUpPayment(topUpId);
      },
      check: async () => {
        if (!topUpId) return false;
        const credited = (await checkTopUp(topUpId)).status === 'credited';
        if (credited) {
          // Paid: the next top-up is a new one.
          attempt.current = { amountFen, key: newIdempotencyKey() };
          onCredited();
        }
        return credited;
      },
    });
  };

  return { ...handle, amountFen, choose: setAmountFen, submit };
}
