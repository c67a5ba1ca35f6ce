import { shanghaiDateOf, type LoginResponse, type MealOrderView } from '@linli/shared';
import { AuditEntry } from '../src/modules/audit';
import { createMealPoint, dish, LI_JIANGUO, mealPointBody, publishMeal, registerCanteen } from './support/meals';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

const WRONG_CODE_LIMIT = 3;
const WRONG_CODE_WINDOW_SECONDS = 3;

/**
 * Six digits at a meal point's counter can be guessed as at a check-in desk: every wrong code is audited against the
 * meal point, and too many from one account there answer 429 — even for the right code — until the window frees.
 * The limits are the check-in desk's (one WrongCodeThrottle serves both).
 */
describe('meal pickup codes typed at the counter', () => {
  let t: TestApp;
  let canteen: LoginResponse;
  let staff: LoginResponse;
  let order: MealOrderView;
  let pointId: string;
  let shortCode: string;

  beforeAll(async () => {
    t = await startTestApp({
      env: { LOGIN_MAX_ATTEMPTS_PER_IP: '10000', CHECK_IN_MAX_WRONG_CODES: String(WRONG_CODE_LIMIT), CHECK_IN_WRONG_CODE_WINDOW_SECONDS: String(WRONG_CODE_WINDOW_SECONDS) },
    });
    await t.seed();
    const registered = await registerCanteen(t);
    canteen = registered.canteen;
    const [li, anda] = await Promise.all([loginWithWechat(t, 'demo-openid-li-ming'), loginWithPassword(t, 'anda.staff')]);
    staff = anda;
    const today = shanghaiDateOf(new Date());
    // Ordering for today stays open until 23:59; once ordered, the canteen moves the cut-off to 00:00, as if the meal had come.
    const window = { mealKind: 'dinner', servesFrom: '17:00', servesUntil: '18:30', cutOffDaysBefore: 0, capacity: 50 };
    const point = await createMealPoint(t, canteen, registered.providerId, { windows: [{ ...window, cutOffTime: '23:59' }] });
    pointId = point.id;
    const [noodles] = await publishMeal(t, canteen, point.id, today, 'dinner', [dish({ name: '牛肉面', kind: 'single', priceFen: 1200 })]);
    order = (
      await t
        .http()
        .post('/api/meal-orders')
        .set(bearer(li))
        .send({
          mealPointId: point.id,
          residentId: LI_JIANGUO,
          mealDate: today,
          mealKind: 'dinner',
          fulfilment: 'pickup',
          paymentMethod: 'at_pickup',
          lines: [{ dishId: noodles, quantity: 1 }],
        })
        .expect(201)
    ).body as MealOrderView;
    await t
      .http()
      .put(`/api/meal-points/${point.id}`)
      .set(bearer(canteen))
      .send(mealPointBody({ windows: [{ ...window, cutOffTime: '00:00' }] }))
      .expect(200);
    shortCode = (await t.http().get(`/api/meal-orders/${order.id}/pickup-code`).set(bearer(li)).expect(200)).body.shortCode as string;
  });
  afterAll(() => t.close());

  const typeCode = (who: LoginResponse, code: string) => t.http().post('/api/staff/meal-pickups').set(bearer(who)).send({ mealPointId: pointId, code });

  it('after too many wrong codes one account at one meal point gets 429 with Retry-After, even for the right code, until the window frees', async () => {
    const wrong = shortCode === '123456' ? '654321' : '123456';
    for (let attempt = 0; attempt < WRONG_CODE_LIMIT; attempt++) expect((await typeCode(canteen, wrong).expect(400)).body.code).toBe('PICKUP_CODE_INVALID');

    const refusals = await t.dataSource.getRepository(AuditEntry).find({ where: { action: 'meal_order.pickup_code_refused', targetId: pointId } });
    expect(refusals).toHaveLength(WRONG_CODE_LIMIT);
    expect(refusals.every((entry) => entry.targetType === 'meal_point' && JSON.stringify(entry.details) === '{"kind":"short"}')).toBe(true);

    const limited = await typeCode(canteen, shortCode).expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WRONG_CODE_WINDOW_SECONDS);
    expect(limited.body.details).toEqual({ retryAfterSeconds: retryAfter });
    expect(limited.body.message).toContain('按姓名查找');
    // Counted per account: the community's staff at the same counter still get a plain answer.
    expect((await typeCode(staff, wrong).expect(400)).body.code).toBe('PICKUP_CODE_INVALID');

    // Once the oldest wrong code leaves the window, the right code hands the meal over.
    let answer = limited;
    while (answer.status === 429) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      answer = await typeCode(canteen, shortCode);
    }
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: order.id, status: 'collected' });
  });
});
