import { totalMealSettlement, type MealSettlementRow, type SessionAccount } from '@linli/shared';

import { mealPoint } from '../support/meal-fixtures';
import type { StandInRoutes } from './wx-stand-in';

/** The one rule the sheet's meal was subsidised under, as the settlement names it. */
export const HARDSHIP_RULE = { ruleId: 'rule-hardship', name: '蜀山区低保特困老人助餐补贴', version: 1 } as const;

const row: MealSettlementRow = {
  orderId: 'order-1',
  mealDate: '2026-12-01',
  mealKind: 'lunch',
  fulfilment: 'dine_in',
  status: 'collected',
  mealPointId: mealPoint.id,
  mealPointName: mealPoint.name,
  elderName: '李*国',
  elderIdNumber: '3401**********0011',
  rules: [{ ruleId: HARDSHIP_RULE.ruleId, mealFen: 1000, deliveryFen: 0 }],
  grossFen: 1500,
  subsidyFen: 1000,
  payableFen: 500,
  deliveryFeeGrossFen: 0,
  deliverySubsidyFen: 0,
  deliveryFeeFen: 0,
  totalFen: 500,
};

/**
 * What the API answers the settlement pages (staff's 助餐补贴结算 and the canteen's 补贴结算 share one sheet): the
 * signed-in account, the canteen, and December's settlement with one subsidised lunch.
 */
export function settlementRoutes(account: SessionAccount): StandInRoutes {
  return {
    '/me': { status: 200, body: account },
    '/staff/meal-points': { status: 200, body: { items: [mealPoint] } },
    '/staff/meal-settlements': {
      status: 200,
      body: {
        providerId: mealPoint.providerId,
        providerName: mealPoint.providerName,
        month: '2026-12',
        rows: [row],
        ...totalMealSettlement([row]),
        ruleNames: [HARDSHIP_RULE],
      },
    },
  };
}

/** The texts both settlement pages show for that sheet. */
export const SETTLEMENT_TEXTS = ['安大社区长者食堂', '合计 1 餐', '应由区里支付补贴 ¥10.00', '李*国', '请在电脑浏览器中打开本页'];

/** The settlement request both pages make for the canteen. */
export const SETTLEMENT_REQUEST = 'http://127.0.0.1:3000/api/staff/meal-settlements?providerId=canteen-anda&month=';
