import { mealPoint, priceOf, weekMenu, TODAY, TOMORROW } from '../support/meal-fixtures';
import { profileOf, residentAccount } from '../support/people';
import { launchBuiltApp, renderBuiltPage, waitUntil } from './built-app';
import { createWxStandIn } from './wx-stand-in';

const resident = residentAccount({ phoneBound: true });
const father = { ...profileOf({ id: 'member-li', name: '李建国', communityId: 'community-anda', hasOwnAccount: false }), relation: '父亲' };
const standIn = createWxStandIn({
  '/me': { status: 200, body: resident },
  '/me/profile': { status: 200, body: { profile: profileOf() } },
  '/household/members': { status: 200, body: { items: [father] } },
  '/meal-points': { status: 200, body: { items: [mealPoint] } },
  [`/meal-points/${mealPoint.id}/menu`]: { status: 200, body: { mealPointId: mealPoint.id, from: TODAY, to: TOMORROW, meals: weekMenu() } },
  '/meal-quotes': {
    status: 200,
    body: priceOf({
      mealPointId: mealPoint.id,
      residentId: 'member-li',
      mealDate: TOMORROW,
      mealKind: 'lunch',
      fulfilment: 'dine_in',
      lines: [{ dishId: 'd-chicken', quantity: 1 }],
    }),
  },
});

beforeAll(() => {
  launchBuiltApp(standIn, 'meals/pages/index/index');
  (standIn.wx as { setStorageSync: (key: string, value: unknown) => void }).setStorageSync('linli.session', {
    accessToken: 'access-1',
    refreshToken: 'refresh-1',
    account: resident,
  });
});

describe('built weapp meal home (meals subpackage)', () => {
  it('renders for whom, the meal point and tomorrow’s lunch with tags and the price after subsidy, then opens the order screen', async () => {
    const home = renderBuiltPage('meals/pages/index/index');
    await waitUntil('the menu with prices', () => home.querySelectorAll('.meal-price__payable').length > 0, 20_000);

    const text = home.dom!.textContent;
    for (const expected of [
      '老年助餐',
      '为谁订餐',
      '王秀英（本人）',
      '李建国（父亲）',
      '安大社区助餐点',
      '午餐',
      '09:30 前可订/可改',
      '少盐',
      '软烂易嚼',
      '原价 ¥15.00',
      '补贴 ¥10.00',
      '实付 ¥5.00',
      '已售完',
    ]) {
      expect(text).toContain(expected);
    }
    expect(standIn.requests).toEqual(
      expect.arrayContaining([
        'http://127.0.0.1:3000/api/household/members',
        expect.stringContaining('http://127.0.0.1:3000/api/meal-points?'),
        'http://127.0.0.1:3000/api/meal-quotes',
      ]),
    );

    home.querySelector('.dish-card__order')!.dispatchEvent('tap');
    await waitUntil('the order screen opened', () => standIn.navigations.some((url) => url.startsWith('/meals/pages/order/index?point=point-anda')));
  });
});
