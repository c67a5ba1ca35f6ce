import Taro from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';

import type { WechatPayRequest } from '@linli/shared';

import { ApiError } from '../../services/api-error';
import { mealErrorMessage } from '../../texts/meal-messages';

/**
 * The H5 build has no wx.requestPayment: there the demo pays through 模拟支付 (the API asks the fake WeChat Pay server
 * to play the payer; the API refuses it unless it runs with WECHATPAY_SIMULATE_PAYMENTS, never in production).
 */
export const PAYS_BY_DEMO = process.env.TARO_ENV === 'h5';

export const WECHAT_PAY_MESSAGES = {
  PAID: '支付成功',
  CANCELLED: '支付已取消，可以再次支付',
  FAILED: '支付失败，请稍后再试',
  PENDING: '支付中：微信支付还没有确认到账，请稍后再查看',
  DEMO_NOTE: '演示环境：点“模拟支付”即视为已付款，不会真实扣款',
} as const;

/** Something paid with WeChat Pay (a meal order, a top-up): how to get its parameters, play the payer in the demo, and ask whether it is paid. */
export interface WechatPayable {
  /** The parameters that came with the answer that created it, if WeChat Pay answered then. */
  parameters?: WechatPayRequest;
  fetchParameters: () => Promise<WechatPayRequest>;
  simulate: () => Promise<void>;
  /** Asks the API (which asks WeChat Pay); true once paid. */
  check: () => Promise<boolean>;
}

export type WechatPayState =
  | { status: 'idle' }
  | { status: 'paying' }
  | { status: 'paid' }
  | { status: 'cancelled'; message: string }
  | { status: 'failed'; message: string }
  | { status: 'pending'; message: string };

export interface WechatPayOptions {
  /** Pay through 模拟支付 instead of wx.requestPayment (the H5 demo). */
  demo?: boolean;
  /** How many times to ask whether the money arrived after paying, and how long to wait between. */
  checks?: number;
  checkIntervalMs?: number;
}

export interface WechatPayHandle {
  state: WechatPayState;
  demo: boolean;
  /** Starts paying unless a payment is on its way already (a double tap pays once). */
  pay: (payable: WechatPayable) => void;
}

/** wx.requestPayment's failure: the payer closed the cashier (cancel) or WeChat refused. */
function cancelledByPayer(error: unknown): boolean {
  return typeof (error as { errMsg?: unknown })?.errMsg === 'string' && (error as { errMsg: string }).errMsg.includes('cancel');
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Paying with WeChat Pay: wx.requestPayment with the API's signed parameters (or 模拟支付 in the demo), then asking the
 * API until WeChat Pay confirms — never trusting the phone's success callback alone. Cancelled, failed and not yet
 * confirmed are said in plain words; the order or top-up waits, so paying again is one tap.
 */
export function useWechatPay({ demo = PAYS_BY_DEMO, checks = 5, checkIntervalMs = 1500 }: WechatPayOptions = {}): WechatPayHandle {
  const [state, setState] = useState<WechatPayState>({ status: 'idle' });
  const paying = useRef(false);

  const run = useCallback(
    async (payable: WechatPayable): Promise<WechatPayState> => {
      try {
        if (demo) await payable.simulate();
        else {
          const parameters = payable.parameters ?? (await payable.fetchParameters());
          try {
            await Taro.requestPayment({ ...parameters });
          } catch (error) {
            if (cancelledByPayer(error)) return { status: 'cancelled', message: WECHAT_PAY_MESSAGES.CANCELLED };
            return { status: 'failed', message: WECHAT_PAY_MESSAGES.FAILED };
          }
        }
        for (let attempt = 0; attempt < checks; attempt++) {
          if (attempt > 0) await wait(checkIntervalMs);
          if (await payable.check()) return { status: 'paid' };
        }
        return { status: 'pending', message: WECHAT_PAY_MESSAGES.PENDING };
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        return { status: 'failed', message: mealErrorMessage(error) };
      }
    },
    [demo, checks, checkIntervalMs],
  );

  const pay = useCallback(
    (payable: WechatPayable) => {
      if (paying.current) return;
      paying.current = true;
      setState({ status: 'paying' });
      void run(payable).then((next) => {
        paying.current = false;
        setState(next);
      });
    },
    [run],
  );

  return { state, demo, pay };
}
