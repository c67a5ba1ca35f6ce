import type { MealBalanceView } from '@linli/shared';

import { request } from './request';

/** One page of an elder's meal balance ledger (newest first) with the balance: mine or my household's. */
export function fetchMealBalance(residentId: string, page = 1, pageSize = 20): Promise<MealBalanceView> {
  return request<MealBalanceView>(`/meal-balances/${encodeURIComponent(residentId)}`, { query: { page, pageSize } });
}
