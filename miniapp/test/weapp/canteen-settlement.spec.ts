import { totalMealSettlement, type MealSettlementRow } from '@linli/shared';

import { mealPoint } from '../support/meal-fixtures';
import { residentAccount } from '../support/people';
import { launchBuiltApp, renderBuiltPage, waitUntil } from './built-app';
import { createWxStandIn } from './wx-stand-in';

const operator = residentAccount({ id: 'account-canteen', role: 'provider_admin', displayName: '长者食堂管理员', residentId: null, providerId: mealPoint.providerId });

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
  rules: [{ ruleId: 'rule-hardship', mealFen: 1000, deliveryFen: 0 }],
  grossFen: 1500,
  subsidyFen: 1000,
  payableFen: 500,
  deliveryFeeGrossFen: 0,
  deliverySubsidyFen: 0,
  deliveryFeeFen: 0,
  totalFen: 500,
};

// No route for the district's rules: the operator may not read them, and the page never asks.
const standIn = createWxStandIn({
  '/me': { status: 200, body: operator },
  '/staff/meal-points': { status: 200, body: { items: [mealPoint] } },
  '/staff/meal-settlements': {
    status: 200,
    body: {
      providerId: mealPoint.providerId,
      providerName: mealPoint.providerName,
      month: '2026-12',
      rows: [row],
      ...totalMealSettlement([row]),
      ruleNames: [{ ruleId: 'rule-hardship', name: '蜀山区低保特困老人助餐补贴', version: 1 }],
    },
  },
});

beforeAll(() => {
  launchBuiltApp(standIn, 'canteen/pages/settlement/index');
  (standIn.wx as { setStorageSync: (key: string, value: unknown) => void }).setStorageSync('linli.session', {
    accessToken: 'access-1',
    refreshToken: 'refresh-1',
    account: operator,
  });
});

describe('built weapp 补贴结算 (canteen subpackage)', () => {
  it('renders the month with each rule by the name the settlement gives; CSV and printing are left to a computer', async () => {
    const page = renderBuiltPage('canteen/pages/settlement/index');
    await waitUntil('the settlement with its meal', () => page.querySelectorAll('.settlement-row').length > 0, 20_000);

    const text = page.dom!.textContent;
    for (const expected of [
      '补贴结算',
      '安大社区长者食堂',
      '合计 1 餐',
      '应由区里支付补贴 ¥10.00',
      '规则 1 · 蜀山区低保特困老人助餐补贴 第 1 版',
      '李*国',
      '请在电脑浏览器中打开本页',
    ]) {
      expect(text).toContain(expected);
    }
    expect(page.querySelector('.settlement-export__csv')).toBeFalsy();
    expect(standIn.requests).toEqual(expect.arrayContaining([expect.stringContaining('http://127.0.0.1:3000/api/staff/meal-settlements?providerId=canteen-anda&month=')]));
    expect(standIn.requests.some((url) => url.includes('meal-subsidy-rules'))).toBe(false);
  });
});
