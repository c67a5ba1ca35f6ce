import type { CreatedMealBalanceTopUpView, LoginResponse, MealBalanceTopUpView, PlacedMealOrderView } from '@linli/shared';
import type { FakeWechatPayServer } from '../src/modules/payments/fake-wechat-pay-server';
import { WechatPayment } from '../src/modules/payments/wechat-payment.entity';
import { WechatPayments } from '../src/modules/payments';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity';
import { MealBalanceEntry } from '../src/modules/meal-subsidies/meal-balance-entry.entity';
import { balanceOf, createMealPoint, dish, LI_JIANGUO, publishMeal, registerCanteen, tomorrow, WANG_XIUYING } from './support/meals';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';
import { outTradeNoOf, paySignVerifies, postNotification, startWechatPay } from './support/wechat-pay';

/**
 * Online top-ups of an elder's meal balance with WeChat Pay, against the fake WeChat Pay server: the family pays, the
 * verified notification (or the check, or the sweep's query when it never comes) credits the ledger with exactly one
 * row — duplicates, copies at once and late notifications included — and the sums agree to the fen. The API runs with
 * the demo's 模拟支付 on, so its routes are tested here too.
 */
describe('online top-ups of the meal balance', () => {
  let t: TestApp;
  let fake: FakeWechatPayServer;
  let merchantPublicKeyPem: string;
  let li: LoginResponse;
  let wang: LoginResponse;

  const topUp = async (amountFen: number, who = li, residentId = LI_JIANGUO): Promise<CreatedMealBalanceTopUpView> =>
    (await t.http().post(`/api/meal-balances/${residentId}/wechat-top-ups`).set(bearer(who)).send({ amountFen }).expect(201)).body as CreatedMealBalanceTopUpView;
  const creditRows = (topUpId: string) => t.dataSource.getRepository(MealBalanceEntry).findBy({ id: topUpId });
  const ledgerSum = async (residentId: string) => (await t.dataSource.getRepository(MealBalanceEntry).findBy({ residentId })).reduce((sum, entry) => sum + entry.amountFen, 0);
  const check = (topUpId: string, who = li) => t.http().post(`/api/meal-balance-top-ups/${topUpId}/wechat-pay/check`).set(bearer(who));

  beforeAll(async () => {
    const wechatPay = await startWechatPay();
    fake = wechatPay.fake;
    merchantPublicKeyPem = wechatPay.merchantPublicKeyPem;
    t = await startTestApp({ env: { ...wechatPay.env, WECHATPAY_SIMULATE_PAYMENTS: 'true' } });
    await t.seed();
    li = await loginWithWechat(t, 'demo-openid-li-ming');
    wang = await loginWithWechat(t, 'demo-openid-wang-xiuying');
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('creates a top-up awaiting payment with signed parameters; the notification credits exactly one ledger row, also when it comes twice', async () => {
    const before = await balanceOf(t, LI_JIANGUO);
    const created = await topUp(10_000);
    expect(created).toMatchObject({ residentId: LI_JIANGUO, amountFen: 10_000, status: 'awaiting_payment', creditedAt: null });
    expect(paySignVerifies(created.wechatPay!, merchantPublicKeyPem)).toBe(true);
    expect(await t.dataSource.getRepository(WechatPayment).findOneByOrFail({ subjectId: created.id })).toMatchObject({
      subjectKind: 'meal_balance_top_up',
      amountFen: 10_000,
      status: 'prepaid',
    });
    expect(await creditRows(created.id)).toEqual([]);

    const notification = fake.pay(outTradeNoOf(created.id));
    await postNotification(t, notification).expect(204);
    await postNotification(t, notification).expect(204);
    expect(await creditRows(created.id)).toEqual([expect.objectContaining({ kind: 'top_up', method: 'wechat_pay', amountFen: 10_000, note: '微信支付充值' })]);
    expect(await balanceOf(t, LI_JIANGUO)).toBe(before + 10_000);
    expect((await check(created.id).expect(200)).body).toMatchObject({ status: 'credited' });
    const ledger = await t.http().get(`/api/meal-balances/${LI_JIANGUO}`).set(bearer(li)).expect(200);
    expect(ledger.body.entries[0]).toMatchObject({ id: created.id, method: 'wechat_pay', amountFen: 10_000 });
    expect(await t.dataSource.getRepository(AuditEntry).countBy({ action: 'meal_balance.topped_up', targetId: LI_JIANGUO })).toBe(1);
    // Paid: no parameters any more.
    await t.http().get(`/api/meal-balance-top-ups/${created.id}/wechat-pay`).set(bearer(li)).expect(409);
  });

  it('credits once when ten copies of the notification arrive together with a check', async () => {
    const created = await topUp(5_000);
    const notification = fake.pay(outTradeNoOf(created.id));
    const answers = await Promise.all([...Array.from({ length: 10 }, () => postNotification(t, notification)), check(created.id)]);
    expect(answers.map((answer) => answer.status)).toEqual([...Array(10).fill(204), 200]);
    expect(await creditRows(created.id)).toHaveLength(1);
  });

  it('credits a top-up whose notification never came through the check, and the late notification changes nothing', async () => {
    const created = await topUp(20_000);
    const late = fake.pay(outTradeNoOf(created.id)); // paid; the notification is held up
    expect((await check(created.id).expect(200)).body).toMatchObject({ status: 'credited' });
    await postNotification(t, late).expect(204);
    expect(await creditRows(created.id)).toHaveLength(1);
  });

  it('credits a top-up whose notification never came through the sweep, once even when two sweeps run together', async () => {
    const created = await topUp(5_000);
    fake.pay(outTradeNoOf(created.id)); // notification lost
    const payments = t.app.get(WechatPayments);
    await Promise.all([payments.sweep(), payments.sweep()]);
    expect(await creditRows(created.id)).toHaveLength(1);
    expect((await check(created.id).expect(200)).body.status).toBe('credited');
  });

  it('leaves an unpaid top-up awaiting payment and the ledger untouched, and asks again for its parameters', async () => {
    const created = await topUp(5_000);
    await t.app.get(WechatPayments).sweep();
    expect((await check(created.id).expect(200)).body).toMatchObject({ status: 'awaiting_payment' });
    const again = await t.http().get(`/api/meal-balance-top-ups/${created.id}/wechat-pay`).set(bearer(li)).expect(200);
    expect(again.body.package).toBe(created.wechatPay!.package);
    expect(await creditRows(created.id)).toEqual([]);
  });

  it('answers the same top-up to a retry with the same Idempotency-Key and refuses the key for another amount', async () => {
    const send = (amountFen: number) =>
      t.http().post(`/api/meal-balances/${LI_JIANGUO}/wechat-top-ups`).set(bearer(li)).set('Idempotency-Key', 'top-up-retry-1').send({ amountFen });
    const first = (await send(10_000).expect(201)).body as MealBalanceTopUpView;
    const second = (await send(10_000).expect(201)).body as MealBalanceTopUpView;
    expect(second.id).toBe(first.id);
    expect((await send(20_000).expect(422)).body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses amounts out of range, other residents (404) and staff (403)', async () => {
    await t.http().post(`/api/meal-balances/${LI_JIANGUO}/wechat-top-ups`).set(bearer(li)).send({ amountFen: 0 }).expect(400);
    await t.http().post(`/api/meal-balances/${LI_JIANGUO}/wechat-top-ups`).set(bearer(li)).send({ amountFen: 100_001 }).expect(400);
    await t.http().post(`/api/meal-balances/${LI_JIANGUO}/wechat-top-ups`).set(bearer(li)).send({ amountFen: 100, method: 'cash' }).expect(400);
    // 王秀英 is not of 李建国's household: his balance and his family's top-ups do not exist for her.
    await t.http().post(`/api/meal-balances/${LI_JIANGUO}/wechat-top-ups`).set(bearer(wang)).send({ amountFen: 100 }).expect(404);
    const his = await topUp(100);
    await t.http().get(`/api/meal-balance-top-ups/${his.id}/wechat-pay`).set(bearer(wang)).expect(404);
    await check(his.id, wang).expect(404);
    await t.http().post(`/api/meal-balance-top-ups/${his.id}/wechat-pay/demo-payment`).set(bearer(wang)).expect(404);
    const staff = await loginWithPassword(t, 'anda.staff');
    await t.http().post(`/api/meal-balances/${LI_JIANGUO}/wechat-top-ups`).set(bearer(staff)).send({ amountFen: 100 }).expect(403);
    // Her own balance she may top up.
    expect((await topUp(100, wang, WANG_XIUYING)).status).toBe('awaiting_payment');
  });

  it('pays a top-up and a meal order through the demo 模拟支付, then the check finds them paid', async () => {
    const created = await topUp(5_000);
    await t.http().post(`/api/meal-balance-top-ups/${created.id}/wechat-pay/demo-payment`).set(bearer(li)).expect(204);
    expect((await check(created.id).expect(200)).body.status).toBe('credited');
    expect(await creditRows(created.id)).toHaveLength(1);

    const canteen = await registerCanteen(t);
    const point = await createMealPoint(t, canteen.canteen, canteen.providerId);
    const [chicken] = await publishMeal(t, canteen.canteen, point.id, tomorrow(), 'lunch', [dish()]);
    const order = (
      await t
        .http()
        .post('/api/meal-orders')
        .set(bearer(li))
        .send({
          mealPointId: point.id,
          residentId: LI_JIANGUO,
          mealDate: tomorrow(),
          mealKind: 'lunch',
          fulfilment: 'pickup',
          paymentMethod: 'wechat_pay',
          lines: [{ dishId: chicken, quantity: 1 }],
        })
        .expect(201)
    ).body as PlacedMealOrderView;
    await t.http().post(`/api/meal-orders/${order.id}/wechat-pay/demo-payment`).set(bearer(wang)).expect(404);
    await t.http().post(`/api/meal-orders/${order.id}/wechat-pay/demo-payment`).set(bearer(li)).expect(204);
    expect((await t.http().post(`/api/meal-orders/${order.id}/wechat-pay/check`).set(bearer(li)).expect(200)).body.status).toBe('paid');
    await t.http().post(`/api/meal-orders/${order.id}/wechat-pay/demo-payment`).set(bearer(li)).expect(409);
  });

  it('keeps the sums: the ledger equals the running balance, and every credited top-up is one row of its amount, paid once', async () => {
    expect(await ledgerSum(LI_JIANGUO)).toBe(await balanceOf(t, LI_JIANGUO));
    const payments = await t.dataSource.getRepository(WechatPayment).findBy({ subjectKind: 'meal_balance_top_up' });
    const entries = await t.dataSource.getRepository(MealBalanceEntry).findBy({ method: 'wechat_pay' });
    for (const payment of payments) {
      const rows = entries.filter((entry) => entry.id === payment.subjectId);
      expect({ topUp: payment.subjectId, credited: rows.reduce((sum, entry) => sum + entry.amountFen, 0) }).toEqual({
        topUp: payment.subjectId,
        credited: payment.status === 'paid' ? payment.paidFen : 0,
      });
    }
    expect(entries).toHaveLength(payments.filter((payment) => payment.status === 'paid').length);
  });
});
