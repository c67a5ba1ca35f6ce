import { mealPoint } from '../support/meal-fixtures';
import { residentAccount } from '../support/people';
import { launchSignedIn, renderBuiltPage, waitUntil } from './built-app';
import { HARDSHIP_RULE, SETTLEMENT_REQUEST, SETTLEMENT_TEXTS, settlementRoutes } from './settlement-sheet';
import { createWxStandIn } from './wx-stand-in';

const operator = residentAccount({ id: 'account-canteen', role: 'provider_admin', displayName: '长者食堂管理员', residentId: null, providerId: mealPoint.providerId });

// No route for the district's rules: the operator may not read them, and the page never asks.
const standIn = createWxStandIn(settlementRoutes(operator));

beforeAll(() => launchSignedIn(standIn, 'canteen/pages/settlement/index', operator));

describe('built weapp 补贴结算 (canteen subpackage)', () => {
  it('renders the month with each rule by the name the settlement gives; CSV and printing are left to a computer', async () => {
    const page = renderBuiltPage('canteen/pages/settlement/index');
    await waitUntil('the settlement with its meal', () => page.querySelectorAll('.settlement-row').length > 0, 20_000);

    const text = page.dom!.textContent;
    for (const expected of ['补贴结算', ...SETTLEMENT_TEXTS, `规则 1 · ${HARDSHIP_RULE.name} 第 1 版`]) {
      expect(text).toContain(expected);
    }
    expect(page.querySelector('.settlement-export__csv')).toBeFalsy();
    expect(standIn.requests).toEqual(expect.arrayContaining([expect.stringContaining(SETTLEMENT_REQUEST)]));
    expect(standIn.requests.some((url) => url.includes('meal-subsidy-rules'))).toBe(false);
  });
});
