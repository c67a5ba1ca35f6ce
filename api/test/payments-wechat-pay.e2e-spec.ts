import { addDays, MEAL_ORDER_PORTION_HOLDING_STATUSES, type LoginResponse, type MealOrderView, type MealPointView, type PlacedMealOrderView } from '@linli/shared';
import type { FakeWechatPayServer } from '../src/modules/payments/fake-wechat-pay-server';
import { WechatPayment } from '../src/modules/payments/wechat-payment.entity';
import { WechatRefund } from '../src/modules/payments/wechat-refund.entity';
import { WechatPayments } from '../src/modules/payments';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity';
import { MealOrder } from '../src/modules/meals/meal-order.entity';
import { createMealPoint, dish, LI_JIANGUO, publishMeal, registerCanteen, tomorrow } from './support/meals';
import { bearer, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';
import { outRefundNoOf, outTradeNoOf, paySignVerifies, postNotification, startWechatPay } from './support/wechat-pay';

/**
 * WeChat Pay as a meal payment method, against the fake WeChat Pay server (signed answers and notifications, official
 * error codes): placing unpaid and paying once, refused forgeries, duplicates and races, refunds after commit and their
 * retries, notifications out of order, the cut-off sweep — and the money ledger of every order at the end.
 */
describe('WeChat Pay for meal orders', () => {
  let t: TestApp;
  let fake: FakeWechatPayServer;
  let merchantPublicKeyPem: string;
  let canteen: LoginResponse;
  let li: LoginResponse;
  let point: MealPointView;
  let day: string;
  let chicken: string;

  const order = () => ({
    mealPointId: point.id,
    residentId: LI_JIANGUO,
    mealDate: day,
    mealKind: 'lunch',
    fulfilment: 'pickup',
    paymentMethod: 'wechat_pay',
    lines: [{ dishId: chicken, quantity: 1 }],
  });
  const place = async (): Promise<PlacedMealOrderView> => (await t.http().post('/api/meal-orders').set(bearer(li)).send(order()).expect(201)).body as PlacedMealOrderView;
  const statusOf = async (orderId: string) => (await t.dataSource.getRepository(MealOrder).findOneByOrFail({ id: orderId })).status;
  const paymentOf = (orderId: string) => t.dataSource.getRepository(WechatPayment).findOneByOrFail({ subjectId: orderId });
  const refundsOf = async (orderId: string) => t.dataSource.getRepository(WechatRefund).findBy({ paymentId: (await paymentOf(orderId)).id });
  const payments = () => t.app.get(WechatPayments);
  const paid = async (): Promise<MealOrderView> => {
    const placed = await place();
    await postNotification(t, fake.pay(outTradeNoOf(placed.id))).expect(204);
    return placed;
  };
  const cancel = (orderId: string) => t.http().post(`/api/meal-orders/${orderId}/cancel`).set(bearer(li)).send({}).expect(200);

  beforeAll(async () => {
    const wechatPay = await startWechatPay();
    fake = wechatPay.fake;
    merchantPublicKeyPem = wechatPay.merchantPublicKeyPem;
    t = await startTestApp({ env: wechatPay.env });
    await t.seed();
    let providerId: string;
    ({ canteen, providerId } = await registerCanteen(t));
    li = await loginWithWechat(t, 'demo-openid-li-ming');
    point = await createMealPoint(t, canteen, providerId);
    day = tomorrow();
    [chicken] = await publishMeal(t, canteen, point.id, day, 'lunch', [dish()]);
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('places the order unpaid with the meal held, answers signed wx.requestPayment parameters, and a notification marks it paid', async () => {
    const placed = await place();
    expect(placed).toMatchObject({ status: 'placed', paymentMethod: 'wechat_pay', actions: ['pay', 'cancel'] });
    expect(placed.wechatPay).toMatchObject({ appId: 'wxdemo00000000000', signType: 'RSA', package: `prepay_id=${fake.transaction(outTradeNoOf(placed.id))!.prepayId}` });
    expect(paySignVerifies(placed.wechatPay!, merchantPublicKeyPem)).toBe(true);
    expect(await paymentOf(placed.id)).toMatchObject({ status: 'prepaid', amountFen: placed.price.total, paidFen: 0 });

    // Asked again while unpaid: the same prepay, freshly signed.
    const again = await t.http().get(`/api/meal-orders/${placed.id}/wechat-pay`).set(bearer(li)).expect(200);
    expect(again.body.package).toBe(placed.wechatPay!.package);
    expect(paySignVerifies(again.body, merchantPublicKeyPem)).toBe(true);

    // The demo's 模拟支付 does not exist unless WECHATPAY_SIMULATE_PAYMENTS is on (meal-balance-top-ups tests it on).
    await t.http().post(`/api/meal-orders/${placed.id}/wechat-pay/demo-payment`).set(bearer(li)).expect(404);

    await postNotification(t, fake.pay(outTradeNoOf(placed.id))).expect(204);
    const view = await t.http().get(`/api/meal-orders/${placed.id}`).set(bearer(li)).expect(200);
    expect(view.body).toMatchObject({ status: 'paid', actions: ['change', 'cancel'] });
    expect(await paymentOf(placed.id)).toMatchObject({ status: 'paid', paidFen: placed.price.total });
    await t.http().get(`/api/meal-orders/${placed.id}/wechat-pay`).set(bearer(li)).expect(409);
    // WeChat Pay takes one amount per order: a change that costs more is refused (fewer portions: payments-partial-refunds).
    const more = await t
      .http()
      .post(`/api/meal-orders/${placed.id}/change`)
      .set(bearer(li))
      .send({ lines: [{ dishId: chicken, quantity: 2 }] })
      .expect(409);
    expect(more.body.details.reason).toBe('wechat_pay_increase');
  });

  it('applies a duplicate notification once', async () => {
    const placed = await place();
    const notification = fake.pay(outTradeNoOf(placed.id));
    await postNotification(t, notification).expect(204);
    await postNotification(t, notification).expect(204);
    expect(await statusOf(placed.id)).toBe('paid');
    expect(await t.dataSource.getRepository(AuditEntry).countBy({ action: 'meal_order.paid', targetId: placed.id })).toBe(1);
  });

  it('refuses a forged, tampered or stale notification with 401 and changes nothing', async () => {
    const placed = await place();
    const forged = await postNotification(t, fake.pay(outTradeNoOf(placed.id), { badSignature: true })).expect(401);
    expect(forged.body.code).toBe('WECHAT_PAY_SIGNATURE_INVALID');
    const genuine = fake.pay(outTradeNoOf(placed.id));
    await postNotification(t, { headers: genuine.headers, body: genuine.body.replace('"event_type"', '"event_type" ') }).expect(401);
    await postNotification(t, fake.pay(outTradeNoOf(placed.id), { signedAt: new Date(Date.now() - 10 * 60 * 1000) })).expect(401);
    await t.http().post('/api/payments/wechat-pay/notify').send({ event_type: 'TRANSACTION.SUCCESS' }).expect(401);
    // Nothing bigger than any route takes is even read into memory.
    await t
      .http()
      .post('/api/payments/wechat-pay/notify')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ padding: 'x'.repeat(t.config.maxBodyBytes) }))
      .expect(413);
    expect(await statusOf(placed.id)).toBe('placed');
    expect((await paymentOf(placed.id)).status).toBe('prepaid');
    // The genuine one still works afterwards.
    await postNotification(t, genuine).expect(204);
    expect(await statusOf(placed.id)).toBe('paid');
  });

  it('marks an order paid once when ten copies of its notification arrive at the same moment', async () => {
    const placed = await place();
    const notification = fake.pay(outTradeNoOf(placed.id));
    const answers = await Promise.all(Array.from({ length: 10 }, () => postNotification(t, notification)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(204));
    expect(await statusOf(placed.id)).toBe('paid');
    expect(await t.dataSource.getRepository(AuditEntry).countBy({ action: 'meal_order.paid', targetId: placed.id })).toBe(1);
    expect(await refundsOf(placed.id)).toEqual([]);
  });

  it('refunds a cancelled paid order after the cancel commits, and the refund notification closes it', async () => {
    const placed = await paid();
    const cancelled = await cancel(placed.id);
    expect(cancelled.body.status).toBe('cancelled');
    const [refund] = await refundsOf(placed.id);
    expect(refund).toMatchObject({ status: 'processing', amountFen: placed.price.total, outRefundNo: outRefundNoOf(placed.id) });
    expect(fake.refunds().filter((row) => row.outTradeNo === outTradeNoOf(placed.id))).toHaveLength(1);

    const notification = fake.completeRefund(outRefundNoOf(placed.id));
    await postNotification(t, notification).expect(204);
    await postNotification(t, notification).expect(204);
    expect(await statusOf(placed.id)).toBe('refunded');
    expect((await refundsOf(placed.id))[0].status).toBe('succeeded');
  });

  it('keeps a refund WeChat Pay refused (SYSTEM_ERROR, then NOT_ENOUGH) and sends it again from the sweep until accepted', async () => {
    const placed = await paid();
    fake.failNext('refund', 'SYSTEM_ERROR');
    await cancel(placed.id);
    expect((await refundsOf(placed.id))[0]).toMatchObject({ status: 'requested', lastError: 'SYSTEM_ERROR', attempts: 1 });

    fake.failNext('refund', 'NOT_ENOUGH');
    await payments().sendDueRefunds(new Date(Date.now() + 3600_000));
    expect((await refundsOf(placed.id))[0]).toMatchObject({ status: 'requested', lastError: 'NOT_ENOUGH', attempts: 2 });

    await payments().sendDueRefunds(new Date(Date.now() + 7200_000));
    expect((await refundsOf(placed.id))[0]).toMatchObject({ status: 'processing', attempts: 3 });
    expect(fake.refunds().filter((row) => row.outTradeNo === outTradeNoOf(placed.id))).toHaveLength(1);
    await postNotification(t, fake.completeRefund(outRefundNoOf(placed.id))).expect(204);
    expect(await statusOf(placed.id)).toBe('refunded');
  });

  it('refunds a payment that arrives for an order already cancelled', async () => {
    const placed = await place();
    await cancel(placed.id);
    expect((await paymentOf(placed.id)).status).toBe('closed');
    await postNotification(t, fake.pay(outTradeNoOf(placed.id))).expect(204);
    expect(await statusOf(placed.id)).toBe('cancelled');
    expect(await paymentOf(placed.id)).toMatchObject({ status: 'paid', paidFen: placed.price.total });
    expect((await refundsOf(placed.id))[0]).toMatchObject({ status: 'processing', amountFen: placed.price.total });
    await postNotification(t, fake.completeRefund(outRefundNoOf(placed.id))).expect(204);
    expect(await statusOf(placed.id)).toBe('refunded');
  });

  it('takes a refund notification before the late payment notification without losing or doubling a fen', async () => {
    const placed = await place();
    const late = fake.pay(outTradeNoOf(placed.id)); // the elder paid; WeChat Pay's notification is held up
    const checked = await t.http().post(`/api/meal-orders/${placed.id}/wechat-pay/check`).set(bearer(li)).expect(200);
    expect(checked.body.status).toBe('paid');
    await cancel(placed.id);
    await postNotification(t, fake.completeRefund(outRefundNoOf(placed.id))).expect(204);
    await postNotification(t, late).expect(204);
    expect(await statusOf(placed.id)).toBe('refunded');
    expect(await refundsOf(placed.id)).toHaveLength(1);
    expect((await paymentOf(placed.id)).paidFen).toBe(placed.price.total);
  });

  it('places the order even when WeChat Pay is down (no parameters in the answer) and answers them once it is back', async () => {
    fake.failNext('jsapi', 'SYSTEM_ERROR');
    const placed = await place();
    expect(placed.status).toBe('placed');
    expect(placed.wechatPay).toBeUndefined();
    expect((await paymentOf(placed.id)).status).toBe('created');
    fake.failNext('jsapi', 'FREQUENCY_LIMITED');
    expect((await t.http().get(`/api/meal-orders/${placed.id}/wechat-pay`).set(bearer(li)).expect(503)).body.code).toBe('WECHAT_PAY_UNAVAILABLE');
    const request = await t.http().get(`/api/meal-orders/${placed.id}/wechat-pay`).set(bearer(li)).expect(200);
    expect(paySignVerifies(request.body, merchantPublicKeyPem)).toBe(true);
    await postNotification(t, fake.pay(outTradeNoOf(placed.id))).expect(204);
    expect(await statusOf(placed.id)).toBe('paid');
  });

  it('refunds the paid WeChat Pay orders of a closed day and closes the unpaid ones', async () => {
    const closedDay = addDays(day, 1);
    const [soup] = await publishMeal(t, canteen, point.id, closedDay, 'lunch', [dish({ name: '清蒸鲈鱼套餐', priceFen: 1800 })]);
    const body = { ...order(), mealDate: closedDay, lines: [{ dishId: soup, quantity: 1 }] };
    const paidOne = (await t.http().post('/api/meal-orders').set(bearer(li)).send(body).expect(201)).body as PlacedMealOrderView;
    await postNotification(t, fake.pay(outTradeNoOf(paidOne.id))).expect(204);
    const unpaidOne = (await t.http().post('/api/meal-orders').set(bearer(li)).send(body).expect(201)).body as PlacedMealOrderView;
    const closed = await t.http().post(`/api/meal-points/${point.id}/menu/${closedDay}/close`).set(bearer(canteen)).send({ reason: '燃气检修' }).expect(200);
    expect(closed.body.cancelledOrders).toBe(2);
    expect((await refundsOf(paidOne.id))[0]).toMatchObject({ status: 'processing', amountFen: paidOne.price.total });
    expect((await paymentOf(unpaidOne.id)).status).toBe('closed');
    await postNotification(t, fake.completeRefund(outRefundNoOf(paidOne.id))).expect(204);
    expect(await statusOf(paidOne.id)).toBe('refunded');
    expect(await statusOf(unpaidOne.id)).toBe('cancelled');
  });

  it('cancels orders still unpaid at the cut-off, once even when two sweeps run together, but keeps one paid whose notification never came', async () => {
    const unpaid = await place();
    const paidSilently = await place();
    fake.pay(outTradeNoOf(paidSilently.id)); // notification lost
    const afterCutOff = new Date(new Date(unpaid.cutOffAt).getTime() + 60_000);
    await Promise.all([payments().sweep(afterCutOff), payments().sweep(afterCutOff)]);
    const view = await t.http().get(`/api/meal-orders/${unpaid.id}`).set(bearer(li)).expect(200);
    expect(view.body).toMatchObject({ status: 'cancelled', cancelReason: '未在订餐截止前完成微信支付，订单已自动取消' });
    expect((await paymentOf(unpaid.id)).status).toBe('closed');
    expect(await t.dataSource.getRepository(AuditEntry).countBy({ action: 'meal_order.cancelled', targetId: unpaid.id })).toBe(1);
    expect(await statusOf(paidSilently.id)).toBe('paid');
  });

  it('keeps the ledger: for every order paid − refunded is what the order keeps, never negative, never double', async () => {
    const orders = await t.dataSource.getRepository(MealOrder).findBy({ paymentMethod: 'wechat_pay' });
    expect(orders.length).toBeGreaterThanOrEqual(10);
    const payments = await t.dataSource.getRepository(WechatPayment).find();
    const refunds = await t.dataSource.getRepository(WechatRefund).find();
    for (const mealOrder of orders) {
      // An order the subsidies cover whole has no payment: nothing paid, nothing kept.
      const payment = payments.find((row) => row.subjectId === mealOrder.id) ?? { id: null, paidFen: 0 };
      // Every refund counts, failed ones too: their money is settled by hand and never refunded again automatically.
      const refunded = refunds.filter((row) => row.paymentId === payment.id).reduce((sum, row) => sum + row.amountFen, 0);
      const kept = MEAL_ORDER_PORTION_HOLDING_STATUSES.includes(mealOrder.status) && mealOrder.status !== 'placed' ? mealOrder.totalFen : 0;
      expect({ order: mealOrder.id, status: mealOrder.status, kept: payment.paidFen - refunded }).toEqual({ order: mealOrder.id, status: mealOrder.status, kept });
      expect(refunded).toBeLessThanOrEqual(payment.paidFen);
      expect(payment.paidFen === 0 || payment.paidFen === mealOrder.totalFen).toBe(true);
    }
    // What WeChat Pay holds agrees: every refund it accepted is one of ours, once.
    expect(new Set(fake.refunds().map((row) => row.outRefundNo)).size).toBe(fake.refunds().length);
    expect(fake.refunds()).toHaveLength(refunds.length);
  });
});
