import { fireEvent, render, waitFor } from '@testing-library/react';

import { MealsHomePage } from '../src/meals/pages/index';
import { MealOrderPage } from '../src/meals/pages/order';
import { MealOrdersPage } from '../src/meals/pages/orders';
import { MealBalancePage } from '../src/meals/pages/balance';
import { MealPickupPage } from '../src/meals/pages/pickup';
import { createFakeApi, meRoutes, signInTo } from './support/fake-api';
import { createFakeMeals, mealRoutes, orderOf } from './support/fake-meals';
import { TOMORROW } from './support/meal-fixtures';
import { findAll, findOne } from './support/interact';
import { profileOf } from './support/people';
import { servePerTest } from './support/serve';
import { installSpeech, removeSpeech } from './support/speech';
import { locationStub, mapStub, navigations, routeParams } from './support/taro-h5';

import type { FakeMeals } from './support/fake-meals';

const serveRoutes = servePerTest();

const father = { ...profileOf({ id: 'member-li', name: '李建国', address: '中南路 12 号', communityId: 'community-anda', hasOwnAccount: false }), relation: '父亲' as const };

async function serve(fake: FakeMeals) {
  const api = createFakeApi({ members: [father], profile: profileOf() });
  signInTo(api);
  const server = await serveRoutes({ ...meRoutes(api), ...mealRoutes(api, fake) });
  return { api, server };
}

function click(node: Element | null | undefined): void {
  if (!node) throw new Error('nothing to click');
  fireEvent.click(node);
}

const optionNamed = (container: HTMLElement, text: string) => [...container.querySelectorAll('.choice-grid__option')].find((node) => node.textContent?.includes(text));

beforeEach(() => localStorage.clear());

describe('老年助餐 meal home', () => {
  it('for whom (remembered), the point of the person’s community, the menu with cut-off, closed and sold-out states, and the price after subsidy for that person', async () => {
    const fake = createFakeMeals();
    const { api } = await serve(fake);
    const { container, unmount } = render(<MealsHomePage />);

    const people = await findAll(container, '.choice-grid__option');
    expect(people.slice(0, 2).map((node) => node.textContent)).toEqual(['王秀英（本人）', '李建国（父亲）']);
    click(optionNamed(container, '李建国'));

    // Location refused: the points are asked for by 李建国's community, without a position.
    await waitFor(() => expect(api.calls).toContain('GET /meal-points?communityId=community-anda'));
    expect((await findOne(container, '.meal-point')).textContent).toContain('为李建国所在社区供餐');

    // Today's meals are over or closed, so tomorrow opens first: its lunch, priced for 李建国.
    const lunch = await findOne(container, '.meal-section[data-meal="lunch"]');
    await waitFor(() => expect(lunch.querySelector('.meal-price')).not.toBeNull());
    expect(lunch.textContent).toContain('09:30 前可订/可改');
    const [chicken, fish] = [...lunch.querySelectorAll('.dish-card')];
    expect(chicken.textContent).toContain('少盐');
    expect(chicken.textContent).toContain('软烂易嚼');
    expect(chicken.querySelector('.meal-price__gross')!.textContent).toBe('原价 ¥15.00');
    expect(chicken.querySelector('.meal-price__subsidy')!.textContent).toBe('补贴 ¥10.00');
    expect(chicken.querySelector('.meal-price__payable')!.textContent).toBe('实付 ¥5.00');
    expect(chicken.textContent).toContain('蜀山区低保特困老人助餐补贴');
    expect(fish.textContent).toContain('已售完');
    expect(fish.querySelector('.dish-card__order')).toBeNull();
    expect(fake.quotes.every((quote) => quote.residentId === 'member-li' && quote.mealDate === TOMORROW)).toBe(true);

    // Today: lunch past its cut-off, dinner closed with the canteen's reason; nothing to order.
    click(optionNamed(container, '今天'));
    await waitFor(() => expect(container.textContent).toContain('停餐：设备检修'));
    expect(container.textContent).toContain('已过订餐截止时间');
    expect(container.querySelector('.dish-card__order')).toBeNull();

    // 订这份午餐 opens the order screen for that dish and person.
    click(optionNamed(container, '明天'));
    click(await findOne(container, '.dish-card__order'));
    expect(navigations.at(-1)!.url).toBe(`/meals/pages/order/index?point=point-anda&date=${TOMORROW}&kind=lunch&dish=d-chicken&person=member-li`);

    // The choice is remembered: the next visit starts with 李建国.
    unmount();
    const again = render(<MealsHomePage />);
    await waitFor(() => expect(again.container.querySelector('.choice-grid__option--selected')?.textContent).toBe('李建国（父亲）'));
  });

  it('asks for the nearest points when the phone gives its position', async () => {
    locationStub.answer = { latitude: 31.8452, longitude: 117.2625 };
    const { api } = await serve(createFakeMeals());
    const { container } = render(<MealsHomePage />);
    await findOne(container, '.meal-point');
    expect(api.calls).toContain('GET /meal-points?communityId=c-yangguang&latitude=31.8452&longitude=117.2625');
  });
});

describe('ordering a meal', () => {
  const openOrder = async (fake: FakeMeals) => {
    const served = await serve(fake);
    Object.assign(routeParams, { point: 'point-anda', date: TOMORROW, kind: 'lunch', dish: 'd-chicken', person: 'member-li' });
    return { ...served, ...render(<MealOrderPage />) };
  };

  it('one portion of the dish tapped, paid from the balance: the price after subsidy, one order for a double tap, the same key on a retry', async () => {
    const fake = createFakeMeals();
    const { container } = await openOrder(fake);

    await waitFor(() => expect(optionNamed(container, '助餐余额')?.textContent).toBe('助餐余额（余额 ¥100.00）'));
    expect((await findOne(container, '.meal-form__title')).textContent).toContain('李建国');
    expect(container.querySelector('.meal-stepper__value')!.textContent).toBe('1 份');
    click(optionNamed(container, '助餐余额'));
    await waitFor(() => expect(container.querySelector('.meal-form .meal-price__payable')?.textContent).toBe('实付 ¥5.00'));

    // 确认订餐 reads the order back first; nothing is sent before its 确认.
    click(container.querySelector('.meal-form__submit'));
    const step = await findOne(container, '.meal-confirm-step');
    expect(step.querySelector('.read-back__sentence')!.textContent).toMatch(/^将为 李建国 订 明天\d+月\d+日（周.）的午餐：红烧鸡腿套餐 1 份，在 \S+ 堂食，实付 5.00 元，助餐余额$/);
    expect(fake.posts).toHaveLength(0);

    // A lost answer: the network fails once, the resident taps again and the same key goes out.
    fake.refuseNext = { status: 502, body: '' };
    click(container.querySelector('.meal-confirm'));
    await waitFor(() => expect(container.querySelector('.meal-form__message')).not.toBeNull());
    const submit = container.querySelector('.meal-confirm')!;
    click(submit);
    click(submit);
    await findOne(container, '.meal-saved');

    expect(fake.posts).toHaveLength(2);
    expect(fake.posts[0].key).toBeTruthy();
    expect(fake.posts[1].key).toBe(fake.posts[0].key);
    expect(fake.posts[1].body).toEqual({
      mealPointId: 'point-anda',
      residentId: 'member-li',
      mealDate: TOMORROW,
      mealKind: 'lunch',
      fulfilment: 'dine_in',
      lines: [{ dishId: 'd-chicken', quantity: 1 }],
      paymentMethod: 'balance',
    });
    expect(container.querySelector('.meal-saved')!.textContent).toContain('订餐成功');
    expect(fake.balanceFen).toBe(9500);
  });

  it('says in plain Chinese when the balance is short, and when the dish sold out meanwhile', async () => {
    const fake = createFakeMeals();
    const { container } = await openOrder(fake);
    await waitFor(() => expect(optionNamed(container, '助餐余额')).toBeDefined());
    click(optionNamed(container, '助餐余额'));

    fake.refuseNext = { status: 422, body: { code: 'BALANCE_INSUFFICIENT', message: '助餐余额不足', details: { balanceFen: 300, amountFen: 500 }, requestId: 'r' } };
    click(await findOne(container, '.meal-form__submit'));
    click(await findOne(container, '.meal-confirm'));
    await waitFor(() =>
      expect(container.querySelector('.meal-form__message')?.textContent).toBe('助餐余额不够：余额 3.00 元，这餐要付 5.00 元。请改用“到店付”，或请社区工作人员充值。'),
    );

    fake.refuseNext = { status: 409, body: { code: 'MEAL_SOLD_OUT', message: '红烧鸡腿套餐已售完', details: { dishId: 'd-chicken' }, requestId: 'r' } };
    click(container.querySelector('.meal-confirm'));
    await waitFor(() => expect(container.querySelector('.meal-form__message')?.textContent).toContain('红烧鸡腿套餐已售完。这道菜已经卖完了'));

    // 返回修改: the form again, as it was. Delivery goes to the person's own address.
    click(container.querySelector('.meal-confirm-step__back'));
    await findOne(container, '.meal-form__submit');
    click(optionNamed(container, '送餐'));
    await waitFor(() => expect(container.querySelector('.meal-form__address')?.textContent).toBe('送到：中南路 12 号'));
  });

  it('送餐 to a door picked on the map: the quote and the order carry its point (the canteen checks its radius), a closed picker keeps the address', async () => {
    const fake = createFakeMeals();
    const { container } = await openOrder(fake);
    await waitFor(() => expect(optionNamed(container, '送餐')).toBeDefined());
    click(optionNamed(container, '送餐'));
    const place = await findOne(container, '.meal-form__place');
    expect(place.textContent).toBe('在地图上选家门位置（可不选）');

    mapStub.chosen = 'cancelled';
    click(place);
    expect((await findOne(container, '.meal-form__place-hint')).textContent).toBe('没有选到位置。不选也可以，送餐员会按地址送到。');

    mapStub.chosen = { latitude: 31.8421, longitude: 117.2512, name: '中南路 12 号院', address: '合肥市蜀山区中南路 12 号' };
    click(place);
    await waitFor(() => expect(container.querySelector('.meal-form__place')?.textContent).toBe('已在地图上选：中南路 12 号院（点此重选）'));
    await waitFor(() => expect(fake.quotes.at(-1)).toMatchObject({ fulfilment: 'delivery', latitude: 31.8421, longitude: 117.2512 }));

    click(container.querySelector('.meal-form__submit'));
    expect((await findOne(container, '.read-back__sentence')).textContent).toContain('由 ');
    click(await findOne(container, '.meal-confirm'));
    await findOne(container, '.meal-saved');
    expect(fake.posts.at(-1)!.body).toMatchObject({ fulfilment: 'delivery', latitude: 31.8421, longitude: 117.2512 });
  });

  it('dining in never sends a point picked for 送餐', async () => {
    const fake = createFakeMeals();
    const { container } = await openOrder(fake);
    await waitFor(() => expect(optionNamed(container, '送餐')).toBeDefined());
    click(optionNamed(container, '送餐'));
    mapStub.chosen = { latitude: 31.8421, longitude: 117.2512, name: '中南路 12 号院', address: '合肥市蜀山区中南路 12 号' };
    click(await findOne(container, '.meal-form__place'));
    await waitFor(() => expect(container.querySelector('.meal-form__place')?.textContent).toContain('已在地图上选'));
    click(optionNamed(container, '堂食'));
    click(container.querySelector('.meal-form__submit'));
    click(await findOne(container, '.meal-confirm'));
    await findOne(container, '.meal-saved');
    expect(fake.posts.at(-1)!.body.fulfilment).toBe('dine_in');
    expect(fake.posts.at(-1)!.body).not.toHaveProperty('latitude');
  });
});

describe('my meal orders', () => {
  afterEach(removeSpeech);

  it('lists the household’s orders with the pickup code, change and cancel; cancel asks first, and reads the question aloud', async () => {
    const { spoken } = installSpeech();
    const fake = createFakeMeals();
    const { api } = await serve(fake);
    fake.orders = [
      {
        id: 'order-1',
        status: 'paid',
        mealPoint: { id: 'point-anda', name: '安大社区助餐点', address: '肥西路 3 号' },
        resident: { id: 'member-li', name: '李建国' },
        mealDate: TOMORROW,
        mealKind: 'lunch',
        fulfilment: 'dine_in',
        paymentMethod: 'balance',
        lines: [{ dishId: 'd-chicken', name: '红烧鸡腿套餐', unitPriceFen: 1500, quantity: 1, tags: [] }],
        price: { gross: 1500, subsidy: 1000, payable: 500, deliveryFeeGross: 0, deliverySubsidy: 0, deliveryFee: 0, total: 500, appliedRuleIds: [], applied: [], explanation: [] },
        cutOffAt: `${TOMORROW}T01:30:00.000Z`,
        cancelReason: null,
        collectedAt: null,
        createdAt: new Date().toISOString(),
        actions: ['change', 'cancel'],
      },
    ];
    const { container } = render(<MealOrdersPage />);
    const card = await findOne(container, '.meal-order');
    expect(card.textContent).toContain('用餐人：李建国');
    expect(card.textContent).toContain('已支付');
    expect(card.textContent).toContain('09:30 前可订/可改');

    click(card.querySelector('.meal-order__code'));
    expect(navigations.at(-1)!.url).toBe('/meals/pages/pickup/index?id=order-1');
    click(card.querySelector('.meal-order__change'));
    expect(navigations.at(-1)!.url).toBe('/meals/pages/order/index?order=order-1');

    click(card.querySelector('.meal-order__cancel'));
    const dialog = await findOne(container, '.meal-cancel-dialog');
    expect(dialog.textContent).toMatch(/将取消 李建国 明天\d+月\d+日（周.）在 安大社区助餐点 的午餐订单/);
    expect(dialog.textContent).toContain('已付的 ¥5.00 会退回助餐余额');
    // 朗读 in the question reads what is given up, for whom and when, and the money (issue 16).
    click(dialog.querySelector('.confirm-dialog__read-aloud'));
    expect(spoken.at(-1)!.text).toMatch(/^取消这个订餐？将取消 李建国 明天\d+月\d+日（周.）在 安大社区助餐点 的午餐订单。已付的 ¥5.00 会退回助餐余额。$/);
    click(dialog.querySelector('.confirm-dialog__confirm'));
    await waitFor(() => expect(container.querySelector('.meal-order__status')?.textContent).toBe('已退款'));
    expect(api.calls).toContain('POST /meal-orders/order-1/cancel');
  });
});

describe('changing an order, its pickup code and the balance', () => {
  const placed = () =>
    orderOf(
      {
        mealPointId: 'point-anda',
        residentId: 'member-li',
        mealDate: TOMORROW,
        mealKind: 'lunch',
        fulfilment: 'dine_in',
        lines: [{ dishId: 'd-chicken', quantity: 1 }],
        paymentMethod: 'balance',
      },
      'order-1',
    );

  it('修改份数 opens the order with its portions; saving sends the new lines only (no new quote, payment kept)', async () => {
    const fake = createFakeMeals();
    fake.orders = [placed()];
    await serve(fake);
    routeParams.order = 'order-1';
    const { container } = render(<MealOrderPage />);

    expect((await findOne(container, '.meal-form__title')).textContent).toContain('修改订单：李建国');
    const [chickenValue] = await findAll(container, '.meal-stepper__value');
    expect(chickenValue.textContent).toBe('1 份');
    expect(container.textContent).toContain('堂食，助餐余额');
    expect(optionNamed(container, '到店付')).toBeUndefined();
    click(container.querySelector('.meal-stepper__plus'));
    await waitFor(() => expect(container.querySelector('.meal-stepper__value')!.textContent).toBe('2 份'));
    click(container.querySelector('.meal-form__submit'));
    expect((await findOne(container, '.meal-confirm-step')).textContent).toContain('核对修改');
    click(container.querySelector('.meal-confirm'));

    expect((await findOne(container, '.meal-saved')).textContent).toContain('已保存修改');
    expect(fake.changes).toEqual([{ lines: [{ dishId: 'd-chicken', quantity: 2 }] }]);
    expect(fake.quotes).toEqual([]);
    expect(container.querySelector('.meal-form__wechat-pay-change')).toBeNull();
  });

  it('修改份数 of a WeChat Pay order says first that it can only become smaller (the API refuses more)', async () => {
    const fake = createFakeMeals();
    fake.orders = [{ ...placed(), paymentMethod: 'wechat_pay' }];
    await serve(fake);
    routeParams.order = 'order-1';
    const { container } = render(<MealOrderPage />);
    expect((await findOne(container, '.meal-form__wechat-pay-change')).textContent).toBe('微信支付的订单只能减少份数，少的钱原路退回微信。要加菜，请再下一单。');
  });

  it('the pickup code shows six digits under the QR and is asked for again before it expires', async () => {
    const fake = createFakeMeals();
    fake.orders = [placed()];
    // Valid for 62 s: renewed after the shortest wait (5 s), a minute before it would expire.
    fake.codeValidMs = 62_000;
    await serve(fake);
    routeParams.id = 'order-1';
    const { container } = render(<MealPickupPage />);

    expect((await findOne(container, '.check-in-code__short')).textContent).toBe('123 456');
    expect(container.querySelector('.check-in-code__qr')).not.toBeNull();
    expect(fake.codesIssued).toBe(1);
    await waitFor(() => expect(fake.codesIssued).toBe(2), { timeout: 8000 });
  }, 15_000);

  it('the balance and its ledger, twenty rows at a time', async () => {
    const fake = createFakeMeals();
    fake.balanceFen = 9500;
    fake.entries = Array.from({ length: 25 }, (_, index) => ({
      id: `entry-${25 - index}`,
      sequence: 25 - index,
      kind: index === 24 ? ('top_up' as const) : ('meal_payment' as const),
      amountFen: index === 24 ? 10000 : -20,
      balanceAfterFen: 9500 + index * 20,
      mealOrderId: null,
      method: index === 24 ? ('cash' as const) : null,
      note: null,
      createdAt: '2026-12-01T02:00:00.000Z',
    }));
    await serve(fake);
    routeParams.person = 'member-li';
    const { container } = render(<MealBalancePage />);

    expect((await findOne(container, '.balance-total__amount')).textContent).toBe('¥95.00');
    expect(container.querySelector('.balance-total__label')!.textContent).toBe('李建国的助餐余额');
    expect(container.querySelectorAll('.balance-entry')).toHaveLength(20);
    expect(container.querySelector('.balance-entry__amount')!.textContent).toBe('-¥0.20');
    click(container.querySelector('.balance-more'));
    await waitFor(() => expect(container.querySelectorAll('.balance-entry')).toHaveLength(25));
    expect(container.querySelector('.balance-more')).toBeNull();
    expect([...container.querySelectorAll('.balance-entry')].at(-1)!.textContent).toContain('充值 · 现金');
  });
});
