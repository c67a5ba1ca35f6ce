import type { LoginResponse } from '@linli/shared';
import { ServiceOrder } from '../../src/modules/dispatch/service-order.entity';
import { stableId } from '../../src/seed/stable-id';
import { bearer, loginWithPassword, loginWithWechat } from './sessions';
import type { TestApp } from './test-app';

export const ANDA_CENTRE = stableId('centre', 'C340104001001');
export const ANXIN = stableId('provider', 'anxin');
export const ZHAO = stableId('worker', 'zhao');
export const HOME_CLEANING = stableId('service', 'home_cleaning');
export const HOME_REPAIR = stableId('service', 'home_repair');
/** 安大社区市民中心, where demo home orders are placed when the resident gives no point. */
export const ANDA_POINT = { latitude: 31.84437, longitude: 117.26219 };

/** Every day, all day: tests must not depend on the hour CI happens to run at. */
export const ALL_DAY = ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, ranges: [{ start: '00:00', end: '23:59' }] }));
export const ANDA_COMMUNITIES = ['340104001001', '340104001002'].map((code) => stableId('region', code));

/** A point `meters` north of 安大社区's centre. */
export const northOfAnda = (meters: number) => ({ latitude: ANDA_POINT.latitude + meters / 111_320, longitude: ANDA_POINT.longitude });

export interface TestWorker {
  id: string;
  login: LoginResponse;
}

/**
 * A worker of 安心家政 created, invited and bound through the API, with home cleaning and repair in 安大社区 all
 * day, and the given cap. The demo worker 赵师傅 is given the same profile.
 */
export async function addWorker(t: TestApp, name: string, openid: string, maxOpenOrders = 3): Promise<TestWorker> {
  const admin = await loginWithPassword(t, 'anxin.admin');
  const created = await t
    .http()
    .post(`/api/providers/${ANXIN}/workers`)
    .set(bearer(admin))
    .send({ name, phone: `1360551${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}` })
    .expect(201);
  const invitation = await t.http().post(`/api/providers/${ANXIN}/workers/${created.body.id}/invitation`).set(bearer(admin)).expect(201);
  await t
    .http()
    .post('/api/auth/wechat/worker-binding')
    .send({ code: t.wechat.mintLoginCode(openid), invitationCode: invitation.body.code })
    .expect(200);
  await setProfile(t, created.body.id, maxOpenOrders);
  return { id: created.body.id, login: await loginWithWechat(t, openid) };
}

export async function zhao(t: TestApp, maxOpenOrders = 3): Promise<TestWorker> {
  await setProfile(t, ZHAO, maxOpenOrders);
  return { id: ZHAO, login: await loginWithWechat(t, 'demo-openid-worker-zhao') };
}

async function setProfile(t: TestApp, workerId: string, maxOpenOrders: number): Promise<void> {
  const admin = await loginWithPassword(t, 'anxin.admin');
  await t
    .http()
    .put(`/api/providers/${ANXIN}/workers/${workerId}/dispatch-profile`)
    .set(bearer(admin))
    .send({ skillServiceIds: [HOME_CLEANING, HOME_REPAIR], areaRegionIds: ANDA_COMMUNITIES, workingHours: ALL_DAY, maxOpenOrders })
    .expect(200);
}

export async function goOnline(t: TestApp, worker: TestWorker, position = ANDA_POINT): Promise<void> {
  await t
    .http()
    .put('/api/worker/presence')
    .set(bearer(worker.login))
    .send({ online: true, ...position })
    .expect(200);
}

export async function goOffline(t: TestApp, worker: TestWorker): Promise<void> {
  await t.http().put('/api/worker/presence').set(bearer(worker.login)).send({ online: false }).expect(200);
}

/** A home order for `residentId` at 安大社区市民中心, placed by `by`, with a window starting tomorrow. */
export async function placeOrder(t: TestApp, by: LoginResponse, residentId: string, serviceId = HOME_CLEANING): Promise<{ id: string; status: string }> {
  const response = await t
    .http()
    .post('/api/home-orders')
    .set(bearer(by))
    .send({
      centreId: ANDA_CENTRE,
      serviceId,
      residentId,
      address: '蜀山区肥西路 3 号院 5 栋 201',
      windowStartsAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
      windowEndsAt: new Date(Date.now() + 27 * 3600_000).toISOString(),
      description: '厨房保洁',
      ...ANDA_POINT,
    })
    .expect(201);
  return response.body;
}

export async function currentOffer(t: TestApp, worker: TestWorker): Promise<{ id: string; expiresAt: string; order: { id: string } } | null> {
  return (await t.http().get('/api/worker/offer').set(bearer(worker.login)).expect(200)).body.offer;
}

/**
 * The service day has come: the order's window now began a minute ago and lasts three hours. Orders in tests are
 * placed for tomorrow, and a worker may set out only on the service day (shared setOutState).
 */
export async function serviceDayHasCome(t: TestApp, orderId: string): Promise<void> {
  const now = Date.now();
  await t.dataSource.getRepository(ServiceOrder).update(orderId, { windowStartsAt: new Date(now - 60_000), windowEndsAt: new Date(now + 3 * 3600_000) });
}

/** Moves a held order through set-out (on its service day), start and complete. */
export async function fulfil(t: TestApp, worker: TestWorker, orderId: string): Promise<void> {
  await serviceDayHasCome(t, orderId);
  await t.http().post(`/api/worker/orders/${orderId}/set-out`).set(bearer(worker.login)).expect(200);
  await t.http().post(`/api/worker/orders/${orderId}/start`).set(bearer(worker.login)).expect(200);
  await t.http().post(`/api/worker/orders/${orderId}/complete`).set(bearer(worker.login)).send({ note: '已打扫干净' }).expect(200);
}
