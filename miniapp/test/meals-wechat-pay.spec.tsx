import Taro from '@tarojs/taro';
import { act, fireEvent, render, renderHook, waitFor } from '@testing-library/react';

import { MealBalancePage } from '../src/meals/pages/balance';
import { MealOrderPage } from '../src/meals/pages/order';
import { MealOrdersPage } from '../src/meals/pages/orders';
import { useWechatPay, WECHAT_PAY_MESSAGES } from '../src/meals/hooks/useWechatPay';
import { createFakeApi, meRoutes, signInTo } from './support/fake-api';
import { createFakeMeals, mealRoutes, orderOf } from './support/fake-meals';
import { createFakeWechatPay, PAY_PARAMETERS, wechatPayRoutes } from './support/fake-wechat-pay';
import { TOMORROW } from './support/meal-fixtures';
import { findOne } from './support/interact';
import { profileOf } from './support/people';
import { servePerTest } from './support/serve';
import { routeParams } from './support/taro-h5';

import type { WechatPayable } from '../src/meals/hooks/useWechatPay';
import type { FakeMeals } from './support/fake-meals';
import type { FakeWechatPay } from './support/fake-wechat-pay';

const serveRoutes = servePerTest();

const father = { ...profileOf({ id: 'member-li', name: '李建国', address: '中南路 12 号', communityId: 'community-anda', hasOwnAccount: false }), relation: '父亲' as const };

async function serve(meals: FakeMeals, pay: FakeWechatPay) {
  const api = createFakeApi({ members: [father], profile: profileOf() });
  signInTo(api);
  await serveRoutes({ ...meRoutes(api), ...mealRoutes(api, meals), ...wechatPayRoutes(api, meals, pay) });
  return api;
}

function click(node: Element | null | undefined): void {
  if (!node) throw new Error('nothing to click');
  fireEvent.click(node);
}

const optionNamed = (container: HTMLElement, text: string) => [...container.querySelectorAll('.choice-grid__option')].find((node) => node.textContent?.includes(text));

beforeEach(() => localStorage.clear());
afterEach(() => jest.restoreAllMocks());

describe('微信支付 on the order screen (H5 demo: 模拟支付)', () => {
  it('places the order with 微信支付, pays it through the labelled 模拟支付, and shows it paid once the API confirms', async () => {
    const meals = createFakeMeals();
    const pay = createFakeWechatPay();
    await serve(meals, pay);
    Object.assign(routeParams, { point: 'point-anda', date: TOMORROW, kind: 'lunch', dish: 'd-chicken', person: 'member-li' });
    const { container } = render(<MealOrderPage />);

    await waitFor(() => expect(optionNamed(container, '微信支付')).toBeDefined());
    click(optionNamed(container, '微信支付'));
    click(container.querySelector('.meal-form__submit'));
    click(await findOne(container, '.meal-confirm'));

    const saved = await findOne(container, '.meal-saved');
    expect(saved.querySelector('.meal-saved__title')!.textContent).toBe('已下单，请完成微信支付');
    expect(saved.querySelector('.meal-saved__code')).toBeNull();
    expect(saved.querySelector('.wechat-pay__demo')!.textContent).toBe(WECHAT_PAY_MESSAGES.DEMO_NOTE);
    const button = saved.querySelector('.wechat-pay__button')!;
    expect(button.textContent).toBe('模拟支付 ¥5.00（演示）');
    expect(meals.posts[0].body.paymentMethod).toBe('wechat_pay');
    // Nothing is paid before the tap (the demo never pays on its own).
    expect(pay.simulated).toEqual([]);

    click(button);
    await waitFor(() => expect(container.querySelector('.meal-saved__title')!.textContent).toBe('订餐成功'));
    expect(pay.simulated).toEqual(['order:order-1']);
    expect(pay.checks).toBe(1);
    expect(container.querySelector('.wechat-pay__button')).toBeNull();
    expect(container.querySelector('.meal-saved__code')).not.toBeNull();
  });
});

describe('微信支付 from 我的订餐', () => {
  it('an order left unpaid shows 模拟支付 (no 取餐码 yet); paid, it shows its pickup code, and its cancel says the money goes back to WeChat', async () => {
    const meals = createFakeMeals();
    const pay = createFakeWechatPay();
    const unpaid = orderOf(
      {
        mealPointId: 'point-anda',
        residentId: 'member-li',
        mealDate: TOMORROW,
        mealKind: 'lunch',
        fulfilment: 'pickup',
        lines: [{ dishId: 'd-chicken', quantity: 1 }],
        paymentMethod: 'wechat_pay',
      },
      'order-1',
    );
    meals.orders = [{ ...unpaid, actions: ['pay', 'cancel'] }];
    await serve(meals, pay);
    const { container } = render(<MealOrdersPage />);

    const button = await findOne(container, '.wechat-pay__button');
    expect(container.querySelector('.meal-order__code')).toBeNull();
    click(button);
    await waitFor(() => expect(container.querySelector('.meal-order__code')).not.toBeNull());
    expect(container.querySelector('.wechat-pay__button')).toBeNull();
    expect(pay.simulated).toEqual(['order:order-1']);

    click(container.querySelector('.meal-order__cancel'));
    expect((await findOne(container, '.meal-cancel-dialog')).textContent).toContain('会原路退回微信');
  });
});

describe('退款 on 我的订餐', () => {
  const wechatOrder = (id: string) =>
    orderOf(
      {
        mealPointId: 'point-anda',
        residentId: 'member-li',
        mealDate: TOMORROW,
        mealKind: 'lunch',
        fulfilment: 'pickup',
        lines: [{ dishId: 'd-chicken', quantity: 1 }],
        paymentMethod: 'wechat_pay',
      },
      id,
    );

  it('says where each WeChat Pay refund stands: 退款中, 已退款, and 退款未到账 with whom to call', async () => {
    const meals = createFakeMeals();
    meals.orders = [
      { ...wechatOrder('order-pending'), status: 'cancelled', actions: [], refunds: { pendingFen: 1250, refundedFen: 250, failedFen: 0 } },
      { ...wechatOrder('order-back'), status: 'refunded', actions: [], refunds: { pendingFen: 0, refundedFen: 1500, failedFen: 0 } },
      { ...wechatOrder('order-failed'), status: 'cancelled', actions: [], refunds: { pendingFen: 0, refundedFen: 1000, failedFen: 500 } },
      { ...wechatOrder('order-kept'), status: 'paid', actions: [] },
    ];
    await serve(meals, createFakeWechatPay());
    const { container } = render(<MealOrdersPage />);

    await waitFor(() => expect(container.querySelectorAll('.meal-order')).toHaveLength(4));
    const cards = [...container.querySelectorAll('.meal-order')];
    const refundOf = (index: number) => cards[index].querySelector('.meal-order__refund');
    expect(refundOf(0)!.textContent).toBe('退款中 ¥12.50（已退款 ¥2.50），将原路退回微信');
    expect(refundOf(1)!.textContent).toBe('已退款 ¥15.00，已退回微信');
    expect(cards[1].textContent).toContain('钱已原路退回微信');
    expect(cards[1].textContent).not.toContain('助餐余额');
    expect(refundOf(2)!.textContent).toBe('退款未到账 ¥5.00，请联系食堂');
    expect(refundOf(2)!.className).toContain('meal-order__refund--problem');
    expect(refundOf(3)).toBeNull();
    expect(cards[3].textContent).toContain('已用微信支付');
  });
});

describe('useWechatPay in WeChat (wx.requestPayment)', () => {
  function payable(overrides: Partial<WechatPayable> = {}): WechatPayable & { checks: number; fetched: number } {
    const target = {
      checks: 0,
      fetched: 0,
      fetchParameters: async () => {
        target.fetched += 1;
        return PAY_PARAMETERS;
      },
      simulate: () => Promise.reject(new Error('not in WeChat')),
      check: async () => {
        target.checks += 1;
        return true;
      },
      ...overrides,
    };
    return target;
  }

  it('opens the cashier with the API’s parameters once for a double tap, and is paid when the API confirms', async () => {
    const requestPayment = jest.spyOn(Taro, 'requestPayment').mockResolvedValue({ errMsg: 'requestPayment:ok' });
    const { result } = renderHook(() => useWechatPay({ demo: false, checkIntervalMs: 0 }));
    const target = payable();
    act(() => {
      result.current.pay(target);
      result.current.pay(target);
    });
    await waitFor(() => expect(result.current.state.status).toBe('paid'));
    expect(requestPayment).toHaveBeenCalledTimes(1);
    expect(requestPayment).toHaveBeenCalledWith(PAY_PARAMETERS);
    expect(target.fetched).toBe(1);
  });

  it('says 支付已取消 when the payer closes the cashier and 支付失败 when WeChat refuses, asking the API nothing', async () => {
    jest.spyOn(Taro, 'requestPayment').mockRejectedValueOnce({ errMsg: 'requestPayment:fail cancel' }).mockRejectedValueOnce({ errMsg: 'requestPayment:fail' });
    const { result } = renderHook(() => useWechatPay({ demo: false, checkIntervalMs: 0 }));
    const target = payable({ parameters: PAY_PARAMETERS });
    act(() => result.current.pay(target));
    await waitFor(() => expect(result.current.state).toEqual({ status: 'cancelled', message: WECHAT_PAY_MESSAGES.CANCELLED }));
    act(() => result.current.pay(target));
    await waitFor(() => expect(result.current.state).toEqual({ status: 'failed', message: WECHAT_PAY_MESSAGES.FAILED }));
    expect(target.checks).toBe(0);
    expect(target.fetched).toBe(0);
  });

  it('says 支付中 when WeChat Pay has not confirmed after the checks', async () => {
    jest.spyOn(Taro, 'requestPayment').mockResolvedValue({ errMsg: 'requestPayment:ok' });
    const { result } = renderHook(() => useWechatPay({ demo: false, checks: 3, checkIntervalMs: 0 }));
    const target = payable({ check: async () => ((target.checks += 1), false) });
    act(() => result.current.pay(target));
    await waitFor(() => expect(result.current.state).toEqual({ status: 'pending', message: WECHAT_PAY_MESSAGES.PENDING }));
    expect(target.checks).toBe(3);
  });
});

describe('在线充值 on the balance screen', () => {
  it('50 / 100 / 200 元 as big choices; 200 元 paid through 模拟支付 is credited and the balance reloads', async () => {
    const meals = createFakeMeals();
    const pay = createFakeWechatPay();
    const api = await serve(meals, pay);
    routeParams.person = 'member-li';
    const { container } = render(<MealBalancePage />);

    expect((await findOne(container, '.balance-total__amount')).textContent).toBe('¥100.00');
    const choices = [...container.querySelectorAll('.balance-top-up .choice-grid__option')].map((node) => node.textContent);
    expect(choices).toEqual(['¥50.00', '¥100.00', '¥200.00']);
    click(optionNamed(container, '¥200.00'));
    const button = container.querySelector('.balance-top-up .wechat-pay__button')!;
    await waitFor(() => expect(button.textContent).toBe('模拟支付 ¥200.00（演示）'));
    click(button);

    await waitFor(() => expect(container.querySelector('.wechat-pay__message--paid')?.textContent).toBe('支付成功'));
    await waitFor(() => expect(container.querySelector('.balance-total__amount')!.textContent).toBe('¥300.00'));
    expect(pay.topUps).toEqual([expect.objectContaining({ residentId: 'member-li', amountFen: 20000, status: 'credited' })]);
    expect(pay.topUps[0].key).toBeTruthy();
    expect(pay.simulated).toEqual(['top-up:top-up-1']);
    expect(api.calls.filter((call) => call.startsWith('GET /meal-balances/member-li'))).toHaveLength(2);
  });
});
