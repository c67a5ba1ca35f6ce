import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { shanghaiDateOf } from '@linli/shared';

import type { MealSettlement } from '@linli/shared';

import type { Handler } from './support/fixture-server';

import { canteensOf, recentMonths } from '../src/hooks/useMealSettlement';
import { StaffMealSettlementPage } from '../src/staff/pages/meal-settlement';
import { authed, createFakeApi, meRoutes, signInTo } from './support/fake-api';
import { mealPointFixture } from './support/fake-canteen';
import { deliveryRule, hardshipRule, jinzhaiPoint, rowOf, settlementOf } from './support/fake-settlement';
import { failingOnce, sendJson } from './support/fixture-server';
import { findAll, findOne } from './support/interact';
import { residentAccount } from './support/people';
import { servePerTest } from './support/serve';

const serveRoutes = servePerTest();

const staff = residentAccount({ id: 'account-zhang', role: 'staff', displayName: '张敏', residentId: null, regionId: 'community-anda', regionName: '安大社区' });

function click(node: Element | null | undefined): void {
  if (!node) throw new Error('nothing to click');
  fireEvent.click(node);
}

describe('settlement choices', () => {
  it('offers this month and the five before it, across a new year', () => {
    expect(recentMonths('2027-02-10', 6)).toEqual(['2027-02', '2027-01', '2026-12', '2026-11', '2026-10', '2026-09']);
  });

  it('one canteen per provider, with the districts of its points', () => {
    const second = { ...mealPointFixture, id: 'point-2', name: '二号点', districtId: 'district-baohe' };
    const other = { ...mealPointFixture, id: 'point-3', name: '三号点', providerId: 'provider-other', providerName: '另一家食堂' };
    expect(canteensOf([mealPointFixture, second, other, { ...second, id: 'point-4', name: '四号点' }])).toEqual([
      {
        id: mealPointFixture.providerId,
        name: mealPointFixture.providerName,
        points: [
          { id: mealPointFixture.id, name: mealPointFixture.name },
          { id: 'point-2', name: '二号点' },
          { id: 'point-4', name: '四号点' },
        ],
        districtIds: [mealPointFixture.districtId, 'district-baohe'],
      },
      { id: 'provider-other', name: '另一家食堂', points: [{ id: 'point-3', name: '三号点' }], districtIds: [mealPointFixture.districtId] },
    ]);
  });
});

describe('staff: 助餐补贴结算', () => {
  const thisMonth = shanghaiDateOf(new Date()).slice(0, 7);

  async function open(
    settlements: (month: string) => MealSettlement,
    rulesRoute: Handler = (_req, res) => sendJson(res, 200, { items: [hardshipRule, deliveryRule] }),
    points = [mealPointFixture],
  ) {
    const api = createFakeApi({ account: staff });
    signInTo(api);
    const asked: URLSearchParams[] = [];
    const exports: Array<{ auth: string | undefined; query: URLSearchParams }> = [];
    await serveRoutes({
      ...meRoutes(api),
      '/staff/meal-points': authed(api, (_state, _req, res) => sendJson(res, 200, { items: points })),
      '/staff/meal-settlements': authed(api, (_state, req, res) => {
        const query = new URL(req.url ?? '', 'http://fake').searchParams;
        asked.push(query);
        sendJson(res, 200, settlements(query.get('month') ?? ''));
      }),
      '/staff/meal-settlements/export': (req, res) => {
        exports.push({ auth: req.headers.authorization, query: new URL(req.url ?? '', 'http://fake').searchParams });
        res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8' }).end('\uFEFF日期,老人\n2026-12-01,李*国\n');
      },
      '/districts/:id/meal-subsidy-rules': authed(api, (_state, req, res) => rulesRoute(req, res)),
    });
    return { ...render(<StaffMealSettlementPage />), asked, exports };
  }

  it('shows each meal with the elder masked and its rules, totals that add up, and each rule explained', async () => {
    const rows = [
      rowOf({}),
      rowOf({
        orderId: 'order-2',
        mealDate: '2026-12-02',
        fulfilment: 'dine_in',
        status: 'collected',
        elderName: '王*英',
        elderIdNumber: null,
        rules: [{ ruleId: hardshipRule.id, mealFen: 1000, deliveryFen: 0 }],
        deliveryFeeGrossFen: 0,
        deliverySubsidyFen: 0,
        deliveryFeeFen: 0,
      }),
    ];
    const { container, asked } = await open((month) => settlementOf(month, rows));

    const shown = await findAll(container, '.settlement-row');
    expect(asked[0].get('providerId')).toBe(mealPointFixture.providerId);
    expect(asked[0].get('month')).toBe(thisMonth);
    expect(shown).toHaveLength(2);
    expect(shown[0].textContent).toContain('2026-12-01 午餐 · 李*国');
    expect(shown[0].textContent).toContain('3401**********0011');
    expect(shown[0].querySelector('.settlement-row__amounts')?.textContent).toBe('餐费 ¥15.00 · 补贴 ¥10.00 · 自付 ¥5.00');
    expect(shown[0].querySelector('.settlement-row__delivery')?.textContent).toBe('配送费 ¥3.00 · 配送补贴 ¥3.00 · 配送自付 ¥0.00');
    expect(shown[0].querySelector('.settlement-row__rules')?.textContent).toBe('规则 1、2');
    expect(shown[1].textContent).toContain('无身份证号');
    expect(shown[1].querySelector('.settlement-row__delivery')).toBeNull();

    const totals = await findOne(container, '.settlement-totals');
    expect(totals.textContent).toContain('合计 2 餐');
    expect(totals.querySelector('.settlement-totals__amounts')?.textContent).toBe('餐费 ¥30.00 · 补贴 ¥20.00 · 自付 ¥10.00');
    expect(totals.querySelector('.settlement-totals__claim')?.textContent).toBe('应由区里支付补贴 ¥23.00');
    expect(totals.querySelector('.settlement-totals__check')?.textContent).toBe('按规则相加：餐费补贴 ¥20.00 · 配送补贴 ¥3.00');

    await waitFor(() => expect(container.querySelector('.settlement-rule__what')).not.toBeNull());
    const explained = [...container.querySelectorAll('.settlement-rule')];
    const byId = new Map(explained.map((node) => [node.getAttribute('data-rule'), node.textContent ?? '']));
    const hardshipNumber = explained.findIndex((node) => node.getAttribute('data-rule') === hardshipRule.id) + 1;
    expect(byId.get(hardshipRule.id)).toContain(`规则 ${hardshipNumber} · 蜀山区低保特困老人助餐补贴 第 1 版`);
    expect(shown[1].querySelector('.settlement-row__rules')?.textContent).toBe(`规则 ${hardshipNumber}`);
    expect(byId.get(hardshipRule.id)).toContain('午餐、晚餐 · 低保 · 每餐 ¥10.00');
    expect(byId.get(hardshipRule.id)).toContain('2 餐 · 餐费补贴 ¥20.00 · 配送补贴 ¥0.00');
    expect(byId.get(deliveryRule.id)).toContain('送餐免费 · 可叠加');
    expect(byId.get(deliveryRule.id)).toContain(`规则编号 ${deliveryRule.id}`);
  });

  it('rules that could not be read say so and are read again on request; the meals, totals and rule names stay', async () => {
    const rules = failingOnce((_req, res) => sendJson(res, 200, { items: [hardshipRule, deliveryRule] }));
    const { container } = await open((month) => settlementOf(month, [rowOf({})]), rules.handler);
    const hardship = () => container.querySelector(`.settlement-rule[data-rule="${hardshipRule.id}"]`);
    await waitFor(() => expect(hardship()?.querySelector('.settlement-rule__note')?.textContent).toBe('（规则说明没有读到）'));
    // The name and version came with the settlement; only what the rule gives to whom waits for the rules.
    expect(hardship()?.querySelector('.settlement-rule__title')?.textContent).toContain('蜀山区低保特困老人助餐补贴 第 1 版');
    expect(hardship()?.querySelector('.settlement-rule__what')).toBeNull();
    expect(container.querySelector('.settlement-totals')?.textContent).toContain('合计 1 餐');
    click(container.querySelector('.settlement-rules__retry'));
    await waitFor(() => expect(hardship()?.querySelector('.settlement-rule__what')?.textContent).toContain('午餐、晚餐 · 低保 · 每餐 ¥10.00'));
    expect(hardship()?.querySelector('.settlement-rule__note')).toBeNull();
    expect(container.querySelector('.settlement-rules__retry')).toBeNull();
    expect(rules.calls()).toBe(2);
  });

  it('a rule id that no rule has is said to be missing, not left blank', async () => {
    const stray = { ruleId: 'rule-gone', mealFen: 500, deliveryFen: 0 };
    const { container } = await open((month) => settlementOf(month, [rowOf({ rules: [stray], subsidyFen: 500, payableFen: 1000, deliverySubsidyFen: 0, deliveryFeeFen: 300 })]));
    await waitFor(() => expect(container.querySelector('.settlement-rule__title')?.textContent).toBe('规则 1 · （区里的规则中没有这一条）'));
    await waitFor(() => expect(container.querySelector('.settlement-rule__note')).toBeNull());
    expect(container.querySelector('.settlement-rule__what')).toBeNull();
  });

  it('the whole canteen with its totals per meal point; one point: its meals and totals summed from them; the CSV stays the whole canteen’s', async () => {
    const jinzhai = jinzhaiPoint;
    const rows = [
      rowOf({}),
      rowOf({ orderId: 'order-2', mealPointId: jinzhai.id, mealPointName: jinzhai.name, elderName: '王*英', grossFen: 1200, subsidyFen: 400, payableFen: 800 }),
    ];
    const { container } = await open((month) => settlementOf(month, rows), undefined, [mealPointFixture, jinzhai]);
    await waitFor(() => expect(container.querySelectorAll('.settlement-row')).toHaveLength(2));
    expect(container.querySelector('.settlement-totals')?.textContent).toContain('合计 2 餐');
    const perPoint = [...container.querySelectorAll('.settlement-point-total')];
    expect(perPoint.map((point) => point.querySelector('.settlement-point-total__title')?.textContent)).toEqual(['安大社区助餐点 · 1 餐', '金寨路助餐点 · 1 餐']);
    expect(perPoint[1].querySelector('.settlement-point-total__amounts')?.textContent).toBe('餐费 ¥12.00 · 补贴 ¥4.00 · 自付 ¥8.00');
    expect(perPoint[1].querySelector('.settlement-point-total__claim')?.textContent).toBe('应由区里支付补贴 ¥7.00');
    expect(perPoint[0].querySelector('.settlement-point-total__claim')?.textContent).toBe('应由区里支付补贴 ¥13.00');
    // One canteen in reach: nothing to choose between.
    expect(container.querySelector('.settlement-canteen')).toBeNull();
    const points = container.querySelectorAll('.settlement-point');
    expect([...points].map((chip) => chip.textContent)).toEqual(['全部助餐点', '安大社区助餐点', '金寨路助餐点']);

    click(points[2]);
    await waitFor(() => expect(container.querySelectorAll('.settlement-row')).toHaveLength(1));
    expect(container.querySelector('.settlement-row')?.textContent).toContain('王*英');
    expect(container.querySelector('.settlement-totals__amounts')?.textContent).toBe('餐费 ¥12.00 · 补贴 ¥4.00 · 自付 ¥8.00');
    expect(container.querySelector('.settlement-sheet__title')?.textContent).toContain('金寨路助餐点');
    expect(container.querySelector('.settlement-export__csv')?.textContent).toBe('导出 CSV（整个机构）');
    expect(container.querySelector('.settlement-point-total')).toBeNull();
  });

  it('two canteens in reach: each is chosen by name and asked for by its own id', async () => {
    const other = { ...mealPointFixture, id: 'point-other', name: '三里街助餐点', providerId: 'provider-other', providerName: '三里街长者食堂' };
    const { container, asked } = await open((month) => settlementOf(month, [rowOf({})]), undefined, [mealPointFixture, other]);
    await findAll(container, '.settlement-row');
    const canteens = container.querySelectorAll('.settlement-canteen');
    expect([...canteens].map((chip) => chip.textContent)).toEqual([mealPointFixture.providerName, '三里街长者食堂']);
    click(canteens[1]);
    await waitFor(() => expect(asked.map((query) => query.get('providerId'))).toEqual([mealPointFixture.providerId, 'provider-other']));
    await waitFor(() => expect(container.querySelector('.settlement-sheet__title')?.textContent).toContain('三里街长者食堂'));
  });

  it('another month is asked for when chosen; a month without subsidised meals says so', async () => {
    const { container, asked } = await open((month) => settlementOf(month, month === thisMonth ? [rowOf({})] : []));
    await findAll(container, '.settlement-row');
    const months = container.querySelectorAll('.settlement-month');
    expect(months).toHaveLength(6);
    click(months[1]);
    expect(await screen.findByText('这个月没有享受补贴的餐')).toBeTruthy();
    expect(asked.map((query) => query.get('month'))).toEqual([thisMonth, months[1].getAttribute('data-value')]);
    expect(container.querySelector('.settlement-month--selected')?.getAttribute('data-value')).toBe(months[1].getAttribute('data-value'));
  });

  it('导出 CSV saves the canteen’s month through a download link with the token; 打印 is there on H5', async () => {
    const saved: Blob[] = [];
    const clicks: string[] = [];
    Object.assign(URL, { createObjectURL: (blob: Blob) => (saved.push(blob), 'blob:csv'), revokeObjectURL: () => undefined });
    const linkClick = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    const { container, exports } = await open((month) => settlementOf(month, [rowOf({})]));
    await findAll(container, '.settlement-row');
    expect(container.querySelector('.settlement-export__print')?.textContent).toBe('打印');
    click(container.querySelector('.settlement-export__csv'));
    expect(await screen.findByText('已导出，请在下载的文件中查看')).toBeTruthy();
    expect(exports.map(({ auth, query }) => [auth, query.get('providerId'), query.get('month')])).toEqual([['Bearer access-1', mealPointFixture.providerId, thisMonth]]);
    expect(clicks).toEqual([`助餐补贴结算-${mealPointFixture.providerName}-${thisMonth}.csv`]);
    expect(saved[0].type).toBe('text/csv;charset=utf-8');
    linkClick.mockRestore();
  });
});
