import { useEffect, useRef } from 'react';

import type { MealOrderView, PlacedMealOrderView } from '@linli/shared';

import { checkMealOrderWechatPay, fetchMealOrderWechatPay, simulateMealOrderWechatPay } from '../../services/meals';
import { useWechatPay } from './useWechatPay';

import type { WechatPayHandle, WechatPayOptions } from './useWechatPay';

/** Whether an order still waits for its WeChat Pay money. */
export const awaitsWechatPay = (order: MealOrderView) => order.paymentMethod === 'wechat_pay' && order.status === 'placed';

export interface MealOrderPaymentOptions extends WechatPayOptions {
  /** Open the cashier at once (an order just placed, in WeChat): an elder taps 确认订餐 and pays without another step. */
  autoStart?: boolean;
}

/**
 * Paying a WeChat Pay meal order just placed or found unpaid in the list; in the H5 demo the 模拟支付 button does it.
 * `onUpdated` gets the order as the API answers it once it is no longer waiting (paid, or cancelled meanwhile).
 */
export function useMealOrderPayment(
  order: PlacedMealOrderView,
  onUpdated: (order: MealOrderView) => void,
  { autoStart = false, ...options }: MealOrderPaymentOptions = {},
): WechatPayHandle & { start: () => void } {
  const handle = useWechatPay(options);
  const latest = useRef(onUpdated);
  latest.current = onUpdated;

  const start = () =>
    handle.pay({
      parameters: order.wechatPay,
      fetchParameters: () => fetchMealOrderWechatPay(order.id),
      simulate: () => simulateMealOrderWechatPay(order.id),
      check: async () => {
        const now = await checkMealOrderWechatPay(order.id);
        if (awaitsWechatPay(now)) return false;
        latest.current(now);
        return true;
      },
    });

  const autoStarted = useRef(false);
  useEffect(() => {
    if (!autoStart || handle.demo || autoStarted.current || !awaitsWechatPay(order)) return;
    autoStarted.current = true;
    start();
    // Once, for the order just placed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return { ...handle, start };
}
