import { randomUUID } from 'node:crypto';
import { addDays, shanghaiDateOf, type LoginResponse, type MealOrderView, type MealPointView } from '@linli/shared';
import { MealOrder } from '../src/modules/meals/meal-order.entity';
import { Dish } from '../src/modules/meals/dish.entity';
import { MealCounter } from '../src/modules/meals/meal-counter.entity';
import { OutboxMessage } from '../src/modules/outbox/outbox-message.entity';
import { balanceOf, createMealPoint, dish, insertSubsidyRule, LI_JIANGUO, mealPointBody, publishMeal, registerCanteen, tomorrow, WANG_XIUYING } from './support/meals';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

/** Ordering elder meals: price with subsidies stored whole, capacity and portions, change and cancel around the cut-off, scope, pickup. */
describe('meal orders', () => {
  let t: TestApp;
  let canteen: LoginResponse;
  let providerId: string;
  let li: LoginResponse;
  let point: MealPointView;
  let day: string;
  let chicken: string;
  let fish: string;
  let dinnerSoup: string;

  const order = (overrides: Record<string, unknown> = {}) => ({
    mealPointId: point.id,
    residentId: LI_JIANGUO,
    mealDate: day,
    mealKind: 'lunch',
    fulfilment: 'pickup',
    paymentMethod: 'at_pickup',
    lines: [{ dishId: chicken, quantity: 1 }],
    ...overrides,
  });
  /** A quote takes what an order does, without the payment method. */
  const quoteOf = (overrides: Record<string, unknown> = {}) => {
    const { paymentMethod: _paymentMethod, ...quote } = order(overrides);
    return quote;
  };

  beforeAll(async () => {
    t = await startTestApp();
    await t.seed();
    ({ canteen, providerId } = await registerCanteen(t));
    li = await loginWithWechat(t, 'demo-openid-li-ming');
    point = await createMealPoint(t, canteen, providerId);
    day = tomorrow();
    [chicken, fish] = await publishMeal(t, canteen, point.id, day, 'lunch', [
      dish({ dailyQuantity: 5 }),
      dish({ name: '清蒸鲈鱼', kind: 'single', priceFen: 1200, tags: ['soft'] }),
    ]);
    [dinnerSoup] = await publishMeal(t, canteen, point.id, day, 'dinner', [dish({ name: '小米粥', kind: 'single', priceFen: 300 })]);
  });
  afterAll(() => t.close());

  it('quotes the price after subsidy for a household elder without writing anything', async () => {
    // The demo rules of 蜀山区: 李建国 (80, 低保 verified) gets the best one, ¥10, and free delivery on top.
    const quote = await t.http().post('/api/meal-quotes').set(bearer(li)).send(quoteOf()).expect(200);
    expect(quote.body).toMatchObject({ gross: 1500, subsidy: 1000, payable: 500, deliveryFee: 0, total: 500, withheld: [] });
    expect(quote.body.explanation).toEqual(['蜀山区低保特困老人助餐补贴：每餐补贴10.00元']);
    const delivered = await t
      .http()
      .post('/api/meal-quotes')
      .set(bearer(li))
      .send(quoteOf({ fulfilment: 'delivery' }))
      .expect(200);
    expect(delivered.body).toMatchObject({ deliveryFeeGross: 300, deliverySubsidy: 300, deliveryFee: 0, total: 500 });
    expect(delivered.body.appliedRuleIds).toHaveLength(2);
    expect(await t.dataSource.getRepository(MealOrder).count()).toBe(0);
  });

  it('places an order once per Idempotency-Key, stores the price whole, and a later rule change never reprices it', async () => {
    const key = randomUUID();
    const first = await t.http().post('/api/meal-orders').set(bearer(li)).set('idempotency-key', key).send(order()).expect(201);
    const placed = first.body as MealOrderView;
    expect(placed).toMatchObject({ status: 'placed', paymentMethod: 'at_pickup', resident: { id: LI_JIANGUO, name: '李建国' }, mealPoint: { id: point.id } });
    expect(placed.price).toMatchObject({ gross: 1500, subsidy: 1000, total: 500, explanation: ['蜀山区低保特困老人助餐补贴：每餐补贴10.00元'] });
    expect(placed.actions).toEqual(['change', 'cancel']);
    const retry = await t.http().post('/api/meal-orders').set(bearer(li)).set('idempotency-key', key).send(order()).expect(201);
    expect(retry.body.id).toBe(placed.id);
    const reused = await t
      .http()
      .post('/api/meal-orders')
      .set(bearer(li))
      .set('idempotency-key', key)
      .send(order({ fulfilment: 'dine_in' }))
      .expect(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');

    // The district adds a better rule from the meal date on: the stored order keeps its price.
    await insertSubsidyRule(t, { id: 'rule-shushan-extra', fen: 1400, effectiveFrom: day });
    const stored = await t.http().get(`/api/meal-orders/${placed.id}`).set(bearer(li)).expect(200);
    expect(stored.body.price).toEqual(placed.price);
    expect((await t.dataSource.getRepository(Dish).findOneByOrFail({ id: chicken })).remaining).toBe(4);

    // One subsidised lunch a day: a second lunch is quoted without it, and says why.
    const second = await t
      .http()
      .post('/api/meal-quotes')
      .set(bearer(li))
      .send(quoteOf({ lines: [{ dishId: fish, quantity: 1 }] }))
      .expect(200);
    expect(second.body).toMatchObject({ gross: 1200, subsidy: 0, total: 1200 });
    expect(second.body.withheld.map((entry: { reason: string }) => entry.reason)).toContain('day_cap_reached');
    expect(second.body.withheld.map((entry: { ruleId: string }) => entry.ruleId)).toContain('rule-shushan-extra');

    const mine = await t.http().get('/api/meal-orders').set(bearer(li)).expect(200);
    expect(mine.body.items.map((item: MealOrderView) => item.id)).toEqual([placed.id]);
  });

  it('pays from the balance: debit on placing, the difference on a change, everything back on cancel', async () => {
    const start = await balanceOf(t, LI_JIANGUO);
    expect(start).toBeGreaterThan(2400);
    const placed = (
      await t
        .http()
        .post('/api/meal-orders')
        .set(bearer(li))
        .send(order({ mealKind: 'dinner', paymentMethod: 'balance', lines: [{ dishId: dinnerSoup, quantity: 2 }] }))
        .expect(201)
    ).body as MealOrderView;
    // 2 × 3.00 − the 14.00 subsidy, never below 0: nothing to debit.
    expect(placed).toMatchObject({ status: 'paid', price: { gross: 600, subsidy: 600, total: 0 } });
    expect(await balanceOf(t, LI_JIANGUO)).toBe(start);

    const lunch = (
      await t
        .http()
        .post('/api/meal-orders')
        .set(bearer(li))
        .send(order({ paymentMethod: 'balance', lines: [{ dishId: fish, quantity: 2 }] }))
        .expect(201)
    ).body as MealOrderView;
    expect(lunch.price).toMatchObject({ gross: 2400, subsidy: 0, total: 2400 });
    expect(await balanceOf(t, LI_JIANGUO)).toBe(start - 2400);

    const changed = await t
      .http()
      .post(`/api/meal-orders/${lunch.id}/change`)
      .set(bearer(li))
      .send({ lines: [{ dishId: fish, quantity: 1 }] })
      .expect(200);
    expect(changed.body.price).toMatchObject({ gross: 1200, total: 1200 });
    expect(await balanceOf(t, LI_JIANGUO)).toBe(start - 1200);

    const cancelled = await t.http().post(`/api/meal-orders/${lunch.id}/cancel`).set(bearer(li)).send({}).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'refunded', actions: [] });
    expect(await balanceOf(t, LI_JIANGUO)).toBe(start);
    await t.http().post(`/api/meal-orders/${lunch.id}/cancel`).set(bearer(li)).send({}).expect(409);

    const poor = await t
      .http()
      .post('/api/meal-orders')
      .set(bearer(li))
      .send(order({ paymentMethod: 'balance', lines: [{ dishId: fish, quantity: 10 }] }))
      .expect(422);
    expect(poor.body.code).toBe('BALANCE_INSUFFICIENT');
    expect((await t.dataSource.getRepository(MealCounter).findOneByOrFail({ mealPointId: point.id, mealDate: day, mealKind: 'lunch' })).ordered).toBe(1);
  });

  it('refuses what the menu does not offer, sold-out portions and malformed lines', async () => {
    const codeOf = async (body: Record<string, unknown>, status: number) => (await t.http().post('/api/meal-orders').set(bearer(li)).send(order(body)).expect(status)).body.code;
    expect(await codeOf({ lines: [{ dishId: dinnerSoup, quantity: 1 }] }, 409)).toBe('MEAL_NOT_OFFERED');
    expect(await codeOf({ mealKind: 'breakfast' }, 409)).toBe('MEAL_NOT_OFFERED');
    expect(await codeOf({ lines: [{ dishId: chicken, quantity: 5 }] }, 409)).toBe('MEAL_SOLD_OUT');
    expect(
      await codeOf(
        {
          lines: [
            { dishId: chicken, quantity: 1 },
            { dishId: chicken, quantity: 1 },
          ],
        },
        400,
      ),
    ).toBe('VALIDATION_FAILED');
    expect(await codeOf({ lines: [] }, 400)).toBe('VALIDATION_FAILED');
    expect(await codeOf({ lines: [{ dishId: chicken, quantity: 0 }], paymentMethod: 'wechat_pay' }, 400)).toBe('VALIDATION_FAILED');
    const noDelivery = await createMealPoint(t, canteen, providerId, { name: '堂食点', fulfilments: ['dine_in'] });
    const quote = await t
      .http()
      .post('/api/meal-quotes')
      .set(bearer(li))
      .send(quoteOf({ mealPointId: noDelivery.id, fulfilment: 'delivery' }))
      .expect(409);
    expect(quote.body.code).toBe('MEAL_NOT_OFFERED');
  });

  it('keeps other people’s meal orders out of reach (404), and lets staff order for an elder of their region only', async () => {
    const [mine] = (await t.http().get('/api/meal-orders').set(bearer(li)).expect(200)).body.items as MealOrderView[];
    const wang = await loginWithWechat(t, 'demo-openid-wang-xiuying');
    await t.http().get(`/api/meal-orders/${mine.id}`).set(bearer(wang)).expect(404);
    await t.http().post(`/api/meal-orders/${mine.id}/cancel`).set(bearer(wang)).send({}).expect(404);
    await t.http().post('/api/meal-orders').set(bearer(wang)).send(order()).expect(404);
    await t.http().post('/api/meal-quotes').set(bearer(wang)).send(quoteOf()).expect(404);
    const nanping = await loginWithPassword(t, 'nanping.staff');
    await t.http().get(`/api/meal-orders/${mine.id}`).set(bearer(nanping)).expect(404);
    await t.http().post('/api/meal-orders').set(bearer(nanping)).send(order()).expect(404);
    await t.http().get(`/api/staff/meal-orders?mealPointId=${point.id}&date=${day}`).set(bearer(nanping)).expect(404);
    const other = await registerCanteen(t, 'far.canteen');
    await t.http().get(`/api/meal-orders/${mine.id}`).set(bearer(other.canteen)).expect(404);
    await t.http().get(`/api/staff/meal-orders?mealPointId=${point.id}&date=${day}`).set(bearer(other.canteen)).expect(404);

    const staff = await loginWithPassword(t, 'anda.staff');
    const forWang = await t
      .http()
      .post('/api/meal-orders')
      .set(bearer(staff))
      .send(order({ residentId: WANG_XIUYING, lines: [{ dishId: fish, quantity: 1 }] }))
      .expect(201);
    expect(forWang.body.resident.name).toBe('王秀英');
    const list = await t.http().get(`/api/staff/meal-orders?mealPointId=${point.id}&date=${day}&mealKind=lunch`).set(bearer(canteen)).expect(200);
    expect(list.body.items.map((item: MealOrderView) => [item.resident.name, item.status]).sort()).toEqual([
      ['李建国', 'placed'],
      ['李建国', 'refunded'],
      ['王秀英', 'placed'],
    ]);
    const byName = await t.http().get(`/api/staff/meal-orders?mealPointId=${point.id}&date=${day}&name=秀英`).set(bearer(staff)).expect(200);
    expect(byName.body.items).toHaveLength(1);
  });

  it('after the cut-off the resident can neither order, change nor cancel; the canteen cancels with a reason the resident sees', async () => {
    const [mine] = ((await t.http().get('/api/meal-orders').set(bearer(li)).expect(200)).body.items as MealOrderView[]).filter(
      (item) => item.status === 'placed' && item.mealKind === 'lunch',
    );
    // The lunch cut-off moves to 00:00 the day before: tomorrow's lunch closed at midnight today.
    const windows = mealPointBody().windows.map((window) => (window.mealKind === 'lunch' ? { ...window, cutOffTime: '00:00', cutOffDaysBefore: 1 } : window));
    await t.http().put(`/api/meal-points/${point.id}`).set(bearer(canteen)).send(mealPointBody({ windows })).expect(200);

    expect(
      (
        await t
          .http()
          .post('/api/meal-orders')
          .set(bearer(li))
          .send(order({ lines: [{ dishId: fish, quantity: 1 }] }))
          .expect(409)
      ).body.code,
    ).toBe('MEAL_ORDER_CUT_OFF');
    expect(
      (
        await t
          .http()
          .post(`/api/meal-orders/${mine.id}/change`)
          .set(bearer(li))
          .send({ lines: [{ dishId: fish, quantity: 1 }] })
          .expect(409)
      ).body.code,
    ).toBe('MEAL_ORDER_CUT_OFF');
    expect((await t.http().post(`/api/meal-orders/${mine.id}/cancel`).set(bearer(li)).send({}).expect(409)).body.code).toBe('MEAL_ORDER_CUT_OFF');
    expect((await t.http().get(`/api/meal-orders/${mine.id}`).set(bearer(li)).expect(200)).body.actions).toEqual([]);

    expect((await t.http().post(`/api/meal-orders/${mine.id}/cancel`).set(bearer(canteen)).send({}).expect(400)).body.details[0].field).toBe('reason');
    const cancelled = await t.http().post(`/api/meal-orders/${mine.id}/cancel`).set(bearer(canteen)).send({ reason: '食材未到货' }).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: '食材未到货' });
    const message = await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ topic: 'meal_order.cancelled' });
    expect(message.payload).toMatchObject({ orderId: mine.id, residentId: LI_JIANGUO, reason: '食材未到货', refundedFen: 0 });
  });

  it('closing a day cancels its orders with the reason, credits balance payments back, tells the elders, and takes no more orders', async () => {
    const date = addDays(day, 1);
    const [rice] = await publishMeal(t, canteen, point.id, date, 'dinner', [dish({ name: '米饭套餐', priceFen: 2000, dailyQuantity: 10 })]);
    const paid = (
      await t
        .http()
        .post('/api/meal-orders')
        .set(bearer(li))
        .send(order({ mealDate: date, mealKind: 'dinner', paymentMethod: 'balance', lines: [{ dishId: rice, quantity: 1 }] }))
        .expect(201)
    ).body as MealOrderView;
    const balance = await balanceOf(t, LI_JIANGUO);
    const closed = await t.http().post(`/api/meal-points/${point.id}/menu/${date}/close`).set(bearer(canteen)).send({ reason: '厨房检修' }).expect(200);
    expect(closed.body).toEqual({ mealDate: date, reason: '厨房检修', cancelledOrders: 1 });
    const after = (await t.http().get(`/api/meal-orders/${paid.id}`).set(bearer(li)).expect(200)).body;
    expect(after).toMatchObject({ status: 'refunded', cancelReason: '助餐点停餐，订单已取消：厨房检修' });
    expect(await balanceOf(t, LI_JIANGUO)).toBe(balance + paid.price.total);
    expect((await t.dataSource.getRepository(Dish).findOneByOrFail({ id: rice })).remaining).toBe(10);
    expect((await t.dataSource.getRepository(OutboxMessage).findBy({ topic: 'meal_order.cancelled' })).map((m) => m.payload)).toContainEqual(
      expect.objectContaining({ orderId: paid.id, refundedFen: paid.price.total }),
    );
    const refused = await t
      .http()
      .post('/api/meal-orders')
      .set(bearer(li))
      .send(order({ mealDate: date, mealKind: 'dinner', lines: [{ dishId: rice, quantity: 1 }] }))
      .expect(409);
    expect(refused.body).toMatchObject({ code: 'MEAL_NOT_OFFERED' });
    const menu = (await t.http().get(`/api/meal-points/${point.id}/menu?from=${date}&to=${date}`).set(bearer(li)).expect(200)).body;
    expect(menu.meals.every((meal: { closedReason: string; orderable: boolean }) => meal.closedReason === '厨房检修' && !meal.orderable)).toBe(true);
    await t.http().post(`/api/meal-points/${point.id}/menu/${date}/close`).set(bearer(canteen)).send({ reason: '厨房检修' }).expect(409);
    await t.http().post(`/api/meal-points/${point.id}/menu/${date}/close`).set(bearer(li)).send({ reason: '厨房检修' }).expect(403);
  });

  it('pickup: a code read out or scanned hands the meal over once; the lookup finds elders without phones; kitchen counts add up', async () => {
    const today = shanghaiDateOf(new Date());
    // Ordering for today closes at 23:59; then the canteen moves the cut-off to 00:00, as if the day had come.
    const pickupPoint = await createMealPoint(t, canteen, providerId, {
      name: '取餐点',
      windows: [{ mealKind: 'dinner', servesFrom: '17:00', servesUntil: '18:30', cutOffTime: '23:59', cutOffDaysBefore: 0, capacity: 50 }],
    });
    const [noodles, porridge] = await publishMeal(t, canteen, pickupPoint.id, today, 'dinner', [
      dish({ name: '牛肉面', kind: 'single', priceFen: 1200, tags: ['soft'] }),
      dish({ name: '南瓜粥', kind: 'single', priceFen: 400, tags: ['soft', 'low_sugar'] }),
    ]);
    const place = async (who: LoginResponse, residentId: string, lines: Array<{ dishId: string; quantity: number }>) =>
      (
        await t
          .http()
          .post('/api/meal-orders')
          .set(bearer(who))
          .send(order({ mealPointId: pickupPoint.id, residentId, mealDate: today, mealKind: 'dinner', lines }))
          .expect(201)
      ).body as MealOrderView;
    const staff = await loginWithPassword(t, 'anda.staff');
    const jianguo = await place(li, LI_JIANGUO, [
      { dishId: noodles, quantity: 1 },
      { dishId: porridge, quantity: 1 },
    ]);
    const xiuying = await place(staff, WANG_XIUYING, [{ dishId: porridge, quantity: 2 }]);
    const windows = [{ mealKind: 'dinner', servesFrom: '17:00', servesUntil: '18:30', cutOffTime: '00:00', cutOffDaysBefore: 0, capacity: 50 }];
    await t
      .http()
      .put(`/api/meal-points/${pickupPoint.id}`)
      .set(bearer(canteen))
      .send(mealPointBody({ name: '取餐点', windows }))
      .expect(200);

    const counts = await t.http().get(`/api/staff/meal-points/${pickupPoint.id}/kitchen-counts?date=${today}&mealKind=dinner`).set(bearer(canteen)).expect(200);
    expect(counts.body).toEqual({
      mealPointId: pickupPoint.id,
      mealDate: today,
      mealKind: 'dinner',
      orders: 2,
      dishes: [
        { dishId: porridge, name: '南瓜粥', portions: 3 },
        { dishId: noodles, name: '牛肉面', portions: 1 },
      ],
      tags: [
        { tag: 'low_sugar', portions: 3 },
        { tag: 'soft', portions: 4 },
      ],
    });

    const codes = await t.http().get(`/api/meal-orders/${jianguo.id}/pickup-code`).set(bearer(li)).expect(200);
    expect(codes.body.shortCode).toMatch(/^[1-9]\d{5}$/);
    await t
      .http()
      .get(`/api/meal-orders/${jianguo.id}/pickup-code`)
      .set(bearer(await loginWithWechat(t, 'demo-openid-wang-xiuying')))
      .expect(404);
    const wrong = await t
      .http()
      .post('/api/staff/meal-pickups')
      .set(bearer(canteen))
      .send({ mealPointId: pickupPoint.id, code: codes.body.shortCode === '999999' ? '999998' : '999999' })
      .expect(400);
    expect(wrong.body.code).toBe('PICKUP_CODE_INVALID');
    await t.http().post('/api/staff/meal-pickups').set(bearer(canteen)).send({ mealPointId: point.id, code: codes.body.shortCode }).expect(400);
    const wrongPoint = await t.http().post('/api/staff/meal-pickups').set(bearer(canteen)).send({ mealPointId: point.id, code: codes.body.code }).expect(409);
    expect(wrongPoint.body.code).toBe('MEAL_NOT_OFFERED');

    const collected = await t
      .http()
      .post('/api/staff/meal-pickups')
      .set(bearer(canteen))
      .send({ mealPointId: pickupPoint.id, code: `${codes.body.shortCode.slice(0, 3)} ${codes.body.shortCode.slice(3)}` })
      .expect(200);
    expect(collected.body).toMatchObject({ id: jianguo.id, status: 'collected', actions: [] });
    const again = await t.http().post('/api/staff/meal-pickups').set(bearer(canteen)).send({ mealPointId: pickupPoint.id, code: codes.body.code }).expect(409);
    expect(again.body.code).toBe('MEAL_ALREADY_COLLECTED');
    expect(again.body.details.collectedAt).toBe(collected.body.collectedAt);

    // 王秀英 has no code with her: the counter finds her by phone tail and hands the meal over from the list.
    const found = await t.http().get(`/api/staff/meal-orders?mealPointId=${pickupPoint.id}&phoneTail=0001`).set(bearer(staff)).expect(200);
    expect(found.body.items.map((item: MealOrderView) => [item.id, item.actions])).toEqual([[xiuying.id, ['cancel', 'collect']]]);
    await t
      .http()
      .post(`/api/staff/meal-orders/${xiuying.id}/collect`)
      .set(bearer(await loginWithPassword(t, 'nanping.staff')))
      .expect(404);
    expect((await t.http().post(`/api/staff/meal-orders/${xiuying.id}/collect`).set(bearer(staff)).expect(200)).body.status).toBe('collected');
    await t.http().post(`/api/staff/meal-orders/${xiuying.id}/collect`).set(bearer(staff)).expect(409);
    await t.http().get(`/api/staff/meal-points/${pickupPoint.id}/kitchen-counts?date=${today}&mealKind=lunch`).set(bearer(staff)).expect(200);
    await t.http().get(`/api/staff/meal-points/${pickupPoint.id}/kitchen-counts?date=${today}`).set(bearer(staff)).expect(400);
  });
});
