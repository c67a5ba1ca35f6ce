import {
  addDays,
  idNumberCheckCharacter,
  priceMeal,
  validateMealSubsidyRules,
  shanghaiDateOf,
  type LoginResponse,
  type MealPricingContext,
  type MealSubsidyRuleView,
} from '@linli/shared';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity';
import { MealBalances, MealEligibility } from '../src/modules/meal-subsidies';
import { MealBalanceAccount } from '../src/modules/meal-subsidies/meal-balance-account.entity';
import { MealBalanceEntry } from '../src/modules/meal-subsidies/meal-balance-entry.entity';
import { HardshipRecordRow } from '../src/modules/meal-subsidies/hardship-record.entity';
import { demoMealSubsidyRules } from '../src/seed/demo-meal-subsidies';
import { stableId } from '../src/seed/stable-id';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

const ANDA = stableId('region', '340104001001');
const SHUSHAN = stableId('region', '340104');
const BAOHE = stableId('region', '340111');
const LI_JIANGUO = stableId('resident', 'li-jianguo');
const withCheck = (first17: string) => `${first17}${idNumberCheckCharacter(first17)}`;

/** A 70–79 tier of 蜀山区 as an admin's form sends it. */
function seventiesTier(effectiveFrom: string, fen = 400) {
  return {
    name: '蜀山区70-79岁老人助餐补贴（测试）',
    effectiveFrom,
    effectiveTo: null,
    mealKinds: ['lunch', 'dinner'],
    eligibility: { age: { min: 70, max: 79 }, hardshipsAny: null, residency: 'registered_or_resident' },
    amount: { kind: 'fixed', fen },
    specialDietExtra: null,
    delivery: null,
    caps: { mealsPerDayPerKind: 1, mealsPerMonth: null, fenPerMonth: null },
    stacks: false,
  };
}

describe('meal subsidies: elder profiles, versioned rules, the meal balance', () => {
  let t: TestApp;
  let staff: LoginResponse;
  let outsider: LoginResponse;
  let admin: LoginResponse;
  let liMing: LoginResponse;
  let wang: LoginResponse;
  const today = shanghaiDateOf(new Date());
  let serial = 0;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_IP: '10000' } });
    await t.seed();
    [staff, outsider, admin, liMing, wang] = await Promise.all([
      loginWithPassword(t, 'anda.staff'),
      loginWithPassword(t, 'nanping.staff'),
      loginWithPassword(t, 'shushan.admin'),
      loginWithWechat(t, 'demo-openid-li-ming'),
      loginWithWechat(t, 'demo-openid-wang-xiuying'),
    ]);
  });
  afterAll(() => t.close());

  /** A phoneless elder of 安大社区 registered by staff, born in 1950 (in the 70–79 tier until 2030). */
  async function newElder(): Promise<string> {
    serial += 1;
    const idNumber = withCheck(`340104195003${String(10 + serial).padStart(2, '0')}10${serial % 10}`);
    const response = await t
      .http()
      .post('/api/staff/residents')
      .set(bearer(staff))
      .send({ name: `测试老人${'甲乙丙丁戊己庚辛壬癸'[serial % 10]}`, communityId: ANDA, idNumber, phone: `1360000${String(serial).padStart(4, '0')}`, phoneOwner: 'relative' })
      .expect(201);
    return response.body.id as string;
  }

  it('the demo seed gives 蜀山区 valid rules and 李建国 (80, 低保) a ¥10 lunch subsidy with free delivery and ¥100 on his balance', async () => {
    const eligibility = t.app.get(MealEligibility);
    const rules = await eligibility.rulesInForce(SHUSHAN, today);
    expect(validateMealSubsidyRules(rules)).toEqual([]);
    expect(rules).toEqual(expect.arrayContaining(demoMealSubsidyRules()));
    const lines = [{ dishId: 'd1', name: '软烂易嚼套餐', unitPriceFen: 1500, quantity: 1, tags: ['soft' as const] }];
    const price = priceMeal(
      lines,
      await eligibility.profileOf(LI_JIANGUO),
      demoMealSubsidyRules(),
      {},
      {
        mealDate: '2026-12-01',
        mealKind: 'lunch',
        fulfilment: 'delivery',
        mealPointDistrictId: SHUSHAN,
        deliveryFeeFen: 300,
      },
    );
    expect(price).toMatchObject({ gross: 1500, subsidy: 1000, payable: 500, deliveryFee: 0, total: 500 });
    expect(price.appliedRuleIds).toEqual([stableId('meal-subsidy-rule', 'shushan-hardship-v1'), stableId('meal-subsidy-rule', 'shushan-free-delivery-v1')]);
    const balance = await t.http().get(`/api/meal-balances/${LI_JIANGUO}`).set(bearer(liMing)).expect(200);
    expect(balance.body).toMatchObject({ balanceFen: 10_000, entries: [expect.objectContaining({ kind: 'top_up', method: 'cash', amountFen: 10_000 })] });
  });

  describe('elder meal profiles', () => {
    it('staff record the registered district and verified hardships; the profile reads them back, audited', async () => {
      const elder = await newElder();
      const empty = await t.http().get(`/api/meal-profiles/${elder}`).set(bearer(staff)).expect(200);
      expect(empty.body).toEqual({
        residentId: elder,
        birthDate: expect.stringMatching(/^1950-03-/),
        registeredDistrictId: null,
        registeredDistrictName: null,
        residenceDistrictId: SHUSHAN,
        residenceDistrictName: '蜀山区',
        hardships: [],
      });

      await t.http().put(`/api/staff/meal-profiles/${elder}`).set(bearer(staff)).send({ registeredDistrictId: BAOHE }).expect(200);
      const added = await t
        .http()
        .post(`/api/staff/meal-profiles/${elder}/hardships`)
        .set(bearer(staff))
        .send({ category: 'subsistence_allowance', validFrom: '2026-01-01', note: '低保证 340104-TEST-0001' })
        .expect(201);
      expect(added.body).toMatchObject({ registeredDistrictId: BAOHE, registeredDistrictName: '包河区' });
      expect(added.body.hardships).toEqual([
        {
          id: expect.any(String),
          category: 'subsistence_allowance',
          validFrom: '2026-01-01',
          validTo: null,
          note: '低保证 340104-TEST-0001',
          verifiedByAccountId: staff.account.id,
          verifiedAt: expect.any(String),
          endedAt: null,
        },
      ]);
      const stored = await t.dataSource.query('SELECT * FROM hardship_record');
      expect(JSON.stringify(stored)).not.toContain('340104-TEST-0001');

      const profile = await t.app.get(MealEligibility).profileOf(elder);
      expect(profile).toEqual({
        birthDate: empty.body.birthDate,
        hardships: [{ category: 'subsistence_allowance', verified: true, validFrom: '2026-01-01', validTo: null }],
        registeredDistrictId: BAOHE,
        residenceDistrictId: SHUSHAN,
      });
      const actions = (await t.dataSource.getRepository(AuditEntry).find({ where: { targetId: elder }, order: { createdAt: 'ASC' } })).map((entry) => entry.action);
      expect(actions).toEqual(expect.arrayContaining(['meal_profile.viewed', 'meal_profile.registered_district_set', 'meal_profile.hardship_verified']));
      const details = JSON.stringify(await t.dataSource.getRepository(AuditEntry).find({ where: { targetId: elder } }));
      expect(details).not.toContain('subsistence_allowance');
      expect(details).not.toContain('TEST-0001');
    });

    it('a hardship is ended, never deleted; an end that does not shorten it is refused', async () => {
      const elder = await newElder();
      const added = await t
        .http()
        .post(`/api/staff/meal-profiles/${elder}/hardships`)
        .set(bearer(staff))
        .send({ category: 'care_dependent', validFrom: '2026-01-01', validTo: '2026-12-31' })
        .expect(201);
      const hardshipId = added.body.hardships[0].id as string;
      const ended = await t.http().post(`/api/staff/meal-profiles/${elder}/hardships/${hardshipId}/end`).set(bearer(staff)).send({ validTo: '2026-06-30' }).expect(200);
      expect(ended.body.hardships[0]).toMatchObject({ id: hardshipId, validTo: '2026-06-30', endedAt: expect.any(String) });
      for (const validTo of ['2026-09-30', '2025-12-31']) {
        const refused = await t.http().post(`/api/staff/meal-profiles/${elder}/hardships/${hardshipId}/end`).set(bearer(staff)).send({ validTo }).expect(400);
        expect(refused.body.details).toEqual([expect.objectContaining({ field: 'validTo' })]);
      }
      expect(await t.dataSource.getRepository(HardshipRecordRow).countBy({ residentId: elder })).toBe(1);
      await t.http().post(`/api/staff/meal-profiles/${elder}/hardships/${LI_JIANGUO}/end`).set(bearer(staff)).send({ validTo: '2026-06-30' }).expect(404);
    });

    it.each([
      ['an unknown field', { category: 'living_alone', validFrom: '2026-01-01', verified: true }, 'verified'],
      ['an unknown category', { category: 'rich', validFrom: '2026-01-01' }, 'category'],
      ['an impossible date', { category: 'living_alone', validFrom: '2026-02-30' }, 'validFrom'],
      ['an end before the start', { category: 'living_alone', validFrom: '2026-03-01', validTo: '2026-02-01' }, 'validTo'],
    ])('refuses a hardship with %s', async (_label, body, field) => {
      const response = await t.http().post(`/api/staff/meal-profiles/${LI_JIANGUO}/hardships`).set(bearer(staff)).send(body).expect(400);
      expect(response.body.details).toEqual([expect.objectContaining({ field })]);
    });

    it('refuses a registered district that is not a district', async () => {
      await t.http().put(`/api/staff/meal-profiles/${LI_JIANGUO}`).set(bearer(staff)).send({ registeredDistrictId: ANDA }).expect(404);
      await t.http().put(`/api/staff/meal-profiles/${LI_JIANGUO}`).set(bearer(staff)).send({ registeredDistrictId: 'nope' }).expect(400);
      await t.http().put(`/api/staff/meal-profiles/${LI_JIANGUO}`).set(bearer(staff)).send({}).expect(400);
    });

    it('the elder’s household reads it; other residents and other regions’ staff get 404; residents cannot write', async () => {
      await t.http().get(`/api/meal-profiles/${LI_JIANGUO}`).set(bearer(liMing)).expect(200);
      await t.http().get(`/api/meal-profiles/${LI_JIANGUO}`).set(bearer(wang)).expect(404);
      await t.http().get(`/api/meal-profiles/${LI_JIANGUO}`).set(bearer(outsider)).expect(404);
      await t.http().put(`/api/staff/meal-profiles/${LI_JIANGUO}`).set(bearer(outsider)).send({ registeredDistrictId: SHUSHAN }).expect(404);
      await t.http().post(`/api/staff/meal-profiles/${LI_JIANGUO}/hardships`).set(bearer(outsider)).send({ category: 'living_alone', validFrom: '2026-01-01' }).expect(404);
      await t.http().put(`/api/staff/meal-profiles/${LI_JIANGUO}`).set(bearer(liMing)).send({ registeredDistrictId: SHUSHAN }).expect(403);
    });
  });

  describe('subsidy rules as versioned data', () => {
    const createScheme = (body: object, by = admin, districtId = SHUSHAN) => t.http().post(`/api/admin/districts/${districtId}/meal-subsidy-rules`).set(bearer(by)).send(body);

    it('a rule round-trips exactly: what the admin sent is what priceMeal gets', async () => {
      const created = await createScheme(seventiesTier(today)).expect(201);
      const rule = created.body as MealSubsidyRuleView;
      expect(rule).toMatchObject({ ...seventiesTier(today), version: 1, districtId: SHUSHAN, capGroupId: rule.schemeId, withdrawnAt: null });
      const inForce = await t.app.get(MealEligibility).rulesInForce(SHUSHAN, today);
      const { createdAt: _createdAt, withdrawnAt: _withdrawnAt, ...engineRule } = rule;
      expect(inForce.find((candidate) => candidate.id === rule.id)).toStrictEqual(engineRule);
      const listed = await t.http().get(`/api/districts/${SHUSHAN}/meal-subsidy-rules`).set(bearer(staff)).expect(200);
      expect(listed.body.items).toContainEqual(rule);
    });

    it('a new version starts on its date and closes the previous one the day before; meals before it price as they did', async () => {
      const v1 = (await createScheme(seventiesTier(today, 450)).expect(201)).body as MealSubsidyRuleView;
      const elder = await newElder();
      const eligibility = t.app.get(MealEligibility);
      const lunch = (mealDate: string): MealPricingContext => ({ mealDate, mealKind: 'lunch', fulfilment: 'dine_in', mealPointDistrictId: SHUSHAN, deliveryFeeFen: 0 });
      const lines = [{ dishId: 'd1', name: '红烧鸡腿套餐', unitPriceFen: 1500, quantity: 1, tags: [] }];
      const priceOn = async (date: string) => priceMeal(lines, await eligibility.profileOf(elder), await eligibility.rulesInForce(SHUSHAN, date), {}, lunch(date));
      const before = await priceOn(addDays(today, 9));

      const from = addDays(today, 10);
      const v2 = await t.http().post(`/api/admin/meal-subsidy-schemes/${v1.schemeId}/versions`).set(bearer(admin)).send(seventiesTier(from, 900)).expect(201);
      expect(v2.body).toMatchObject({ schemeId: v1.schemeId, version: 2, effectiveFrom: from, capGroupId: v1.capGroupId });
      expect(await priceOn(addDays(today, 9))).toEqual(before);
      expect((await eligibility.rulesInForce(SHUSHAN, addDays(today, 9))).map((rule) => rule.id)).toContain(v1.id);
      expect((await eligibility.rulesInForce(SHUSHAN, from)).map((rule) => rule.id)).toEqual(expect.arrayContaining([v2.body.id]));
      expect((await eligibility.rulesInForce(SHUSHAN, from)).map((rule) => rule.id)).not.toContain(v1.id);
      const listed = (await t.http().get(`/api/districts/${SHUSHAN}/meal-subsidy-rules`).set(bearer(admin)).expect(200)).body.items as MealSubsidyRuleView[];
      expect(listed.find((rule) => rule.id === v1.id)?.effectiveTo).toBe(addDays(from, -1));

      // A version cannot start on or before the one it follows.
      const early = await t.http().post(`/api/admin/meal-subsidy-schemes/${v1.schemeId}/versions`).set(bearer(admin)).send(seventiesTier(from)).expect(422);
      expect(early.body.code).toBe('MEAL_SUBSIDY_RULE_INVALID');

      // Withdrawing v2 before it starts gives v1 its days back; a version in force cannot be withdrawn.
      const withdrawn = await t.http().post(`/api/admin/meal-subsidy-rules/${v2.body.id}/withdraw`).set(bearer(admin)).expect(200);
      expect(withdrawn.body.withdrawnAt).toEqual(expect.any(String));
      expect((await eligibility.rulesInForce(SHUSHAN, from)).map((rule) => rule.id)).toContain(v1.id);
      const again = await t.http().post(`/api/admin/meal-subsidy-rules/${v2.body.id}/withdraw`).set(bearer(admin)).expect(409);
      expect(again.body.code).toBe('MEAL_SUBSIDY_RULE_IN_FORCE');
      const inForce = await t.http().post(`/api/admin/meal-subsidy-rules/${v1.id}/withdraw`).set(bearer(admin)).expect(409);
      expect(inForce.body.code).toBe('MEAL_SUBSIDY_RULE_IN_FORCE');
      const v3 = await t.http().post(`/api/admin/meal-subsidy-schemes/${v1.schemeId}/versions`).set(bearer(admin)).send(seventiesTier(from, 800)).expect(201);
      expect(v3.body.version).toBe(3);
    });

    it('only the latest version of a scheme may be withdrawn', async () => {
      const v1 = (await createScheme(seventiesTier(addDays(today, 3))).expect(201)).body as MealSubsidyRuleView;
      await t
        .http()
        .post(`/api/admin/meal-subsidy-schemes/${v1.schemeId}/versions`)
        .set(bearer(admin))
        .send(seventiesTier(addDays(today, 5)))
        .expect(201);
      const refused = await t.http().post(`/api/admin/meal-subsidy-rules/${v1.id}/withdraw`).set(bearer(admin)).expect(409);
      expect(refused.body.code).toBe('CONFLICT');
    });

    it('a scheme may share the caps of another scheme of the district', async () => {
      const tier = (await createScheme(seventiesTier(today)).expect(201)).body as MealSubsidyRuleView;
      const shared = await createScheme({
        ...seventiesTier(today),
        name: '蜀山区80岁以上老人助餐补贴（测试）',
        eligibility: { age: { min: 80, max: null }, hardshipsAny: null, residency: 'registered' },
        shareCapsWithSchemeId: tier.schemeId,
      }).expect(201);
      expect(shared.body.capGroupId).toBe(tier.capGroupId);
      await createScheme({ ...seventiesTier(today), shareCapsWithSchemeId: '00000000-0000-4000-8000-000000000000' }).expect(404);
    });

    it.each([
      ['an age band upside down', { eligibility: { age: { min: 80, max: 70 }, hardshipsAny: null, residency: 'registered' } }],
      ['a start in the past', { effectiveFrom: '2020-01-01' }],
      ['neither meal nor delivery help', { amount: null }],
      ['a fixed amount with a percent', { amount: { kind: 'fixed', fen: 300, percent: 10 } }],
      ['a percent over 100', { amount: { kind: 'percent', percent: 120, maxFen: null } }],
    ])('refuses a rule with %s as MEAL_SUBSIDY_RULE_INVALID, listing the problems', async (_label, change) => {
      const response = await createScheme({ ...seventiesTier(today), ...change }).expect(422);
      expect(response.body).toMatchObject({ code: 'MEAL_SUBSIDY_RULE_INVALID', details: { problems: [expect.any(String)] } });
    });

    it.each([
      ['an unknown field', { priority: 1 }, 'priority'],
      ['an unknown nested field', { caps: { mealsPerDayPerKind: 1, mealsPerMonth: null, fenPerMonth: null, perWeek: 3 } }, 'caps.perWeek'],
      ['an unknown meal kind', { mealKinds: ['supper'] }, 'mealKinds'],
      ['a missing effectiveTo', { effectiveTo: undefined }, 'effectiveTo'],
    ])('refuses a rule with %s as VALIDATION_FAILED', async (_label, change, field) => {
      const response = await createScheme({ ...seventiesTier(today), ...change }).expect(400);
      expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });

    it('admins write only for districts of their scope; staff read the district they work in', async () => {
      await createScheme(seventiesTier(today), admin, BAOHE).expect(404);
      await createScheme(seventiesTier(today), staff).expect(403);
      await createScheme(seventiesTier(today), admin, ANDA).expect(404);
      await t.http().get(`/api/districts/${SHUSHAN}/meal-subsidy-rules`).set(bearer(outsider)).expect(404);
      await t
        .http()
        .get(`/api/districts/${SHUSHAN}/meal-subsidy-rules`)
        .set(bearer(await loginWithPassword(t, 'sanlian.staff')))
        .expect(200);
      await t.http().get(`/api/districts/${SHUSHAN}/meal-subsidy-rules`).set(bearer(liMing)).expect(403);
      const cityAdmin = await loginWithPassword(t, 'city.admin');
      await createScheme(seventiesTier(addDays(today, 1)), cityAdmin).expect(201);
    });
  });

  describe('the meal balance', () => {
    it('staff record top-ups as ledger rows; the balance is their sum, newest first and paged', async () => {
      const elder = await newElder();
      for (const [amountFen, method] of [
        [5000, 'cash'],
        [2000, 'transfer'],
        [1000, 'cash'],
      ] as const) {
        await t.http().post(`/api/staff/meal-balances/${elder}/top-ups`).set(bearer(staff)).send({ amountFen, method, note: '女儿代缴' }).expect(201);
      }
      const first = await t.http().get(`/api/meal-balances/${elder}`).set(bearer(staff)).query({ pageSize: 2 }).expect(200);
      expect(first.body).toMatchObject({ residentId: elder, balanceFen: 8000, page: 1, pageSize: 2, total: 3 });
      expect(first.body.entries.map((entry: { amountFen: number; balanceAfterFen: number; sequence: number }) => [entry.sequence, entry.amountFen, entry.balanceAfterFen])).toEqual(
        [
          [3, 1000, 8000],
          [2, 2000, 7000],
        ],
      );
      const second = await t.http().get(`/api/meal-balances/${elder}`).set(bearer(staff)).query({ page: 2, pageSize: 2 }).expect(200);
      expect(second.body.entries).toEqual([expect.objectContaining({ sequence: 1, kind: 'top_up', method: 'cash', note: '女儿代缴', mealOrderId: null })]);
      const audited = await t.dataSource.getRepository(AuditEntry).countBy({ action: 'meal_balance.topped_up', targetId: elder });
      expect(audited).toBe(3);
    });

    it('a top-up retried with the same Idempotency-Key is recorded once', async () => {
      const elder = await newElder();
      const send = () =>
        t
          .http()
          .post(`/api/staff/meal-balances/${elder}/top-ups`)
          .set(bearer(staff))
          .set('Idempotency-Key', `top-up-${elder}`)
          .send({ amountFen: 3000, method: 'cash' })
          .expect(201);
      const [a, b] = [await send(), await send()];
      expect(b.body).toEqual(a.body);
      const other = await t
        .http()
        .post(`/api/staff/meal-balances/${elder}/top-ups`)
        .set(bearer(staff))
        .set('Idempotency-Key', `top-up-${elder}`)
        .send({ amountFen: 4000, method: 'cash' })
        .expect(422);
      expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect((await t.http().get(`/api/meal-balances/${elder}`).set(bearer(staff)).expect(200)).body.balanceFen).toBe(3000);
    });

    it.each([
      ['nothing', { amountFen: 0, method: 'cash' }, 'amountFen'],
      ['fractions of a fen', { amountFen: 10.5, method: 'cash' }, 'amountFen'],
      ['an unknown method', { amountFen: 100, method: 'card' }, 'method'],
      ['an unknown field', { amountFen: 100, method: 'cash', balanceFen: 1 }, 'balanceFen'],
    ])('refuses a top-up of %s', async (_label, body, field) => {
      const response = await t.http().post(`/api/staff/meal-balances/${LI_JIANGUO}/top-ups`).set(bearer(staff)).send(body).expect(400);
      expect(response.body.details).toEqual([expect.objectContaining({ field })]);
    });

    it('the elder’s household reads the balance; other residents and other regions’ staff get 404', async () => {
      await t.http().get(`/api/meal-balances/${LI_JIANGUO}`).set(bearer(liMing)).expect(200);
      await t.http().get(`/api/meal-balances/${LI_JIANGUO}`).set(bearer(wang)).expect(404);
      await t.http().get(`/api/meal-balances/${LI_JIANGUO}`).set(bearer(outsider)).expect(404);
      await t.http().post(`/api/staff/meal-balances/${LI_JIANGUO}/top-ups`).set(bearer(outsider)).send({ amountFen: 100, method: 'cash' }).expect(404);
      await t.http().post(`/api/staff/meal-balances/${LI_JIANGUO}/top-ups`).set(bearer(liMing)).send({ amountFen: 100, method: 'cash' }).expect(403);
      await t.http().get(`/api/meal-balances/${LI_JIANGUO}`).set(bearer(staff)).query({ pageSize: 101 }).expect(400);
    });

    it('debits refuse to go below zero and credits give money back, inside the caller’s transaction', async () => {
      const elder = await newElder();
      const balances = t.app.get(MealBalances);
      const refused = t.transactions.write((manager) =>
        balances.debit(manager, { residentId: elder, amountFen: 100, mealOrderId: stableId('meal-order', 'a'), accountId: staff.account.id }),
      );
      await expect(refused).rejects.toMatchObject({ code: 'BALANCE_INSUFFICIENT', details: { balanceFen: 0, amountFen: 100 } });
      await t.http().post(`/api/staff/meal-balances/${elder}/top-ups`).set(bearer(staff)).send({ amountFen: 1000, method: 'cash' }).expect(201);
      const order = stableId('meal-order', 'b');
      await t.transactions.write((manager) => balances.debit(manager, { residentId: elder, amountFen: 700, mealOrderId: order, accountId: staff.account.id }));
      await t.transactions.write((manager) => balances.credit(manager, { residentId: elder, amountFen: 700, mealOrderId: order, reason: '食堂停餐，订单已取消', accountId: null }));
      const view = await t.http().get(`/api/meal-balances/${elder}`).set(bearer(staff)).expect(200);
      expect(view.body.balanceFen).toBe(1000);
      expect(view.body.entries.map((entry: { kind: string; amountFen: number; mealOrderId: string | null }) => [entry.kind, entry.amountFen, entry.mealOrderId])).toEqual([
        ['refund', 700, order],
        ['meal_payment', -700, order],
        ['top_up', 1000, null],
      ]);
    });

    it('50 concurrent debits of 300 fen on a 5000-fen balance: exactly 16 succeed and the balance is the ledger’s sum, 200', async () => {
      const elder = await newElder();
      await t.http().post(`/api/staff/meal-balances/${elder}/top-ups`).set(bearer(staff)).send({ amountFen: 5000, method: 'transfer' }).expect(201);
      const balances = t.app.get(MealBalances);
      const outcomes = await Promise.allSettled(
        Array.from({ length: 50 }, (_, index) =>
          t.transactions.write((manager) =>
            balances.debit(manager, { residentId: elder, amountFen: 300, mealOrderId: stableId('meal-order', `rush-${index}`), accountId: staff.account.id }),
          ),
        ),
      );
      const succeeded = outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
      const refusals = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [(outcome.reason as { code?: string }).code] : []));
      expect(succeeded).toBe(16);
      expect(refusals).toEqual(Array(34).fill('BALANCE_INSUFFICIENT'));
      const entries = await t.dataSource.getRepository(MealBalanceEntry).find({ where: { residentId: elder }, order: { sequence: 'ASC' } });
      expect(entries.reduce((sum, entry) => sum + entry.amountFen, 0)).toBe(200);
      expect(entries.map((entry) => entry.sequence)).toEqual(Array.from({ length: 17 }, (_, index) => index + 1));
      expect(entries.at(-1)?.balanceAfterFen).toBe(200);
      expect((await t.dataSource.getRepository(MealBalanceAccount).findOneByOrFail({ residentId: elder })).balanceFen).toBe(200);
      expect((await t.http().get(`/api/meal-balances/${elder}`).set(bearer(staff)).expect(200)).body.balanceFen).toBe(200);
    });
  });
});
