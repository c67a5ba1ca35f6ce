import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { MEAL_ORDER_PORTION_HOLDING_STATUSES } from '@linli/shared';
import { Dish } from '../src/modules/meals/dish.entity';
import { MealCounter } from '../src/modules/meals/meal-counter.entity';
import { MealOrder } from '../src/modules/meals/meal-order.entity';
import { Resident } from '../src/modules/residents/resident.entity';
import { addDays } from '@linli/shared';
import { ANDA, balanceOf, createMealPoint, dish, LI_JIANGUO, publishMeal, registerCanteen, tomorrow } from './support/meals';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

const PORTIONS = 20;
const REQUESTS = 300;

/**
 * The lunch rush: 300 orders at once for a dish with 20 portions. Exactly 20 orders must exist afterwards, every other
 * request must be a clean 409 MEAL_SOLD_OUT, and the dish's remaining portions and the meal's counter must agree with
 * the orders — on SQLite and on MariaDB.
 */
describe('meal orders under concurrency', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await t.seed();
  });
  afterAll(() => t.close());

  it(`${REQUESTS} concurrent orders for a dish of ${PORTIONS} portions: exactly ${PORTIONS} orders, remaining 0, counter consistent`, async () => {
    const { canteen, providerId } = await registerCanteen(t);
    const point = await createMealPoint(t, canteen, providerId, {
      windows: [{ mealKind: 'lunch', servesFrom: '11:00', servesUntil: '12:30', cutOffTime: '09:30', cutOffDaysBefore: 0, capacity: 1000 }],
    });
    const day = tomorrow();
    const [dishId] = await publishMeal(t, canteen, point.id, day, 'lunch', [dish({ dailyQuantity: PORTIONS })]);

    // 300 elders of 安大社区, ordered for by the community's staff (the way elders without phones order).
    const staff = await loginWithPassword(t, 'anda.staff');
    const people = Array.from({ length: REQUESTS }, (_, index) => ({ id: randomUUID(), name: `长者${index}` }));
    await t.transactions.write((manager) =>
      manager.getRepository(Resident).insert(
        people.map((person) => ({
          ...person,
          communityId: ANDA,
          phoneCipher: null,
          phoneHash: null,
          phoneOwner: null,
          idNumberCipher: null,
          idNumberHash: null,
          birthDate: null,
          address: null,
          createdByAccountId: staff.account.id,
          erasedAt: null,
        })),
      ),
    );

    const started = Date.now();
    const responses = await Promise.all(
      people.map((person) =>
        t
          .http()
          .post('/api/meal-orders')
          .set(bearer(staff))
          .send({
            mealPointId: point.id,
            residentId: person.id,
            mealDate: day,
            mealKind: 'lunch',
            fulfilment: 'pickup',
            paymentMethod: 'at_pickup',
            lines: [{ dishId, quantity: 1 }],
          }),
      ),
    );
    const elapsedMs = Date.now() - started;
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(PORTIONS);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(new Set(responses.filter((response) => response.status !== 201).map((response) => `${response.status} ${response.body.code}`))).toEqual(new Set(['409 MEAL_SOLD_OUT']));

    const orders = await t.dataSource.getRepository(MealOrder).countBy({ mealPointId: point.id, status: In([...MEAL_ORDER_PORTION_HOLDING_STATUSES]) });
    const remaining = (await t.dataSource.getRepository(Dish).findOneByOrFail({ id: dishId })).remaining;
    const counter = await t.dataSource.getRepository(MealCounter).findOneByOrFail({ mealPointId: point.id, mealDate: day, mealKind: 'lunch' });
    expect([orders, remaining, counter.ordered]).toEqual([PORTIONS, 0, PORTIONS]);
    // The figure docs/meals.md quotes: how long the storm took on this database.
    process.stdout.write(`meal rush (${t.dataSource.options.type}): ${REQUESTS} orders in ${elapsedMs} ms, ${PORTIONS} placed\n`);
  }, 120_000);

  it('changes racing a cancel or a closed day never lose or double a portion or a fen', async () => {
    const { canteen, providerId } = await registerCanteen(t, 'race.canteen');
    const point = await createMealPoint(t, canteen, providerId);
    const li = await loginWithWechat(t, 'demo-openid-li-ming');
    for (const [offset, finisher] of [
      [1, 'cancel'],
      [2, 'close'],
    ] as const) {
      const day = addDays(tomorrow(), offset);
      const [limited, unlimited] = await publishMeal(t, canteen, point.id, day, 'lunch', [
        dish({ priceFen: 1000, dailyQuantity: 50 }),
        dish({ name: '米饭', kind: 'single', priceFen: 500 }),
      ]);
      const start = await balanceOf(t, LI_JIANGUO);
      const order = (
        await t
          .http()
          .post('/api/meal-orders')
          .set(bearer(li))
          .send({
            mealPointId: point.id,
            residentId: LI_JIANGUO,
            mealDate: day,
            mealKind: 'lunch',
            fulfilment: 'pickup',
            paymentMethod: 'balance',
            lines: [{ dishId: limited, quantity: 1 }],
          })
          .expect(201)
      ).body;
      const changes = [[2], [3, 1], [4], [1, 2], [5], [2, 3]].map((quantities) =>
        t
          .http()
          .post(`/api/meal-orders/${order.id}/change`)
          .set(bearer(li))
          .send({ lines: quantities.map((quantity, index) => ({ dishId: index === 0 ? limited : unlimited, quantity })) }),
      );
      const end =
        finisher === 'cancel'
          ? t.http().post(`/api/meal-orders/${order.id}/cancel`).set(bearer(li)).send({})
          : t.http().post(`/api/meal-points/${point.id}/menu/${day}/close`).set(bearer(canteen)).send({ reason: '停电' });
      const responses = await Promise.all([...changes.slice(0, 3), end, ...changes.slice(3)]);
      expect(responses.filter((response) => response.status >= 500)).toEqual([]);
      expect(responses.every((response) => response.status === 200 || response.status === 409)).toBe(true);

      const stored = await t.dataSource.getRepository(MealOrder).findOneOrFail({ where: { id: order.id }, relations: { lines: true } });
      const holds = MEAL_ORDER_PORTION_HOLDING_STATUSES.includes(stored.status);
      const portions = holds ? (stored.lines.find((line) => line.dishId === limited)?.quantity ?? 0) : 0;
      expect((await t.dataSource.getRepository(Dish).findOneByOrFail({ id: limited })).remaining).toBe(50 - portions);
      expect(await balanceOf(t, LI_JIANGUO)).toBe(start - (holds ? stored.totalFen : 0));
      expect((await t.dataSource.getRepository(MealCounter).findOneByOrFail({ mealPointId: point.id, mealDate: day })).ordered).toBe(holds ? 1 : 0);
      expect(stored.status).toBe('refunded');
    }
  }, 60_000);
});
