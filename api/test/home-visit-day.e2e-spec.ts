import { shanghaiDateOf, shanghaiTimeOf, type LoginResponse } from '@linli/shared';
import { ServiceOrder } from '../src/modules/dispatch/service-order.entity';
import { stableId } from '../src/seed/stable-id';
import { addWorker, goOffline, placeOrder, serviceDayHasCome, zhao, type TestWorker } from './support/dispatch';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

const WANG = stableId('resident', 'wang-xiuying');
const LI_JIANGUO = stableId('resident', 'li-jianguo');
const ZHAO_PHONE = '13705510009';
const WANG_PHONE = '13805510001';
const LI_MING_PHONE = '13805510002';
const LEAD_MINUTES = 30;

/**
 * The day of a home visit: a worker may set out only on the service day, from DISPATCH_SET_OUT_LEAD_MINUTES before
 * the window; the resident and the worker of a live order can get each other's number to call (audited), and
 * nobody else can; the resident reads the order's progress in plain words while staff keep the dispatcher's detail.
 */
describe('the day of a home visit: setting out, calling each other, and what the resident reads', () => {
  let t: TestApp;
  let wang: LoginResponse;
  let liMing: LoginResponse;
  let sun: LoginResponse;
  let staff: LoginResponse;
  let staffElsewhere: LoginResponse;
  let zhaoWorker: TestWorker;
  let qian: TestWorker;

  const post = (login: LoginResponse, path: string, body: object = {}) => t.http().post(path).set(bearer(login)).send(body);
  const get = (login: LoginResponse, path: string) => t.http().get(path).set(bearer(login));
  const orders = () => t.dataSource.getRepository(ServiceOrder);

  /** An order of `residentId`'s, placed by `by`, that staff gave to 赵师傅 (its window starts tomorrow). */
  async function heldByZhao(by = wang, residentId = WANG): Promise<string> {
    const order = await placeOrder(t, by, residentId);
    await post(staff, `/api/dispatch/orders/${order.id}/assign`, { workerId: zhaoWorker.id, reason: '人工派单' }).expect(200);
    return order.id;
  }

  async function windowStartsIn(orderId: string, minutes: number): Promise<Date> {
    const startsAt = new Date(Date.now() + minutes * 60_000);
    await orders().update(orderId, { windowStartsAt: startsAt, windowEndsAt: new Date(startsAt.getTime() + 3 * 3600_000) });
    return startsAt;
  }

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_IP: '10000', DISPATCH_SET_OUT_LEAD_MINUTES: String(LEAD_MINUTES) } });
    await t.seed();
    wang = await loginWithWechat(t, 'demo-openid-wang-xiuying');
    liMing = await loginWithWechat(t, 'demo-openid-li-ming');
    sun = await loginWithWechat(t, 'demo-openid-sun-guilan');
    staff = await loginWithPassword(t, 'anda.staff');
    staffElsewhere = await loginWithPassword(t, 'nanping.staff');
    zhaoWorker = await zhao(t);
    // Room for every order the tests give him (above what a provider may set).
    await t.dataSource.query(`UPDATE worker SET max_open_orders = 100 WHERE id = '${zhaoWorker.id}'`);
    qian = await addWorker(t, '钱师傅', 'visit-day-worker-qian');
    // Nobody online: every order goes to staff, who assign it.
    await goOffline(t, zhaoWorker);
    await goOffline(t, qian);
  });
  afterAll(() => t.close());

  describe('setting out', () => {
    it('tells the workbench the lead time it applies', async () => {
      const profile = await get(zhaoWorker.login, '/api/worker/profile').expect(200);
      expect(profile.body.setOutLeadMinutes).toBe(LEAD_MINUTES);
    });

    it('refuses 出发 the day before the visit, saying from when on the service day it is possible', async () => {
      const orderId = await heldByZhao();
      const { windowStartsAt } = await orders().findOneByOrFail({ id: orderId });
      const refused = await post(zhaoWorker.login, `/api/worker/orders/${orderId}/set-out`).expect(409);
      expect(refused.body.code).toBe('SET_OUT_TOO_EARLY');
      const opensAt = new Date(refused.body.details.opensAt);
      expect(shanghaiDateOf(opensAt)).toBe(shanghaiDateOf(windowStartsAt));
      expect(opensAt.getTime()).toBeGreaterThan(Date.now());
      expect(refused.body.message).toBe(`服务当天 ${shanghaiTimeOf(opensAt)} 后可出发`);
      // Nothing moved: the resident is not told the worker is coming.
      expect((await get(wang, `/api/home-orders/${orderId}`).expect(200)).body).toMatchObject({ status: 'accepted' });
      expect(Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM order_event WHERE order_id = '${orderId}' AND event = 'set_out'`))[0].n)).toBe(0);
    });

    it('refuses it earlier than the lead time before the window, and allows it once the window is near or has begun', async () => {
      const orderId = await heldByZhao();
      const startsAt = await windowStartsIn(orderId, 3 * 60);
      const refused = await post(zhaoWorker.login, `/api/worker/orders/${orderId}/set-out`).expect(409);
      const expectedOpening = Math.max(new Date(`${shanghaiDateOf(startsAt)}T00:00:00+08:00`).getTime(), startsAt.getTime() - LEAD_MINUTES * 60_000);
      expect(new Date(refused.body.details.opensAt).getTime()).toBe(expectedOpening);

      await serviceDayHasCome(t, orderId);
      const set = await post(zhaoWorker.login, `/api/worker/orders/${orderId}/set-out`).expect(200);
      expect(set.body.status).toBe('en_route');
      // Once on the way, a second tap is the state machine's business, not the clock's.
      await post(zhaoWorker.login, `/api/worker/orders/${orderId}/set-out`)
        .expect(409)
        .expect((r) => expect(r.body.code).toBe('INVALID_TRANSITION'));
    });

    it('still lets a late worker set out after the window has passed', async () => {
      const orderId = await heldByZhao();
      await orders().update(orderId, { windowStartsAt: new Date(Date.now() - 5 * 3600_000), windowEndsAt: new Date(Date.now() - 2 * 3600_000) });
      await post(zhaoWorker.login, `/api/worker/orders/${orderId}/set-out`).expect(200);
    });
  });

  describe('calling each other', () => {
    const callWorker = (login: LoginResponse, orderId: string) => post(login, `/api/home-orders/${orderId}/call`);
    const callResident = (worker: TestWorker, orderId: string) => post(worker.login, `/api/worker/orders/${orderId}/call`);

    it('gives the resident the worker’s number and the worker the resident’s, each time audited without the number', async () => {
      const orderId = await heldByZhao();
      expect((await callWorker(wang, orderId).expect(200)).body).toEqual({ phone: ZHAO_PHONE });
      expect((await callResident(zhaoWorker, orderId).expect(200)).body).toEqual({ phone: WANG_PHONE });

      const entries = await t.dataSource.query(
        `SELECT action, actor_role AS role, details FROM audit_entry WHERE target_id = '${orderId}' AND action LIKE '%phone_revealed' ORDER BY created_at`,
      );
      expect(entries.map((entry: { action: string; role: string }) => [entry.action, entry.role])).toEqual([
        ['service_order.worker_phone_revealed', 'resident'],
        ['service_order.resident_phone_revealed', 'worker'],
      ]);
      expect(JSON.stringify(entries)).not.toMatch(new RegExp(`${ZHAO_PHONE}|${WANG_PHONE}`));
      // Views keep the number masked.
      expect(JSON.stringify((await get(wang, `/api/home-orders/${orderId}`).expect(200)).body)).not.toContain(ZHAO_PHONE);
      expect(JSON.stringify((await get(zhaoWorker.login, `/api/worker/orders/${orderId}`).expect(200)).body)).not.toContain(WANG_PHONE);
    });

    it('lets a son call for his father, and the worker reach the father through the number registered for him', async () => {
      const orderId = await heldByZhao(liMing, LI_JIANGUO);
      expect((await callWorker(liMing, orderId).expect(200)).body).toEqual({ phone: ZHAO_PHONE });
      expect((await callResident(zhaoWorker, orderId).expect(200)).body).toEqual({ phone: LI_MING_PHONE });
    });

    it('reaches a household member without a phone through the resident who placed the order', async () => {
      const member = await post(liMing, '/api/household/members', {
        name: '李秀兰',
        relation: '母亲',
        address: '肥西路 3 号',
        communityId: stableId('region', '340104001001'),
      }).expect(201);
      const orderId = await heldByZhao(liMing, member.body.id);
      expect((await callResident(zhaoWorker, orderId).expect(200)).body).toEqual({ phone: LI_MING_PHONE });
    });

    it('gives nobody else either number: other residents, other workers, staff in or out of the region', async () => {
      const orderId = await heldByZhao();
      for (const stranger of [sun, liMing]) await callWorker(stranger, orderId).expect(404);
      for (const role of [staff, staffElsewhere, zhaoWorker.login, qian.login]) await callWorker(role, orderId).expect(403);
      await callResident(qian, orderId).expect(404);
      for (const role of [wang, staff, staffElsewhere]) await post(role, `/api/worker/orders/${orderId}/call`).expect(403);
      const leaked = await t.dataSource.query(`SELECT COUNT(*) AS n FROM audit_entry WHERE target_id = '${orderId}' AND action LIKE '%phone_revealed'`);
      expect(Number(leaked[0].n)).toBe(0);
    });

    it('is refused before a worker holds the order, and after it ends: confirmed, cancelled, or a day after completion', async () => {
      const waiting = await placeOrder(t, wang, WANG);
      await callWorker(wang, waiting.id)
        .expect(409)
        .expect((r) => expect(r.body).toMatchObject({ code: 'CALL_UNAVAILABLE', message: '服务人员接单后才能拨打电话' }));

      const done = await heldByZhao();
      await serviceDayHasCome(t, done);
      for (const step of ['set-out', 'start']) await post(zhaoWorker.login, `/api/worker/orders/${done}/${step}`).expect(200);
      await post(zhaoWorker.login, `/api/worker/orders/${done}/complete`, { note: '已打扫干净' }).expect(200);
      // Just finished: a forgotten key, a question about the work.
      await callWorker(wang, done).expect(200);
      await callResident(zhaoWorker, done).expect(200);
      await orders().update(done, { completedAt: new Date(Date.now() - 25 * 3600_000) });
      await callWorker(wang, done)
        .expect(409)
        .expect((r) => expect(r.body).toMatchObject({ code: 'CALL_UNAVAILABLE', details: { reason: 'order_closed' } }));
      await callResident(zhaoWorker, done).expect(409);
      await orders().update(done, { completedAt: new Date() });
      await post(wang, `/api/home-orders/${done}/confirm`).expect(200);
      await callWorker(wang, done).expect(409);
      await callResident(zhaoWorker, done).expect(409);

      const cancelled = await heldByZhao();
      await post(wang, `/api/home-orders/${cancelled}/cancel`, { reason: '不需要了' }).expect(200);
      await callWorker(wang, cancelled).expect(409);
      // The worker who held it is told the order is over.
      await callResident(zhaoWorker, cancelled).expect(409);
    });
  });

  describe('what the resident reads', () => {
    it('an order nobody could take reads 正在为您安排服务人员 for the resident; staff still see why', async () => {
      const order = await placeOrder(t, wang, WANG);
      const resident = (await get(wang, `/api/home-orders/${order.id}`).expect(200)).body;
      expect(resident.statusLabel).toBe('正在安排服务人员');
      expect(resident.timeline.map((entry: { label: string; reason: string | null }) => [entry.label, entry.reason])).toEqual([['正在为您安排服务人员', null]]);
      expect(JSON.stringify(resident)).not.toMatch(/派单|符合条件|在线服务人员/);
      const listed = (await get(wang, '/api/home-orders').expect(200)).body.items.find((item: { id: string }) => item.id === order.id);
      expect(listed.statusLabel).toBe('正在安排服务人员');

      const staffView = (await get(staff, `/api/dispatch/orders/${order.id}`).expect(200)).body;
      expect(staffView.statusLabel).toBe('社区人工派单中');
      expect(staffView.timeline).toEqual([expect.objectContaining({ event: 'escalate', label: '转社区人工派单', reason: '暂无符合条件的在线服务人员' })]);
    });
  });
});
