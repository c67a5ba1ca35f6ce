import type { LoginResponse, MealDeliveryCommit, MealPointView, ServiceOrderView, WorkerMealRunView } from '@linli/shared';
import { ServiceOrder } from '../src/modules/dispatch/service-order.entity';
import { MealDeliveryRun } from '../src/modules/meals/meal-delivery-run.entity';
import { MealDeliveryStop } from '../src/modules/meals/meal-delivery-stop.entity';
import { MealOrder } from '../src/modules/meals/meal-order.entity';
import { MealWindowRow } from '../src/modules/meals/meal-window.entity';
import { NotificationRelay } from '../src/modules/notifications/notification-relay';
import { OutboxMessage } from '../src/modules/outbox/outbox-message.entity';
import { stableId } from '../src/seed/stable-id';
import { goOnline, serviceDayHasCome, type TestWorker } from './support/dispatch';
import { addCanteenWorker, ANDA, createMealPoint, dish, JINZHAILU, LI_JIANGUO, publishMeal, registerCanteen, tomorrow, WANG_XIUYING } from './support/meals';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Runs as dispatch orders: the commit after the cut-off (once, even when two race), one meal_delivery order per run
 * offered to the canteen's workers of the area, setting out with the stops, 已送达 / 家中无人 at each door (a second tap
 * or a race changes nothing), the alert to the family, completion, and who may reach what.
 */
describe('meal delivery runs as dispatch orders', () => {
  let t: TestApp;
  let canteen: LoginResponse;
  let providerId: string;
  let point: MealPointView;
  let day: string;
  const meals: Record<string, string> = {};
  let first: TestWorker;
  let second: TestWorker;
  let andaRun: WorkerMealRunView;

  const commit = (by: LoginResponse) => t.http().post(`/api/staff/meal-points/${point.id}/delivery-runs/commit`).set(bearer(by)).send({ date: day, mealKind: 'lunch' });
  const runsOf = async (worker: TestWorker) => (await t.http().get('/api/worker/meal-delivery-runs').set(bearer(worker.login)).expect(200)).body.items as WorkerMealRunView[];
  const tap = (worker: TestWorker, mealOrderId: string, step: 'deliver' | 'not-at-home') =>
    t.http().post(`/api/worker/meal-deliveries/${mealOrderId}/${step}`).set(bearer(worker.login));
  const statusOf = async (mealOrderId: string) => (await t.dataSource.getRepository(MealOrder).findOneByOrFail({ id: mealOrderId })).status;
  const topicsOf = async (topic: string) =>
    (await t.dataSource.getRepository(OutboxMessage).find({ where: { topic } })).map((message) => (message.payload as { orderId: string }).orderId);
  const runOrder = async (orderId: string) => t.dataSource.getRepository(ServiceOrder).findOneByOrFail({ id: orderId });

  beforeAll(async () => {
    t = await startTestApp();
    await t.seed();
    ({ canteen, providerId } = await registerCanteen(t, 'delivery.canteen'));
    point = await createMealPoint(t, canteen, providerId);
    day = tomorrow();
    const [chicken] = await publishMeal(t, canteen, point.id, day, 'lunch', [dish()]);
    const li = await loginWithWechat(t, 'demo-openid-li-ming');
    const staff = await loginWithPassword(t, 'anda.staff');
    const place = async (key: string, by: LoginResponse, residentId: string, extra: Record<string, unknown> = {}) => {
      const body = {
        mealPointId: point.id,
        residentId,
        mealDate: day,
        mealKind: 'lunch',
        fulfilment: 'delivery',
        paymentMethod: 'at_pickup',
        lines: [{ dishId: chicken, quantity: 1 }],
        ...extra,
      };
      meals[key] = (await t.http().post('/api/meal-orders').set(bearer(by)).send(body).expect(201)).body.id as string;
    };
    await place('liJianguo', li, LI_JIANGUO, { deliveryNote: '敲门大声，老人耳背' });
    await place('wang', staff, WANG_XIUYING);
    await place('liMing', li, stableId('resident', 'li-ming'));
    await place('pickup', staff, WANG_XIUYING, { fulfilment: 'pickup' });
    first = await addCanteenWorker(t, canteen, providerId, '送餐员甲', 'delivery-worker-first', '13605510301');
    second = await addCanteenWorker(t, canteen, providerId, '送餐员乙', 'delivery-worker-second', '13605510302');
  });
  afterAll(() => t.close());

  it('refuses to commit while the orders may still change', async () => {
    const response = await commit(canteen).expect(409);
    expect(response.body.code).toBe('CONFLICT');
    expect(await t.dataSource.getRepository(MealDeliveryRun).count()).toBe(0);
  });

  it('commits the runs once after the cut-off, even when two commits race', async () => {
    // The cut-off passes: tomorrow's lunch closes at midnight today.
    await t.dataSource.getRepository(MealWindowRow).update({ mealPointId: point.id, mealKind: 'lunch' }, { cutOffTime: '00:00', cutOffDaysBefore: 1 });
    await goOnline(t, first);
    const answers = await Promise.all([commit(canteen), commit(await loginWithPassword(t, 'anda.staff'))]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    const bodies = answers.map((answer) => answer.body as MealDeliveryCommit);
    expect(bodies.map((body) => body.created).sort()).toEqual([false, true]);
    expect(bodies[0].runs).toEqual(bodies[1].runs);
    expect(bodies[0].runs.map((run) => [run.runNumber, run.areaId, run.stopCount])).toEqual([
      [1, ANDA, 2],
      [2, JINZHAILU, 1],
    ]);
    expect(await t.dataSource.getRepository(MealDeliveryRun).count()).toBe(2);
    expect(await t.dataSource.getRepository(MealDeliveryStop).count()).toBe(3);
    expect(await t.dataSource.getRepository(ServiceOrder).count({ where: { kind: 'meal_delivery' } })).toBe(2);
    // Committing hands the meals to delivery; the pickup is not carried.
    for (const key of ['liJianguo', 'wang', 'liMing']) expect(await statusOf(meals[key])).toBe('ready');
    expect(await statusOf(meals.pickup)).toBe('placed');

    // The plan now has nothing left to commit and lists the committed runs.
    const plan = await t.http().get(`/api/staff/meal-points/${point.id}/delivery-runs`).query({ date: day, mealKind: 'lunch' }).set(bearer(canteen)).expect(200);
    expect(plan.body).toMatchObject({ fixed: true, runs: [], committedRuns: bodies[0].runs });

    const again = (await commit(canteen).expect(200)).body as MealDeliveryCommit;
    expect(again).toMatchObject({ created: false, runs: bodies[0].runs });
    expect(await t.dataSource.getRepository(ServiceOrder).count({ where: { kind: 'meal_delivery' } })).toBe(2);
  });

  it('each run is one meal_delivery order, offered to a canteen worker of its area and seen on the staff board', async () => {
    const [anda, jinzhailu] = (await commit(canteen).expect(200)).body.runs as MealDeliveryCommit['runs'];
    const offer = (await t.http().get('/api/worker/offer').set(bearer(first.login)).expect(200)).body.offer;
    expect(offer.order).toMatchObject({ id: anda.serviceOrderId, kind: 'meal_delivery', service: null, centre: null, person: null, address: '蜀山区肥西路 3 号' });
    expect(offer.order.description).toContain('安大社区 2 户送餐');
    // The only online worker already has an offer: the second run goes to the community's staff.
    expect((await runOrder(jinzhailu.serviceOrderId)).status).toBe('escalated');

    const board = (
      await t
        .http()
        .get('/api/dispatch/board')
        .set(bearer(await loginWithPassword(t, 'anda.staff')))
        .expect(200)
    ).body;
    expect(board.offered.map((order: ServiceOrderView) => order.id)).toContain(anda.serviceOrderId);
    expect((await runOrder(anda.serviceOrderId)).regionPath).toContain(ANDA);

    await t.http().post(`/api/worker/offers/${offer.id}/accept`).set(bearer(first.login)).expect(200);
    const admin = await loginWithPassword(t, 'shushan.admin');
    const candidates = (await t.http().get(`/api/dispatch/orders/${jinzhailu.serviceOrderId}/candidates`).set(bearer(admin)).expect(200)).body.items;
    // Workers of canteens (and 助餐配送 providers) serving 金寨路, the demo canteen's 孙师傅 too; no skill needed.
    expect(candidates.map((worker: { id: string }) => worker.id)).toEqual(expect.arrayContaining([first.id, second.id, stableId('worker', 'sun')]));
    await t.http().post(`/api/dispatch/orders/${jinzhailu.serviceOrderId}/assign`).set(bearer(admin)).send({ workerId: second.id, reason: '金寨路由乙送' }).expect(200);
  });

  it('the worker sees the held run in order; setting out takes the ready meals out', async () => {
    [andaRun] = await runsOf(first);
    expect(andaRun).toMatchObject({ orderStatus: 'accepted', mealPointName: '安大社区助餐点', areaName: '安大社区', mealKind: 'lunch' });
    expect(andaRun.stops.map((stop) => [stop.sequence, stop.mealOrderId, stop.status, stop.actions])).toEqual([
      [1, meals.liJianguo, 'ready', []],
      [2, meals.wang, 'ready', []],
    ]);
    expect(andaRun.stops[0]).toMatchObject({ elderName: '李建国', deliveryNote: '敲门大声，老人耳背', items: ['红烧鸡腿套餐 ×1'] });
    expect(andaRun.stops[1].deliveryNote).toBeNull();
    // Not set out yet: the meals are still at the meal point.
    expect((await tap(first, meals.liJianguo, 'deliver').expect(409)).body.code).toBe('INVALID_TRANSITION');

    await serviceDayHasCome(t, andaRun.orderId);
    await t.http().post(`/api/worker/orders/${andaRun.orderId}/set-out`).set(bearer(first.login)).expect(200);
    expect(await statusOf(meals.liJianguo)).toBe('out_for_delivery');
    expect(await statusOf(meals.wang)).toBe('out_for_delivery');
    expect(await statusOf(meals.liMing)).toBe('ready');
    // Each meal that left tells its elder (and family): on the way, once; the meal still at the point says nothing.
    expect((await topicsOf('meal_order.on_the_way')).sort()).toEqual([meals.liJianguo, meals.wang].sort());
    [andaRun] = await runsOf(first);
    expect(andaRun.stops.map((stop) => stop.actions)).toEqual([
      ['deliver', 'report_not_at_home'],
      ['deliver', 'report_not_at_home'],
    ]);
    // A run moves by its stops, not by the home visit's buttons.
    expect((await t.http().post(`/api/worker/orders/${andaRun.orderId}/start`).set(bearer(first.login)).expect(409)).body.code).toBe('INVALID_TRANSITION');
  });

  it('calls the elder at a stop through the run, and nobody else', async () => {
    const call = await t.http().post(`/api/worker/orders/${andaRun.orderId}/stops/${meals.wang}/call`).set(bearer(first.login)).expect(200);
    expect(call.body.phone).toMatch(/^1\d{10}$/);
    await t.http().post(`/api/worker/orders/${andaRun.orderId}/stops/${meals.liMing}/call`).set(bearer(first.login)).expect(404);
    await t.http().post(`/api/worker/orders/${andaRun.orderId}/stops/${meals.wang}/call`).set(bearer(second.login)).expect(404);
  });

  it('of two taps at once on one door exactly one delivers; the first settled stop starts the run', async () => {
    const answers = await Promise.all([tap(first, meals.liJianguo, 'deliver'), tap(first, meals.liJianguo, 'deliver')]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(answers.find((answer) => answer.status === 409)!.body.code).toBe('INVALID_TRANSITION');
    expect(await statusOf(meals.liJianguo)).toBe('delivered');
    expect((await runOrder(andaRun.orderId)).status).toBe('in_service');
    // Delivered once, so told once: 李明, who ordered for his father 李建国, reads it in his 消息.
    expect(await topicsOf('meal_order.delivered')).toEqual([meals.liJianguo]);
    while ((await t.app.get(NotificationRelay).relayDue()) > 0);
    const inbox = (
      await t
        .http()
        .get('/api/inbox')
        .set(bearer(await loginWithWechat(t, 'demo-openid-li-ming')))
        .expect(200)
    ).body.items as Array<{ topic: string; title: string }>;
    expect(inbox.filter((item) => item.topic === 'meal_order.delivered').map((item) => item.title)).toEqual(['餐已送到']);
    expect(inbox.filter((item) => item.topic === 'meal_order.on_the_way').map((item) => item.title)).toEqual(['送餐员已出发']);
  });

  it('家中无人 alerts the family and the community; the last stop completes the run; a later knock still delivers', async () => {
    const answer = (await tap(first, meals.wang, 'not-at-home').expect(200)).body as WorkerMealRunView;
    expect(answer.stops.map((stop) => stop.status)).toEqual(['delivered', 'not_at_home']);
    expect(await tap(first, meals.wang, 'not-at-home').expect(409)).toBeTruthy();
    const alerts = await t.dataSource.getRepository(OutboxMessage).find({ where: { topic: 'meal_order.not_at_home' } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0].payload).toMatchObject({ orderId: meals.wang, residentId: WANG_XIUYING, communityId: ANDA, mealPointId: point.id, mealDate: day, mealKind: 'lunch' });

    const run = await runOrder(andaRun.orderId);
    expect(run.status).toBe('completed');
    expect(run.completedAt).not.toBeNull();
    const worker = (await t.http().get('/api/worker/profile').set(bearer(first.login)).expect(200)).body;
    expect(worker.openOrders).toBe(0);

    const later = (await tap(first, meals.wang, 'deliver').expect(200)).body as WorkerMealRunView;
    expect(later.stops.map((stop) => stop.status)).toEqual(['delivered', 'delivered']);
    expect((await runOrder(andaRun.orderId)).status).toBe('completed');
  });

  it('only the worker holding the run reaches its stops; residents and staff cannot call worker routes', async () => {
    // The second worker holds the other run, not this one.
    expect((await tap(second, meals.wang, 'deliver').expect(404)).body.code).toBe('NOT_FOUND');
    await tap(second, meals.pickup, 'deliver').expect(404);
    await tap(first, meals.liMing, 'not-at-home').expect(404);
    for (const caller of [await loginWithWechat(t, 'demo-openid-li-ming'), await loginWithPassword(t, 'anda.staff'), canteen]) {
      expect((await t.http().post(`/api/worker/meal-deliveries/${meals.liMing}/deliver`).set(bearer(caller)).expect(403)).body.code).toBe('FORBIDDEN');
      await t.http().get('/api/worker/meal-delivery-runs').set(bearer(caller)).expect(403);
    }
    expect((await runsOf(second)).map((run) => run.stops.map((stop) => stop.mealOrderId))).toEqual([[meals.liMing]]);
  });

  it('only the point’s canteen and the staff over it commit', async () => {
    for (const outsider of [await loginWithPassword(t, 'nanping.staff'), await loginWithPassword(t, 'anda.canteen')]) {
      expect((await commit(outsider).expect(404)).body.code).toBe('NOT_FOUND');
    }
    expect((await commit(await loginWithWechat(t, 'demo-openid-li-ming')).expect(403)).body.code).toBe('FORBIDDEN');
  });
});
