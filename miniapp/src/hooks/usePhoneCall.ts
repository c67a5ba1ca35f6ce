import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';

import type { OrderPhoneView } from '@linli/shared';

import { ApiError } from '../services/api-error';
import { ORDER_MESSAGES, orderErrorMessage } from '../texts/order-messages';

/** One order's call: the number being asked for, the number dialled (shown too, in case the phone does not dial), or why not. */
export type PhoneCallState = { status: 'pending' } | { status: 'dialled'; phone: string } | { status: 'failed'; message: string };

export interface PhoneCallHandle {
  /** By order id. */
  calls: Record<string, PhoneCallState | undefined>;
  call: (orderId: string) => void;
}

/**
 * 拨打电话 on an order: the other side's full number is asked for only now (the API reveals it to the two sides of
 * a live order and audits it, so lists carry masked numbers only), then dialled with Taro.makePhoneCall (WeChat's
 * dialler; on H5 a tel: link). The number stays on screen afterwards, for a phone that cannot dial by itself.
 */
export function usePhoneCall(fetchPhone: (orderId: string) => Promise<OrderPhoneView>): PhoneCallHandle {
  const [calls, setCalls] = useState<Record<string, PhoneCallState | undefined>>({});
  const set = (orderId: string, state: PhoneCallState) => setCalls((current) => ({ ...current, [orderId]: state }));

  const call = useCallback(
    (orderId: string) => {
      if (calls[orderId]?.status === 'pending') return;
      set(orderId, { status: 'pending' });
      fetchPhone(orderId).then(
        ({ phone }) => {
          set(orderId, { status: 'dialled', phone });
          // Backing out of WeChat's dialler is the person's choice, not an error.
          Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);
        },
        // Anything else (a bug, not an answer) still ends the pending state with words, not a dead button.
        (error: unknown) => set(orderId, { status: 'failed', message: error instanceof ApiError ? orderErrorMessage(error) : ORDER_MESSAGES.NETWORK_RETRY }),
      );
    },
    [calls, fetchPhone],
  );

  return { calls, call };
}
