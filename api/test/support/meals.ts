import { randomUUID } from 'node:crypto';
import { addDays, shanghaiDateOf, type LoginResponse, type MealPointView } from '@linli/shared';
import { MealBalances } from '../../src/modules/meal-subsidies';
import { MealBalanceAccount } from '../../src/modules/meal-subsidies/meal-balance-account.entity';
import { MealSubsidyRuleRow } from '../../src/modules/meal-subsidies/meal-subsidy-rule.entity';
import { MealCounter } from '../../src/modules/meals/meal-counter.entity';
import { MealOrder } from '../../src/modules/meals/meal-order.entity';
import { MealPickupCodeRow } from '../../src/modules/meals/meal-pickup-code.entity';
import { MealPickupCodes } from '../../src/modules/meals/meal-pickup-codes';
import { Resident } from '../../src/modules/residents/resident.entity';
import { stableId } from '../../src/seed/stable-id';
import { ALL_DAY, ANDA_COMMUNITIES, type TestWorker } from './dispatch';
import { bearer, loginWithPassword, loginWithWechat } from './sessions';
import type { TestApp } from './test-app';

export const SHUSHAN = stableId('region', '340104');
export const ANDA = stableId('region', '340104001001');
export const JINZHAILU = stableId('region', '340104001002');
export const NANPING = stableId('region', '340111002001');
export const CANTEEN_PASSWORD = 'Canteen@2026x';

export const tomorrow = () => addDays(shanghaiDateOf(new Date()), 1);

/** A meal point body: 安大社区, serving 安大 and 金寨路, lunch (09:30) and dinner (14:00), all three fulfilments. */
export function mealPointBody(overrides: Record<string, unknown> = {}) {
  return {
    name: '安大社区助餐点',
    address: '蜀山区肥西路 3 号',
    latitude: 31.8421,
    longitude: 117.2543,
    phone: '0551-65101088',
    regionId: ANDA,
    communityIds: [ANDA, JINZHAILU],
    windows: [
      { mealKind: 'lunch', servesFrom: '11:00', servesUntil: '12:30', cutOffTime: '09:30', cutOffDaysBefore: 0, capacity: 100 },
      { mealKind: 'dinner', servesFrom: '17:00', servesUntil: '18:30', cutOffTime: '14:00', cutOffDaysBefore: 0, capacity: 100 },
    ],
    fulfilments: ['dine_in', 'pickup', 'delivery'],
    deliveryRadiusMeters: 1500,
    deliveryFeeFen: 300,
    ...overrides,
  };
}

export function dish(overrides: Record<string, unknown> = {}) {
  return { name: '红烧鸡腿套餐', kind: 'set_meal', priceFen: 1500, tags: ['low_salt'], allergens: [], photoUrl: null, dailyQuantity: null, ...overrides };
}

/** A canteen registered by 蜀山区's admin, signed in as its provider_admin. */
export async function registerCanteen(t: TestApp, username = 'test.canteen'): Promise<{ providerId: string; canteen: LoginResponse }> {
  const admin = await loginWithPassword(t, 'shushan.admin');
  const response = await t
    .http()
    .post('/api/providers')
    .set(bearer(admin))
    .send({ name: `${username} 长者食堂`, regionId: SHUSHAN, kind: 'canteen', adminUsername: username, adminPassword: CANTEEN_PASSWORD })
    .expect(201);
  return { providerId: response.body.id as string, canteen: await loginWithPassword(t, username, CANTEEN_PASSWORD) };
}

export async function createMealPoint(t: TestApp, canteen: LoginResponse, providerId: string, overrides: Record<string, unknown> = {}): Promise<MealPointView> {
  const response = await t
    .http()
    .post('/api/meal-points')
    .set(bearer(canteen))
    .send({ providerId, ...mealPointBody(overrides) })
    .expect(201);
  return response.body as MealPointView;
}

/** Publishes one meal and answers its dishes' ids in the order given. */
export async function publishMeal(
  t: TestApp,
  canteen: LoginResponse,
  mealPointId: string,
  mealDate: string,
  mealKind: string,
  dishes: Array<Record<string, unknown>>,
): Promise<string[]> {
  await t
    .http()
    .put(`/api/meal-points/${mealPointId}/menu`)
    .set(bearer(canteen))
    .send({ meals: [{ mealDate, mealKind, dishes }] })
    .expect(200);
  const menu = await t.http().get(`/api/meal-points/${mealPointId}/menu?from=${mealDate}&to=${mealDate}`).set(bearer(canteen)).expect(200);
  return (menu.body.meals as Array<{ mealKind: string; dishes: Array<{ id: string }> }>).find((meal) => meal.mealKind === mealKind)!.dishes.map((item) => item.id);
}

/** A worker of a test canteen, bound through WeChat, serving 安大 and 金寨路 all day (no home services: a canteen's trade is the skill). */
export async function addCanteenWorker(t: TestApp, canteen: LoginResponse, providerId: string, name: string, openid: string, phone: string): Promise<TestWorker> {
  const created = await t.http().post(`/api/providers/${providerId}/workers`).set(bearer(canteen)).send({ name, phone }).expect(201);
  const invitation = await t.http().post(`/api/providers/${providerId}/workers/${created.body.id}/invitation`).set(bearer(canteen)).expect(201);
  await t
    .http()
    .post('/api/auth/wechat/worker-binding')
    .send({ code: t.wechat.mintLoginCode(openid), invitationCode: invitation.body.code })
    .expect(200);
  await t
    .http()
    .put(`/api/providers/${providerId}/workers/${created.body.id}/dispatch-profile`)
    .set(bearer(canteen))
    .send({ skillServiceIds: [], areaRegionIds: ANDA_COMMUNITIES, workingHours: ALL_DAY, maxOpenOrders: 3 })
    .expect(200);
  return { id: created.body.id as string, login: await loginWithWechat(t, openid) };
}

export const LI_JIANGUO = stableId('resident', 'li-jianguo');
export const WANG_XIUYING = stableId('resident', 'wang-xiuying');

/** 周玉兰, an elder of 安大社区 with no phone and no ID number on file: staff order for her, meals go to her door. */
export async function insertPhonelessElder(t: TestApp, id: string): Promise<void> {
  await t.transactions.write((manager) =>
    manager.getRepository(Resident).insert({
      id,
      name: '周玉兰',
      phoneCipher: null,
      phoneHash: null,
      phoneOwner: null,
      idNumberCipher: null,
      idNumberHash: null,
      birthDate: '1944-05-01',
      address: '蜀山区肥西路 3 号院 12 栋 301',
      communityId: ANDA,
      createdByAccountId: null,
      erasedAt: null,
    }),
  );
}

/** A district rule straight into the table, in the demo rules' cap group (one subsidised lunch and dinner a day): 60+ elders get `fen` off each meal. */
export async function insertSubsidyRule(t: TestApp, fields: { id: string; fen: number; effectiveFrom: string; name?: string }): Promise<void> {
  await t.transactions.write((manager) =>
    manager.getRepository(MealSubsidyRuleRow).insert({
      id: fields.id,
      schemeId: 'scheme-shushan-60',
      version: 1,
      districtId: SHUSHAN,
      name: fields.name ?? '蜀山区60岁以上老人助餐补贴',
      effectiveFrom: fields.effectiveFrom,
      effectiveTo: null,
      mealKinds: ['lunch', 'dinner'],
      eligibility: { age: { min: 60, max: null }, hardshipsAny: null, residency: 'registered_or_resident' },
      amount: { kind: 'fixed', fen: fields.fen },
      specialDietExtra: null,
      delivery: null,
      caps: { mealsPerDayPerKind: 1, mealsPerMonth: null, fenPerMonth: null },
      capGroupId: stableId('meal-subsidy-cap-group', 'shushan-meals'),
      stacks: false,
      createdByAccountId: stableId('account', 'admin-shushan'),
      createdAt: new Date(),
      withdrawnAt: null,
    }),
  );
}

export async function topUpBalance(t: TestApp, residentId: string, amountFen: number): Promise<void> {
  await t.transactions.write((manager) =>
    t.app.get(MealBalances).topUp(manager, { entryId: randomUUID(), residentId, amountFen, method: 'cash', note: null, accountId: stableId('account', 'staff-anda') }),
  );
}

export async function balanceOf(t: TestApp, residentId: string): Promise<number> {
  return (await t.dataSource.getRepository(MealBalanceAccount).findOneBy({ residentId }))?.balanceFen ?? 0;
}

export const DEMO_MEAL_POINT = stableId('meal-point', 'anda');

/** The seeded dish at `position` of the demo point's meal (position 2 of lunch is 杂粮饭, unlimited, in both rotations). */
export const demoDish = (mealDate: string, mealKind: 'lunch' | 'dinner', position: number) => stableId('dish', `anda:${mealDate}:${mealKind}:${position}`);

/**
 * A meal of today at the demo point, ready at the counter, written straight to the database (with its pickup code):
 * whether today's ordering is still open depends on the hour the suite runs, and a meal is handed over only after it.
 */
export async function insertReadyMealOrder(t: TestApp, residentId: string): Promise<{ orderId: string; shortCode: string }> {
  const mealDate = shanghaiDateOf(new Date());
  const orderId = randomUUID();
  await t.transactions.write(async (manager) => {
    const existing = await manager.getRepository(MealCounter).findOneBy({ mealPointId: DEMO_MEAL_POINT, mealDate, mealKind: 'dinner' });
    const counterId = existing?.id ?? randomUUID();
    if (!existing) await manager.getRepository(MealCounter).insert({ id: counterId, mealPointId: DEMO_MEAL_POINT, mealDate, mealKind: 'dinner', capacity: 80, ordered: 0 });
    await manager.getRepository(MealOrder).insert({
      id: orderId,
      mealPointId: DEMO_MEAL_POINT,
      counterId,
      residentId,
      mealDate,
      mealKind: 'dinner',
      fulfilment: 'pickup',
      status: 'ready',
      paymentMethod: 'at_pickup',
      grossFen: 400,
      subsidyFen: 0,
      payableFen: 400,
      deliveryFeeGrossFen: 0,
      deliverySubsidyFen: 0,
      deliveryFeeFen: 0,
      totalFen: 400,
      appliedSubsidies: [],
      cancelReason: null,
      collectedAt: null,
      orderedByAccountId: stableId('account', 'staff-anda'),
    });
    await t.app.get(MealPickupCodes).assign(manager, { id: orderId, mealPointId: DEMO_MEAL_POINT, mealDate });
  });
  const code = await t.dataSource.getRepository(MealPickupCodeRow).findOneByOrFail({ orderId });
  return { orderId, shortCode: code.code };
}
