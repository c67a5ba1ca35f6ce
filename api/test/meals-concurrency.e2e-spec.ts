import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { MEAL_ORDER_PORTION_HOLDING_STATUSES } from '@linli/shared';
import { Dish } from '../src/modules/meals/dish.entity';
import { MealCounter } from '../src/modules/meals/meal-counter.entity';
import { MealOrder } from '../src/modules/meals/meal-order.entity';
import { Resident } from '../src/modules/residents/resident.entity';
import { ANDA, createMealPoint, dish, publishMeal, registerCanteen, tomorrow } from './support/meals';
import { bearer, loginWithPassword } from './support/sessions';
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
});
