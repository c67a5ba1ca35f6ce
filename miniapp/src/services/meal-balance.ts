import type { CreatedMealBalanceTopUpView, MealBalanceTopUpView, MealBalanceView, WechatPayRequest } from '@linli/shared';

import { request } from './request';

const topUpPath = (topUpId: string) => `/meal-balance-top-ups/${encodeURIComponent(topUpId)}`;

/** One page of an elder's meal balance ledger (newest first) with the balance: mine or my household's. */
export function fetchMealBalance(residentId: string, page = 1, pageSize = 20): Promise<MealBalanceView> {
  return request<MealBalanceView>(`/meal-balances/${encodeURIComponent(residentId)}`, { query: { page, pageSize } });
}

/**
 * A top-up of my or my household elder's balance paid with WeChat Pay: the top-up and its wx.requestPayment
 * parameters. With the same Idempotency-Key a retry is the same top-up.
 */
export function createWechatTopUp(residentId: string, amountFen: number, idempotencyKey: string): Promise<CreatedMealBalanceTopUpView> {
  return request<CreatedMealBalanceTopUpView>(`/meal-balances/${encodeURIComponent(residentId)}/wechat-top-ups`, {
    method: 'POST',
    body: { amountFen },
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function fetchTopUpWechatPay(topUpId: string): Promise<WechatPayRequest> {
  return request<WechatPayRequest>(`${topUpPath(topUpId)}/wechat-pay`);
}

/** Asks the API to ask WeChat Pay whether the top-up was paid; the top-up as it is now. */
export function checkTopUp(topUpId: string): Promise<MealBalanceTopUpView> {
  return request<MealBalanceTopUpView>(`${topUpPath(topUpId)}/wechat-pay/check`, { method: 'POST', body: {} });
}

/** Demo builds only (the API answers 404 otherwise): the fake WeChat Pay server plays the payer. */
export function simulateTopUpPayment(topUpId: string): Promise<void> {
  return request<void>(`${topUpPath(topUpId)}/wechat-pay/demo-payment`, { method: 'POST', body: {} });
}
