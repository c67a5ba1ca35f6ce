import { MEAL_ORDER_PORTION_HOLDING_STATUSES, type LoginResponse, type MealOrderView, type MealPointView, type PlacedMealOrderView } from '@linli/shared';
import type { FakeWechatPayServer } from '../src/modules/payments/fake-wechat-pay-server';
import { WechatPayment } from '../src/modules/payments/wechat-payment.entity';
import { WechatRefund } from '../src/modules/payments/wechat-refund.entity';
import { WechatPayments } from '../src/modules/payments';
import { Dish } from '../src/modules/meals/dish.entity';
import { MealOrder } from '../src/modules/meals/meal-order.entity';
import { createMealPoint, dish, LI_JIANGUO, publishMeal, registerCanteen, tomorrow } from './support/meals';
import { bearer, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';
import { outRefundNoOf, outTradeNoOf, postNotification, startWechatPay } from './support/wechat-pay';

/**
 * Changing a paid WeChat Pay meal order before the cut-off: fewer portions cost less and the difference goes back as a
 * partial refund (v3 refund with amount.refund < amount.total) written in the change's transaction and sent after it,
 * each change with its own stable out_refund_no; more is refused (cancel and order again). Against the fake WeChat Pay
 * server, with notifications twice and out of order, a refused refund resent by the sweep, changes racing each other
 * and a cancel — and at the end, for every order, paid − refunded = what the order keeps, to the fen.
 */
describe('WeChat Pay partial refunds when a paid meal order changes', () => {
  let t: TestApp;
  let fake: FakeWechatPayServer;
  let canteen: LoginResponse;
  let li: LoginResponse;
  let point: MealPointView;
  let day: string;
  let chicken: string;
  let rice: string;
  let fish: string;

  const place = async (lines: Array<{ dishId: string; quantity: number }>): Promise<PlacedMealOrderView> =>
    (
      await t
        .http()
        .post('/api/meal-orders')
        .set(bearer(li))
        .send({ mealPointId: point.id, residentId: LI_JIANGUO, mealDate: day, mealKind: 'lunch', fulfilment: 'pickup', paymentMethod: 'wechat_pay', lines })
        .expect(201)
    ).body as PlacedMealOrderView;
  const paid = async (lines: Array<{ dishId: string; quantity: number }>): Promise<PlacedMealOrderView> => {
    const placed = await place(lines);
    await postNotification(t, fake.pay(outTradeNoOf(placed.id))).expect(204);
    return placed;
  };
  const change = (orderId: string, lines: Array<{ dishId: string; quantity: number }>) => t.http().post(`/api/meal-orders/${orderId}/change`).set(bearer(li)).send({ lines });
  const orderOf = (orderId: string) => t.dataSource.getRepository(MealOrder).findOneByOrFail({ id: orderId });
  const paymentOf = (orderId: string) => t.dataSource.getRepository(WechatPayment).findOneByOrFail({ subjectId: orderId });
  const refundsOf = async (orderId: string) =>
    t.dataSource.getRepository(WechatRefund).find({ where: { paymentId: (await paymentOf(orderId)).id }, order: { outRefundNo: 'ASC' } });
  const refundedFen = async (orderId: string) => (await refundsOf(orderId)).filter((refund) => refund.status !== 'failed').reduce((sum, refund) => sum + refund.amountFen, 0);
  /** Every refund of the order's payment, failed ones included: those the operator settles by hand. */
  const handledFen = async (orderId: string) => (await refundsOf(orderId)).reduce((sum, refund) => sum + refund.amountFen, 0);
  const fakeRefundsOf = (orderId: string) => fake.refunds().filter((refund) => refund.outTradeNo === outTradeNoOf(orderId));
  const payments = () => t.app.get(WechatPayments);
  const viewOf = async (orderId: string) => (await t.http().get(`/api/meal-orders/${orderId}`).set(bearer(li)).expect(200)).body as MealOrderView;

  beforeAll(async () => {
    const wechatPay = await startWechatPay();
    fake = wechatPay.fake;
    t = await startTestApp({ env: wechatPay.env });
    await t.seed();
    let providerId: string;
    ({ canteen, providerId } = await registerCanteen(t));
    li = await loginWithWechat(t, 'demo-openid-li-ming');
    point = await createMealPoint(t, canteen, providerId);
    day = tomorrow();
    [chicken, rice, fish] = await publishMeal(t, canteen, point.id, day, 'lunch', [
      dish(),
      dish({ name: '杂粮饭', kind: 'single', priceFen: 200 }),
      dish({ name: '清蒸鲈鱼', kind: 'single', priceFen: 1800, dailyQuantity: 40 }),
    ]);
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('refunds the difference of fewer portions as a partial refund, once, and the order stays paid with its new lines', async () => {
    const placed = await paid([
      { dishId: chicken, quantity: 3 },
      { dishId: rice, quantity: 2 },
    ]);
    const changed = (await change(placed.id, [{ dishId: chicken, quantity: 1 }]).expect(200)).body as MealOrderView;
    expect(changed).toMatchObject({ status: 'paid', lines: [{ dishId: chicken, quantity: 1 }], actions: ['change', 'cancel'] });
    const difference = placed.price.total - changed.price.total;
    expect(difference).toBeGreaterThan(0);

    const [refund] = await refundsOf(placed.id);
    expect(refund).toMatchObject({ kind: 'partial', status: 'processing', amountFen: difference, outRefundNo: `${outRefundNoOf(placed.id)}-1`, reason: '修改订单，退回差额' });
    // WeChat Pay got a refund of part of the payment: amount.refund < amount.total.
    expect(fakeRefundsOf(placed.id)).toEqual([expect.objectContaining({ refund: difference, total: placed.price.total })]);

    const notification = fake.completeRefund(refund.outRefundNo);
    await postNotification(t, notification).expect(204);
    await postNotification(t, notification).expect(204);
    expect((await refundsOf(placed.id))[0].status).toBe('succeeded');
    expect((await orderOf(placed.id)).status).toBe('paid');
    expect((await paymentOf(placed.id)).paidFen - (await refundedFen(placed.id))).toBe(changed.price.total);
  });

  it('gives each change its own out_refund_no, takes their notifications twice and in any order, then refunds the remainder on cancel', async () => {
    const placed = await paid([{ dishId: chicken, quantity: 3 }]);
    const two = (await change(placed.id, [{ dishId: chicken, quantity: 2 }]).expect(200)).body as MealOrderView;
    const one = (await change(placed.id, [{ dishId: chicken, quantity: 1 }]).expect(200)).body as MealOrderView;
    const refunds = await refundsOf(placed.id);
    expect(refunds.map((refund) => [refund.outRefundNo, refund.amountFen])).toEqual([
      [`${outRefundNoOf(placed.id)}-1`, placed.price.total - two.price.total],
      [`${outRefundNoOf(placed.id)}-2`, two.price.total - one.price.total],
    ]);

    const second = fake.completeRefund(`${outRefundNoOf(placed.id)}-2`);
    const first = fake.completeRefund(`${outRefundNoOf(placed.id)}-1`);
    for (const notification of [second, second, first, second, first]) await postNotification(t, notification).expect(204);
    expect((await refundsOf(placed.id)).map((refund) => refund.status)).toEqual(['succeeded', 'succeeded']);
    expect((await orderOf(placed.id)).status).toBe('paid');

    // Cancelled: what the changes did not send back goes back as the remainder refund, and its notification closes the order.
    await t.http().post(`/api/meal-orders/${placed.id}/cancel`).set(bearer(li)).send({}).expect(200);
    const remainder = (await refundsOf(placed.id)).find((refund) => refund.kind === 'remainder')!;
    expect(remainder).toMatchObject({ outRefundNo: outRefundNoOf(placed.id), amountFen: one.price.total, status: 'processing' });
    await postNotification(t, fake.completeRefund(remainder.outRefundNo)).expect(204);
    expect((await orderOf(placed.id)).status).toBe('refunded');
    expect(await refundedFen(placed.id)).toBe(placed.price.total);
    expect(fakeRefundsOf(placed.id).reduce((sum, refund) => sum + refund.refund, 0)).toBe(placed.price.total);
  });

  it('keeps a cancelled order cancelled while a partial refund is on its way, and refunded only once it reaches the payer', async () => {
    const placed = await paid([{ dishId: chicken, quantity: 2 }]);
    const changed = (await change(placed.id, [{ dishId: chicken, quantity: 1 }]).expect(200)).body as MealOrderView;
    const partFen = placed.price.total - changed.price.total;
    await t.http().post(`/api/meal-orders/${placed.id}/cancel`).set(bearer(li)).send({}).expect(200);
    expect((await viewOf(placed.id)).refunds).toEqual({ pendingFen: placed.price.total, refundedFen: 0, failedFen: 0 });

    // The remainder arrives first: the partial refund is still on its way, so the order is not refunded yet.
    await postNotification(t, fake.completeRefund(outRefundNoOf(placed.id))).expect(204);
    expect((await orderOf(placed.id)).status).toBe('cancelled');
    expect(await viewOf(placed.id)).toMatchObject({ status: 'cancelled', refunds: { pendingFen: partFen, refundedFen: changed.price.total, failedFen: 0 } });

    // The partial refund arrives (twice): every refund reached the payer, the order is refunded.
    const late = fake.completeRefund(`${outRefundNoOf(placed.id)}-1`);
    await postNotification(t, late).expect(204);
    await postNotification(t, late).expect(204);
    expect(await viewOf(placed.id)).toMatchObject({ status: 'refunded', refunds: { pendingFen: 0, refundedFen: placed.price.total, failedFen: 0 } });
    expect((await refundsOf(placed.id)).map((refund) => refund.status)).toEqual(['succeeded', 'succeeded']);
    expect(await refundedFen(placed.id)).toBe(placed.price.total);
  });

  it('refunds a cancelled order when its partial refund settles first and the remainder last', async () => {
    const placed = await paid([{ dishId: chicken, quantity: 2 }]);
    await change(placed.id, [{ dishId: chicken, quantity: 1 }]).expect(200);
    await t.http().post(`/api/meal-orders/${placed.id}/cancel`).set(bearer(li)).send({}).expect(200);
    await postNotification(t, fake.completeRefund(`${outRefundNoOf(placed.id)}-1`)).expect(204);
    expect((await orderOf(placed.id)).status).toBe('cancelled');
    await postNotification(t, fake.completeRefund(outRefundNoOf(placed.id))).expect(204);
    expect(await viewOf(placed.id)).toMatchObject({ status: 'refunded', refunds: { pendingFen: 0, refundedFen: placed.price.total, failedFen: 0 } });
  });

  it('refuses a change that costs more, and one of an order not paid yet, changing nothing', async () => {
    const placed = await paid([{ dishId: chicken, quantity: 1 }]);
    const fishBefore = (await t.dataSource.getRepository(Dish).findOneByOrFail({ id: fish })).remaining;
    const more = await change(placed.id, [
      { dishId: chicken, quantity: 1 },
      { dishId: fish, quantity: 1 },
    ]).expect(409);
    expect(more.body).toMatchObject({ code: 'INVALID_TRANSITION', message: '微信支付的订单不能加价，请取消后重新下单', details: { reason: 'wechat_pay_increase' } });
    expect((await orderOf(placed.id)).totalFen).toBe(placed.price.total);
    expect((await t.dataSource.getRepository(Dish).findOneByOrFail({ id: fish })).remaining).toBe(fishBefore);
    expect(await refundsOf(placed.id)).toEqual([]);

    const unpaid = await place([{ dishId: chicken, quantity: 2 }]);
    expect(unpaid.actions).toEqual(['pay', 'cancel']);
    const refused = await change(unpaid.id, [{ dishId: chicken, quantity: 1 }]).expect(409);
    expect(refused.body).toMatchObject({ code: 'INVALID_TRANSITION', details: { reason: 'wechat_pay_unpaid' } });
    expect((await orderOf(unpaid.id)).totalFen).toBe(unpaid.price.total);
  });

  it('keeps a partial refund WeChat Pay refused and resends it from the sweep under the same out_refund_no', async () => {
    const placed = await paid([{ dishId: chicken, quantity: 2 }]);
    fake.failNext('refund', 'SYSTEM_ERROR');
    const changed = (await change(placed.id, [{ dishId: chicken, quantity: 1 }]).expect(200)).body as MealOrderView;
    const [refused] = await refundsOf(placed.id);
    expect(refused).toMatchObject({ status: 'requested', lastError: 'SYSTEM_ERROR', attempts: 1, outRefundNo: `${outRefundNoOf(placed.id)}-1` });
    expect(fakeRefundsOf(placed.id)).toEqual([]);

    await payments().sendDueRefunds(new Date(Date.now() + 3600_000));
    await payments().sendDueRefunds(new Date(Date.now() + 7200_000));
    expect((await refundsOf(placed.id))[0]).toMatchObject({ status: 'processing', attempts: 2 });
    expect(fakeRefundsOf(placed.id)).toEqual([expect.objectContaining({ outRefundNo: `${outRefundNoOf(placed.id)}-1`, refund: placed.price.total - changed.price.total })]);
  });

  it('runs six changes racing one another one after the other: every refund is a real difference and the money adds up', async () => {
    const placed = await paid([
      { dishId: chicken, quantity: 4 },
      { dishId: fish, quantity: 4 },
    ]);
    const fishBefore = (await t.dataSource.getRepository(Dish).findOneByOrFail({ id: fish })).remaining!;
    const wanted = [3, 1, 2, 3, 1, 2].map((quantity) => [
      { dishId: chicken, quantity },
      { dishId: fish, quantity },
    ]);
    const answers = await Promise.all(wanted.map((lines) => change(placed.id, lines)));
    for (const answer of answers) expect([200, 409]).toContain(answer.status);
    expect(answers.some((answer) => answer.status === 200)).toBe(true);

    const order = await orderOf(placed.id);
    const refunds = await refundsOf(placed.id);
    // One refund per change that lowered the price, numbered without a gap, each for a positive amount.
    expect(refunds.map((refund) => refund.outRefundNo).sort()).toEqual(refunds.map((_, index) => `${outRefundNoOf(placed.id)}-${index + 1}`).sort());
    expect(refunds.every((refund) => refund.kind === 'partial' && refund.amountFen > 0)).toBe(true);
    expect((await paymentOf(placed.id)).paidFen - (await refundedFen(placed.id))).toBe(order.totalFen);
    expect(fakeRefundsOf(placed.id).reduce((sum, refund) => sum + refund.refund, 0)).toBe(placed.price.total - order.totalFen);
    const view = (await t.http().get(`/api/meal-orders/${placed.id}`).set(bearer(li)).expect(200)).body as MealOrderView;
    const fishNow = view.lines.find((line) => line.dishId === fish)!.quantity;
    expect((await t.dataSource.getRepository(Dish).findOneByOrFail({ id: fish })).remaining).toBe(fishBefore + 4 - fishNow);
  });

  it('runs changes racing a cancel: whichever order they commit in, the payer gets back exactly what was paid', async () => {
    const placed = await paid([{ dishId: chicken, quantity: 4 }]);
    const answers = await Promise.all([
      change(placed.id, [{ dishId: chicken, quantity: 3 }]),
      t.http().post(`/api/meal-orders/${placed.id}/cancel`).set(bearer(li)).send({}),
      change(placed.id, [{ dishId: chicken, quantity: 2 }]),
      change(placed.id, [{ dishId: chicken, quantity: 1 }]),
    ]);
    for (const answer of answers) expect([200, 409]).toContain(answer.status);
    expect(answers[1].status).toBe(200);
    expect((await orderOf(placed.id)).status).toBe('cancelled');
    expect(await refundedFen(placed.id)).toBe(placed.price.total);
    for (const refund of await refundsOf(placed.id)) await postNotification(t, fake.completeRefund(refund.outRefundNo)).expect(204);
    expect((await orderOf(placed.id)).status).toBe('refunded');
    expect(fakeRefundsOf(placed.id).reduce((sum, refund) => sum + refund.refund, 0)).toBe(placed.price.total);
  });

  it('never refunds again on cancel what a failed partial refund was meant to return: the operator settles that by hand', async () => {
    const placed = await paid([{ dishId: chicken, quantity: 4 }]);
    const changed = (await change(placed.id, [{ dishId: chicken, quantity: 1 }]).expect(200)).body as MealOrderView;
    // WeChat Pay closes the partial refund: the money stays with the merchant and operations.md has operators settle it.
    await postNotification(t, fake.completeRefund(`${outRefundNoOf(placed.id)}-1`, 'CLOSED')).expect(204);
    expect((await refundsOf(placed.id))[0]).toMatchObject({ kind: 'partial', status: 'failed', amountFen: placed.price.total - changed.price.total });

    await t.http().post(`/api/meal-orders/${placed.id}/cancel`).set(bearer(li)).send({}).expect(200);
    const remainder = (await refundsOf(placed.id)).find((refund) => refund.kind === 'remainder')!;
    expect(remainder.amountFen).toBe(changed.price.total);
    await postNotification(t, fake.completeRefund(remainder.outRefundNo)).expect(204);
    // Not every refund reached the payer: the order stays cancelled, the failed part shown for the canteen to settle.
    const failedFen = placed.price.total - changed.price.total;
    expect(await viewOf(placed.id)).toMatchObject({ status: 'cancelled', refunds: { pendingFen: 0, refundedFen: changed.price.total, failedFen } });

    // In the database: what went back automatically plus what failed (settled by hand) never exceeds what was paid.
    const payment = await paymentOf(placed.id);
    expect(await handledFen(placed.id)).toBe(payment.paidFen);
    // At WeChat Pay: the refunds that reached the payer plus the closed one the operator pays by hand is the payment.
    const reachedPayer = fakeRefundsOf(placed.id).filter((refund) => refund.status !== 'CLOSED');
    expect(reachedPayer.reduce((sum, refund) => sum + refund.refund, 0) + (placed.price.total - changed.price.total)).toBe(payment.paidFen);
  });

  it('keeps the ledger: for every order paid − refunded is what the order keeps, never negative, never double', async () => {
    const orders = await t.dataSource.getRepository(MealOrder).findBy({ paymentMethod: 'wechat_pay' });
    expect(orders.length).toBeGreaterThanOrEqual(8);
    const allPayments = await t.dataSource.getRepository(WechatPayment).find();
    const allRefunds = await t.dataSource.getRepository(WechatRefund).find();
    for (const mealOrder of orders) {
      const payment = allPayments.find((row) => row.subjectId === mealOrder.id) ?? { id: null, paidFen: 0 };
      // Every refund counts, failed ones too: their money is settled by hand and never refunded again automatically.
      const refunded = allRefunds.filter((row) => row.paymentId === payment.id).reduce((sum, row) => sum + row.amountFen, 0);
      const kept = MEAL_ORDER_PORTION_HOLDING_STATUSES.includes(mealOrder.status) && mealOrder.status !== 'placed' ? mealOrder.totalFen : 0;
      expect({ order: mealOrder.id, kept: payment.paidFen - refunded }).toEqual({ order: mealOrder.id, kept });
      expect(refunded).toBeLessThanOrEqual(payment.paidFen);
    }
    // What WeChat Pay holds agrees: each of our refunds once, for the same amount.
    expect(fake.refunds()).toHaveLength(allRefunds.filter((row) => row.status !== 'requested').length);
    for (const refund of fake.refunds()) expect(allRefunds.find((row) => row.outRefundNo === refund.outRefundNo)?.amountFen).toBe(refund.refund);
  });
});
