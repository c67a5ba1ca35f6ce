import type { MealSubsidyRuleView } from '@linli/shared';

import { mealPoint } from '../support/meal-fixtures';
import { residentAccount } from '../support/people';
import { launchSignedIn, renderBuiltPage, waitUntil } from './built-app';
import { HARDSHIP_RULE, SETTLEMENT_REQUEST, SETTLEMENT_TEXTS, settlementRoutes } from './settlement-sheet';
import { createWxStandIn } from './wx-stand-in';

const staff = residentAccount({ id: 'account-zhang', role: 'staff', displayName: '张敏', residentId: null, regionId: 'community-anda', regionName: '安大社区' });

const rule: MealSubsidyRuleView = {
  id: HARDSHIP_RULE.ruleId,
  schemeId: 'scheme-hardship',
  version: HARDSHIP_RULE.version,
  districtId: mealPoint.districtId,
  name: HARDSHIP_RULE.name,
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

// Staff may read the district's rules, and the page explains the sheet's rule with them.
const standIn = createWxStandIn({
  ...settlementRoutes(staff),
  [`/districts/${mealPoint.districtId}/meal-subsidy-rules`]: { status: 200, body: { items: [rule] } },
});

beforeAll(() => launchSignedIn(standIn, 'staff/pages/meal-settlement/index', staff));

describe('built weapp 助餐补贴结算 (staff subpackage)', () => {
  it('renders the canteen, the months, the totals, the rule explained and the meal; CSV and printing are left to a computer', async () => {
    const page = renderBuiltPage('staff/pages/meal-settlement/index');
    await waitUntil('the settlement with its rule explained', () => page.querySelectorAll('.settlement-rule__what').length > 0, 20_000);

    const text = page.dom!.textContent;
    for (const expected of ['助餐补贴结算', ...SETTLEMENT_TEXTS, `${HARDSHIP_RULE.name} 第 1 版`, '3401**********0011', '规则 1']) {
      expect(text).toContain(expected);
    }
    expect(page.querySelector('.settlement-export__csv')).toBeFalsy();
    expect(standIn.requests).toEqual(expect.arrayContaining([expect.stringContaining(SETTLEMENT_REQUEST)]));
  });
});
