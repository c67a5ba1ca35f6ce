import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { shanghaiDateOf } from '@linli/shared';

import type { MealPointView, MealSettlement } from '@linli/shared';

import { CanteenHomePage } from '../src/canteen/pages/index';
import { CanteenSettlementPage } from '../src/canteen/pages/settlement';
import { ROUTES } from '../src/navigation/routes';
import { authed, createFakeApi, meRoutes, signInTo } from './support/fake-api';
import { mealPointFixture } from './support/fake-canteen';
import { deliveryRule, hardshipRule, jinzhaiPoint, rowOf, settlementOf } from './support/fake-settlement';
import { sendJson } from './support/fixture-server';
import { findAll, findOne } from './support/interact';
import { residentAccount } from './support/people';
import { servePerTest } from './support/serve';
import { navigations } from './support/taro-h5';

const serveRoutes = servePerTest();

/** The canteen's operator: runs its meal points, may not read the district's subsidy rules. */
const operator = residentAccount({ id: 'account-canteen', role: 'provider_admin', displayName: '长者食堂管理员', residentId: null, providerId: 'provider-canteen' });

function click(node: Element | null | undefined): void {
  if (!node) throw new Error('nothing to click');
  fireEvent.click(node);
}

async function open(page: JSX.Element, settlements: (month: string) => MealSettlement, points: MealPointView[] = [mealPointFixture, jinzhaiPoint]) {
  const api = createFakeApi({ account: operator });
  signInTo(api);
  const asked: URLSearchParams[] = [];
  const exports: URLSearchParams[] = [];
  const server = await serveRoutes({
    ...meRoutes(api),
    '/staff/meal-points': authed(api, (_state, _req, res) => sendJson(res, 200, { items: points })),
    '/staff/meal-settlements': authed(api, (_state, req, res) => {
      const query = new URL(req.url ?? '', 'http://fake').searchParams;
      asked.push(query);
      sendJson(res, 200, settlements(query.get('month') ?? ''));
    }),
    '/staff/meal-settlements/export': authed(api, (_state, req, res) => {
      exports.push(new URL(req.url ?? '', 'http://fake').searchParams);
      res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8' }).end('\uFEFF日期,老人\n2026-12-01,李*国\n');
    }),
    // The API answers an operator 403 here: the page must never ask.
    '/districts/:id/meal-subsidy-rules': (_req, res) => sendJson(res, 403, { code: 'FORBIDDEN', message: '没有权限' }),
  });
  return { ...render(page), asked, exports, server };
}

describe('canteen operator: 补贴结算', () => {
  const thisMonth = shanghaiDateOf(new Date()).slice(0, 7);
  const rows = [
    rowOf({}),
    rowOf({
      orderId: 'order-2',
      mealDate: '2026-12-02',
      fulfilment: 'dine_in',
      status: 'collected',
      mealPointId: jinzhaiPoint.id,
      mealPointName: jinzhaiPoint.name,
      elderName: '王*英',
      elderIdNumber: null,
      rules: [
        { ruleId: hardshipRule.id, mealFen: 1000, deliveryFen: 0 },
        { ruleId: 'rule-gone', mealFen: 200, deliveryFen: 0 },
      ],
      grossFen: 1500,
      subsidyFen: 1200,
      payableFen: 300,
      deliveryFeeGrossFen: 0,
      deliverySubsidyFen: 0,
      deliveryFeeFen: 0,
      totalFen: 300,
    }),
  ];

  it('is opened from the canteen home in big words: 补贴结算', async () => {
    const { container } = await open(<CanteenHomePage />, (month) => settlementOf(month, rows));
    const entry = await findOne(container, '.canteen__settlement');
    expect(entry.querySelector('.link-entry__label')?.textContent).toBe('补贴结算');
    expect(container.querySelectorAll('.canteen-point')).toHaveLength(2);
    click(entry);
    expect(navigations).toEqual([{ kind: 'navigateTo', url: ROUTES.canteenSettlement }]);
  });

  it('shows the canteen’s month: what the district owes, per meal point, each rule by the name the settlement gives, every meal masked', async () => {
    const { container, asked, server } = await open(<CanteenSettlementPage />, (month) => settlementOf(month, rows));
    const shown = await findAll(container, '.settlement-row');
    expect(asked.map((query) => [query.get('providerId'), query.get('month')])).toEqual([[mealPointFixture.providerId, thisMonth]]);
    expect(shown.map((row) => row.querySelector('.settlement-row__title')?.textContent)).toEqual(['2026-12-01 午餐 · 李*国', '2026-12-02 午餐 · 王*英']);
    expect(shown[1].textContent).toContain('无身份证号 · 金寨路助餐点 · 堂食');

    const totals = await findOne(container, '.settlement-totals');
    expect(totals.querySelector('.settlement-totals__title')?.textContent).toBe('合计 2 餐');
    expect(totals.querySelector('.settlement-totals__claim')?.textContent).toBe('应由区里支付补贴 ¥25.00');

    const perPoint = [...container.querySelectorAll('.settlement-point-total')];
    expect(perPoint.map((point) => point.getAttribute('data-point'))).toEqual([mealPointFixture.id, jinzhaiPoint.id]);
    expect(perPoint.map((point) => point.querySelector('.settlement-point-total__claim')?.textContent)).toEqual(['应由区里支付补贴 ¥13.00', '应由区里支付补贴 ¥12.00']);

    // Rules by id: delivery, gone, hardship. Named as the district published them; an id no rule has says so.
    const explained = [...container.querySelectorAll('.settlement-rule')];
    expect(explained.map((node) => node.querySelector('.settlement-rule__title')?.textContent)).toEqual([
      `规则 1 · ${deliveryRule.name} 第 1 版`,
      '规则 2 · （区里的规则中没有这一条）',
      `规则 3 · ${hardshipRule.name} 第 1 版`,
    ]);
    expect(explained[2].querySelector('.settlement-rule__share')?.textContent).toBe('2 餐 · 餐费补贴 ¥20.00 · 配送补贴 ¥0.00');
    expect(shown[1].querySelector('.settlement-row__rules')?.textContent).toBe('规则 2、3');
    expect(container.querySelector('.settlement-rules__hint')?.textContent).toContain('补贴规则由区里制定');
    // No rule details, nothing waiting for them, and the district's rules never asked for.
    expect(container.querySelector('.settlement-rule__what')).toBeNull();
    expect(container.querySelector('.settlement-rule__note')).toBeNull();
    expect(container.querySelector('.settlement-rules__retry')).toBeNull();
    expect(server.requests.some((req) => (req.url ?? '').includes('meal-subsidy-rules'))).toBe(false);
    // One canteen: nothing to choose between; its points and the months are.
    expect(container.querySelector('.settlement-canteen')).toBeNull();
    expect([...container.querySelectorAll('.settlement-point')].map((chip) => chip.textContent)).toEqual(['全部助餐点', '安大社区助餐点', '金寨路助餐点']);
    expect(container.querySelectorAll('.settlement-month')).toHaveLength(6);
  });

  it('one point, another month; 导出 CSV saves the canteen’s month', async () => {
    Object.assign(URL, { createObjectURL: () => 'blob:csv', revokeObjectURL: () => undefined });
    const clicks: string[] = [];
    const linkClick = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    const { container, asked, exports } = await open(<CanteenSettlementPage />, (month) => settlementOf(month, month === thisMonth ? rows : []));
    await findAll(container, '.settlement-row');

    click(container.querySelectorAll('.settlement-point')[2]);
    await waitFor(() => expect(container.querySelectorAll('.settlement-row')).toHaveLength(1));
    expect(container.querySelector('.settlement-totals__claim')?.textContent).toBe('应由区里支付补贴 ¥12.00');
    expect(container.querySelector('.settlement-point-total')).toBeNull();

    click(container.querySelector('.settlement-export__csv'));
    expect(await screen.findByText('已导出，请在下载的文件中查看')).toBeTruthy();
    expect(exports.map((query) => [query.get('providerId'), query.get('month')])).toEqual([[mealPointFixture.providerId, thisMonth]]);
    expect(clicks).toEqual([`助餐补贴结算-${mealPointFixture.providerName}-${thisMonth}.csv`]);
    linkClick.mockRestore();

    const months = container.querySelectorAll('.settlement-month');
    click(months[1]);
    expect(await screen.findByText('这个月没有享受补贴的餐')).toBeTruthy();
    expect(asked.map((query) => query.get('month'))).toEqual([thisMonth, months[1].getAttribute('data-value')]);
  });
});
