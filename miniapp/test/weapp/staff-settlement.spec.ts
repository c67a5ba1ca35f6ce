import { totalMealSettlement, type MealSettlementRow, type MealSubsidyRuleView } from '@linli/shared';

import { mealPoint } from '../support/meal-fixtures';
import { residentAccount } from '../support/people';
import { launchBuiltApp, renderBuiltPage, waitUntil } from './built-app';
import { createWxStandIn } from './wx-stand-in';

const staff = residentAccount({ id: 'account-zhang', role: 'staff', displayName: '张敏', residentId: null, regionId: 'community-anda', regionName: '安大社区' });

const rule: MealSubsidyRuleView = {
  id: 'rule-hardship',
  schemeId: 'scheme-hardship',
  version: 1,
  districtId: mealPoint.districtId,
  name: '蜀山区低保特困老人助餐补贴',
  effectiveFrom: '2026-01-01',
  effectiveTo: null,
  mealKinds: ['lunch'],
  eligibility: { age: null, hardshipsAny: ['subsistence_allowance'], residency: 'registered' },
  amount: { kind: 'fixed', fen: 1000 },
  specialDietExtra: null,
  delivery: null,
  caps: { mealsPerDayPerKind: 1, mealsPerMonth: null, fenPerMonth: null },
  capGroupId: 'cap',
  stacks: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  withdrawnAt: null,
};

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
  rules: [{ ruleId: rule.id, mealFen: 1000, deliveryFen: 0 }],
  grossFen: 1500,
  subsidyFen: 1000,
  payableFen: 500,
  deliveryFeeGrossFen: 0,
  deliverySubsidyFen: 0,
  deliveryFeeFen: 0,
  totalFen: 500,
};

const standIn = createWxStandIn({
  '/me': { status: 200, body: staff },
  '/staff/meal-points': { status: 200, body: { items: [mealPoint] } },
  '/staff/meal-settlements': {
    status: 200,
    body: {
      providerId: mealPoint.providerId,
      providerName: mealPoint.providerName,
      month: '2026-12',
      rows: [row],
      ...totalMealSettlement([row]),
      ruleNames: [{ ruleId: rule.id, name: rule.name, version: rule.version }],
    },
  },
  [`/districts/${mealPoint.districtId}/meal-subsidy-rules`]: { status: 200, body: { items: [rule] } },
});

beforeAll(() => {
  launchBuiltApp(standIn, 'staff/pages/meal-settlement/index');
  (standIn.wx as { setStorageSync: (key: string, value: unknown) => void }).setStorageSync('linli.session', {
    accessToken: 'access-1',
    refreshToken: 'refresh-1',
    account: staff,
  });
});

describe('built weapp 助餐补贴结算 (staff subpackage)', () => {
  it('renders the canteen, the months, the totals, the rule explained and the meal; CSV and printing are left to a computer', async () => {
    const page = renderBuiltPage('staff/pages/meal-settlement/index');
    await waitUntil('the settlement with its rule explained', () => page.querySelectorAll('.settlement-rule__what').length > 0, 20_000);

    const text = page.dom!.textContent;
    for (const expected of [
      '助餐补贴结算',
      '安大社区长者食堂',
      '合计 1 餐',
      '应由区里支付补贴 ¥10.00',
      '蜀山区低保特困老人助餐补贴 第 1 版',
      '李*国',
      '3401**********0011',
      '规则 1',
      '请在电脑浏览器中打开本页',
    ]) {
      expect(text).toContain(expected);
    }
    expect(page.querySelector('.settlement-export__csv')).toBeFalsy();
    expect(standIn.requests).toEqual(expect.arrayContaining([expect.stringContaining('http://127.0.0.1:3000/api/staff/meal-settlements?providerId=canteen-anda&month=')]));
  });
});
