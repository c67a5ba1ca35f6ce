import { addDays, shanghaiDateOf, type LoginResponse, type MealDeliveryPlan, type MealPointView } from '@linli/shared';
import { stableId } from '../src/seed/stable-id';
import { ANDA, createMealPoint, dish, JINZHAILU, LI_JIANGUO, publishMeal, registerCanteen, tomorrow, WANG_XIUYING, insertPhonelessElder } from './support/meals';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

/** Delivery runs of a meal: 送餐 orders batched per community, stops in address order, scope. */
describe('meal delivery runs', () => {
  let t: TestApp;
  let canteen: LoginResponse;
  let providerId: string;
  let point: MealPointView;
  let day: string;
  let chicken: string;
  const ids: Record<string, string> = {};
  // Building 12 comes after buildings 2 and 5 of the same compound, not between them as plain text would put it.
  const ZHOU = stableId('resident', 'delivery-runs-zhou');

  beforeAll(async () => {
    t = await startTestApp();
    await t.seed();
    ({ canteen, providerId } = await registerCanteen(t));
    point = await createMealPoint(t, canteen, providerId);
    day = tomorrow();
    [chicken] = await publishMeal(t, canteen, point.id, day, 'lunch', [dish()]);
    await insertPhonelessElder(t, ZHOU);
    const li = await loginWithWechat(t, 'demo-openid-li-ming');
    const staff = await loginWithPassword(t, 'anda.staff');
    const place = async (key: string, by: LoginResponse, residentId: string, fulfilment = 'delivery') => {
      const body = { mealPointId: point.id, residentId, mealDate: day, mealKind: 'lunch', fulfilment, paymentMethod: 'at_pickup', lines: [{ dishId: chicken, quantity: 1 }] };
      ids[key] = (await t.http().post('/api/meal-orders').set(bearer(by)).send(body).expect(201)).body.id as string;
    };
    await place('zhou', staff, ZHOU);
    await place('wang', staff, WANG_XIUYING);
    await place('liJianguo', li, LI_JIANGUO);
    await place('liMing', li, stableId('resident', 'li-ming'));
    // Neither a pickup nor a cancelled delivery is carried out.
    await place('pickup', staff, WANG_XIUYING, 'pickup');
    await place('cancelled', li, LI_JIANGUO);
    await t.http().post(`/api/meal-orders/${ids.cancelled}/cancel`).set(bearer(li)).send({}).expect(200);
  });
  afterAll(() => t.close());

  it('batches the meal’s deliveries per community, stops in address order, with what to hand over', async () => {
    const plan = (await t.http().get(`/api/staff/meal-points/${point.id}/delivery-runs`).query({ date: day, mealKind: 'lunch' }).set(bearer(canteen)).expect(200))
      .body as MealDeliveryPlan;
    expect(plan).toMatchObject({ mealPointId: point.id, mealDate: day, mealKind: 'lunch', fixed: false });
    expect(plan.runs.map((run) => [run.areaId, run.areaName]).sort()).toEqual(
      [
        [ANDA, '安大社区'],
        [JINZHAILU, '金寨路社区'],
      ].sort(),
    );
    const anda = plan.runs.find((run) => run.areaId === ANDA)!;
    expect(anda.stops.map((stop) => [stop.sequence, stop.orderId, stop.address])).toEqual([
      [1, ids.liJianguo, '蜀山区肥西路 3 号院 2 栋 102'],
      [2, ids.wang, '蜀山区肥西路 3 号院 5 栋 201'],
      [3, ids.zhou, '蜀山区肥西路 3 号院 12 栋 301'],
    ]);
    expect(anda.stops[0]).toMatchObject({ residentId: LI_JIANGUO, elderName: '李建国', status: 'placed', items: ['红烧鸡腿套餐 ×1'] });
    // No home has a position yet: no distance is claimed.
    expect(anda.knownDistanceMeters).toBe(0);
    expect(plan.runs.find((run) => run.areaId === JINZHAILU)!.stops.map((stop) => stop.orderId)).toEqual([ids.liMing]);

    const district = (
      await t
        .http()
        .get(`/api/staff/meal-points/${point.id}/delivery-runs`)
        .query({ date: day, mealKind: 'lunch' })
        .set(bearer(await loginWithPassword(t, 'shushan.admin')))
        .expect(200)
    ).body as MealDeliveryPlan;
    expect(district.runs).toEqual(plan.runs);
  });

  it('is fixed once the cut-off has passed, and answers only for a meal the point serves', async () => {
    const yesterday = addDays(shanghaiDateOf(new Date()), -1);
    const past = await t.http().get(`/api/staff/meal-points/${point.id}/delivery-runs`).query({ date: yesterday, mealKind: 'dinner' }).set(bearer(canteen)).expect(200);
    expect(past.body).toMatchObject({ fixed: true, runs: [] });
    const breakfast = await t.http().get(`/api/staff/meal-points/${point.id}/delivery-runs`).query({ date: day, mealKind: 'breakfast' }).set(bearer(canteen)).expect(409);
    expect(breakfast.body.code).toBe('MEAL_NOT_OFFERED');
  });

  it('only the point’s canteen and the staff over it see the runs', async () => {
    for (const outsider of [await loginWithPassword(t, 'nanping.staff'), await loginWithPassword(t, 'anda.canteen')]) {
      const response = await t.http().get(`/api/staff/meal-points/${point.id}/delivery-runs`).query({ date: day, mealKind: 'lunch' }).set(bearer(outsider)).expect(404);
      expect(response.body.code).toBe('NOT_FOUND');
    }
    const resident = await t
      .http()
      .get(`/api/staff/meal-points/${point.id}/delivery-runs`)
      .query({ date: day, mealKind: 'lunch' })
      .set(bearer(await loginWithWechat(t, 'demo-openid-li-ming')))
      .expect(403);
    expect(resident.body.code).toBe('FORBIDDEN');
  });
});
