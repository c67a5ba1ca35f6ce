import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { shanghaiDateOf } from '@linli/shared';

import type { ElderMealProfileView, MealBalanceView, MealDistrictView, MealSubsidyRuleView, ResidentProfile } from '@linli/shared';

import { openHomeOf } from '../src/navigation/routes';
import { ruleInputOf, emptyRuleDraft } from '../src/staff/forms/subsidy-rule-form';
import { StaffMealElderPage } from '../src/staff/pages/meal-elder';
import { StaffMealRulesPage } from '../src/staff/pages/meal-rules';
import { authed, createFakeApi, meRoutes, signInTo } from './support/fake-api';
import { mealOrderOf, mealPointFixture, weekMenuOf } from './support/fake-canteen';
import { readJson, sendJson } from './support/fixture-server';
import { findAll, findOne, typeInto } from './support/interact';
import { profileOf, residentAccount } from './support/people';
import { servePerTest } from './support/serve';
import { navigations } from './support/taro-h5';

import type { FakeApi } from './support/fake-api';
import type { Handler } from './support/fixture-server';

const serveRoutes = servePerTest();

const staff = residentAccount({ id: 'account-zhang', role: 'staff', displayName: '张敏', residentId: null, regionId: 'community-anda', regionName: '安大社区' });
const districtAdmin = residentAccount({ id: 'account-liu', role: 'admin', displayName: '刘洋', residentId: null, regionId: 'district-shushan', regionName: '蜀山区' });
const cityAdmin = residentAccount({ id: 'account-city', role: 'admin', displayName: '市级管理员', residentId: null, regionId: 'city-hefei', regionName: '合肥市' });

/** The districts of the city as GET /staff/meal-districts gives them to someone who reads and writes `rules` of these. */
function districtsFor(readable: string[], editable: string[]): MealDistrictView[] {
  return [
    { id: 'district-shushan', name: '蜀山区' },
    { id: 'district-baohe', name: '包河区' },
  ].map((district) => ({ ...district, rulesReadable: readable.includes(district.id), rulesEditable: editable.includes(district.id) }));
}

function click(node: Element | null | undefined): void {
  if (!node) throw new Error('nothing to click');
  fireEvent.click(node);
}

const liJianguo: ResidentProfile = profileOf({ id: 'resident-li-jianguo', name: '李建国', communityName: '安大社区', birthDate: '1946-09-18' });

const profile: ElderMealProfileView = {
  residentId: liJianguo.id,
  birthDate: '1946-09-18',
  registeredDistrictId: 'district-shushan',
  registeredDistrictName: '蜀山区',
  residenceDistrictId: 'district-shushan',
  residenceDistrictName: '蜀山区',
  hardships: [
    {
      id: 'hardship-1',
      category: 'subsistence_allowance',
      validFrom: '2026-01-01',
      validTo: null,
      note: '低保证 340104-0001',
      verifiedByAccountId: 'account-zhang',
      verifiedAt: '2026-01-01T02:00:00.000Z',
      endedAt: null,
    },
  ],
};

interface Writes {
  list: Array<{ call: string; body: unknown; idempotencyKey?: string }>;
}

function record(writes: Writes, handle: (body: unknown, req: Parameters<Handler>[0], res: Parameters<Handler>[1]) => void, api: FakeApi): Handler {
  return authed(api, async (_state, req, res) => {
    const body = await readJson(req);
    const key = req.headers['idempotency-key'];
    writes.list.push({ call: `${req.method} ${(req.url ?? '').replace(/^\/api/, '')}`, body, ...(typeof key === 'string' ? { idempotencyKey: key } : {}) });
    handle(body, req, res);
  });
}

describe('staff: 老人助餐', () => {
  it('shows age, districts and hardships, and tops up in yuan with one Idempotency-Key per top-up (kept for a retry)', async () => {
    const api = createFakeApi({ account: staff });
    signInTo(api);
    const writes: Writes = { list: [] };
    let balanceFen = 10000;
    let failNext = true;
    const balance = (): MealBalanceView => ({ residentId: liJianguo.id, balanceFen, entries: [], page: 1, pageSize: 20, total: 1 });
    await serveRoutes({
      ...meRoutes(api),
      '/staff/residents': authed(api, (_state, _req, res) => sendJson(res, 200, { items: [liJianguo] })),
      '/meal-profiles/:id': authed(api, (_state, _req, res) => sendJson(res, 200, profile)),
      '/staff/meal-districts': authed(api, (_state, _req, res) => sendJson(res, 200, { items: districtsFor(['district-shushan'], []) })),
      '/staff/meal-profiles/:id': record(
        writes,
        (body, _req, res) => {
          const registeredDistrictId = (body as { registeredDistrictId: string | null }).registeredDistrictId;
          sendJson(res, 200, { ...profile, registeredDistrictId, registeredDistrictName: registeredDistrictId === 'district-baohe' ? '包河区' : null });
        },
        api,
      ),
      '/meal-balances/:id': authed(api, (_state, _req, res) => sendJson(res, 200, balance())),
      '/staff/meal-points': authed(api, (_state, _req, res) => sendJson(res, 200, { items: [mealPointFixture] })),
      '/meal-points/:id/menu': authed(api, (_state, _req, res) => sendJson(res, 200, { mealPointId: mealPointFixture.id, from: '2026-12-01', to: '2026-12-01', meals: [] })),
      '/staff/meal-balances/:id/top-ups': record(
        writes,
        (body, _req, res) => {
          if (failNext) {
            failNext = false;
            return sendJson(res, 503, { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用', requestId: 'r' });
          }
          balanceFen += (body as { amountFen: number }).amountFen;
          sendJson(res, 201, {
            id: 'entry-2',
            sequence: 2,
            kind: 'top_up',
            amountFen: (body as { amountFen: number }).amountFen,
            balanceAfterFen: balanceFen,
            mealOrderId: null,
            method: 'cash',
            note: null,
            createdAt: '2026-12-01T02:00:00.000Z',
          });
        },
        api,
      ),
    });
    const { container } = render(<StaffMealElderPage />);
    await typeInto(container, '.staff-resident-name', '李建国');
    click(container.querySelector('.staff-resident-search'));
    click(await findOne(container, '.staff-resident'));

    const hardship = await findOne(container, '.staff-hardship');
    expect(hardship.textContent).toContain('低保');
    expect(hardship.textContent).toContain('有效期：2026-01-01 至 长期');
    expect(container.querySelector('.staff-meal-profile__district')?.textContent).toBe('户籍：蜀山区 · 居住：蜀山区');
    expect((await findOne(container, '.staff-meal-balance__amount')).textContent).toBe('余额 ¥100.00');

    // 户籍: every district of the city, not only the one the elder lives in.
    const districtChips = await findAll(container, '.staff-district');
    expect(districtChips.map((chip) => chip.textContent)).toEqual(['户籍在蜀山区', '户籍在包河区', '户籍不明']);
    expect(container.querySelector('.staff-district.staff-chip--selected')?.textContent).toBe('户籍在蜀山区');
    click(districtChips[1]);
    await waitFor(() => expect(container.querySelector('.staff-meal-profile__district')?.textContent).toBe('户籍：包河区 · 居住：蜀山区'));
    expect(container.querySelector('.staff-district.staff-chip--selected')?.textContent).toBe('户籍在包河区');
    expect(writes.list.splice(0)).toEqual([{ call: `PUT /staff/meal-profiles/${liJianguo.id}`, body: { registeredDistrictId: 'district-baohe' } }]);

    await typeInto(container, '.staff-top-up-amount', '50.5');
    click(container.querySelector('.staff-top-up-submit'));
    expect(await screen.findByText('服务暂时不可用')).toBeTruthy();
    click(container.querySelector('.staff-top-up-submit'));
    expect(await screen.findByText('已充值 ¥50.50，余额 ¥150.50')).toBeTruthy();
    expect(writes.list.map((write) => write.body)).toEqual([
      { amountFen: 5050, method: 'cash', note: null },
      { amountFen: 5050, method: 'cash', note: null },
    ]);
    // The retry is the same top-up: the API records it once.
    expect(writes.list[0].idempotencyKey).toBeTruthy();
    expect(writes.list[1].idempotencyKey).toBe(writes.list[0].idempotencyKey);
    await waitFor(() => expect(container.querySelector('.staff-meal-balance__amount')?.textContent).toBe('余额 ¥150.50'));

    await typeInto(container, '.staff-top-up-amount', '6000');
    click(container.querySelector('.staff-top-up-submit'));
    expect(await screen.findByText('金额请写成 100 或 100.50 这样的数字（元），单次最多 5000 元')).toBeTruthy();
    expect(writes.list).toHaveLength(2);
  });
});

describe('staff: 代老人订餐', () => {
  it('orders a meal for the elder at the one meal point in reach, with one Idempotency-Key', async () => {
    const api = createFakeApi({ account: staff });
    signInTo(api);
    const writes: Writes = { list: [] };
    const today = shanghaiDateOf(new Date());
    await serveRoutes({
      ...meRoutes(api),
      '/staff/residents': authed(api, (_state, _req, res) => sendJson(res, 200, { items: [liJianguo] })),
      '/meal-profiles/:id': authed(api, (_state, _req, res) => sendJson(res, 200, profile)),
      '/meal-balances/:id': authed(api, (_state, _req, res) => sendJson(res, 200, { residentId: liJianguo.id, balanceFen: 10000, entries: [], page: 1, pageSize: 20, total: 0 })),
      '/staff/meal-points': authed(api, (_state, _req, res) => sendJson(res, 200, { items: [mealPointFixture] })),
      '/meal-points/:id/menu': authed(api, (_state, _req, res) => sendJson(res, 200, weekMenuOf(today, [today]))),
      '/meal-orders': record(
        writes,
        (body, _req, res) => sendJson(res, 201, mealOrderOf({ mealDate: today, lines: [{ dishId: 'd', name: '红烧肉套餐', unitPriceFen: 1500, quantity: 2, tags: [] }] })),
        api,
      ),
    });
    const { container } = render(<StaffMealElderPage />);
    await typeInto(container, '.staff-resident-name', '李建国');
    click(container.querySelector('.staff-resident-search'));
    click(await findOne(container, '.staff-resident'));

    click(await findOne(container, '.staff-meal-kind[data-value="lunch"]'));
    const more = await findOne(container, '.staff-meal-dish__more');
    click(more);
    click(more);
    click(container.querySelector('.staff-meal-order-submit'));
    expect(await screen.findByText('请选择堂食、自取或送餐')).toBeTruthy();
    click(container.querySelector('.staff-meal-fulfilment[data-value="dine_in"]'));
    click(container.querySelector('.staff-meal-order-submit'));
    expect((await findOne(container, '.staff-meal-order__placed')).textContent).toContain('已为李建国订好');
    expect(writes.list).toEqual([
      {
        call: 'POST /meal-orders',
        body: {
          mealPointId: 'point-anda',
          residentId: 'resident-li-jianguo',
          mealDate: today,
          mealKind: 'lunch',
          fulfilment: 'dine_in',
          paymentMethod: 'balance',
          lines: [{ dishId: `dish-${today}-lunch`, quantity: 2 }],
        },
        idempotencyKey: expect.any(String) as string,
      },
    ]);
  });
});

describe('staff: 助餐补贴规则', () => {
  const rule: MealSubsidyRuleView = {
    id: 'rule-80-v1',
    schemeId: 'scheme-80',
    version: 1,
    districtId: 'district-shushan',
    name: '蜀山区80岁以上老人助餐补贴',
    effectiveFrom: '2026-01-01',
    effectiveTo: null,
    mealKinds: ['lunch', 'dinner'],
    eligibility: { age: { min: 80, max: null }, hardshipsAny: null, residency: 'registered' },
    amount: { kind: 'fixed', fen: 600 },
    specialDietExtra: null,
    delivery: null,
    caps: { mealsPerDayPerKind: 1, mealsPerMonth: null, fenPerMonth: null },
    capGroupId: 'cap-age',
    stacks: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    withdrawnAt: null,
  };

  it('turns the form into a rule in fen, or lists what to fix', () => {
    const draft = { ...emptyRuleDraft('2026-12-01'), name: '试行', ageMin: '70', ageMax: '79', amountYuan: '4' };
    expect(ruleInputOf(draft)).toEqual({
      ok: true,
      input: {
        name: '试行',
        effectiveFrom: '2026-12-02',
        effectiveTo: null,
        mealKinds: ['lunch'],
        eligibility: { age: { min: 70, max: 79 }, hardshipsAny: null, residency: 'registered' },
        amount: { kind: 'fixed', fen: 400 },
        specialDietExtra: null,
        delivery: null,
        caps: { mealsPerDayPerKind: 1, mealsPerMonth: null, fenPerMonth: null },
        stacks: false,
      },
    });
    expect(ruleInputOf({ ...draft, name: '', ageMin: '', ageMax: '', amountYuan: '4.555' })).toEqual({
      ok: false,
      problems: ['请填写规则名称（会印在收据上）', '请填年龄段，或选择困难类别', '每餐补贴请写成 5 或 5.50 这样的金额（元）'],
    });
    expect(ruleInputOf({ ...draft, amountYuan: '' })).toEqual({ ok: false, problems: ['请填写每餐补贴'] });
  });

  it('lists versions, publishes a new one and shows the API’s problems', async () => {
    const api = createFakeApi({ account: districtAdmin });
    signInTo(api);
    const writes: Writes = { list: [] };
    await serveRoutes({
      ...meRoutes(api),
      '/staff/meal-districts': authed(api, (_state, _req, res) => sendJson(res, 200, { items: districtsFor(['district-shushan'], ['district-shushan']) })),
      '/districts/:id/meal-subsidy-rules': authed(api, (_state, _req, res) => sendJson(res, 200, { items: [rule] })),
      '/admin/meal-subsidy-schemes/:id/versions': record(
        writes,
        (_body, _req, res) =>
          sendJson(res, 422, { code: 'MEAL_SUBSIDY_RULE_INVALID', message: '补贴规则有误', details: { problems: ['effectiveFrom must not be in the past'] }, requestId: 'r' }),
        api,
      ),
    });
    const { container } = render(<StaffMealRulesPage />);
    const scheme = await findOne(container, '.staff-rule');
    // A district's admin has one district: no choice to make.
    expect(container.querySelector('.staff-rule-district')).toBeNull();
    expect(container.querySelector('.staff-desk__title')?.textContent).toBe('助餐补贴规则 · 蜀山区');
    expect(scheme.textContent).toContain('第 1 版 · 2026-01-01 至 长期 · 生效中');
    expect(scheme.textContent).toContain('午餐、晚餐 · 80岁及以上 · 每餐 ¥6.00');
    // In force: it cannot be withdrawn.
    expect(container.querySelector('.staff-rule__withdraw')).toBeNull();

    click(container.querySelector('.staff-rule__new-version'));
    await typeInto(container, '.staff-rule-amount-yuan', '8');
    click(container.querySelector('.staff-rule-submit'));
    expect(await screen.findByText('effectiveFrom must not be in the past')).toBeTruthy();
    expect(writes.list[0]).toMatchObject({
      call: 'POST /admin/meal-subsidy-schemes/scheme-80/versions',
      body: { name: '蜀山区80岁以上老人助餐补贴', amount: { kind: 'fixed', fen: 800 } },
    });
    expect(await findAll(container, '.staff-rule-problem')).toHaveLength(1);
  });

  it('a city admin chooses the district: its rules are read and a new scheme goes to that district', async () => {
    const api = createFakeApi({ account: cityAdmin });
    signInTo(api);
    const writes: Writes = { list: [] };
    const read: string[] = [];
    await serveRoutes({
      ...meRoutes(api),
      '/staff/meal-districts': authed(api, (_state, _req, res) =>
        sendJson(res, 200, { items: districtsFor(['district-shushan', 'district-baohe'], ['district-shushan', 'district-baohe']) }),
      ),
      '/districts/:id/meal-subsidy-rules': authed(api, (_state, req, res) => {
        const districtId = (req.url ?? '').split('/')[3];
        read.push(districtId);
        sendJson(res, 200, { items: districtId === 'district-shushan' ? [rule] : [] });
      }),
      '/admin/districts/:id/meal-subsidy-rules': record(
        writes,
        (body, _req, res) => sendJson(res, 201, { ...rule, ...(body as object), id: 'rule-baohe', districtId: 'district-baohe' }),
        api,
      ),
    });
    const { container } = render(<StaffMealRulesPage />);
    await findOne(container, '.staff-rule');
    const chips = container.querySelectorAll('.staff-rule-district');
    expect([...chips].map((chip) => chip.textContent)).toEqual(['蜀山区', '包河区']);
    click(chips[1]);
    expect(await screen.findByText('本区还没有助餐补贴规则')).toBeTruthy();
    expect(container.querySelector('.staff-desk__title')?.textContent).toBe('助餐补贴规则 · 包河区');
    expect(read).toEqual(['district-shushan', 'district-baohe']);

    click(container.querySelector('.staff-rule-new'));
    await typeInto(container, '.staff-rule-name', '包河区70-79岁老人助餐补贴');
    await typeInto(container, '.staff-rule-age-min', '70');
    await typeInto(container, '.staff-rule-age-max', '79');
    await typeInto(container, '.staff-rule-amount-yuan', '4');
    click(container.querySelector('.staff-rule-submit'));
    await waitFor(() => expect(writes.list).toHaveLength(1));
    expect(writes.list[0]).toMatchObject({ call: 'POST /admin/districts/district-baohe/meal-subsidy-rules', body: { name: '包河区70-79岁老人助餐补贴' } });
    // Published: the district's rules are read again (waited for, so no request outlives the test's server).
    await waitFor(() => expect(read).toEqual(['district-shushan', 'district-baohe', 'district-baohe']));
  });

  it('staff read their district’s rules and write nothing', async () => {
    const api = createFakeApi({ account: staff });
    signInTo(api);
    await serveRoutes({
      ...meRoutes(api),
      '/staff/meal-districts': authed(api, (_state, _req, res) => sendJson(res, 200, { items: districtsFor(['district-shushan'], []) })),
      '/districts/:id/meal-subsidy-rules': authed(api, (_state, _req, res) => sendJson(res, 200, { items: [rule] })),
    });
    const { container } = render(<StaffMealRulesPage />);
    await findOne(container, '.staff-rule');
    expect(container.querySelector('.staff-desk__title')?.textContent).toBe('助餐补贴规则 · 蜀山区');
    expect(container.querySelector('.staff-rule-new')).toBeNull();
    expect(container.querySelector('.staff-rule__new-version')).toBeNull();
  });
});

describe('after sign-in', () => {
  it('a canteen’s provider_admin lands on its meal points, any other organisation’s on its admin desk', async () => {
    const canteenAdmin = residentAccount({ id: 'account-canteen', role: 'provider_admin', displayName: '长者食堂管理员', residentId: null, providerId: 'provider-canteen' });
    const api = createFakeApi({ account: canteenAdmin });
    signInTo(api);
    await serveRoutes({
      '/providers': authed(api, (state, _req, res) =>
        sendJson(res, 200, { items: [{ id: state.account.providerId, kind: state.account.providerId === 'provider-canteen' ? 'canteen' : 'housekeeping' }] }),
      ),
    });
    openHomeOf(canteenAdmin);
    await waitFor(() => expect(navigations).toEqual([{ kind: 'redirectTo', url: '/canteen/pages/index/index' }]));
    navigations.length = 0;
    api.account = { ...canteenAdmin, providerId: 'provider-anxin' };
    openHomeOf(api.account);
    await waitFor(() => expect(navigations).toEqual([{ kind: 'redirectTo', url: '/provider/pages/admin/index' }]));
  });
});
