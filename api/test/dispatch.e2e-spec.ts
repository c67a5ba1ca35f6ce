import type { LoginResponse } from '@linli/shared';
import { Dispatcher } from '../src/modules/dispatch/dispatcher';
import { stableId } from '../src/seed/stable-id';
import { addWorker, ANXIN, currentOffer, fulfil, goOffline, goOnline, HOME_REPAIR, northOfAnda, placeOrder, serviceDayHasCome, zhao, type TestWorker } from './support/dispatch';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

const WANG = stableId('resident', 'wang-xiuying');

/**
 * Home-service dispatch end to end on the real database: offers to the best worker, refusals and expiries moving
 * the order on, escalation to staff, the grab pool, fulfilment, confirmation, ratings, complaints and the board.
 */
describe('dispatch: offers, the grab pool, fulfilment and the staff board', () => {
  let t: TestApp;
  let dispatcher: Dispatcher;
  let wang: LoginResponse;
  let staff: LoginResponse;
  let zhaoWorker: TestWorker;
  let qian: TestWorker;

  const get = (login: LoginResponse, path: string) => t.http().get(path).set(bearer(login));
  const post = (login: LoginResponse, path: string, body: object = {}) => t.http().post(path).set(bearer(login)).send(body);
  const orderOf = async (id: string) => (await get(staff, `/api/dispatch/orders/${id}`).expect(200)).body;
  const offers = (orderId: string) =>
    t.dataSource.query<{ workerId: string; status: string }[]>(`SELECT worker_id AS workerId, status FROM dispatch_offer WHERE order_id = '${orderId}' ORDER BY offered_at`);
  const load = async (workerId: string) => Number((await t.dataSource.query(`SELECT open_orders AS n FROM worker WHERE id = '${workerId}'`))[0].n);

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_IP: '10000' } });
    await t.seed();
    dispatcher = t.app.get(Dispatcher);
    wang = await loginWithWechat(t, 'demo-openid-wang-xiuying');
    staff = await loginWithPassword(t, 'anda.staff');
    zhaoWorker = await zhao(t);
    qian = await addWorker(t, '钱师傅', 'dispatch-worker-qian');
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await goOffline(t, zhaoWorker);
    await goOffline(t, qian);
  });

  it('offers a new order to the nearest online worker, who accepts, sets out, starts and completes; the resident confirms and rates', async () => {
    await goOnline(t, zhaoWorker, northOfAnda(300));
    await goOnline(t, qian, northOfAnda(6000)); // far enough that distance alone decides, whoever was offered last
    const order = await placeOrder(t, wang, WANG);
    expect(order.status).toBe('offered');

    const offer = await currentOffer(t, zhaoWorker);
    expect(offer).toMatchObject({ order: { id: order.id, status: 'offered' } });
    expect(new Date(offer!.expiresAt).getTime()).toBeGreaterThan(Date.now() + 200_000); // the service's 5-minute window
    expect((offer as unknown as { secondsLeft: number }).secondsLeft).toBeGreaterThan(290);
    expect(await currentOffer(t, qian)).toBeNull();

    const accepted = await post(zhaoWorker.login, `/api/worker/offers/${offer!.id}/accept`).expect(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', worker: { name: '赵师傅', providerName: '安心家政服务有限公司', phoneMasked: '137****0009' } });
    expect(await load(zhaoWorker.id)).toBe(1);
    const active = await get(zhaoWorker.login, '/api/worker/orders').expect(200);
    expect(active.body.items.map((o: { id: string }) => o.id)).toContain(order.id);

    await fulfil(t, zhaoWorker, order.id);
    expect(await load(zhaoWorker.id)).toBe(0);
    const completed = await get(wang, `/api/home-orders/${order.id}`).expect(200);
    expect(completed.body).toMatchObject({ status: 'completed', completionNote: '已打扫干净' });

    await post(wang, `/api/home-orders/${order.id}/confirm`).expect(200);
    const rated = await post(wang, `/api/home-orders/${order.id}/rating`, { score: 5, comment: '师傅很细心' }).expect(200);
    expect(rated.body).toMatchObject({ status: 'confirmed', rating: { score: 5, comment: '师傅很细心' } });
    await post(wang, `/api/home-orders/${order.id}/rating`, { score: 1 })
      .expect(409)
      .expect((r) => expect(r.body.code).toBe('ALREADY_RATED'));

    const detail = await get(wang, `/api/home-orders/${order.id}`).expect(200);
    expect(detail.body.timeline.map((entry: { event: string }) => entry.event)).toEqual(['offer', 'accept', 'set_out', 'start', 'complete', 'confirm']);
    expect(detail.body.timeline[1]).toMatchObject({ actor: 'worker', actorName: '赵师傅', fromStatus: 'offered', toStatus: 'accepted' });
    const history = await get(zhaoWorker.login, '/api/worker/orders').query({ state: 'history' }).expect(200);
    expect(history.body.items.map((o: { id: string }) => o.id)).toContain(order.id);
  });

  it('keeps ratings as counts and sums on the worker and the provider', async () => {
    await goOnline(t, zhaoWorker);
    const scores = [4, 2];
    for (const score of scores) {
      const order = await placeOrder(t, wang, WANG);
      const offer = await currentOffer(t, zhaoWorker);
      await post(zhaoWorker.login, `/api/worker/offers/${offer!.id}/accept`).expect(200);
      await fulfil(t, zhaoWorker, order.id);
      // Rating a completed order confirms it as well.
      await post(wang, `/api/home-orders/${order.id}/rating`, { score })
        .expect(200)
        .expect((r) => expect(r.body.status).toBe('confirmed'));
    }
    const [row] = await t.dataSource.query(`SELECT rating_count AS count, rating_sum AS sum FROM worker WHERE id = '${zhaoWorker.id}'`);
    expect({ count: Number(row.count), sum: Number(row.sum) }).toEqual({ count: 3, sum: 11 }); // 5 from the first test, then 4 and 2
    const profile = await get(zhaoWorker.login, '/api/worker/profile').expect(200);
    expect(profile.body).toMatchObject({ ratingCount: 3, averageRating: 3.7 });
    const providers = await get(await loginWithPassword(t, 'anxin.admin'), '/api/providers').expect(200);
    expect(providers.body.items[0]).toMatchObject({ ratingCount: 3, averageRating: 3.7 });
  });

  it('moves a refused offer to the next candidate and escalates to staff when nobody is left', async () => {
    await goOnline(t, zhaoWorker, northOfAnda(100));
    await goOnline(t, qian, northOfAnda(8000));
    const order = await placeOrder(t, wang, WANG);
    const first = await currentOffer(t, zhaoWorker);
    await post(zhaoWorker.login, `/api/worker/offers/${first!.id}/reject`, { reason: '时间冲突' }).expect(200, { status: 'rejected' });
    const second = await currentOffer(t, qian);
    expect(second?.order.id).toBe(order.id);
    // A refused offer cannot be accepted afterwards.
    await post(zhaoWorker.login, `/api/worker/offers/${first!.id}/accept`)
      .expect(409)
      .expect((r) => expect(r.body.code).toBe('ORDER_TAKEN'));
    await post(qian.login, `/api/worker/offers/${second!.id}/reject`, { reason: '距离太远' }).expect(200);

    const escalated = await get(staff, `/api/dispatch/orders/${order.id}`).expect(200);
    expect(escalated.body.status).toBe('escalated');
    expect(escalated.body.timeline.map((e: { event: string; reason: string | null }) => [e.event, e.reason])).toEqual([
      ['offer', null],
      ['reject', '时间冲突'],
      ['offer', null],
      ['reject', '距离太远'],
      ['escalate', '暂无符合条件的在线服务人员'],
    ]);
    const board = await get(staff, '/api/dispatch/board').expect(200);
    expect(board.body.escalated.map((o: { id: string }) => o.id)).toContain(order.id);
    // Another region's staff neither see it on their board nor reach it.
    const other = await loginWithPassword(t, 'nanping.staff');
    expect(JSON.stringify((await get(other, '/api/dispatch/board').expect(200)).body)).not.toContain(order.id);
    await get(other, `/api/dispatch/orders/${order.id}`).expect(404);
  });

  it('expires offers from the database state: each expiry re-offers the order once, and K refusals escalate it', async () => {
    const third = await addWorker(t, '孙师傅', 'dispatch-worker-sun');
    const fourth = await addWorker(t, '李师傅', 'dispatch-worker-li');
    for (const worker of [zhaoWorker, qian, third, fourth]) await goOnline(t, worker);
    const order = await placeOrder(t, wang, WANG);
    const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

    expect(await dispatcher.sweepExpiredOffers(later(1))).toBe(0); // nothing has expired yet
    // Eight sweeps at once, as several API instances would run them: the expiry is handled by exactly one.
    const concurrentSweeps = await Promise.all(Array.from({ length: 8 }, () => dispatcher.sweepExpiredOffers(later(6))));
    expect(concurrentSweeps.reduce((sum, handled) => sum + handled, 0)).toBe(1);
    expect(await dispatcher.sweepExpiredOffers(later(6))).toBe(0); // the same expiry is never handled twice
    expect((await offers(order.id)).map((offer) => offer.status)).toEqual(['expired', 'open']);
    expect(await dispatcher.sweepExpiredOffers(later(12))).toBe(1);
    expect(await dispatcher.sweepExpiredOffers(later(18))).toBe(1);

    // DISPATCH_MAX_REFUSALS (3) reached: the fourth worker is never asked, staff are.
    expect((await orderOf(order.id)).status).toBe('escalated');
    expect((await offers(order.id)).map((offer) => offer.status)).toEqual(['expired', 'expired', 'expired']);
    expect((await orderOf(order.id)).timeline.filter((e: { event: string }) => e.event === 'expire')).toHaveLength(3);
    for (const worker of [third, fourth]) await goOffline(t, worker);
  });

  it('answers OFFER_EXPIRED to a worker who accepts too late', async () => {
    await goOnline(t, zhaoWorker);
    const order = await placeOrder(t, wang, WANG);
    const offer = await currentOffer(t, zhaoWorker);
    await t.dataSource.query(`UPDATE dispatch_offer SET expires_at = '2020-01-01 00:00:00.000' WHERE id = '${offer!.id}'`);
    await post(zhaoWorker.login, `/api/worker/offers/${offer!.id}/accept`)
      .expect(409)
      .expect((r) => expect(r.body.code).toBe('OFFER_EXPIRED'));
    expect((await orderOf(order.id)).status).toBe('offered'); // until the sweep moves it
    await dispatcher.sweepExpiredOffers();
    expect((await orderOf(order.id)).status).not.toBe('offered');
  });

  it('lets exactly one of many concurrent accepts of an offer win, and nobody else accept it', async () => {
    await goOnline(t, zhaoWorker);
    const order = await placeOrder(t, wang, WANG);
    const offer = await currentOffer(t, zhaoWorker);
    const answers = await Promise.all([
      ...Array.from({ length: 10 }, () => post(zhaoWorker.login, `/api/worker/offers/${offer!.id}/accept`)),
      post(qian.login, `/api/worker/offers/${offer!.id}/accept`),
    ]);
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(9);
    expect(answers[10].status).toBe(404); // qian was never offered it
    expect(statuses.filter((status) => status >= 500)).toHaveLength(0);
    expect((await orderOf(order.id)).worker.id).toBe(zhaoWorker.id);
    await post(staff, `/api/dispatch/orders/${order.id}/cancel`, { reason: '测试结束' }).expect(200);
  });

  it('lets exactly one of 50 concurrent grabs of a pool order win', async () => {
    // The city admin switches 家电水电维修上门 to the grab pool.
    const city = await loginWithPassword(t, 'city.admin');
    const repair = (await t.http().get(`/api/services/${HOME_REPAIR}`).expect(200)).body;
    const edit = {
      name: repair.name,
      description: repair.description,
      materials: repair.materials,
      minAge: repair.minAge,
      maxActiveBookingsPerPerson: repair.maxActiveBookingsPerPerson,
    };
    await t
      .http()
      .put(`/api/admin/services/${HOME_REPAIR}`)
      .set(bearer(city))
      .send({ ...edit, dispatchMode: 'grab', offerWindowSeconds: 120 })
      .expect(200)
      .expect((r) => expect(r.body).toMatchObject({ dispatchMode: 'grab', offerWindowSeconds: 120 }));
    await t
      .http()
      .put(`/api/admin/services/${HOME_REPAIR}`)
      .set(bearer(city))
      .send({ ...edit, dispatchMode: 'sometimes' })
      .expect(400);
    const grabbers = [zhaoWorker, qian];
    for (let index = 0; index < 3; index++) grabbers.push(await addWorker(t, `抢单师傅${index}`, `dispatch-grabber-${index}`));
    for (const worker of grabbers) await goOnline(t, worker);
    const order = await placeOrder(t, wang, WANG, HOME_REPAIR);
    expect(order.status).toBe('pending_dispatch');
    expect(await currentOffer(t, zhaoWorker)).toBeNull(); // grab mode sends no offers
    const pool = await get(qian.login, '/api/worker/pool').expect(200);
    expect(pool.body.items.map((o: { id: string }) => o.id)).toContain(order.id);

    const answers = await Promise.all(Array.from({ length: 50 }, (_, index) => post(grabbers[index % grabbers.length].login, `/api/worker/pool/${order.id}/grab`)));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    expect(new Set(answers.filter((a) => a.status === 409).map((a) => a.body.code))).toEqual(new Set(['ORDER_TAKEN']));
    const winner = answers.find((answer) => answer.status === 200)!.body.worker.id;
    const loads = await Promise.all(grabbers.map((worker) => load(worker.id)));
    expect(loads.reduce((sum, value) => sum + value, 0)).toBe(1);
    expect(await load(winner)).toBe(1);
    expect((await orderOf(order.id)).timeline.map((e: { event: string }) => e.event)).toEqual(['grab']);

    await post(staff, `/api/dispatch/orders/${order.id}/cancel`, { reason: '测试结束' }).expect(200);
    expect(await load(winner)).toBe(0);
    for (const worker of grabbers.slice(2)) await goOffline(t, worker);
    await t.dataSource.query(`UPDATE community_service SET dispatch_mode = 'assign' WHERE id = '${HOME_REPAIR}'`);
  });

  it('lets one worker grab many pool orders at once: each is theirs, none refused by a deadlock', async () => {
    // Each grab takes a place on the worker's row and moves its order to the worker; taken the other way round, two
    // grabs by one worker deadlocked on MariaDB (the order's foreign key held the worker's row shared) and, once the
    // retries ran out, answered 500.
    await t.dataSource.query(`UPDATE community_service SET dispatch_mode = 'grab' WHERE id = '${HOME_REPAIR}'`);
    const busy = await addWorker(t, '多单师傅', 'dispatch-many-grabs', 10);
    await goOnline(t, busy);
    const orders: string[] = [];
    for (let index = 0; index < 8; index++) orders.push((await placeOrder(t, wang, WANG, HOME_REPAIR)).id);
    const answers = await Promise.all(orders.map((orderId) => post(busy.login, `/api/worker/pool/${orderId}/grab`)));
    expect(answers.map((answer) => answer.status)).toEqual(orders.map(() => 200));
    expect(await load(busy.id)).toBe(orders.length);
    for (const orderId of orders) await post(staff, `/api/dispatch/orders/${orderId}/cancel`, { reason: '测试结束' }).expect(200);
    await goOffline(t, busy);
    await t.dataSource.query(`UPDATE community_service SET dispatch_mode = 'assign' WHERE id = '${HOME_REPAIR}'`);
  });

  it('escalates a pool order nobody grabbed within the pool time', async () => {
    await t.dataSource.query(`UPDATE community_service SET dispatch_mode = 'grab' WHERE id = '${HOME_REPAIR}'`);
    const order = await placeOrder(t, wang, WANG, HOME_REPAIR);
    await dispatcher.sweepUnclaimedPool(new Date(Date.now() + 10 * 60_000));
    expect((await orderOf(order.id)).status).toBe('pending_dispatch');
    await dispatcher.sweepUnclaimedPool(new Date(Date.now() + 31 * 60_000));
    expect((await orderOf(order.id)).status).toBe('escalated');
    await t.dataSource.query(`UPDATE community_service SET dispatch_mode = 'assign' WHERE id = '${HOME_REPAIR}'`);
  });

  it("sends a grab provider's workers no offers but shows them every pending order of theirs in the pool", async () => {
    const admin = await loginWithPassword(t, 'anxin.admin');
    await t.http().put(`/api/providers/${ANXIN}/dispatch-mode`).set(bearer(admin)).send({ mode: 'grab' }).expect(200);
    await goOnline(t, zhaoWorker);
    const order = await placeOrder(t, wang, WANG);
    expect(order.status).toBe('escalated'); // no assign-mode worker anywhere
    await t.http().put(`/api/providers/${ANXIN}/dispatch-mode`).set(bearer(admin)).send({ mode: 'assign' }).expect(200);
    await post(staff, `/api/dispatch/orders/${order.id}/requeue`, { reason: '服务人员已上线' })
      .expect(200)
      .expect((r) => expect(r.body.status).toBe('offered'));
    await post(staff, `/api/dispatch/orders/${order.id}/cancel`, { reason: '测试结束' }).expect(200);
  });

  it('lets staff list candidates with reasons, assign by hand within the cap, and reassign', async () => {
    const order = await placeOrder(t, wang, WANG); // everyone offline: escalated at once
    expect(order.status).toBe('escalated');
    const candidates = await get(staff, `/api/dispatch/orders/${order.id}/candidates`).expect(200);
    expect(candidates.body.items.find((c: { id: string }) => c.id === zhaoWorker.id)).toMatchObject({ name: '赵师傅', notes: ['当前离线'] });

    await post(staff, `/api/dispatch/orders/${order.id}/assign`, { workerId: zhaoWorker.id, reason: '电话联系赵师傅确认' })
      .expect(200)
      .expect((r) => expect(r.body.worker.id).toBe(zhaoWorker.id));
    expect(await load(zhaoWorker.id)).toBe(1);
    await post(staff, `/api/dispatch/orders/${order.id}/assign`, { workerId: qian.id, reason: '赵师傅临时有事' }).expect(200);
    expect([await load(zhaoWorker.id), await load(qian.id)]).toEqual([0, 1]);

    // A worker at their cap cannot be given more, not even by staff.
    const capped = await addWorker(t, '周师傅', 'dispatch-worker-zhou', 1);
    await post(staff, `/api/dispatch/orders/${order.id}/assign`, { workerId: capped.id, reason: '改派' }).expect(200);
    const another = await placeOrder(t, wang, WANG);
    await post(staff, `/api/dispatch/orders/${another.id}/assign`, { workerId: capped.id, reason: '再派' })
      .expect(409)
      .expect((r) => expect(r.body.code).toBe('WORKER_AT_CAPACITY'));
    expect(await load(capped.id)).toBe(1);
    // Unknown workers, or workers without the skill or the area, cannot be assigned.
    await post(staff, `/api/dispatch/orders/${another.id}/assign`, { workerId: stableId('worker', 'nobody'), reason: '改派' }).expect(404);
    for (const id of [order.id, another.id]) await post(staff, `/api/dispatch/orders/${id}/cancel`, { reason: '测试结束' }).expect(200);
    expect(await load(capped.id)).toBe(0);
  });

  it('lets the resident cancel only before the worker sets out; staff may cancel later, with a reason', async () => {
    const order = await placeOrder(t, wang, WANG);
    await post(staff, `/api/dispatch/orders/${order.id}/assign`, { workerId: zhaoWorker.id, reason: '人工派单' }).expect(200);
    await serviceDayHasCome(t, order.id);
    await post(zhaoWorker.login, `/api/worker/orders/${order.id}/set-out`).expect(200);
    await post(wang, `/api/home-orders/${order.id}/cancel`, { reason: '不需要了' })
      .expect(409)
      .expect((r) => expect(r.body.code).toBe('INVALID_TRANSITION'));
    await post(staff, `/api/dispatch/orders/${order.id}/cancel`, {}).expect(400);
    await post(staff, `/api/dispatch/orders/${order.id}/cancel`, { reason: '居民来电取消' })
      .expect(200)
      .expect((r) => expect(r.body.status).toBe('cancelled'));
    expect(await load(zhaoWorker.id)).toBe(0);
    // Nothing moves a cancelled order.
    await post(zhaoWorker.login, `/api/worker/orders/${order.id}/start`).expect(409);

    const early = await placeOrder(t, wang, WANG);
    await post(wang, `/api/home-orders/${early.id}/cancel`, { reason: '家里有人帮忙了' })
      .expect(200)
      .expect((r) => expect(r.body.status).toBe('cancelled'));
  });

  it('refuses steps out of order and steps on orders the worker does not hold', async () => {
    const order = await placeOrder(t, wang, WANG);
    await post(staff, `/api/dispatch/orders/${order.id}/assign`, { workerId: zhaoWorker.id, reason: '人工派单' }).expect(200);
    await post(zhaoWorker.login, `/api/worker/orders/${order.id}/complete`, { note: '完成' })
      .expect(409)
      .expect((r) => expect(r.body).toMatchObject({ code: 'INVALID_TRANSITION', details: { status: 'accepted' } }));
    await post(zhaoWorker.login, `/api/worker/orders/${order.id}/start`).expect(409);
    await post(qian.login, `/api/worker/orders/${order.id}/set-out`).expect(404);
    await get(qian.login, `/api/worker/orders/${order.id}`).expect(404);
    await post(wang, `/api/home-orders/${order.id}/confirm`).expect(409);
    await post(wang, `/api/home-orders/${order.id}/rating`, { score: 5 }).expect(409);
    await post(wang, `/api/home-orders/${order.id}/rating`, { score: 6 }).expect(400);
    await post(staff, `/api/dispatch/orders/${order.id}/cancel`, { reason: '测试结束' }).expect(200);
  });

  it('takes complaints to staff, who resolve them with a note', async () => {
    const order = await placeOrder(t, wang, WANG);
    await post(staff, `/api/dispatch/orders/${order.id}/assign`, { workerId: zhaoWorker.id, reason: '人工派单' }).expect(200);
    await fulfil(t, zhaoWorker, order.id);
    await post(wang, `/api/home-orders/${order.id}/complaint`, { reason: '卫生间没有打扫' })
      .expect(200)
      .expect((r) => expect(r.body.status).toBe('disputed'));
    expect((await get(staff, '/api/dispatch/board').expect(200)).body.disputed.map((o: { id: string }) => o.id)).toContain(order.id);
    await post(staff, `/api/dispatch/orders/${order.id}/resolve`, { reason: '已安排师傅返工并致歉' })
      .expect(200)
      .expect((r) => expect(r.body.status).toBe('confirmed'));
    const timeline = (await orderOf(order.id)).timeline;
    expect(timeline.at(-1)).toMatchObject({ event: 'resolve', actor: 'staff', reason: '已安排师傅返工并致歉' });
  });

  it('auto-confirms completed orders after the configured days, warns staff once about late orders, and writes the outbox', async () => {
    const order = await placeOrder(t, wang, WANG);
    await post(staff, `/api/dispatch/orders/${order.id}/assign`, { workerId: zhaoWorker.id, reason: '人工派单' }).expect(200);
    await fulfil(t, zhaoWorker, order.id);
    await dispatcher.sweepAutoConfirm(new Date(Date.now() + 2 * 24 * 3600_000));
    expect((await orderOf(order.id)).status).toBe('completed');
    await dispatcher.sweepAutoConfirm(new Date(Date.now() + 4 * 24 * 3600_000));
    expect((await orderOf(order.id)).timeline.at(-1)).toMatchObject({ event: 'confirm', actor: 'system' });

    const late = await placeOrder(t, wang, WANG); // escalated, window starts tomorrow
    const tomorrow = new Date(Date.now() + 25 * 3600_000);
    expect(await dispatcher.sweepLateOrders(new Date())).toBe(0);
    expect(await dispatcher.sweepLateOrders(tomorrow)).toBeGreaterThanOrEqual(1);
    expect(await dispatcher.sweepLateOrders(tomorrow)).toBe(0);
    const warnings = await t.dataSource.query(`SELECT COUNT(*) AS n FROM outbox_message WHERE topic = 'order.sla_warning' AND payload LIKE '%${late.id}%'`);
    expect(Number(warnings[0].n)).toBe(1);
    const topics = (await t.dataSource.query(`SELECT DISTINCT topic FROM outbox_message WHERE topic LIKE 'order.%'`)).map((row: { topic: string }) => row.topic);
    expect(topics).toEqual(expect.arrayContaining(['order.offer', 'order.accept', 'order.complete', 'order.confirm', 'order.escalate', 'order.sla_warning']));
  });

  it('validates worker profiles: home services only, communities only, sane hours, a cap not below what they hold', async () => {
    const admin = await loginWithPassword(t, 'anxin.admin');
    const put = (body: object) => t.http().put(`/api/providers/${ANXIN}/workers/${qian.id}/dispatch-profile`).set(bearer(admin)).send(body);
    const valid = {
      skillServiceIds: [HOME_REPAIR],
      areaRegionIds: [stableId('region', '340104001001')],
      workingHours: [{ weekday: 1, ranges: [{ start: '08:00', end: '12:00' }] }],
      maxOpenOrders: 2,
    };
    await put({ ...valid, skillServiceIds: [stableId('service', 'social_insurance')] }).expect(400);
    await put({ ...valid, areaRegionIds: [stableId('region', '340104001')] }).expect(400);
    await put({ ...valid, workingHours: [{ weekday: 1, ranges: [{ start: '12:00', end: '08:00' }] }] }).expect(400);
    await put({ ...valid, unexpected: true }).expect(400);
    const held = [await placeOrder(t, wang, WANG), await placeOrder(t, wang, WANG)];
    for (const order of held) await post(staff, `/api/dispatch/orders/${order.id}/assign`, { workerId: qian.id, reason: '人工派单' }).expect(200);
    await put({ ...valid, maxOpenOrders: 1 })
      .expect(409)
      .expect((r) => expect(r.body.code).toBe('CONFLICT'));
    expect(await load(qian.id)).toBe(2);
    for (const order of held) await post(staff, `/api/dispatch/orders/${order.id}/cancel`, { reason: '测试结束' }).expect(200);
    const saved = await put(valid).expect(200);
    expect(saved.body).toMatchObject({ skills: [{ name: '家电水电维修上门' }], areas: [{ name: '安大社区' }], maxOpenOrders: 2 });
  });

  it('takes photos of the work from the worker who holds it, checks their type and size, and serves them by signed path', async () => {
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 1)]);
    const upload = (worker: TestWorker, orderId: string, bytes: Buffer, field = 'photo') =>
      t.http().post(`/api/worker/orders/${orderId}/photos`).set(bearer(worker.login)).attach(field, bytes, { filename: 'x.jpg', contentType: 'image/jpeg' });

    const order = await placeOrder(t, wang, WANG);
    await post(staff, `/api/dispatch/orders/${order.id}/assign`, { workerId: zhaoWorker.id, reason: '人工派单' }).expect(200);
    await upload(zhaoWorker, order.id, jpeg)
      .expect(409)
      .expect((r) => expect(r.body.code).toBe('INVALID_TRANSITION')); // not started yet
    await serviceDayHasCome(t, order.id);
    await post(zhaoWorker.login, `/api/worker/orders/${order.id}/set-out`).expect(200);
    await post(zhaoWorker.login, `/api/worker/orders/${order.id}/start`).expect(200);

    const first = await upload(zhaoWorker, order.id, jpeg).expect(201);
    await upload(zhaoWorker, order.id, png).expect(201);
    await upload(zhaoWorker, order.id, Buffer.from('GIF89a not allowed'))
      .expect(415)
      .expect((r) => expect(r.body.code).toBe('UNSUPPORTED_MEDIA_TYPE'));
    await upload(zhaoWorker, order.id, Buffer.concat([jpeg, Buffer.alloc(2 * 1024 * 1024)]))
      .expect(413)
      .expect((r) => expect(r.body.code).toBe('PAYLOAD_TOO_LARGE'));
    await upload(zhaoWorker, order.id, jpeg, 'picture').expect(400);
    await post(zhaoWorker.login, `/api/worker/orders/${order.id}/photos`, { photo: 'base64?' }).expect(415);
    await upload(qian, order.id, jpeg).expect(404);

    const image = await t.http().get(`/api${first.body.path}`).expect(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(image.body as Buffer, jpeg)).toBe(0);
    const [reference] = first.body.path.split('/').slice(-1);
    await t
      .http()
      .get(`/api/order-photos/${reference.slice(0, -2)}xx`)
      .expect(404);
    await t.http().get('/api/order-photos/not-a-reference').expect(404);

    for (let index = 2; index < 6; index++) await upload(zhaoWorker, order.id, jpeg).expect(201);
    await upload(zhaoWorker, order.id, jpeg)
      .expect(409)
      .expect((r) => expect(r.body.code).toBe('CONFLICT'));
    await post(zhaoWorker.login, `/api/worker/orders/${order.id}/complete`, { note: '已完成，照片已上传' }).expect(200);
    const seen = await get(wang, `/api/home-orders/${order.id}`).expect(200);
    expect(seen.body.photos).toHaveLength(6);
    await t.http().get(`/api${seen.body.photos[1].path}`).expect(200).expect('content-type', 'image/png');
  });

  it('answers a retried request with the same Idempotency-Key with the first order, and refuses the key for another', async () => {
    const body = {
      centreId: stableId('centre', 'C340104001001'),
      serviceId: stableId('service', 'home_cleaning'),
      residentId: WANG,
      address: '蜀山区肥西路 3 号院 5 栋 201',
      windowStartsAt: new Date(Date.now() + 30 * 3600_000).toISOString(),
      windowEndsAt: new Date(Date.now() + 32 * 3600_000).toISOString(),
      description: '重复提交测试',
    };
    const send = (payload: object) => t.http().post('/api/home-orders').set(bearer(wang)).set('idempotency-key', 'home-order-retry-0001').send(payload);
    const answers = await Promise.all([send(body), send(body), send(body)]);
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    const [row] = await t.dataSource.query(`SELECT COUNT(*) AS n FROM service_order WHERE description = '重复提交测试'`);
    expect(Number(row.n)).toBe(1);
    await send({ ...body, description: '另一件事' })
      .expect(422)
      .expect((r) => expect(r.body.code).toBe('IDEMPOTENCY_KEY_REUSED'));
    await post(staff, `/api/dispatch/orders/${answers[0].body.id}/cancel`, { reason: '测试结束' }).expect(200);
  });

  it("puts an order in the queue of the person's community, even when a street centre arranges it", async () => {
    const li = await loginWithWechat(t, 'demo-openid-li-ming');
    const father = stableId('resident', 'li-jianguo');
    const order = await t
      .http()
      .post('/api/home-orders')
      .set(bearer(li))
      .send({
        centreId: stableId('centre', 'C340104001'),
        serviceId: stableId('service', 'home_cleaning'),
        residentId: father,
        address: '蜀山区肥西路 3 号院 2 栋 102',
        windowStartsAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
        windowEndsAt: new Date(Date.now() + 27 * 3600_000).toISOString(),
        description: '给父亲家打扫',
      })
      .expect(201);
    // 安大社区 staff oversee it (李建国 lives in 安大社区) although 三里庵街道市民中心 arranges it.
    await get(staff, `/api/dispatch/orders/${order.body.id}`).expect(200);
    expect((await get(staff, '/api/dispatch/board').expect(200)).body.escalated.map((o: { id: string }) => o.id)).toContain(order.body.id);
    await get(await loginWithPassword(t, 'nanping.staff'), `/api/dispatch/orders/${order.body.id}`).expect(404);
    await post(staff, `/api/dispatch/orders/${order.body.id}/cancel`, { reason: '测试结束' }).expect(200);
  });

  it('shows the pool only to workers who could take from it: online and under their cap', async () => {
    await t.dataSource.query(`UPDATE community_service SET dispatch_mode = 'grab' WHERE id = '${HOME_REPAIR}'`);
    const capped = await addWorker(t, '吴师傅', 'dispatch-worker-wu', 1);
    const order = await placeOrder(t, wang, WANG, HOME_REPAIR);
    const poolOf = async (worker: TestWorker) => (await get(worker.login, '/api/worker/pool').expect(200)).body.items.map((o: { id: string }) => o.id);
    expect(await poolOf(capped)).toEqual([]); // offline
    await post(capped.login, `/api/worker/pool/${order.id}/grab`)
      .expect(409)
      .expect((r) => expect(r.body.code).toBe('WORKER_OFFLINE'));
    await goOnline(t, capped);
    expect(await poolOf(capped)).toContain(order.id);
    await post(capped.login, `/api/worker/pool/${order.id}/grab`).expect(200);
    const another = await placeOrder(t, wang, WANG, HOME_REPAIR);
    expect(await poolOf(capped)).toEqual([]); // at the cap of 1
    await post(capped.login, `/api/worker/pool/${another.id}/grab`)
      .expect(409)
      .expect((r) => expect(r.body.code).toBe('WORKER_AT_CAPACITY'));
    for (const id of [order.id, another.id]) await post(staff, `/api/dispatch/orders/${id}/cancel`, { reason: '测试结束' }).expect(200);
    await goOffline(t, capped);
    await t.dataSource.query(`UPDATE community_service SET dispatch_mode = 'assign' WHERE id = '${HOME_REPAIR}'`);
  });
});
