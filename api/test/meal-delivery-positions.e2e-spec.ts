import type { LoginResponse, MealDeliveryPlan, MealPointView } from '@linli/shared';
import { MealOrder } from '../src/modules/meals/meal-order.entity';
import { stableId } from '../src/seed/stable-id';
import { ANDA, createMealPoint, dish, LI_JIANGUO, mealPointBody, publishMeal, registerCanteen, tomorrow, WANG_XIUYING, insertPhonelessElder } from './support/meals';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

/** Homes' positions for delivery: the point chosen when ordering is checked against the delivery radius and orders the runs. */
describe('meal delivery to a point on the map', () => {
  let t: TestApp;
  let canteen: LoginResponse;
  let staff: LoginResponse;
  let point: MealPointView;
  let day: string;
  let chicken: string;
  const ZHOU = stableId('resident', 'delivery-positions-zhou');
  const origin = mealPointBody() as { latitude: number; longitude: number };
  /** A point `meters` north of the meal point. */
  const north = (meters: number) => ({ latitude: origin.latitude + meters / 111_320, longitude: origin.longitude });
  const body = (residentId: string, extra: Record<string, unknown> = {}) => ({
    mealPointId: point.id,
    residentId,
    mealDate: day,
    mealKind: 'lunch',
    fulfilment: 'delivery',
    paymentMethod: 'at_pickup',
    lines: [{ dishId: chicken, quantity: 1 }],
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp();
    await t.seed();
    let providerId: string;
    ({ canteen, providerId } = await registerCanteen(t, 'positions.canteen'));
    point = await createMealPoint(t, canteen, providerId);
    day = tomorrow();
    [chicken] = await publishMeal(t, canteen, point.id, day, 'lunch', [dish()]);
    staff = await loginWithPassword(t, 'anda.staff');
    await insertPhonelessElder(t, ZHOU);
  });
  afterAll(() => t.close());

  it('refuses 送餐 to a point beyond the delivery radius, in the quote and the order, and writes nothing', async () => {
    const far = north(3000);
    const quote = await t
      .http()
      .post('/api/meal-quotes')
      .set(bearer(staff))
      .send({ ...body(WANG_XIUYING, far), paymentMethod: undefined })
      .expect(409);
    expect(quote.body).toMatchObject({ code: 'MEAL_NOT_OFFERED', details: { reason: 'outside_delivery_radius', radiusMeters: 1500 } });
    expect(quote.body.details.distanceMeters).toBeGreaterThan(2900);
    const order = await t.http().post('/api/meal-orders').set(bearer(staff)).send(body(WANG_XIUYING, far)).expect(409);
    expect(order.body.message).toContain('超出 1.5 公里的送餐范围');
    expect(await t.dataSource.getRepository(MealOrder).count()).toBe(0);
    // A pickup is not delivered anywhere: the point is neither checked nor kept.
    const pickup = await t
      .http()
      .post('/api/meal-orders')
      .set(bearer(staff))
      .send(body(WANG_XIUYING, { ...far, fulfilment: 'pickup' }))
      .expect(201);
    expect(await t.dataSource.getRepository(MealOrder).findOneByOrFail({ id: pickup.body.id })).toMatchObject({ deliveryLatitudeE6: null, deliveryLongitudeE6: null });
    // Half a position is no position.
    await t
      .http()
      .post('/api/meal-orders')
      .set(bearer(staff))
      .send(body(WANG_XIUYING, { latitude: far.latitude }))
      .expect(400);
  });

  it('keeps the door and plans the run nearest neighbour from the meal point, stops without a point last', async () => {
    const li = await loginWithWechat(t, 'demo-openid-li-ming');
    const ids: Record<string, string> = {};
    ids.liJianguo = (
      await t
        .http()
        .post('/api/meal-orders')
        .set(bearer(li))
        .send(body(LI_JIANGUO, north(900)))
        .expect(201)
    ).body.id;
    ids.wang = (
      await t
        .http()
        .post('/api/meal-orders')
        .set(bearer(staff))
        .send(body(WANG_XIUYING, north(300)))
        .expect(201)
    ).body.id;
    ids.zhou = (await t.http().post('/api/meal-orders').set(bearer(staff)).send(body(ZHOU)).expect(201)).body.id;
    const stored = await t.dataSource.getRepository(MealOrder).findOneByOrFail({ id: ids.wang });
    expect(stored.deliveryLatitudeE6).toBe(Math.round(north(300).latitude * 1e6));
    expect(stored.deliveryLongitudeE6).toBe(Math.round(origin.longitude * 1e6));

    const plan = (await t.http().get(`/api/staff/meal-points/${point.id}/delivery-runs`).query({ date: day, mealKind: 'lunch' }).set(bearer(canteen)).expect(200))
      .body as MealDeliveryPlan;
    const anda = plan.runs.find((run) => run.areaId === ANDA)!;
    expect(anda.stops.map((stop) => stop.orderId)).toEqual([ids.wang, ids.liJianguo, ids.zhou]);
    // 300 m out, then 600 m on; the stop without a point adds nothing.
    expect(anda.knownDistanceMeters).toBeGreaterThan(880);
    expect(anda.knownDistanceMeters).toBeLessThan(920);
  });
});
