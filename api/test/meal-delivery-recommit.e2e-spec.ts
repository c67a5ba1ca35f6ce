import { instantOf, type LoginResponse, type MealDeliveryCommit, type MealDeliveryPlan, type MealPointView, type WorkerMealRunView } from '@linli/shared';
import { Clock } from '../src/common/time/clock';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity';
import { ServiceOrder } from '../src/modules/dispatch/service-order.entity';
import { MealDeliveryRun } from '../src/modules/meals/meal-delivery-run.entity';
import { MealDeliveryRunsService } from '../src/modules/meals/meal-delivery-runs.service';
import { MealDeliveryStop } from '../src/modules/meals/meal-delivery-stop.entity';
import { MealOrder } from '../src/modules/meals/meal-order.entity';
import type { FakeWechatPayServer } from '../src/modules/payments/fake-wechat-pay-server';
import { WechatPayment } from '../src/modules/payments/wechat-payment.entity';
import { stableId } from '../src/seed/stable-id';
import { serviceDayHasCome, type TestWorker } from './support/dispatch';
import { addCanteenWorker, ANDA, createMealPoint, dish, LI_JIANGUO, publishMeal, registerCanteen, tomorrow, WANG_XIUYING } from './support/meals';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';
import { outTradeNoOf, postNotification, startWechatPay } from './support/wechat-pay';

const LI_MING = stableId('resident', 'li-ming');

/**
 * Committing a meal's runs is repeatable: a WeChat Pay order paid after the commit (or paid with its notification
 * lost) goes on a later run, the cut-off sweep commits every meal past its cut-off by itself (once, with two instances
 * sweeping), and the meals a cancelled run had not handed over are planned into a new run, the old stops kept.
 */
describe('meal delivery runs committed again, by the cut-off sweep and after a cancelled run', () => {
  let t: TestApp;
  let fake: FakeWechatPayServer;
  let canteen: LoginResponse;
  let staff: LoginResponse;
  let admin: LoginResponse;
  let li: LoginResponse;
  let point: MealPointView;
  let day: string;
  let worker: TestWorker;
  const dishes: Record<string, string> = {};
  const dinners: Record<string, string> = {};
  let clock: jest.SpyInstance<Date, []>;

  const standAt = (time: string) => clock.mockReturnValue(instantOf(day, time));
  const place = async (by: LoginResponse, residentId: string, mealKind: 'lunch' | 'dinner', paymentMethod: 'at_pickup' | 'wechat_pay'): Promise<string> => {
    const body = { mealPointId: point.id, residentId, mealDate: day, mealKind, fulfilment: 'delivery', paymentMethod, lines: [{ dishId: dishes[mealKind], quantity: 1 }] };
    return (await t.http().post('/api/meal-orders').set(bearer(by)).send(body).expect(201)).body.id as string;
  };
  const commit = async (mealKind: 'lunch' | 'dinner') =>
    (await t.http().post(`/api/staff/meal-points/${point.id}/delivery-runs/commit`).set(bearer(canteen)).send({ date: day, mealKind }).expect(200)).body as MealDeliveryCommit;
  const plan = async (mealKind: 'lunch' | 'dinner') =>
    (await t.http().get(`/api/staff/meal-points/${point.id}/delivery-runs`).query({ date: day, mealKind }).set(bearer(canteen)).expect(200)).body as MealDeliveryPlan;
  const sweep = () => t.app.get(MealDeliveryRunsService).commitDue();
  const statusOf = async (mealOrderId: string) => (await t.dataSource.getRepository(MealOrder).findOneByOrFail({ id: mealOrderId })).status;
  const runsOf = (mealKind: 'lunch' | 'dinner') => t.dataSource.getRepository(MealDeliveryRun).find({ where: { mealPointId: point.id, mealKind }, order: { runNumber: 'ASC' } });
  const stopsOf = (mealOrderId: string) => t.dataSource.getRepository(MealDeliveryStop).find({ where: { mealOrderId }, relations: { run: true }, order: { sequence: 'ASC' } });
  const liveRunOf = async (mealOrderId: string) => (await stopsOf(mealOrderId)).filter((stop) => stop.live).map((stop) => stop.run.runNumber);

  beforeAll(async () => {
    const wechatPay = await startWechatPay();
    fake = wechatPay.fake;
    t = await startTestApp({ env: wechatPay.env });
    await t.seed();
    let providerId: string;
    ({ canteen, providerId } = await registerCanteen(t, 'recommit.canteen'));
    point = await createMealPoint(t, canteen, providerId);
    day = tomorrow();
    [dishes.lunch] = await publishMeal(t, canteen, point.id, day, 'lunch', [dish()]);
    [dishes.dinner] = await publishMeal(t, canteen, point.id, day, 'dinner', [dish({ name: '清蒸鱼套餐' })]);
    [staff, admin, li] = await Promise.all([loginWithPassword(t, 'anda.staff'), loginWithPassword(t, 'shushan.admin'), loginWithWechat(t, 'demo-openid-li-ming')]);
    worker = await addCanteenWorker(t, canteen, providerId, '送餐员丙', 'delivery-worker-recommit', '13605510303');
    clock = jest.spyOn(t.app.get(Clock), 'now');
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('puts a WeChat Pay order paid after the commit on a later run (a second commit used to write nothing)', async () => {
    const wang = await place(staff, WANG_XIUYING, 'lunch', 'at_pickup');
    const online = await place(li, LI_JIANGUO, 'lunch', 'wechat_pay');
    standAt('10:00'); // lunch closed at 09:30

    const first = await commit('lunch');
    expect(first.created).toBe(true);
    expect(first.runs.map((run) => [run.runNumber, run.areaId, run.stopCount, run.cancelled])).toEqual([[1, ANDA, 1, false]]);
    expect(await liveRunOf(wang)).toEqual([1]);
    // WeChat Pay was asked and knows no payment: the order waits, still unpaid and on no run.
    expect(await statusOf(online)).toBe('placed');
    expect(await stopsOf(online)).toEqual([]);

    // The payer pays late; the notification comes after the runs were committed.
    await postNotification(t, fake.pay(outTradeNoOf(online))).expect(204);
    expect(await statusOf(online)).toBe('paid');
    const second = await commit('lunch');
    expect(second.created).toBe(true);
    expect(second.runs.map((run) => [run.runNumber, run.stopCount])).toEqual([
      [1, 1],
      [2, 1],
    ]);
    expect(await liveRunOf(online)).toEqual([2]);
    expect(await statusOf(online)).toBe('ready');
    expect(await t.dataSource.getRepository(ServiceOrder).count({ where: { kind: 'meal_delivery' } })).toBe(2);

    // Nothing left waiting: a third commit writes nothing and answers the same runs.
    expect(await commit('lunch')).toMatchObject({ created: false, runs: second.runs });
  });

  it('asks WeChat Pay first: an order paid whose notification never came goes on the run at once', async () => {
    const lost = await place(li, LI_MING, 'lunch', 'wechat_pay');
    fake.pay(outTradeNoOf(lost)); // paid at WeChat Pay; the notification is lost

    const answer = await commit('lunch');
    expect(answer.created).toBe(true);
    expect(answer.runs.map((run) => run.runNumber)).toEqual([1, 2, 3]);
    expect(await liveRunOf(lost)).toEqual([3]);
    expect(await statusOf(lost)).toBe('ready');
    expect((await t.dataSource.getRepository(WechatPayment).findOneByOrFail({ subjectId: lost })).status).toBe('paid');
  });

  it('the cut-off sweep commits each meal past its cut-off once, as the system, with two instances sweeping at once', async () => {
    dinners.wang = await place(staff, WANG_XIUYING, 'dinner', 'at_pickup');
    dinners.liJianguo = await place(li, LI_JIANGUO, 'dinner', 'at_pickup');
    const unpaid = await place(li, LI_MING, 'dinner', 'wechat_pay');

    standAt('13:00'); // dinner closes at 14:00; lunch has nothing waiting
    expect(await sweep()).toBe(0);
    expect(await runsOf('dinner')).toEqual([]);

    standAt('14:01');
    const swept = await Promise.all([sweep(), sweep()]);
    expect(swept.reduce((sum, count) => sum + count, 0)).toBe(1);
    const runs = await runsOf('dinner');
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ runNumber: 1, areaId: ANDA, committedByAccountId: null });
    expect(await liveRunOf(dinners.wang)).toEqual([1]);
    expect(await liveRunOf(dinners.liJianguo)).toEqual([1]);
    expect(await statusOf(dinners.wang)).toBe('ready');
    // Unpaid at WeChat Pay: left to the payments sweep, which cancels it at the cut-off.
    expect(await stopsOf(unpaid)).toEqual([]);
    expect(await t.dataSource.getRepository(ServiceOrder).findOneByOrFail({ id: runs[0].serviceOrderId })).toMatchObject({ kind: 'meal_delivery', createdByAccountId: null });
    const audits = (await t.dataSource.getRepository(AuditEntry).findBy({ action: 'meal_delivery.committed' })).filter((entry) => entry.details?.mealKind === 'dinner');
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorAccountId: null, actorRole: null, ip: 'system', targetId: point.id });

    expect(await sweep()).toBe(0);
  });

  it('a cancelled run gives back the meals it had not handed over; the sweep plans them into a new run and keeps the old stops', async () => {
    const [run] = await runsOf('dinner');
    await t.http().post(`/api/dispatch/orders/${run.serviceOrderId}/assign`).set(bearer(admin)).send({ workerId: worker.id, reason: '丙送晚餐' }).expect(200);
    await serviceDayHasCome(t, run.serviceOrderId);
    await t.http().post(`/api/worker/orders/${run.serviceOrderId}/set-out`).set(bearer(worker.login)).expect(200);
    const [firstDoor, secondDoor] = (await stopsOf(dinners.wang))[0].sequence === 1 ? [dinners.wang, dinners.liJianguo] : [dinners.liJianguo, dinners.wang];
    await t.http().post(`/api/worker/meal-deliveries/${firstDoor}/deliver`).set(bearer(worker.login)).expect(200);
    // The worker cannot go on: staff cancel the run with one meal delivered and one still out.
    await t.http().post(`/api/dispatch/orders/${run.serviceOrderId}/cancel`).set(bearer(admin)).send({ reason: '送餐员车坏了' }).expect(200);
    expect(await statusOf(secondDoor)).toBe('out_for_delivery');

    const waiting = await plan('dinner');
    expect(waiting.committedRuns.map((committed) => [committed.runNumber, committed.stopCount, committed.cancelled])).toEqual([[1, 2, true]]);
    // Waiting again: the meal still out (beside the WeChat Pay order still unpaid); not the one delivered.
    const waitingOrders = waiting.runs.flatMap((planned) => planned.stops.map((stop) => stop.orderId));
    expect(waitingOrders).toContain(secondDoor);
    expect(waitingOrders).not.toContain(firstDoor);

    expect(await sweep()).toBe(1);
    const runs = await runsOf('dinner');
    expect(runs.map((committed) => committed.runNumber)).toEqual([1, 2]);
    // The undelivered meal is on the new run; its stop on the cancelled run is kept, no longer live.
    expect((await stopsOf(secondDoor)).map((stop) => [stop.run.runNumber, stop.live])).toEqual(
      expect.arrayContaining([
        [1, null],
        [2, true],
      ]),
    );
    expect(await liveRunOf(firstDoor)).toEqual([1]);
    expect(await statusOf(firstDoor)).toBe('delivered');
    expect(await sweep()).toBe(0);

    // The new run goes out like any other and the meal still out is delivered from it.
    await t.http().post(`/api/dispatch/orders/${runs[1].serviceOrderId}/assign`).set(bearer(admin)).send({ workerId: worker.id, reason: '丙换车再送' }).expect(200);
    await serviceDayHasCome(t, runs[1].serviceOrderId);
    await t.http().post(`/api/worker/orders/${runs[1].serviceOrderId}/set-out`).set(bearer(worker.login)).expect(200);
    const answer = (await t.http().post(`/api/worker/meal-deliveries/${secondDoor}/deliver`).set(bearer(worker.login)).expect(200)).body as WorkerMealRunView;
    expect(answer.stops.map((stop) => [stop.mealOrderId, stop.status])).toEqual([[secondDoor, 'delivered']]);
    expect((await t.dataSource.getRepository(ServiceOrder).findOneByOrFail({ id: runs[1].serviceOrderId })).status).toBe('completed');
  });
});
