import { randomUUID } from 'node:crypto';
import {
  idNumberCheckCharacter,
  maskPersonName,
  type AppliedMealSubsidy,
  type LoginResponse,
  type MealFulfilment,
  type MealKind,
  type MealOrderStatus,
  type MealPointView,
  type MealSettlement,
} from '@linli/shared';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity';
import { MealCounter } from '../src/modules/meals/meal-counter.entity';
import { MealOrder } from '../src/modules/meals/meal-order.entity';
import { Resident } from '../src/modules/residents/resident.entity';
import { stableId } from '../src/seed/stable-id';
import { ANDA, createMealPoint, DEMO_MEAL_POINT, dish, JINZHAILU, LI_JIANGUO, publishMeal, registerCanteen, tomorrow, WANG_XIUYING } from './support/meals';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

/** 李建国's ID number (demo data) as every response shows it. */
const LI_MASKED_ID = `3401**********001${idNumberCheckCharacter('34010419460918001')}`;

interface SettledMeal {
  point: string;
  residentId: string;
  mealDate: string;
  mealKind: MealKind;
  fulfilment: MealFulfilment;
  status: MealOrderStatus;
  gross: number;
  rules: Array<[ruleId: string, mealFen: number, deliveryFen: number]>;
  deliveryGross?: number;
}

/**
 * Monthly settlement of a canteen with the district: the subsidised meals that count (everything but cancelled and
 * refunded), elders masked, totals exact to the fen against the stored orders, region scope, and the CSV.
 */
describe('meal settlement', () => {
  let t: TestApp;
  let canteen: LoginResponse;
  let providerId: string;
  let anda: MealPointView;
  let jinzhailu: MealPointView;
  const ids: Record<string, string> = {};
  const MONTH = '2026-10';
  // Names that a spreadsheet would read as formulas once masked (the first character stays).
  const FORMULA = stableId('resident', 'settlement-formula');
  const MINUS = stableId('resident', 'settlement-minus');
  const AT = stableId('resident', 'settlement-at');

  /** An order written straight to the table with the price priceMeal would store: the settlement reads only stored prices. */
  async function insertMeal(key: string, meal: SettledMeal): Promise<void> {
    const subsidy = meal.rules.reduce((total, [, mealFen]) => total + mealFen, 0);
    const deliverySubsidy = meal.rules.reduce((total, [, , deliveryFen]) => total + deliveryFen, 0);
    const deliveryGross = meal.deliveryGross ?? 0;
    const applied: AppliedMealSubsidy[] = meal.rules.map(([ruleId, mealFen, deliveryFen]) => ({ ruleId, capGroupId: 'group', mealFen, deliveryFen, explanation: ruleId }));
    const id = randomUUID();
    ids[key] = id;
    await t.transactions.write(async (manager) => {
      const counters = manager.getRepository(MealCounter);
      const existing = await counters.findOneBy({ mealPointId: meal.point, mealDate: meal.mealDate, mealKind: meal.mealKind });
      const counterId = existing?.id ?? randomUUID();
      if (!existing) await counters.insert({ id: counterId, mealPointId: meal.point, mealDate: meal.mealDate, mealKind: meal.mealKind, capacity: 100, ordered: 1 });
      await manager.getRepository(MealOrder).insert({
        id,
        mealPointId: meal.point,
        counterId,
        residentId: meal.residentId,
        mealDate: meal.mealDate,
        mealKind: meal.mealKind,
        fulfilment: meal.fulfilment,
        status: meal.status,
        paymentMethod: 'at_pickup',
        grossFen: meal.gross,
        subsidyFen: subsidy,
        payableFen: meal.gross - subsidy,
        deliveryFeeGrossFen: deliveryGross,
        deliverySubsidyFen: deliverySubsidy,
        deliveryFeeFen: deliveryGross - deliverySubsidy,
        totalFen: meal.gross - subsidy + deliveryGross - deliverySubsidy,
        appliedSubsidies: applied,
        cancelReason: null,
        collectedAt: null,
        orderedByAccountId: stableId('account', 'staff-anda'),
      });
    });
  }

  async function insertResident(id: string, name: string): Promise<void> {
    await t.transactions.write((manager) =>
      manager.getRepository(Resident).insert({
        id,
        name,
        phoneCipher: null,
        phoneHash: null,
        phoneOwner: null,
        idNumberCipher: null,
        idNumberHash: null,
        birthDate: '1945-01-01',
        address: null,
        communityId: ANDA,
        createdByAccountId: null,
        erasedAt: null,
      }),
    );
  }

  const settlementAs = (login: LoginResponse, query: Record<string, string> = { providerId, month: MONTH }) =>
    t.http().get('/api/staff/meal-settlements').query(query).set(bearer(login));

  beforeAll(async () => {
    t = await startTestApp();
    await t.seed();
    ({ canteen, providerId } = await registerCanteen(t));
    anda = await createMealPoint(t, canteen, providerId);
    // A point name a spreadsheet would take for a formula.
    jinzhailu = await createMealPoint(t, canteen, providerId, { name: '+金寨路助餐点', regionId: JINZHAILU, communityIds: [JINZHAILU] });
    await insertResident(FORMULA, '=HYPERLINK(1)');
    await insertResident(MINUS, '-李四');
    await insertResident(AT, '@王');

    // Counted: every status but cancelled and refunded, with a subsidy.
    await insertMeal('andaLunch', {
      point: anda.id,
      residentId: LI_JIANGUO,
      mealDate: '2026-10-05',
      mealKind: 'lunch',
      fulfilment: 'pickup',
      status: 'collected',
      gross: 1500,
      rules: [['rule-hardship', 1000, 0]],
    });
    await insertMeal('andaDinner', {
      point: anda.id,
      residentId: LI_JIANGUO,
      mealDate: '2026-10-05',
      mealKind: 'dinner',
      fulfilment: 'delivery',
      status: 'delivered',
      gross: 1333,
      deliveryGross: 300,
      rules: [
        ['rule-percent', 667, 0],
        ['rule-delivery', 0, 300],
      ],
    });
    await insertMeal('formula', {
      point: anda.id,
      residentId: FORMULA,
      mealDate: '2026-10-06',
      mealKind: 'lunch',
      fulfilment: 'dine_in',
      status: 'placed',
      gross: 801,
      rules: [['rule-age', 400, 0]],
    });
    await insertMeal('notAtHome', {
      point: anda.id,
      residentId: MINUS,
      mealDate: '2026-10-07',
      mealKind: 'lunch',
      fulfilment: 'delivery',
      status: 'not_at_home',
      gross: 1200,
      deliveryGross: 250,
      rules: [
        ['rule-age', 600, 0],
        ['rule-delivery', 0, 125],
      ],
    });
    await insertMeal('jinzhailuLunch', {
      point: jinzhailu.id,
      residentId: WANG_XIUYING,
      mealDate: '2026-10-05',
      mealKind: 'lunch',
      fulfilment: 'pickup',
      status: 'ready',
      gross: 999,
      rules: [['rule-age', 333, 0]],
    });
    await insertMeal('lastDay', {
      point: jinzhailu.id,
      residentId: AT,
      mealDate: '2026-10-31',
      mealKind: 'dinner',
      fulfilment: 'pickup',
      status: 'collected',
      gross: 1000,
      rules: [['rule-age', 200, 0]],
    });
    // Not counted: cancelled, refunded, unsubsidised, the months either side, another canteen's point.
    const li = { residentId: LI_JIANGUO, mealKind: 'lunch', fulfilment: 'pickup', gross: 1500 } as const;
    await insertMeal('cancelled', { ...li, point: anda.id, mealDate: '2026-10-08', status: 'cancelled', rules: [['rule-hardship', 1000, 0]] });
    await insertMeal('refunded', { ...li, point: anda.id, mealDate: '2026-10-09', status: 'refunded', rules: [['rule-hardship', 1000, 0]] });
    await insertMeal('unsubsidised', { ...li, point: anda.id, mealDate: '2026-10-10', status: 'collected', rules: [] });
    await insertMeal('nextMonth', { ...li, point: anda.id, mealDate: '2026-11-01', status: 'collected', rules: [['rule-hardship', 1000, 0]] });
    await insertMeal('lastMonth', { ...li, point: anda.id, mealDate: '2026-09-30', status: 'collected', rules: [['rule-hardship', 1000, 0]] });
    await insertMeal('otherCanteen', { ...li, point: DEMO_MEAL_POINT, mealDate: '2026-10-05', status: 'collected', rules: [['rule-hardship', 1000, 0]] });
  });
  afterAll(() => t.close());

  it('the canteen’s operator gets its subsidised meals of the month with the stored prices, elders masked, totals exact to the fen, per meal point too', async () => {
    const settlement = (await settlementAs(canteen).expect(200)).body as MealSettlement;
    expect(settlement).toMatchObject({ providerId, month: MONTH, providerName: 'test.canteen 长者食堂' });
    // By date, then breakfast–lunch–dinner, then point name.
    expect(settlement.rows.map((row) => row.orderId)).toEqual(['jinzhailuLunch', 'andaLunch', 'andaDinner', 'formula', 'notAtHome', 'lastDay'].map((key) => ids[key]));
    for (const row of settlement.rows) {
      const stored = await t.dataSource.getRepository(MealOrder).findOneByOrFail({ id: row.orderId });
      expect(row).toMatchObject({
        grossFen: stored.grossFen,
        subsidyFen: stored.subsidyFen,
        payableFen: stored.payableFen,
        deliveryFeeGrossFen: stored.deliveryFeeGrossFen,
        deliverySubsidyFen: stored.deliverySubsidyFen,
        deliveryFeeFen: stored.deliveryFeeFen,
        totalFen: stored.totalFen,
        rules: stored.appliedSubsidies.map(({ ruleId, mealFen, deliveryFen }) => ({ ruleId, mealFen, deliveryFen })),
      });
    }
    expect(settlement.rows[1]).toMatchObject({ mealPointName: '安大社区助餐点', elderName: '李*国', elderIdNumber: LI_MASKED_ID });
    expect(settlement.rows[3]).toMatchObject({ elderName: maskPersonName('=HYPERLINK(1)'), elderIdNumber: null, status: 'placed' });
    expect(JSON.stringify(settlement)).not.toContain('李建国');
    expect(JSON.stringify(settlement)).not.toContain('王秀英');

    expect(settlement.totals).toEqual({
      meals: 6,
      grossFen: 6833,
      subsidyFen: 3200,
      payableFen: 3633,
      deliveryFeeGrossFen: 550,
      deliverySubsidyFen: 425,
      deliveryFeeFen: 125,
      totalFen: 3758,
    });
    for (const field of ['grossFen', 'subsidyFen', 'payableFen', 'deliveryFeeGrossFen', 'deliverySubsidyFen', 'deliveryFeeFen', 'totalFen'] as const) {
      expect(settlement.rows.reduce((total, row) => total + row[field], 0)).toBe(settlement.totals[field]);
    }
    expect(settlement.byRule).toEqual([
      { ruleId: 'rule-age', meals: 4, mealFen: 1533, deliveryFen: 0 },
      { ruleId: 'rule-delivery', meals: 2, mealFen: 0, deliveryFen: 425 },
      { ruleId: 'rule-hardship', meals: 1, mealFen: 1000, deliveryFen: 0 },
      { ruleId: 'rule-percent', meals: 1, mealFen: 667, deliveryFen: 0 },
    ]);
    // Per meal point (by name: '+' comes before any CJK character), each the sums of its own rows, together the whole.
    expect(settlement.byMealPoint).toEqual([
      {
        mealPointId: jinzhailu.id,
        mealPointName: '+金寨路助餐点',
        totals: { meals: 2, grossFen: 1999, subsidyFen: 533, payableFen: 1466, deliveryFeeGrossFen: 0, deliverySubsidyFen: 0, deliveryFeeFen: 0, totalFen: 1466 },
      },
      {
        mealPointId: anda.id,
        mealPointName: '安大社区助餐点',
        totals: { meals: 4, grossFen: 4834, subsidyFen: 2667, payableFen: 2167, deliveryFeeGrossFen: 550, deliverySubsidyFen: 425, deliveryFeeFen: 125, totalFen: 2292 },
      },
    ]);
    for (const field of Object.keys(settlement.totals) as Array<keyof MealSettlement['totals']>) {
      expect(settlement.byMealPoint.reduce((total, point) => total + point.totals[field], 0)).toBe(settlement.totals[field]);
    }
    // These orders were written with made-up rule ids: no rule of that id, no name.
    expect(settlement.ruleNames).toEqual([]);
  });

  it('settles an order as placed through the API with the price priceMeal stored, and drops it once cancelled', async () => {
    const day = tomorrow();
    const month = day.slice(0, 7);
    const [chicken] = await publishMeal(t, canteen, anda.id, day, 'lunch', [dish()]);
    const li = await loginWithWechat(t, 'demo-openid-li-ming');
    const placed = await t
      .http()
      .post('/api/meal-orders')
      .set(bearer(li))
      .send({
        mealPointId: anda.id,
        residentId: LI_JIANGUO,
        mealDate: day,
        mealKind: 'lunch',
        fulfilment: 'delivery',
        paymentMethod: 'at_pickup',
        lines: [{ dishId: chicken, quantity: 1 }],
      })
      .expect(201);
    const settled = (await settlementAs(canteen, { providerId, month }).expect(200)).body as MealSettlement;
    expect(settled.rows.map((row) => row.orderId)).toEqual([placed.body.id]);
    // 李建国's lunch of docs/meals.md: ¥10 for 低保 and free delivery on top.
    expect(settled.totals).toEqual({
      meals: 1,
      grossFen: 1500,
      subsidyFen: 1000,
      payableFen: 500,
      deliveryFeeGrossFen: 300,
      deliverySubsidyFen: 300,
      deliveryFeeFen: 0,
      totalFen: 500,
    });
    expect(settled.rows[0].rules.map((rule) => rule.ruleId)).toEqual(placed.body.price.appliedRuleIds);
    expect(settled.byRule.map((rule) => [rule.mealFen, rule.deliveryFen]).sort()).toEqual([
      [0, 300],
      [1000, 0],
    ]);
    expect(settled.byMealPoint).toEqual([{ mealPointId: anda.id, mealPointName: '安大社区助餐点', totals: settled.totals }]);
    // Each rule named as the district published it, in the order of byRule: the operator cannot read the rules.
    expect(settled.ruleNames.map((rule) => rule.ruleId)).toEqual(settled.byRule.map((rule) => rule.ruleId));
    expect(settled.ruleNames.map(({ name, version }) => `${name} 第${version}版`).sort()).toEqual(['蜀山区低保特困老人助餐补贴 第1版', '蜀山区失能低保老人免费送餐 第1版'].sort());
    // The CSV names each rule by its name and version, as the district published it.
    const csv = await t.http().get('/api/staff/meal-settlements/export').query({ providerId, month }).set(bearer(canteen)).expect(200);
    const ruleLines = csv.text.split('\r\n').filter((line) => placed.body.price.appliedRuleIds.some((id: string) => line.startsWith(`${id},`)));
    expect(ruleLines.map((line) => line.split(',')[1]).sort()).toEqual(['蜀山区低保特困老人助餐补贴 第1版', '蜀山区失能低保老人免费送餐 第1版'].sort());

    await t.http().post(`/api/meal-orders/${placed.body.id}/cancel`).set(bearer(li)).send({}).expect(200);
    const afterCancel = (await settlementAs(canteen, { providerId, month }).expect(200)).body as MealSettlement;
    expect(afterCancel.rows).toEqual([]);
    expect(afterCancel.totals.subsidyFen).toBe(0);
  });

  it('staff see only the meal points in their region; other regions, other canteens and residents get nothing', async () => {
    const andaStaff = (await settlementAs(await loginWithPassword(t, 'anda.staff')).expect(200)).body as MealSettlement;
    expect(andaStaff.rows.map((row) => row.mealPointId)).toEqual([anda.id, anda.id, anda.id, anda.id]);
    expect(andaStaff.totals).toEqual({
      meals: 4,
      grossFen: 4834,
      subsidyFen: 2667,
      payableFen: 2167,
      deliveryFeeGrossFen: 550,
      deliverySubsidyFen: 425,
      deliveryFeeFen: 125,
      totalFen: 2292,
    });
    expect(andaStaff.byRule.map((rule) => rule.ruleId)).toEqual(['rule-age', 'rule-delivery', 'rule-hardship', 'rule-percent']);
    expect(andaStaff.byMealPoint).toEqual([{ mealPointId: anda.id, mealPointName: '安大社区助餐点', totals: andaStaff.totals }]);

    const district = (await settlementAs(await loginWithPassword(t, 'shushan.admin')).expect(200)).body as MealSettlement;
    expect(district.totals.meals).toBe(6);

    // Staff of another district, and the operator of another canteen (the demo's): 404, as for no canteen at all.
    for (const outsider of [await loginWithPassword(t, 'nanping.staff'), await loginWithPassword(t, 'anda.canteen')]) {
      expect((await settlementAs(outsider).expect(404)).body.code).toBe('NOT_FOUND');
      expect((await t.http().get('/api/staff/meal-settlements/export').query({ providerId, month: MONTH }).set(bearer(outsider)).expect(404)).body.code).toBe('NOT_FOUND');
    }
    const admin = await loginWithPassword(t, 'shushan.admin');
    await settlementAs(admin, { providerId: randomUUID(), month: MONTH }).expect(404);
    // A provider that is not a canteen (安心家政).
    await settlementAs(admin, { providerId: stableId('provider', 'anxin'), month: MONTH }).expect(404);
    expect((await settlementAs(admin, { providerId, month: '2026-13' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await settlementAs(await loginWithWechat(t, 'demo-openid-li-ming')).expect(403)).body.code).toBe('FORBIDDEN');
  });

  it('exports CSV a bureau can reconcile: amounts in yuan, the totals row, the points and the rules, formula-like cells defused, the export audited', async () => {
    const response = await t.http().get('/api/staff/meal-settlements/export').query({ providerId, month: MONTH }).set(bearer(canteen)).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.text.startsWith('\uFEFF')).toBe(true);
    const lines = response.text.slice(1).split('\r\n');
    expect(lines[0]).toBe('test.canteen 长者食堂 2026-10 老年助餐补贴结算');
    expect(lines[1]).toBe('日期,餐次,助餐点,老人,身份证号,方式,状态,补贴规则,餐费(元),餐费补贴(元),餐费自付(元),配送费(元),配送补贴(元),配送自付(元),老人合计自付(元),订单号');
    expect(lines[2]).toBe(
      `2026-10-05,午餐,'+金寨路助餐点,王*英,3401**********002${idNumberCheckCharacter('34010419480312002')},自取,已备餐,rule-age,9.99,3.33,6.66,0.00,0.00,0.00,6.66,${ids.jinzhailuLunch}`,
    );
    expect(lines[4]).toBe(`2026-10-05,晚餐,安大社区助餐点,李*国,${LI_MASKED_ID},送餐,已送达,rule-percent rule-delivery,13.33,6.67,6.66,3.00,3.00,0.00,6.66,${ids.andaDinner}`);
    expect(lines[5]).toBe(`2026-10-06,午餐,安大社区助餐点,'=***********),,堂食,已下单,rule-age,8.01,4.00,4.01,0.00,0.00,0.00,4.01,${ids.formula}`);
    expect(lines[6]).toContain(",'-*四,");
    expect(lines[7]).toContain(",'@*,");
    expect(lines[8]).toBe('合计 6 餐,,,,,,,,68.33,32.00,36.33,5.50,4.25,1.25,37.58,');
    expect(lines.slice(9)).toEqual([
      '',
      '助餐点,餐数,餐费(元),餐费补贴(元),餐费自付(元),配送费(元),配送补贴(元),配送自付(元),老人合计自付(元)',
      "'+金寨路助餐点,2,19.99,5.33,14.66,0.00,0.00,0.00,14.66",
      '安大社区助餐点,4,48.34,26.67,21.67,5.50,4.25,1.25,22.92',
      '',
      '补贴规则,规则名称,餐数,餐费补贴(元),配送补贴(元)',
      // These orders were written with made-up rule ids: no rule of that id, no name.
      'rule-age,,4,15.33,0.00',
      'rule-delivery,,2,0.00,4.25',
      'rule-hardship,,1,10.00,0.00',
      'rule-percent,,1,6.67,0.00',
      '',
    ]);
    const audits = await t.dataSource.getRepository(AuditEntry).findBy({ action: 'meal_settlement.exported', targetId: providerId });
    expect(audits.map((audit) => audit.details).filter((details) => (details as { month: string }).month === MONTH)).toEqual([{ month: MONTH, rows: 6 }]);
  });
});
