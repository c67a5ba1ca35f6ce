import type { MealBalanceTopUpView, WechatPayRequest } from '@linli/shared';

import { authed } from './fake-api';
import { readJson, sendJson } from './fixture-server';

import type { FakeApi } from './fake-api';
import type { FakeMeals } from './fake-meals';
import type { Handler } from './fixture-server';

/** What the fake WeChat Pay side of the API remembers: demo payments asked for, checks, top-ups. */
export interface FakeWechatPay {
  /** `order:<id>` / `top-up:<id>` for each 模拟支付 asked for. */
  simulated: string[];
  checks: number;
  parametersAsked: number;
  /** Whether the money arrived for an id (a demo payment arrives at once). */
  paid: Set<string>;
  topUps: Array<MealBalanceTopUpView & { key: string | undefined }>;
}

export function createFakeWechatPay(): FakeWechatPay {
  return { simulated: [], checks: 0, parametersAsked: 0, paid: new Set(), topUps: [] };
}

export const PAY_PARAMETERS: WechatPayRequest = { appId: 'wxdemo', timeStamp: '1764567890', nonceStr: 'n', package: 'prepay_id=wx1', signType: 'RSA', paySign: 'sig' };

const idAt = (url: string | undefined, index: number) => (url ?? '').split('/')[index];

/** The WeChat Pay routes of meal orders and balance top-ups, answering with the shapes the real API has. */
export function wechatPayRoutes(api: FakeApi, meals: FakeMeals, pay: FakeWechatPay): Record<string, Handler> {
  return {
    '/meal-orders/:id/wechat-pay': authed(api, (_state, _req, res) => {
      pay.parametersAsked += 1;
      sendJson(res, 200, PAY_PARAMETERS);
    }),
    '/meal-orders/:id/wechat-pay/demo-payment': authed(api, (_state, req, res) => {
      const id = idAt(req.url, 3);
      pay.simulated.push(`order:${id}`);
      pay.paid.add(id);
      res.writeHead(204).end();
    }),
    '/meal-orders/:id/wechat-pay/check': authed(api, (_state, req, res) => {
      const id = idAt(req.url, 3);
      pay.checks += 1;
      if (pay.paid.has(id)) meals.orders = meals.orders.map((order) => (order.id === id ? { ...order, status: 'paid', actions: ['change', 'cancel'] } : order));
      sendJson(
        res,
        200,
        meals.orders.find((order) => order.id === id),
      );
    }),
    '/meal-balances/:id/wechat-top-ups': authed(api, async (_state, req, res) => {
      const { amountFen } = await readJson<{ amountFen: number }>(req);
      const key = req.headers['idempotency-key'] as string | undefined;
      const existing = pay.topUps.find((topUp) => topUp.key === key);
      const topUp = existing ?? {
        id: `top-up-${pay.topUps.length + 1}`,
        residentId: idAt(req.url, 3),
        amountFen,
        status: 'awaiting_payment' as const,
        createdAt: new Date().toISOString(),
        creditedAt: null,
        key,
      };
      if (!existing) pay.topUps.push(topUp);
      sendJson(res, 201, { ...topUp, key: undefined, wechatPay: PAY_PARAMETERS });
    }),
    '/meal-balance-top-ups/:id/wechat-pay/demo-payment': authed(api, (_state, req, res) => {
      const id = idAt(req.url, 3);
      pay.simulated.push(`top-up:${id}`);
      pay.paid.add(id);
      res.writeHead(204).end();
    }),
    '/meal-balance-top-ups/:id/wechat-pay/check': authed(api, (_state, req, res) => {
      const id = idAt(req.url, 3);
      pay.checks += 1;
      const topUp = pay.topUps.find((candidate) => candidate.id === id)!;
      if (pay.paid.has(id) && topUp.status === 'awaiting_payment') {
        Object.assign(topUp, { status: 'credited', creditedAt: new Date().toISOString() });
        meals.balanceFen += topUp.amountFen;
      }
      sendJson(res, 200, { ...topUp, key: undefined });
    }),
  };
}
