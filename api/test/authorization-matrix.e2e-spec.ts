import { addDays, CURRENT_PRIVACY_POLICY_VERSION, idNumberCheckCharacter, shanghaiDateOf, type LoginResponse } from '@linli/shared';
import { issueAccessToken } from '../src/common/security/access-token';
import { stableId } from '../src/seed/stable-id';
import { randomUUID } from 'node:crypto';
import { cellNumberOf, outletCsvHeader } from '@linli/shared';
import { OutletReport } from '../src/modules/outlets/outlet-report.entity';
import { InboxMessage } from '../src/modules/notifications/inbox-message.entity';
import { NotificationRelay } from '../src/modules/notifications/notification-relay';
import { OutboxMessage } from '../src/modules/outbox';
import { Outlet } from '../src/modules/outlets/outlet.entity';
import { DEMO_OUTLETS, demoOutletId } from '../src/seed/demo-outlets';
import { insertBookingHappeningNow } from './support/bookings';
import { DEMO_MEAL_POINT, demoDish, insertReadyMealOrder, mealPointBody } from './support/meals';
import { serviceDayHasCome } from './support/dispatch';
import { loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, TEST_SECRETS_ENV, type TestApp } from './support/test-app';
import { SUBSCRIBE_TEMPLATES_ENV, testTemplateId } from './support/wechat';
import { outTradeNoOf, startWechatPay } from './support/wechat-pay';

/**
 * The authorization matrix. It walks every route of the OpenAPI document (so a new route fails this test until
 * it has a row here) and calls each one as every kind of caller: the route's owner, in-scope staff, another
 * resident, staff of another region, an unrelated worker, an anonymous caller and more. Callers listed as allowed
 * must succeed; everyone else must get 401, 403 or 404 and the owner's data must not appear in what they get.
 * Every protected route also refuses tampered, expired, foreign-key and `alg: none` tokens.
 */

type Caller =
  | 'anonymous'
  | 'residentA' // 王秀英, 安大社区: owner of her own records
  | 'residentB' // 李明, 金寨路社区: acts for his father 李建国 (安大社区)
  | 'residentOther' // 孙桂兰, 包河区
  | 'freshResident' // a brand-new WeChat user, one per call (for routes that consume the caller)
  | 'staff' // 安大社区 staff: in scope for 安大社区 residents
  | 'staffOther' // 南屏社区 (包河区) staff
  | 'admin' // 蜀山区 admin
  | 'adminCity' // city admin: everything
  | 'adminOther' // 包河区 admin
  | 'providerAdmin' // 安心家政 (蜀山区)
  | 'providerAdminOther' // a 包河区 provider
  | 'worker' // 安心家政's worker
  | 'workerOther' // the other provider's worker
  | 'canteenAdmin'; // 安大社区长者食堂's provider_admin (runs the demo meal point); exercised only on rows that allow it

const ALL_CALLERS: Caller[] = [
  'anonymous',
  'residentA',
  'residentB',
  'residentOther',
  'staff',
  'staffOther',
  'admin',
  'adminCity',
  'adminOther',
  'providerAdmin',
  'providerAdminOther',
  'worker',
  'workerOther',
];
const RESIDENTS: Caller[] = ['residentA', 'residentB', 'residentOther'];
const EVERY_ROLE: Caller[] = ALL_CALLERS.filter((caller) => caller !== 'anonymous');

interface Fixtures {
  residentA: string;
  residentB: string;
  memberOfB: string;
  provider: string;
  worker: string;
  anotherWorkerOfProvider: string;
  throwawayStaffAccount: string;
  anda: string;
  shushan: string;
  sanlianStreet: string;
  centreAnda: string;
  bookingOfA: string;
  bookingDate: string;
  waitlistOfA: string;
  /** 王秀英's home-cleaning order, escalated (no worker online when it was placed). */
  homeOrderOfA: string;
  /** A grab-pool repair order of 王秀英's that nobody took. */
  poolOrder: string;
  /** An offer 赵师傅 already refused. */
  closedOffer: string;
  /** 赵师傅's orders in each state, for callers who must not move them. */
  acceptedOrder: string;
  enRouteOrder: string;
  inServiceOrder: string;
  completedOrder: string;
  disputedOrder: string;
  /** A signed path to a photo of 赵师傅's work. */
  photoPath: string;
  /** A signed path to a photo of a dish at the demo meal point. */
  dishPhotoPath: string;
  /** 李建国's lunch of tomorrow at the demo meal point, ordered by his son 李明 (placed, never cancelled here). */
  mealOrderOfB: string;
  /** 李建国's lunch paid by WeChat Pay, still unpaid (its parameters are asked for, its payment checked). */
  wechatPayOrderOfB: string;
  /** Another, whose payment notification every caller posts (WeChat Pay is the caller: the signature is the permission). */
  notifiedOrderOfB: string;
  /** A WeChat Pay top-up of 李建国's meal balance by 李明, not paid (its parameters are asked for, its payment checked). */
  topUpOfB: string;
  /** A meal of 李建国's ready at the demo point's counter today, and its six digits (only refused callers try it). */
  readyMealOrder: string;
  readyMealCode: string;
}

interface Call {
  path: string;
  body?: unknown;
  query?: Record<string, string>;
  /** Headers of the request itself (a WeChat Pay notification's signature). */
  headers?: Record<string, string>;
  /** Some routes consume the session (logout): call them with a fresh one. */
  freshSession?: boolean;
  /** A multipart file upload instead of a JSON body. */
  attach?: { field: string; bytes: Buffer; filename: string };
}

interface RouteCase {
  /** Callers that must succeed (2xx). Every other caller must be refused, except those in `skip`. */
  allowed: Caller[];
  /** Callers not exercised, with the reason in a comment at the row (e.g. the route would delete them). */
  skip?: Caller[];
  call: (f: Fixtures, caller: Caller) => Call | Promise<Call>;
  /** Text that must not appear in any refused or allowed-but-unrelated caller's response (owner's data). */
  secretOf?: (f: Fixtures) => string;
  /** Callers whose successful answers must still not contain `secretOf` (e.g. other residents' lists). */
  unrelated?: Caller[];
}

let sequence = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(sequence++).toString(36)}`;
const idNumber = (seed: number) => {
  const first17 = `3401041980${String((seed % 12) + 1).padStart(2, '0')}${String((seed % 28) + 1).padStart(2, '0')}${String((seed % 900) + 100)}`.slice(0, 17);
  return `${first17}${idNumberCheckCharacter(first17)}`;
};

describe('authorization matrix: every route, every kind of caller', () => {
  let t: TestApp;
  let wechatPay: Awaited<ReturnType<typeof startWechatPay>>;
  const sessions = new Map<Caller, LoginResponse>();
  let f: Fixtures;
  let loginSerial = 0;

  async function freshLogin(caller: Caller): Promise<LoginResponse> {
    switch (caller) {
      case 'residentA':
        return loginWithWechat(t, 'demo-openid-wang-xiuying');
      case 'residentB':
        return loginWithWechat(t, 'demo-openid-li-ming');
      case 'residentOther':
        return loginWithWechat(t, 'demo-openid-sun-guilan');
      case 'freshResident': {
        const login = await loginWithWechat(t, `matrix-fresh-${loginSerial++}`);
        await t.http().post('/api/me/privacy-consent').set('authorization', `Bearer ${login.tokens.accessToken}`).send({ version: CURRENT_PRIVACY_POLICY_VERSION }).expect(200);
        return login;
      }
      case 'staff':
        return loginWithPassword(t, 'anda.staff');
      case 'staffOther':
        return loginWithPassword(t, 'nanping.staff');
      case 'admin':
        return loginWithPassword(t, 'shushan.admin');
      case 'adminCity':
        return loginWithPassword(t, 'city.admin');
      case 'adminOther':
        return loginWithPassword(t, 'baohe.admin', 'Baohe-admin-2026');
      case 'providerAdmin':
        return loginWithPassword(t, 'anxin.admin');
      case 'providerAdminOther':
        return loginWithPassword(t, 'baohe.provider', 'Baohe-provider-2026');
      case 'worker':
        return loginWithWechat(t, 'demo-openid-worker-zhao');
      case 'workerOther':
        return loginWithWechat(t, 'matrix-worker-other');
      case 'canteenAdmin':
        return loginWithPassword(t, 'anda.canteen');
      case 'anonymous':
        throw new Error('anonymous callers have no session');
    }
  }

  async function tokenFor(caller: Caller, fresh: boolean): Promise<string | null> {
    if (caller === 'anonymous') return null;
    if (fresh || caller === 'freshResident') return (await freshLogin(caller)).tokens.accessToken;
    if (!sessions.has(caller)) sessions.set(caller, await freshLogin(caller));
    return sessions.get(caller)!.tokens.accessToken;
  }

  function send(method: string, call: Call, token: string | null) {
    const http = t.http();
    const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
    let request = http[verb](call.path);
    if (token) request = request.set('authorization', `Bearer ${token}`);
    if (call.query) request = request.query(call.query);
    if (call.headers) request = request.set(call.headers);
    if (call.attach) return request.attach(call.attach.field, call.attach.bytes, call.attach.filename);
    return call.body === undefined ? request : request.send(call.body as object);
  }

  /** A setup call that must succeed. */
  async function as(caller: Caller, method: string, path: string, body?: unknown) {
    const response = await send(method, { path, body }, await tokenFor(caller, false));
    if (response.status >= 300) throw new Error(`${method} ${path} as ${caller}: ${response.status} ${JSON.stringify(response.body)}`);
    return response;
  }

  beforeAll(async () => {
    // Hundreds of sign-ins from one test IP: lift the per-IP login throttle (tested in auth.e2e-spec.ts).
    wechatPay = await startWechatPay();
    // 模拟支付 on, so the demo's payment routes have callers who succeed (they are 404 for everyone otherwise).
    t = await startTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_IP: '10000', ...wechatPay.env, WECHATPAY_SIMULATE_PAYMENTS: 'true', ...SUBSCRIBE_TEMPLATES_ENV } });
    await t.seed();
    const region = (code: string) => stableId('region', code);

    // Another district's admin, provider, provider admin and worker, created through the API itself.
    await as('adminCity', 'POST', '/api/admin/staff-accounts', {
      username: 'baohe.admin',
      password: 'Baohe-admin-2026',
      displayName: '包河区管理员',
      regionId: region('340111'),
      role: 'admin',
    });
    const otherProvider = await as('adminCity', 'POST', '/api/providers', {
      name: '包河便民维修',
      regionId: region('340111'),
      adminUsername: 'baohe.provider',
      adminPassword: 'Baohe-provider-2026',
    });
    const otherWorker = await as('providerAdminOther', 'POST', `/api/providers/${otherProvider.body.id}/workers`, { name: '钱师傅', phone: '13605510008' });
    const invitation = await as('providerAdminOther', 'POST', `/api/providers/${otherProvider.body.id}/workers/${otherWorker.body.id}/invitation`);
    await t
      .http()
      .post('/api/auth/wechat/worker-binding')
      .send({ code: t.wechat.mintLoginCode('matrix-worker-other'), invitationCode: invitation.body.code })
      .expect(200);

    const provider = stableId('provider', 'anxin');
    const anotherWorker = await as('providerAdmin', 'POST', `/api/providers/${provider}/workers`, { name: '孙阿姨', phone: '13605510007' });
    const throwaway = await as('admin', 'POST', '/api/admin/staff-accounts', {
      username: 'anda.helper',
      password: 'Anda-helper-2026',
      displayName: '志愿者',
      regionId: region('340104001001'),
      role: 'staff',
    });

    f = {
      residentA: stableId('resident', 'wang-xiuying'),
      residentB: stableId('resident', 'li-ming'),
      memberOfB: stableId('resident', 'li-jianguo'),
      provider,
      worker: stableId('worker', 'zhao'),
      anotherWorkerOfProvider: anotherWorker.body.id,
      throwawayStaffAccount: throwaway.body.id,
      anda: region('340104001001'),
      shushan: region('340104'),
      sanlianStreet: region('340104001'),
      centreAnda: stableId('centre', 'C340104001001'),
      bookingOfA: '',
      bookingDate: '',
      waitlistOfA: '',
      homeOrderOfA: '',
      poolOrder: '',
      closedOffer: '',
      acceptedOrder: '',
      enRouteOrder: '',
      inServiceOrder: '',
      completedOrder: '',
      disputedOrder: '',
      photoPath: '',
      dishPhotoPath: '',
      mealOrderOfB: '',
      wechatPayOrderOfB: '',
      notifiedOrderOfB: '',
      topUpOfB: '',
      readyMealOrder: '',
      readyMealCode: '',
    };
    f.waitlistOfA = await waitFor(f, f.residentA);
    f.bookingOfA = await book(f, 'residentA', f.residentA);
    f.bookingDate = (await as('residentA', 'GET', '/api/bookings')).body.items.find((b: { id: string }) => b.id === f.bookingOfA).date;

    // 赵师傅 works all day (CI runs at any hour) with room for every order the matrix gives him; repairs go to the grab pool.
    await as('providerAdmin', 'PUT', `/api/providers/${f.provider}/workers/${f.worker}/dispatch-profile`, {
      skillServiceIds: [HOME_CLEANING, HOME_REPAIR],
      areaRegionIds: [f.anda],
      workingHours: ALL_DAY,
      maxOpenOrders: 10,
    });
    await t.dataSource.query(`UPDATE worker SET max_open_orders = 100 WHERE id = '${f.worker}'`);
    await t.dataSource.query(`UPDATE community_service SET dispatch_mode = 'grab' WHERE id = '${HOME_REPAIR}'`);
    f.homeOrderOfA = await homeOrder(f);
    f.poolOrder = await homeOrder(f, HOME_REPAIR);
    f.closedOffer = await openOffer(f);
    await as('worker', 'POST', `/api/worker/offers/${f.closedOffer}/reject`, { reason: '矩阵测试' });
    f.acceptedOrder = await assignedOrder(f);
    f.enRouteOrder = await enRouteOrder(f);
    f.inServiceOrder = await inServiceOrder(f);
    f.completedOrder = await completedOrder(f);
    f.disputedOrder = await disputedOrder(f);
    const photo = await t
      .http()
      .post(`/api/worker/orders/${f.inServiceOrder}/photos`)
      .set('authorization', `Bearer ${await tokenFor('worker', false)}`)
      .attach('photo', JPEG, 'work.jpg')
      .expect(201);
    f.photoPath = photo.body.path;
    const dishPhoto = await t
      .http()
      .post(`/api/meal-points/${DEMO_MEAL_POINT}/dish-photos`)
      .set('authorization', `Bearer ${await tokenFor('canteenAdmin', false)}`)
      .attach('photo', JPEG, 'dish.jpg')
      .expect(201);
    f.dishPhotoPath = dishPhoto.body.path;
    f.mealOrderOfB = await mealOrder(f);
    f.wechatPayOrderOfB = await mealOrder(f, 'wechat_pay');
    f.notifiedOrderOfB = await mealOrder(f, 'wechat_pay');
    f.topUpOfB = await wechatTopUp(f);
    ({ orderId: f.readyMealOrder, shortCode: f.readyMealCode } = await insertReadyMealOrder(t, f.memberOfB));
  });
  afterAll(async () => {
    await t.close();
    await wechatPay.fake.close();
  });

  const OPEN_WEEKDAYS = {
    weekly: ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, ranges: [{ start: '08:30', end: '12:00' }], slotMinutes: 30, seats: 3 })),
    policy: { bookingWindowDays: 14, minNoticeMinutes: 120, cancelCutoffMinutes: 0 },
  };
  const SOCIAL_INSURANCE = stableId('service', 'social_insurance');
  const STAFF_SIDE: Caller[] = ['staff', 'admin', 'adminCity'];
  let slotIndex = 0;

  /** The next free 社保医保代办 slot at 安大社区 (each call a new one, so no person hits the per-service limit). */
  async function nextSlot(f: Fixtures): Promise<string> {
    const slots = await t.http().get(`/api/centres/${f.centreAnda}/services/${SOCIAL_INSURANCE}/slots`).expect(200);
    return slots.body.items[slotIndex++].startsAt;
  }

  async function newAndaResident(): Promise<string> {
    const person = await as('staff', 'POST', '/api/staff/residents', {
      name: '矩阵测试居民',
      communityId: stableId('region', '340104001001'),
      phone: '13800009999',
      phoneOwner: 'relative',
    });
    return person.body.id;
  }

  const ACTIVITY_ROOM = stableId('service', 'activity_room');
  let venueSlotIndex = 0;

  /** The next 文化活动室 slot (one seat), filled by staff for a new resident so that only its waiting line is open. */
  async function fullVenueSlot(f: Fixtures): Promise<string> {
    const slots = await t.http().get(`/api/centres/${f.centreAnda}/services/${ACTIVITY_ROOM}/slots`).expect(200);
    const startsAt = slots.body.items[venueSlotIndex++].startsAt;
    await as('staff', 'POST', '/api/bookings', { centreId: f.centreAnda, serviceId: ACTIVITY_ROOM, startsAt, residentId: await newAndaResident(), groupSize: 2 });
    return startsAt;
  }

  /** A waiting-line place for a person in a new full slot, joined by 王秀英 (herself) or staff. */
  async function waitFor(f: Fixtures, residentId: string): Promise<string> {
    return (await as('residentA', 'POST', '/api/waitlist', { centreId: f.centreAnda, serviceId: ACTIVITY_ROOM, startsAt: await fullVenueSlot(f), residentId, groupSize: 2 })).body
      .id;
  }

  const homeOrderBody = (f: Fixtures, residentId: string) => ({
    centreId: f.centreAnda,
    serviceId: stableId('service', 'home_cleaning'),
    residentId,
    // Only 王秀英's orders carry her address: it is the secret the other residents must not see.
    address: residentId === f.residentA ? '蜀山区肥西路 3 号院 5 栋 201' : '蜀山区金寨路 162 号',
    windowStartsAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
    windowEndsAt: new Date(Date.now() + 27 * 3600_000).toISOString(),
    description: '厨房保洁',
  });

  const HOME_CLEANING = stableId('service', 'home_cleaning');
  const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 7)]);
  const HOME_REPAIR = stableId('service', 'home_repair');
  const ALL_DAY = ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, ranges: [{ start: '00:00', end: '23:59' }] }));

  /** A new home order of 王秀英's (escalated at once while 赵师傅 is offline; repairs wait in the grab pool). */
  async function homeOrder(f: Fixtures, serviceId = HOME_CLEANING): Promise<string> {
    return (await as('residentA', 'POST', '/api/home-orders', { ...homeOrderBody(f, f.residentA), serviceId })).body.id;
  }

  /** A new order in the staff queue: 赵师傅 goes offline first (the grab row leaves him online). */
  async function escalatedOrder(f: Fixtures): Promise<string> {
    await as('worker', 'PUT', '/api/worker/presence', { online: false });
    return homeOrder(f);
  }

  /** A new order offered to 赵师傅 (he goes online just for it, after refusing any offer still open). */
  async function openOffer(f: Fixtures): Promise<string> {
    const pending = (await as('worker', 'GET', '/api/worker/offer')).body.offer;
    if (pending) await as('worker', 'POST', `/api/worker/offers/${pending.id}/reject`, { reason: '矩阵测试' });
    await as('worker', 'PUT', '/api/worker/presence', { online: true });
    await homeOrder(f);
    const offer = (await as('worker', 'GET', '/api/worker/offer')).body.offer;
    await as('worker', 'PUT', '/api/worker/presence', { online: false });
    return offer.id;
  }

  /** An order 赵师傅 holds, on its service day (so he may set out). */
  async function assignedOrder(f: Fixtures): Promise<string> {
    const id = await homeOrder(f);
    await as('staff', 'POST', `/api/dispatch/orders/${id}/assign`, { workerId: f.worker, reason: '矩阵测试' });
    await serviceDayHasCome(t, id);
    return id;
  }

  async function enRouteOrder(f: Fixtures): Promise<string> {
    const id = await assignedOrder(f);
    await as('worker', 'POST', `/api/worker/orders/${id}/set-out`);
    return id;
  }

  async function inServiceOrder(f: Fixtures): Promise<string> {
    const id = await enRouteOrder(f);
    await as('worker', 'POST', `/api/worker/orders/${id}/start`);
    return id;
  }

  async function completedOrder(f: Fixtures): Promise<string> {
    const id = await inServiceOrder(f);
    await as('worker', 'POST', `/api/worker/orders/${id}/complete`, { note: '矩阵测试完成' });
    return id;
  }

  async function disputedOrder(f: Fixtures): Promise<string> {
    const id = await completedOrder(f);
    await as('residentA', 'POST', `/api/home-orders/${id}/complaint`, { reason: '矩阵测试投诉' });
    return id;
  }

  async function book(f: Fixtures, by: Caller, residentId: string): Promise<string> {
    return (await as(by, 'POST', '/api/bookings', { centreId: f.centreAnda, serviceId: SOCIAL_INSURANCE, startsAt: await nextSlot(f), residentId })).body.id;
  }

  const memberBody = () => ({ name: '李秀兰', relation: '母亲', idNumber: idNumber(sequence++), address: '肥西路 3 号', communityId: stableId('region', '340104001001') });
  const centreBody = (f: Fixtures) => ({
    name: '测试市民中心',
    regionId: f.anda,
    address: '测试路 1 号',
    phone: '0551-65100000',
    openingHours: '周一至周五 9:00-17:00',
    latitude: 31.84,
    longitude: 117.26,
  });

  /** A 70–79 lunch subsidy of 蜀山区 starting `daysAhead` days from today (Shanghai). */
  const mealRuleBody = (daysAhead: number) => ({
    name: '矩阵测试助餐补贴',
    effectiveFrom: addDays(shanghaiDateOf(new Date()), daysAhead),
    effectiveTo: null,
    mealKinds: ['lunch'],
    eligibility: { age: { min: 70, max: 79 }, hardshipsAny: null, residency: 'registered_or_resident' },
    amount: { kind: 'fixed', fen: 300 },
    specialDietExtra: null,
    delivery: null,
    caps: { mealsPerDayPerKind: 1, mealsPerMonth: null, fenPerMonth: null },
    stacks: false,
  });

  /** A scheme of 蜀山区 that comes into force tomorrow (so it may still be withdrawn or followed by a version). */
  async function newMealScheme(f: Fixtures): Promise<{ id: string; schemeId: string }> {
    return (await as('admin', 'POST', `/api/admin/districts/${f.shushan}/meal-subsidy-rules`, mealRuleBody(1))).body;
  }

  const MEAL_RUNNERS: Caller[] = ['canteenAdmin', 'staff', 'admin', 'adminCity'];
  const MEAL_READERS: Caller[] = [...RESIDENTS, 'staff', 'staffOther', 'admin', 'adminCity', 'adminOther', 'providerAdmin', 'providerAdminOther', 'canteenAdmin'];
  const ORDERING_FOR_B: Caller[] = ['residentB', 'staff', 'admin', 'adminCity'];
  const mealDay = (daysAhead: number) => addDays(shanghaiDateOf(new Date()), daysAhead);
  let closedDays = 0;
  /** 李建国's lunch of tomorrow at the demo point: 杂粮饭 (unlimited), 到店付. */
  const mealOrderBody = (f: Fixtures) => ({
    mealPointId: DEMO_MEAL_POINT,
    residentId: f.memberOfB,
    mealDate: mealDay(1),
    mealKind: 'lunch',
    fulfilment: 'pickup',
    lines: [{ dishId: demoDish(mealDay(1), 'lunch', 2), quantity: 1 }],
  });

  async function mealOrder(f: Fixtures, paymentMethod = 'at_pickup'): Promise<string> {
    return (await as('residentB', 'POST', '/api/meal-orders', { ...mealOrderBody(f), paymentMethod })).body.id;
  }

  async function wechatTopUp(f: Fixtures): Promise<string> {
    return (await as('residentB', 'POST', `/api/meal-balances/${f.memberOfB}/wechat-top-ups`, { amountFen: 5000 })).body.id;
  }

  const ANDA_OUTLET = demoOutletId('anda-breakfast');
  const STAFF_AND_ADMINS: Caller[] = ['staff', 'staffOther', 'admin', 'adminCity', 'adminOther'];
  const OUTLET_READERS: Caller[] = [...RESIDENTS, ...STAFF_AND_ADMINS];

  /** The demo breakfast shop of 安大社区 as staff send it, under another name when asked. */
  function outletBody(f: Fixtures, name: string) {
    const demo = DEMO_OUTLETS.find((outlet) => outlet.key === 'anda-breakfast')!;
    const { key: _key, communityCode: _code, latitudeE6, longitudeE6, ...fields } = demo;
    return { ...fields, name, regionId: f.anda, latitude: latitudeE6 / 1e6, longitude: longitudeE6 / 1e6, photoUrls: [] };
  }

  /** A fresh outlet of 安大社区 for each caller allowed to remove one. */
  async function newAndaOutlet(f: Fixtures): Promise<string> {
    const id = randomUUID();
    const [latitudeE6, longitudeE6] = [31_845_000, 117_262_000];
    await t.dataSource.getRepository(Outlet).insert({
      id,
      name: unique('矩阵网点'),
      kind: 'repair',
      regionId: f.anda,
      address: '矩阵地址',
      latitudeE6,
      longitudeE6,
      cell: cellNumberOf(latitudeE6, longitudeE6),
      phone: '0551-65100000',
      hours: { weekly: [], dated: [] },
      services: [],
      photoUrls: [],
      elderFeatures: [],
      verifiedOn: null,
    });
    return id;
  }

  let outletPhoto: Promise<string> | undefined;

  /** The signed path of a photo 安大社区's staff uploaded to an outlet made for it (uploaded once). */
  function outletPhotoPath(f: Fixtures): Promise<string> {
    outletPhoto ??= (async () => {
      const uploaded = await t
        .http()
        .post(`/api/staff/outlets/${await newAndaOutlet(f)}/photos`)
        .set('authorization', `Bearer ${await tokenFor('staff', false)}`)
        .attach('photo', JPEG, 'shop.jpg')
        .expect(201);
      return (uploaded.body as { photoUrls: string[] }).photoUrls[0];
    })();
    return outletPhoto;
  }

  /** A fresh open report about the demo breakfast shop, as a resident would leave it. */
  async function newOutletReport(f: Fixtures): Promise<string> {
    const id = randomUUID();
    const reason = 'wrong_hours' as const;
    await t.dataSource.getRepository(OutletReport).insert({
      id,
      outletId: ANDA_OUTLET,
      outletSource: 'directory',
      outletName: '安大老王早餐',
      regionId: f.anda,
      reason,
      note: '矩阵反馈',
      reporterAccountId: randomUUID(),
      createdAt: new Date(),
    });
    return id;
  }

  let inboxMessageOfA: Promise<string> | undefined;
  /** Set once the message exists: the id no caller but 王秀英 may see. */
  let inboxSecret = '';

  /** 王秀英's 消息 about her booking: the relay (its timer is off in tests) delivers what the fixtures queued, once. */
  function inboxMessageOfResidentA(): Promise<string> {
    inboxMessageOfA ??= (async () => {
      const relay = t.app.get(NotificationRelay);
      while ((await relay.relayDue()) > 0);
      const message = await t.dataSource.getRepository(InboxMessage).findOneByOrFail({ accountId: stableId('account', 'resident-wang'), topic: 'booking.confirmed' });
      inboxSecret = message.id;
      return message.id;
    })();
    return inboxMessageOfA;
  }

  let listedDeadLetter: Promise<string> | undefined;
  let deadLetterSecret = '';

  /**
   * A fresh dead message naming 安大社区 (a meal not taken in): staff of 安大社区 and the admins above it may see and
   * retry it, other regions' may not. A message naming no region is the city admin's alone (notifications.e2e-spec).
   */
  async function newDeadLetter(f: Fixtures): Promise<string> {
    const id = randomUUID();
    const now = new Date();
    await t.dataSource.getRepository(OutboxMessage).insert({
      id,
      topic: 'meal_order.not_at_home',
      payload: {
        orderId: randomUUID(),
        residentId: f.memberOfB,
        communityId: f.anda,
        mealPointId: DEMO_MEAL_POINT,
        mealDate: '2026-12-02',
        mealKind: 'lunch',
        reportedAt: now.toISOString(),
      },
      createdAt: now,
      state: 'dead',
      availableAt: now,
      attempts: 8,
      claimToken: null,
      leaseUntil: null,
      lastError: 'wechat: 47003 矩阵失败',
      scheduleKey: null,
      deliveredAt: null,
    });
    return id;
  }

  /** The matrix. Keys are "METHOD /openapi/path". */
  const MATRIX: Record<string, RouteCase> = {
    // --- public ---
    'GET /api/health': { allowed: ALL_CALLERS, call: () => ({ path: '/api/health' }) },
    'GET /api/health/ready': { allowed: ALL_CALLERS, call: () => ({ path: '/api/health/ready' }) },
    'GET /api/regions/communities': { allowed: ALL_CALLERS, call: () => ({ path: '/api/regions/communities' }) },
    'GET /api/centres': { allowed: ALL_CALLERS, call: () => ({ path: '/api/centres' }) },
    'GET /api/centres/nearby': { allowed: ALL_CALLERS, call: () => ({ path: '/api/centres/nearby', query: { latitude: '31.845', longitude: '117.26' } }) },
    // Each staff member and admin gets the centres of their own area: 安大社区's is not among another area's.
    'GET /api/staff/centres': {
      allowed: ['staff', 'staffOther', 'admin', 'adminCity', 'adminOther'],
      call: () => ({ path: '/api/staff/centres' }),
      secretOf: () => '安大社区市民中心',
      unrelated: ['staffOther', 'adminOther'],
    },
    'GET /api/regions/{regionId}/children': { allowed: ALL_CALLERS, call: (f) => ({ path: `/api/regions/${f.shushan}/children` }) },
    'GET /api/auth/demo/accounts': { allowed: ALL_CALLERS, call: () => ({ path: '/api/auth/demo/accounts' }) },
    'POST /api/auth/demo/login': { allowed: ALL_CALLERS, call: () => ({ path: '/api/auth/demo/login', body: { accountId: stableId('account', 'staff-anda') } }) },
    'POST /api/auth/wechat/login': { allowed: ALL_CALLERS, call: () => ({ path: '/api/auth/wechat/login', body: { code: t.wechat.mintLoginCode(unique('matrix-login-')) } }) },
    'POST /api/auth/password/login': { allowed: ALL_CALLERS, call: () => ({ path: '/api/auth/password/login', body: { username: 'sanlian.staff', password: 'Linli@2026' } }) },
    'POST /api/auth/refresh': {
      allowed: ALL_CALLERS,
      call: async () => ({ path: '/api/auth/refresh', body: { refreshToken: (await loginWithPassword(t, 'sanlian.staff')).tokens.refreshToken } }),
    },
    'POST /api/auth/wechat/worker-binding': {
      allowed: ALL_CALLERS,
      call: async (f) => {
        const worker = await as('providerAdmin', 'POST', `/api/providers/${f.provider}/workers`, { name: '新师傅', phone: '13605510006' });
        const invitation = await as('providerAdmin', 'POST', `/api/providers/${f.provider}/workers/${worker.body.id}/invitation`);
        return { path: '/api/auth/wechat/worker-binding', body: { code: t.wechat.mintLoginCode(unique('matrix-bind-')), invitationCode: invitation.body.code } };
      },
    },
    'POST /api/auth/wechat/member-claim': {
      allowed: ALL_CALLERS,
      call: async () => {
        const member = await as('residentB', 'POST', '/api/household/members', memberBody());
        const invitation = await as('residentB', 'POST', `/api/household/members/${member.body.id}/invitation`);
        return { path: '/api/auth/wechat/member-claim', body: { code: t.wechat.mintLoginCode(unique('matrix-claim-')), invitationCode: invitation.body.code } };
      },
    },

    'GET /api/catalogue': { allowed: ALL_CALLERS, call: () => ({ path: '/api/catalogue' }) },
    'GET /api/centres/{centreId}/services': { allowed: ALL_CALLERS, call: (f) => ({ path: `/api/centres/${f.centreAnda}/services` }) },
    'GET /api/services/{serviceId}': { allowed: ALL_CALLERS, call: () => ({ path: `/api/services/${stableId('service', 'elder_day_care')}` }) },

    // --- any signed-in account, acting on its own session ---
    'POST /api/auth/logout': { allowed: EVERY_ROLE, call: () => ({ path: '/api/auth/logout', freshSession: true }) },
    'GET /api/me': { allowed: EVERY_ROLE, call: () => ({ path: '/api/me' }) },
    // 长辈模式 and other settings of the mini program: every account its own (the account comes from the session).
    'GET /api/me/preferences': { allowed: EVERY_ROLE, call: () => ({ path: '/api/me/preferences' }) },
    'PUT /api/me/preferences': { allowed: EVERY_ROLE, call: () => ({ path: '/api/me/preferences', body: { elderMode: 'on' } }) },

    // --- a resident's own records (no id: each resident only ever reaches their own) ---
    'POST /api/me/privacy-consent': { allowed: RESIDENTS, call: () => ({ path: '/api/me/privacy-consent', body: { version: CURRENT_PRIVACY_POLICY_VERSION } }) },
    // WeChat subscribe messages: the people who receive them (residents, workers) ask and report for themselves.
    'GET /api/wechat/subscribe-templates': { allowed: [...RESIDENTS, 'worker', 'workerOther'], call: () => ({ path: '/api/wechat/subscribe-templates' }) },
    'POST /api/me/subscriptions': {
      allowed: [...RESIDENTS, 'worker', 'workerOther'],
      call: () => ({ path: '/api/me/subscriptions', body: { results: [{ templateId: testTemplateId('booking_result'), result: 'accept' }] } }),
    },
    'GET /api/me/profile': {
      allowed: RESIDENTS,
      call: () => ({ path: '/api/me/profile' }),
      secretOf: (f) => f.residentA,
      unrelated: ['residentB', 'residentOther'],
    },
    'PUT /api/me/profile': {
      allowed: ['freshResident'],
      skip: RESIDENTS, // it would overwrite the seeded people other rows rely on; residents are covered by freshResident
      call: () => ({ path: '/api/me/profile', body: { name: '新居民', communityId: stableId('region', '340104001001') } }),
    },
    'POST /api/me/phone': {
      allowed: ['freshResident'],
      skip: RESIDENTS, // as above: would rebind the seeded residents' phones
      call: () => ({ path: '/api/me/phone', body: { code: t.wechat.mintPhoneCode('13912345678') } }),
    },
    'GET /api/me/export': {
      allowed: RESIDENTS,
      call: () => ({ path: '/api/me/export' }),
      secretOf: (f) => f.residentA,
      unrelated: ['residentB', 'residentOther'],
    },
    'DELETE /api/me': {
      allowed: ['freshResident'],
      skip: RESIDENTS, // deleting the seeded residents would empty every later row; each resident can only delete themself
      call: () => ({ path: '/api/me' }),
    },

    // --- household: residentB acts for his father; nobody else may touch that link ---
    'GET /api/household/members': {
      allowed: RESIDENTS,
      call: () => ({ path: '/api/household/members' }),
      secretOf: (f) => f.memberOfB,
      unrelated: ['residentA', 'residentOther'],
    },
    'POST /api/household/members': { allowed: RESIDENTS, call: () => ({ path: '/api/household/members', body: memberBody() }) },
    'PUT /api/household/members/{memberId}': {
      allowed: ['residentB'],
      call: (f) => ({
        path: `/api/household/members/${f.memberOfB}`,
        body: { name: '李建国', relation: '父亲', address: '肥西路 3 号院 2 栋 102', communityId: stableId('region', '340104001001') },
      }),
      secretOf: (f) => f.memberOfB,
    },
    'DELETE /api/household/members/{memberId}': {
      allowed: ['residentB'],
      // The owner deletes a member created for this call; everyone else tries the father, who must survive.
      call: async (f, caller) => {
        if (caller !== 'residentB') return { path: `/api/household/members/${f.memberOfB}` };
        const member = await as('residentB', 'POST', '/api/household/members', memberBody());
        return { path: `/api/household/members/${member.body.id}` };
      },
    },
    'POST /api/household/members/{memberId}/invitation': { allowed: ['residentB'], call: (f) => ({ path: `/api/household/members/${f.memberOfB}/invitation` }) },

    // --- staff acting for residents of their region ---
    'GET /api/staff/residents': {
      allowed: ['staff', 'staffOther', 'admin', 'adminCity', 'adminOther'],
      call: () => ({ path: '/api/staff/residents', query: { name: '王' } }),
      secretOf: (f) => f.residentA,
      unrelated: ['staffOther', 'adminOther'],
    },
    'POST /api/staff/residents': {
      allowed: ['staff', 'admin', 'adminCity'],
      call: (f) => ({
        path: '/api/staff/residents',
        // With SMS switched on (decision 0020): only the staff and admins who may register her may say she can be texted.
        body: { name: '无手机老人', communityId: f.anda, phone: '13805519999', phoneOwner: 'relative', idNumber: idNumber(sequence++), smsNotifications: true },
      }),
    },
    'GET /api/staff/residents/{residentId}': { allowed: ['staff', 'admin', 'adminCity'], call: (f) => ({ path: `/api/staff/residents/${f.residentA}` }), secretOf: () => '王秀英' },
    'PUT /api/staff/residents/{residentId}': {
      allowed: ['staff', 'admin', 'adminCity'],
      call: (f) => ({
        path: `/api/staff/residents/${f.residentA}`,
        body: { name: '王秀英', communityId: f.anda, phone: '13805510001', phoneOwner: 'self', address: '蜀山区肥西路 3 号院 5 栋 201', smsNotifications: false },
      }),
      secretOf: () => '王秀英',
    },
    'PUT /api/staff/residents/{residentId}/sms-notifications': {
      allowed: ['staff', 'admin', 'adminCity'],
      // Switched on: the staff and admins who may edit her record may say she can be texted (her phone is on it).
      call: (f) => ({ path: `/api/staff/residents/${f.residentA}/sms-notifications`, body: { enabled: true } }),
      secretOf: () => '王秀英',
    },
    'PUT /api/staff/residents/{residentId}/phone': {
      allowed: ['staff', 'admin', 'adminCity'],
      // Her own number again, so what later routes read of her record is unchanged.
      call: (f) => ({ path: `/api/staff/residents/${f.residentA}/phone`, body: { phone: '13805510001', phoneOwner: 'self' } }),
      secretOf: () => '王秀英',
    },
    'POST /api/staff/residents/{residentId}/id-number/reveal': {
      allowed: ['staff', 'admin', 'adminCity'],
      call: (f) => ({ path: `/api/staff/residents/${f.residentA}/id-number/reveal` }),
      secretOf: () => '340104194803120',
    },

    // --- providers: overseen by the admins above their region; managed by their own admin ---
    'GET /api/providers': {
      allowed: ['staff', 'staffOther', 'admin', 'adminCity', 'adminOther', 'providerAdmin', 'providerAdminOther'],
      call: () => ({ path: '/api/providers' }),
      secretOf: (f) => f.provider,
      unrelated: ['staff', 'staffOther', 'adminOther', 'providerAdminOther'],
    },
    'POST /api/providers': {
      allowed: ['admin', 'adminCity'],
      call: (f) => ({ path: '/api/providers', body: { name: '新服务机构', regionId: f.shushan, adminUsername: unique('p.'), adminPassword: 'Provider-pass-2026' } }),
    },
    'PUT /api/providers/{providerId}/status': {
      allowed: ['admin', 'adminCity'],
      // A new organisation each call, so every allowed caller has one to suspend.
      call: async (f) => {
        const created = await as('adminCity', 'POST', '/api/providers', {
          name: '待暂停机构',
          regionId: f.shushan,
          adminUsername: unique('s.'),
          adminPassword: 'Provider-pass-2026',
        });
        return { path: `/api/providers/${created.body.id}/status`, body: { status: 'suspended', reason: '矩阵测试' } };
      },
    },
    'POST /api/provider-applications': {
      allowed: ['residentA', 'residentOther'],
      skip: ['residentB'], // 李明 has the demo's pending application (康乐), and one may wait at a time: 409 by design
      call: (f) => ({
        path: '/api/provider-applications',
        body: {
          name: '申请入驻的机构',
          kind: 'repair',
          regionId: f.anda,
          contactName: '张丽',
          contactPhone: '13905510123',
          creditCode: '91350100M000100Y43',
          adminUsername: unique('apply.'),
          adminPassword: 'Applicant-pass-2026',
        },
      }),
    },
    'GET /api/provider-applications/mine': { allowed: ['residentA', 'residentB', 'residentOther'], call: () => ({ path: '/api/provider-applications/mine' }) },
    'GET /api/providers/{providerId}/workers': {
      allowed: ['admin', 'adminCity', 'providerAdmin'],
      call: (f) => ({ path: `/api/providers/${f.provider}/workers` }),
      secretOf: (f) => f.worker,
    },
    'POST /api/providers/{providerId}/workers': {
      allowed: ['admin', 'adminCity', 'providerAdmin'],
      call: (f) => ({ path: `/api/providers/${f.provider}/workers`, body: { name: '临时工', phone: '13605510005' } }),
    },
    'PUT /api/providers/{providerId}/workers/{workerId}/dispatch-profile': {
      allowed: ['admin', 'adminCity', 'providerAdmin'],
      call: (f) => ({
        path: `/api/providers/${f.provider}/workers/${f.anotherWorkerOfProvider}/dispatch-profile`,
        body: { skillServiceIds: [HOME_CLEANING], areaRegionIds: [f.anda], workingHours: ALL_DAY, maxOpenOrders: 2 },
      }),
    },
    'PUT /api/providers/{providerId}/dispatch-mode': {
      allowed: ['admin', 'adminCity', 'providerAdmin'],
      call: (f) => ({ path: `/api/providers/${f.provider}/dispatch-mode`, body: { mode: 'assign' } }),
    },
    'POST /api/providers/{providerId}/workers/{workerId}/invitation': {
      allowed: ['admin', 'adminCity', 'providerAdmin'],
      call: (f) => ({ path: `/api/providers/${f.provider}/workers/${f.anotherWorkerOfProvider}/invitation` }),
    },

    // --- the catalogue: staff switch services at their centres; only the city admin edits the city-wide texts ---
    'PUT /api/staff/centres/{centreId}/services/{serviceId}': {
      allowed: ['staff', 'admin', 'adminCity'],
      call: (f) => ({ path: `/api/staff/centres/${f.centreAnda}/services/${stableId('service', 'elder_day_care')}`, body: { enabled: true, notes: '请携带老年优待证' } }),
    },
    'PUT /api/admin/services/{serviceId}': {
      allowed: ['adminCity'],
      call: () => ({
        path: `/api/admin/services/${stableId('service', 'mediation')}`,
        body: { name: '人民调解', description: '邻里纠纷、家庭矛盾由专职人民调解员免费调解。', materials: ['本人身份证'], minAge: null, maxActiveBookingsPerPerson: 3 },
      }),
    },

    // --- appointments ---
    'GET /api/centres/{centreId}/services/{serviceId}/slots': {
      allowed: ALL_CALLERS,
      call: (f) => ({ path: `/api/centres/${f.centreAnda}/services/${stableId('service', 'social_insurance')}/slots` }),
    },
    'GET /api/calendar/{year}': { allowed: ALL_CALLERS, call: () => ({ path: '/api/calendar/2026' }) },
    'GET /api/staff/centres/{centreId}/services/{serviceId}/schedule': {
      allowed: ['staff', 'admin', 'adminCity'],
      call: (f) => ({ path: `/api/staff/centres/${f.centreAnda}/services/${stableId('service', 'social_insurance')}/schedule` }),
    },
    'PUT /api/staff/centres/{centreId}/services/{serviceId}/schedule': {
      allowed: ['staff', 'admin', 'adminCity'],
      call: (f) => ({ path: `/api/staff/centres/${f.centreAnda}/services/${stableId('service', 'employment')}/schedule`, body: OPEN_WEEKDAYS }),
    },
    'PUT /api/staff/centres/{centreId}/services/{serviceId}/exceptions/{date}': {
      allowed: ['staff', 'admin', 'adminCity'],
      call: (f) => ({ path: `/api/staff/centres/${f.centreAnda}/services/${stableId('service', 'employment')}/exceptions/2027-01-04`, body: { kind: 'closed', reason: '培训' } }),
    },
    'DELETE /api/staff/centres/{centreId}/services/{serviceId}/exceptions/{date}': {
      allowed: ['staff', 'admin', 'adminCity'],
      // The owner removes an exception made for this call; everyone else tries the same date.
      call: async (f, caller) => {
        const path = `/api/staff/centres/${f.centreAnda}/services/${stableId('service', 'employment')}/exceptions/2027-01-05`;
        if (['staff', 'admin', 'adminCity'].includes(caller)) await as('staff', 'PUT', path, { kind: 'closed', reason: '培训' });
        return { path };
      },
    },
    'PUT /api/admin/calendar/{year}': {
      allowed: ['adminCity'],
      call: () => ({ path: '/api/admin/calendar/2027', body: { days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] } }),
    },
    'GET /api/admin/calendar-status': { allowed: ['adminCity'], call: () => ({ path: '/api/admin/calendar-status' }) },
    'POST /api/bookings': {
      allowed: ['residentA', 'residentB', 'staff', 'admin', 'adminCity'],
      // Each caller books someone they may act for (A herself, B his father, staff a new resident of 安大社区);
      // everyone else tries to book for 王秀英 and must be refused.
      call: async (f, caller) => {
        const residentId = caller === 'residentB' ? f.memberOfB : ['staff', 'admin', 'adminCity'].includes(caller) ? await newAndaResident() : f.residentA;
        return { path: '/api/bookings', body: { centreId: f.centreAnda, serviceId: SOCIAL_INSURANCE, startsAt: await nextSlot(f), residentId } };
      },
    },
    'GET /api/bookings': { allowed: RESIDENTS, call: () => ({ path: '/api/bookings' }), secretOf: (f) => f.bookingOfA, unrelated: ['residentB', 'residentOther'] },
    'POST /api/bookings/{bookingId}/cancel': {
      allowed: ['residentA', 'staff', 'admin', 'adminCity'],
      // Allowed callers cancel a booking made for this call; the others try 王秀英's long-lived one, which must survive.
      call: async (f, caller) => ({
        path: `/api/bookings/${caller === 'residentA' ? await book(f, 'residentA', f.residentA) : STAFF_SIDE.includes(caller) ? await book(f, 'staff', await newAndaResident()) : f.bookingOfA}/cancel`,
      }),
    },
    'POST /api/bookings/{bookingId}/reschedule': {
      allowed: ['residentA', ...STAFF_SIDE],
      call: async (f, caller) => ({
        path: `/api/bookings/${caller === 'residentA' ? await book(f, 'residentA', f.residentA) : STAFF_SIDE.includes(caller) ? await book(f, 'staff', await newAndaResident()) : f.bookingOfA}/reschedule`,
        body: { startsAt: await nextSlot(f) },
      }),
    },
    'POST /api/waitlist': {
      allowed: ['residentA', 'residentB', ...STAFF_SIDE],
      call: async (f, caller) => {
        const residentId = caller === 'residentB' ? f.memberOfB : STAFF_SIDE.includes(caller) ? await newAndaResident() : f.residentA;
        return { path: '/api/waitlist', body: { centreId: f.centreAnda, serviceId: ACTIVITY_ROOM, startsAt: await fullVenueSlot(f), residentId, groupSize: 2 } };
      },
    },
    'GET /api/waitlist': { allowed: RESIDENTS, call: () => ({ path: '/api/waitlist' }), secretOf: (f) => f.waitlistOfA, unrelated: ['residentB', 'residentOther'] },
    'POST /api/waitlist/{entryId}/leave': {
      allowed: ['residentA', ...STAFF_SIDE],
      call: async (f, caller) => ({ path: `/api/waitlist/${['residentA', ...STAFF_SIDE].includes(caller) ? await waitFor(f, f.residentA) : f.waitlistOfA}/leave` }),
    },
    'GET /api/bookings/{bookingId}/check-in-code': {
      allowed: ['residentA', ...STAFF_SIDE],
      call: (f) => ({ path: `/api/bookings/${f.bookingOfA}/check-in-code` }),
      secretOf: (f) => f.bookingOfA,
    },
    'POST /api/staff/check-ins': {
      allowed: STAFF_SIDE,
      // Allowed staff check in a booking happening now; the others try the same kind of code and must change nothing.
      call: async (f) => {
        const booking = await insertBookingHappeningNow(t, await newAndaResident());
        const code = (
          await t
            .http()
            .get(`/api/bookings/${booking}/check-in-code`)
            .set('authorization', `Bearer ${await tokenFor('staff', false)}`)
            .expect(200)
        ).body.code;
        return { path: '/api/staff/check-ins', body: { code, centreId: f.centreAnda } };
      },
    },
    'POST /api/home-orders': {
      allowed: ['residentA', 'residentB', ...STAFF_SIDE],
      call: async (f, caller) => {
        const residentId = caller === 'residentB' ? f.memberOfB : STAFF_SIDE.includes(caller) ? await newAndaResident() : f.residentA;
        return { path: '/api/home-orders', body: homeOrderBody(f, residentId) };
      },
    },
    'GET /api/home-orders': { allowed: RESIDENTS, call: () => ({ path: '/api/home-orders' }), secretOf: () => '肥西路 3 号院 5 栋 201', unrelated: ['residentB', 'residentOther'] },
    'GET /api/home-orders/{orderId}': { allowed: ['residentA'], call: (f) => ({ path: `/api/home-orders/${f.homeOrderOfA}` }), secretOf: () => '肥西路 3 号院 5 栋 201' },
    // The worker's full number: only the resident of the order, while a worker holds it.
    'POST /api/home-orders/{orderId}/call': { allowed: ['residentA'], call: (f) => ({ path: `/api/home-orders/${f.acceptedOrder}/call` }), secretOf: () => '13705510009' },
    'POST /api/home-orders/{orderId}/cancel': {
      allowed: ['residentA'],
      call: async (f, caller) => ({ path: `/api/home-orders/${caller === 'residentA' ? await homeOrder(f) : f.homeOrderOfA}/cancel`, body: { reason: '不需要了' } }),
    },
    'POST /api/home-orders/{orderId}/confirm': {
      allowed: ['residentA'],
      call: async (f, caller) => ({ path: `/api/home-orders/${caller === 'residentA' ? await completedOrder(f) : f.completedOrder}/confirm` }),
    },
    'POST /api/home-orders/{orderId}/rating': {
      allowed: ['residentA'],
      call: async (f, caller) => ({ path: `/api/home-orders/${caller === 'residentA' ? await completedOrder(f) : f.completedOrder}/rating`, body: { score: 5, comment: '很好' } }),
    },
    'POST /api/home-orders/{orderId}/complaint': {
      allowed: ['residentA'],
      call: async (f, caller) => ({ path: `/api/home-orders/${caller === 'residentA' ? await completedOrder(f) : f.completedOrder}/complaint`, body: { reason: '没有做完' } }),
    },

    // --- workers: their own profile and offers, pool orders they are eligible for, orders they hold ---
    'GET /api/worker/profile': { allowed: ['worker', 'workerOther'], call: () => ({ path: '/api/worker/profile' }) },
    'PUT /api/worker/presence': { allowed: ['worker', 'workerOther'], call: () => ({ path: '/api/worker/presence', body: { online: false } }) },
    'PUT /api/worker/position': { allowed: ['worker', 'workerOther'], call: () => ({ path: '/api/worker/position', body: { latitude: 31.84, longitude: 117.26 } }) },
    'GET /api/worker/offer': { allowed: ['worker', 'workerOther'], call: () => ({ path: '/api/worker/offer' }) },
    'POST /api/worker/offers/{offerId}/accept': {
      allowed: ['worker'],
      call: async (f, caller) => ({ path: `/api/worker/offers/${caller === 'worker' ? await openOffer(f) : f.closedOffer}/accept` }),
    },
    'POST /api/worker/offers/{offerId}/reject': {
      allowed: ['worker'],
      call: async (f, caller) => ({ path: `/api/worker/offers/${caller === 'worker' ? await openOffer(f) : f.closedOffer}/reject`, body: { reason: '时间冲突' } }),
    },
    'GET /api/worker/pool': { allowed: ['worker', 'workerOther'], call: () => ({ path: '/api/worker/pool' }) },
    'POST /api/worker/pool/{orderId}/grab': {
      allowed: ['worker'],
      call: async (f, caller) => {
        if (caller !== 'worker') return { path: `/api/worker/pool/${f.poolOrder}/grab` };
        await as('worker', 'PUT', '/api/worker/presence', { online: true });
        return { path: `/api/worker/pool/${await homeOrder(f, HOME_REPAIR)}/grab` };
      },
    },
    'GET /api/worker/orders': { allowed: ['worker', 'workerOther'], call: () => ({ path: '/api/worker/orders' }), secretOf: (f) => f.acceptedOrder, unrelated: ['workerOther'] },
    'GET /api/worker/orders/{orderId}': { allowed: ['worker'], call: (f) => ({ path: `/api/worker/orders/${f.acceptedOrder}` }), secretOf: () => '肥西路 3 号院 5 栋 201' },
    'POST /api/worker/orders/{orderId}/set-out': {
      allowed: ['worker'],
      call: async (f, caller) => ({ path: `/api/worker/orders/${caller === 'worker' ? await assignedOrder(f) : f.acceptedOrder}/set-out` }),
    },
    // The resident's full number: only the worker holding the order.
    'POST /api/worker/orders/{orderId}/call': { allowed: ['worker'], call: (f) => ({ path: `/api/worker/orders/${f.acceptedOrder}/call` }), secretOf: () => '13805510001' },
    'POST /api/worker/orders/{orderId}/start': {
      allowed: ['worker'],
      call: async (f, caller) => ({ path: `/api/worker/orders/${caller === 'worker' ? await enRouteOrder(f) : f.enRouteOrder}/start` }),
    },
    'POST /api/worker/orders/{orderId}/complete': {
      allowed: ['worker'],
      call: async (f, caller) => ({ path: `/api/worker/orders/${caller === 'worker' ? await inServiceOrder(f) : f.inServiceOrder}/complete`, body: { note: '已完成' } }),
    },

    'POST /api/worker/orders/{orderId}/photos': {
      allowed: ['worker'],
      call: async (f, caller) => ({
        path: `/api/worker/orders/${caller === 'worker' ? await inServiceOrder(f) : f.inServiceOrder}/photos`,
        attach: { field: 'photo', bytes: JPEG, filename: 'work.jpg' },
      }),
    },
    // Public by design: the signed reference is the permission (handed out only in views of the order).
    'GET /api/order-photos/{reference}': { allowed: ALL_CALLERS, call: (f) => ({ path: `/api${f.photoPath}` }) },

    // --- staff dispatch, within their region ---
    'GET /api/dispatch/board': {
      allowed: ['staff', 'staffOther', 'admin', 'adminCity', 'adminOther'],
      call: () => ({ path: '/api/dispatch/board' }),
      secretOf: () => '肥西路 3 号院 5 栋 201',
      unrelated: ['staffOther', 'adminOther'],
    },
    'GET /api/dispatch/orders/{orderId}': { allowed: STAFF_SIDE, call: (f) => ({ path: `/api/dispatch/orders/${f.homeOrderOfA}` }), secretOf: () => '肥西路 3 号院 5 栋 201' },
    'GET /api/dispatch/orders/{orderId}/candidates': {
      allowed: STAFF_SIDE,
      call: (f) => ({ path: `/api/dispatch/orders/${f.homeOrderOfA}/candidates` }),
      secretOf: () => '赵师傅',
    },
    'POST /api/dispatch/orders/{orderId}/assign': {
      allowed: STAFF_SIDE,
      call: async (f, caller) => ({
        path: `/api/dispatch/orders/${STAFF_SIDE.includes(caller) ? await escalatedOrder(f) : f.homeOrderOfA}/assign`,
        body: { workerId: f.worker, reason: '电话确认' },
      }),
    },
    'POST /api/dispatch/orders/{orderId}/requeue': {
      allowed: STAFF_SIDE,
      call: async (f, caller) => ({ path: `/api/dispatch/orders/${STAFF_SIDE.includes(caller) ? await escalatedOrder(f) : f.homeOrderOfA}/requeue`, body: { reason: '重新派单' } }),
    },
    'POST /api/dispatch/orders/{orderId}/cancel': {
      allowed: STAFF_SIDE,
      call: async (f, caller) => ({
        path: `/api/dispatch/orders/${STAFF_SIDE.includes(caller) ? await escalatedOrder(f) : f.homeOrderOfA}/cancel`,
        body: { reason: '居民来电取消' },
      }),
    },
    'POST /api/dispatch/orders/{orderId}/resolve': {
      allowed: STAFF_SIDE,
      call: async (f, caller) => ({ path: `/api/dispatch/orders/${STAFF_SIDE.includes(caller) ? await disputedOrder(f) : f.disputedOrder}/resolve`, body: { reason: '已返工' } }),
    },
    'GET /api/staff/bookings/export': {
      allowed: STAFF_SIDE,
      call: (f) => ({ path: '/api/staff/bookings/export', query: { centreId: f.centreAnda, from: f.bookingDate, to: f.bookingDate } }),
      secretOf: () => '王秀英',
    },
    'GET /api/staff/statistics': {
      allowed: ['staff', 'staffOther', 'admin', 'adminCity', 'adminOther'],
      call: (f) => ({ path: '/api/staff/statistics', query: { from: f.bookingDate, to: f.bookingDate } }),
      secretOf: () => '社保医保代办',
      unrelated: ['staffOther', 'adminOther'],
    },
    'GET /api/staff/bookings': {
      allowed: ['staff', 'admin', 'adminCity'],
      call: (f) => ({ path: '/api/staff/bookings', query: { centreId: f.centreAnda, date: f.bookingDate } }),
      secretOf: () => '王秀英',
    },
    'POST /api/staff/bookings/{bookingId}/transitions': {
      allowed: STAFF_SIDE,
      call: async (f, caller) => ({
        path: `/api/staff/bookings/${STAFF_SIDE.includes(caller) ? await book(f, 'staff', await newAndaResident()) : f.bookingOfA}/transitions`,
        body: { event: 'mark_no_show' },
      }),
    },

    // --- administration inside the admin's subtree ---
    'POST /api/admin/regions': {
      allowed: ['admin', 'adminCity'],
      call: (f) => ({ path: '/api/admin/regions', body: { code: unique('R'), name: '新社区', level: 'community', parentId: f.sanlianStreet } }),
    },
    'PUT /api/admin/regions/{regionId}': { allowed: ['admin', 'adminCity'], call: (f) => ({ path: `/api/admin/regions/${f.anda}`, body: { name: '安大社区' } }) },
    'POST /api/admin/centres': { allowed: ['admin', 'adminCity'], call: (f) => ({ path: '/api/admin/centres', body: { ...centreBody(f), code: unique('C') } }) },
    'PUT /api/admin/centres/{centreId}': {
      allowed: ['admin', 'adminCity'],
      call: (f) => ({
        path: `/api/admin/centres/${f.centreAnda}`,
        body: {
          name: '安大社区市民中心',
          regionId: f.anda,
          address: '合肥市蜀山区肥西路 3 号安大东区北门旁',
          phone: '0551-65101011',
          openingHours: '周一至周五 8:30-12:00, 14:00-17:30',
          latitude: 31.84437,
          longitude: 117.26219,
        },
      }),
    },
    'GET /api/admin/audit': {
      allowed: ['admin', 'adminCity', 'adminOther'],
      call: () => ({ path: '/api/admin/audit', query: { action: 'resident.id_number_revealed' } }),
      secretOf: (f) => f.residentA,
      unrelated: ['adminOther'],
    },
    'POST /api/admin/staff-accounts': {
      allowed: ['admin', 'adminCity'],
      call: (f) => ({ path: '/api/admin/staff-accounts', body: { username: unique('s.'), password: 'Staff-pass-2026', displayName: '新同事', regionId: f.anda, role: 'staff' } }),
    },
    'PUT /api/admin/accounts/{accountId}/status': {
      allowed: ['admin', 'adminCity'],
      call: (f) => ({ path: `/api/admin/accounts/${f.throwawayStaffAccount}/status`, body: { status: 'active' } }),
    },

    // --- elder meals: profiles, subsidy rules, the meal balance (李建国, 安大社区, is 李明's father) ---
    'GET /api/meal-profiles/{residentId}': {
      allowed: ['residentB', 'staff', 'admin', 'adminCity'],
      call: (f) => ({ path: `/api/meal-profiles/${f.memberOfB}` }),
      secretOf: () => 'SS-2026-0117',
    },
    'PUT /api/staff/meal-profiles/{residentId}': {
      allowed: STAFF_SIDE,
      call: (f) => ({ path: `/api/staff/meal-profiles/${f.memberOfB}`, body: { registeredDistrictId: f.shushan } }),
    },
    'POST /api/staff/meal-profiles/{residentId}/hardships': {
      allowed: STAFF_SIDE,
      call: (f) => ({ path: `/api/staff/meal-profiles/${f.memberOfB}/hardships`, body: { category: 'living_alone', validFrom: '2026-01-01' } }),
      secretOf: () => 'SS-2026-0117',
    },
    'POST /api/staff/meal-profiles/{residentId}/hardships/{hardshipId}/end': {
      allowed: STAFF_SIDE,
      // Allowed callers end a record made for the call; everyone else tries 李建国's 低保, which must stay open.
      call: async (f, caller) => {
        const hardships = `/api/staff/meal-profiles/${f.memberOfB}/hardships`;
        const hardshipId = STAFF_SIDE.includes(caller)
          ? (await as('staff', 'POST', hardships, { category: 'living_alone', validFrom: '2026-01-01' })).body.hardships[0].id
          : stableId('hardship-record', 'li-jianguo-subsistence');
        return { path: `${hardships}/${hardshipId}/end`, body: { validTo: '2026-06-30' } };
      },
    },
    'GET /api/meal-balances/{residentId}': {
      allowed: ['residentB', 'staff', 'admin', 'adminCity'],
      call: (f) => ({ path: `/api/meal-balances/${f.memberOfB}` }),
      secretOf: () => '李明代缴',
    },
    'POST /api/staff/meal-balances/{residentId}/top-ups': {
      allowed: STAFF_SIDE,
      call: (f) => ({ path: `/api/staff/meal-balances/${f.memberOfB}/top-ups`, body: { amountFen: 100, method: 'cash' } }),
      secretOf: () => '李明代缴',
    },
    'GET /api/districts/{districtId}/meal-subsidy-rules': {
      allowed: ['staff', 'admin', 'adminCity'],
      call: (f) => ({ path: `/api/districts/${f.shushan}/meal-subsidy-rules` }),
      secretOf: () => '蜀山区低保特困老人助餐补贴',
    },
    'GET /api/staff/meal-districts': {
      allowed: ['staff', 'staffOther', 'admin', 'adminCity', 'adminOther'],
      call: () => ({ path: '/api/staff/meal-districts' }),
    },
    'POST /api/admin/districts/{districtId}/meal-subsidy-rules': {
      allowed: ['admin', 'adminCity'],
      call: (f) => ({ path: `/api/admin/districts/${f.shushan}/meal-subsidy-rules`, body: mealRuleBody(0) }),
    },
    'POST /api/admin/meal-subsidy-schemes/{schemeId}/versions': {
      allowed: ['admin', 'adminCity'],
      // A scheme of its own for every call, so each allowed caller publishes its version 2.
      call: async (f) => ({ path: `/api/admin/meal-subsidy-schemes/${(await newMealScheme(f)).schemeId}/versions`, body: mealRuleBody(2) }),
    },
    'POST /api/admin/meal-subsidy-rules/{ruleId}/withdraw': {
      allowed: ['admin', 'adminCity'],
      call: async (f) => ({ path: `/api/admin/meal-subsidy-rules/${(await newMealScheme(f)).id}/withdraw` }),
    },

    // --- elder meals: meal points, menus, orders and pickup (the demo canteen's point serves 安大社区 and 金寨路社区) ---
    'POST /api/meal-points': {
      allowed: MEAL_RUNNERS,
      call: (f) => ({ path: '/api/meal-points', body: { providerId: stableId('provider', 'anda-canteen'), ...mealPointBody({ name: unique('矩阵助餐点') }), regionId: f.anda } }),
    },
    'GET /api/meal-points': { allowed: MEAL_READERS, call: () => ({ path: '/api/meal-points' }) },
    'GET /api/staff/meal-points': {
      allowed: ['staff', 'staffOther', 'admin', 'adminCity', 'adminOther', 'providerAdmin', 'providerAdminOther', 'canteenAdmin'],
      call: () => ({ path: '/api/staff/meal-points' }),
      secretOf: () => DEMO_MEAL_POINT,
      unrelated: ['staffOther', 'adminOther', 'providerAdmin', 'providerAdminOther'],
    },
    'GET /api/meal-points/{mealPointId}': { allowed: MEAL_READERS, call: () => ({ path: `/api/meal-points/${DEMO_MEAL_POINT}` }) },
    'PUT /api/meal-points/{mealPointId}': {
      allowed: MEAL_RUNNERS,
      call: () => ({
        path: `/api/meal-points/${DEMO_MEAL_POINT}`,
        body: mealPointBody({
          name: '安大社区助餐点',
          windows: [
            { mealKind: 'lunch', servesFrom: '11:00', servesUntil: '12:30', cutOffTime: '09:30', cutOffDaysBefore: 0, capacity: 120 },
            { mealKind: 'dinner', servesFrom: '17:00', servesUntil: '18:30', cutOffTime: '14:00', cutOffDaysBefore: 0, capacity: 80 },
          ],
        }),
      }),
    },
    'GET /api/meal-points/{mealPointId}/menu': { allowed: MEAL_READERS, call: () => ({ path: `/api/meal-points/${DEMO_MEAL_POINT}/menu` }) },
    'POST /api/meal-points/{mealPointId}/dish-photos': {
      allowed: MEAL_RUNNERS,
      call: () => ({ path: `/api/meal-points/${DEMO_MEAL_POINT}/dish-photos`, attach: { field: 'photo', bytes: JPEG, filename: 'dish.jpg' } }),
    },
    // Public by design: the signed reference is the permission (handed out in menus, to anyone signed in).
    'GET /api/dish-photos/{reference}': { allowed: ALL_CALLERS, call: (f) => ({ path: `/api${f.dishPhotoPath}` }) },
    'PUT /api/meal-points/{mealPointId}/menu': {
      allowed: MEAL_RUNNERS,
      call: () => ({
        path: `/api/meal-points/${DEMO_MEAL_POINT}/menu`,
        body: {
          meals: [
            {
              mealDate: mealDay(30),
              mealKind: 'lunch',
              dishes: [{ name: '矩阵套餐', kind: 'set_meal', priceFen: 1500, tags: [], allergens: [], photoUrl: null, dailyQuantity: null }],
            },
          ],
        },
      }),
    },
    'POST /api/meal-points/{mealPointId}/menu/copy-last-week': {
      allowed: MEAL_RUNNERS,
      call: () => ({ path: `/api/meal-points/${DEMO_MEAL_POINT}/menu/copy-last-week`, body: { fromDate: mealDay(7) } }),
    },
    'PUT /api/meal-points/{mealPointId}/menu/{mealDate}': {
      allowed: MEAL_RUNNERS,
      call: () => ({
        path: `/api/meal-points/${DEMO_MEAL_POINT}/menu/${mealDay(31)}`,
        body: { mealKind: 'dinner', dishes: [{ name: '矩阵粥', kind: 'single', priceFen: 400, tags: ['soft'], allergens: [], photoUrl: null, dailyQuantity: 10 }] },
      }),
    },
    'POST /api/meal-points/{mealPointId}/menu/{mealDate}/close': {
      allowed: MEAL_RUNNERS,
      // A day of its own for every call: a closed day cannot be closed again.
      call: () => ({ path: `/api/meal-points/${DEMO_MEAL_POINT}/menu/${mealDay(35 + closedDays++)}/close`, body: { reason: '矩阵测试停餐' } }),
    },
    'POST /api/meal-quotes': { allowed: ORDERING_FOR_B, call: (f) => ({ path: '/api/meal-quotes', body: mealOrderBody(f) }) },
    'POST /api/meal-orders': { allowed: ORDERING_FOR_B, call: (f) => ({ path: '/api/meal-orders', body: { ...mealOrderBody(f), paymentMethod: 'at_pickup' } }) },
    'GET /api/meal-orders': {
      allowed: RESIDENTS,
      call: () => ({ path: '/api/meal-orders' }),
      secretOf: (f) => f.mealOrderOfB,
      unrelated: ['residentA', 'residentOther'],
    },
    'GET /api/meal-orders/{orderId}': {
      allowed: [...ORDERING_FOR_B, 'canteenAdmin'],
      call: (f) => ({ path: `/api/meal-orders/${f.mealOrderOfB}` }),
      secretOf: () => '李建国',
    },
    'POST /api/meal-orders/{orderId}/change': {
      allowed: ORDERING_FOR_B,
      call: (f) => ({ path: `/api/meal-orders/${f.mealOrderOfB}/change`, body: { lines: [{ dishId: demoDish(mealDay(1), 'lunch', 2), quantity: 1 }] } }),
      secretOf: () => '李建国',
    },
    'POST /api/meal-orders/{orderId}/cancel': {
      allowed: [...ORDERING_FOR_B, 'canteenAdmin'],
      // Allowed callers cancel an order made for the call; everyone else tries 李建国's lunch, which must stay placed.
      call: async (f, caller) => ({
        path: `/api/meal-orders/${[...ORDERING_FOR_B, 'canteenAdmin'].includes(caller) ? await mealOrder(f) : f.mealOrderOfB}/cancel`,
        body: { reason: '矩阵测试取消' },
      }),
      secretOf: () => '李建国',
    },
    'GET /api/meal-orders/{orderId}/pickup-code': {
      allowed: ORDERING_FOR_B,
      call: (f) => ({ path: `/api/meal-orders/${f.mealOrderOfB}/pickup-code` }),
    },
    'GET /api/meal-orders/{orderId}/wechat-pay': {
      allowed: ['residentB'],
      call: (f) => ({ path: `/api/meal-orders/${f.wechatPayOrderOfB}/wechat-pay` }),
    },
    // The demo's 模拟支付 pays what it is called on: the one allowed caller pays an order of its own.
    'POST /api/meal-orders/{orderId}/wechat-pay/demo-payment': {
      allowed: ['residentB'],
      call: async (f, caller) => ({ path: `/api/meal-orders/${caller === 'residentB' ? await mealOrder(f, 'wechat_pay') : f.wechatPayOrderOfB}/wechat-pay/demo-payment` }),
    },
    'POST /api/meal-balances/{residentId}/wechat-top-ups': {
      allowed: ['residentB'],
      call: (f) => ({ path: `/api/meal-balances/${f.memberOfB}/wechat-top-ups`, body: { amountFen: 100 } }),
    },
    'GET /api/meal-balance-top-ups/{topUpId}/wechat-pay': {
      allowed: ['residentB'],
      call: (f) => ({ path: `/api/meal-balance-top-ups/${f.topUpOfB}/wechat-pay` }),
    },
    'POST /api/meal-balance-top-ups/{topUpId}/wechat-pay/check': {
      allowed: ['residentB'],
      call: (f) => ({ path: `/api/meal-balance-top-ups/${f.topUpOfB}/wechat-pay/check` }),
    },
    'POST /api/meal-balance-top-ups/{topUpId}/wechat-pay/demo-payment': {
      allowed: ['residentB'],
      call: async (f, caller) => ({ path: `/api/meal-balance-top-ups/${caller === 'residentB' ? await wechatTopUp(f) : f.topUpOfB}/wechat-pay/demo-payment` }),
    },
    'POST /api/meal-orders/{orderId}/wechat-pay/check': {
      allowed: [...ORDERING_FOR_B, 'canteenAdmin'],
      call: (f) => ({ path: `/api/meal-orders/${f.wechatPayOrderOfB}/wechat-pay/check` }),
      secretOf: () => '李建国',
    },
    // Public by design: WeChat Pay calls it, and only a notification signed by its platform key changes anything.
    'POST /api/payments/wechat-pay/notify': {
      allowed: ALL_CALLERS,
      call: (f) => {
        const notification = wechatPay.fake.pay(outTradeNoOf(f.notifiedOrderOfB));
        return { path: '/api/payments/wechat-pay/notify', headers: notification.headers, body: notification.body };
      },
    },
    'GET /api/staff/meal-orders': {
      allowed: MEAL_RUNNERS,
      call: () => ({ path: '/api/staff/meal-orders', query: { mealPointId: DEMO_MEAL_POINT, date: mealDay(1) } }),
      secretOf: () => '李建国',
    },
    'POST /api/staff/meal-pickups': {
      allowed: MEAL_RUNNERS,
      // Allowed callers hand over a meal made ready for the call; everyone else tries the fixture's, which must stay ready.
      call: async (f, caller) => ({
        path: '/api/staff/meal-pickups',
        body: { mealPointId: DEMO_MEAL_POINT, code: MEAL_RUNNERS.includes(caller) ? (await insertReadyMealOrder(t, f.memberOfB)).shortCode : f.readyMealCode },
      }),
      secretOf: () => '李建国',
    },
    'POST /api/staff/meal-orders/{orderId}/collect': {
      allowed: MEAL_RUNNERS,
      call: async (f, caller) => ({
        path: `/api/staff/meal-orders/${MEAL_RUNNERS.includes(caller) ? (await insertReadyMealOrder(t, f.memberOfB)).orderId : f.readyMealOrder}/collect`,
      }),
      secretOf: () => '李建国',
    },
    'GET /api/staff/meal-points/{mealPointId}/kitchen-counts': {
      allowed: MEAL_RUNNERS,
      call: () => ({ path: `/api/staff/meal-points/${DEMO_MEAL_POINT}/kitchen-counts`, query: { date: mealDay(1), mealKind: 'lunch' } }),
    },
    'GET /api/staff/meal-points/{mealPointId}/delivery-runs': {
      allowed: MEAL_RUNNERS,
      call: () => ({ path: `/api/staff/meal-points/${DEMO_MEAL_POINT}/delivery-runs`, query: { date: mealDay(1), mealKind: 'lunch' } }),
      secretOf: () => '李建国',
    },
    // Yesterday's lunch is past its cut-off: its runs are committed (once; a repeat writes nothing).
    'POST /api/staff/meal-points/{mealPointId}/delivery-runs/commit': {
      allowed: MEAL_RUNNERS,
      call: () => ({ path: `/api/staff/meal-points/${DEMO_MEAL_POINT}/delivery-runs/commit`, body: { date: mealDay(-1), mealKind: 'lunch' } }),
    },
    // Workers see the runs they hold (none here); the positive paths are in meal-delivery-dispatch.e2e-spec.ts.
    'GET /api/worker/meal-delivery-runs': { allowed: ['worker', 'workerOther'], call: () => ({ path: '/api/worker/meal-delivery-runs' }), secretOf: () => '李建国' },
    // 李建国's lunch is on no run anyone here holds: every worker gets 404, everyone else cannot call worker routes.
    'POST /api/worker/meal-deliveries/{mealOrderId}/deliver': { allowed: [], call: (f) => ({ path: `/api/worker/meal-deliveries/${f.mealOrderOfB}/deliver` }) },
    'POST /api/worker/meal-deliveries/{mealOrderId}/not-at-home': { allowed: [], call: (f) => ({ path: `/api/worker/meal-deliveries/${f.mealOrderOfB}/not-at-home` }) },
    'POST /api/worker/orders/{orderId}/stops/{mealOrderId}/call': {
      allowed: [],
      call: (f) => ({ path: `/api/worker/orders/${f.acceptedOrder}/stops/${f.mealOrderOfB}/call` }),
      secretOf: () => '13805510002',
    },
    // The demo canteen's month holding 李建国's order of the fixture: only its provider_admin and the staff over its point.
    'GET /api/staff/meal-settlements': {
      allowed: MEAL_RUNNERS,
      call: () => ({ path: '/api/staff/meal-settlements', query: { providerId: stableId('provider', 'anda-canteen'), month: mealDay(1).slice(0, 7) } }),
      secretOf: () => '李*国',
    },
    'GET /api/staff/meal-settlements/export': {
      allowed: MEAL_RUNNERS,
      call: () => ({ path: '/api/staff/meal-settlements/export', query: { providerId: stableId('provider', 'anda-canteen'), month: mealDay(1).slice(0, 7) } }),
      secretOf: () => '李*国',
    },

    // --- convenience outlets (安大老王早餐 is a demo outlet of 安大社区) ---
    'GET /api/outlets': { allowed: OUTLET_READERS, call: () => ({ path: '/api/outlets', query: { latitude: '31.845', longitude: '117.26' } }) },
    'GET /api/outlets/{outletId}': { allowed: OUTLET_READERS, call: () => ({ path: `/api/outlets/${ANDA_OUTLET}` }) },
    'POST /api/outlets/{outletId}/reports': { allowed: RESIDENTS, call: () => ({ path: `/api/outlets/${ANDA_OUTLET}/reports`, body: { reason: 'wrong_phone' } }) },
    'GET /api/staff/outlets': { allowed: STAFF_AND_ADMINS, call: () => ({ path: '/api/staff/outlets' }), secretOf: () => '安大老王早餐', unrelated: ['staffOther', 'adminOther'] },
    'POST /api/staff/outlets': { allowed: STAFF_SIDE, call: (f) => ({ path: '/api/staff/outlets', body: outletBody(f, unique('矩阵早餐')) }) },
    'GET /api/staff/outlets/export': { allowed: STAFF_AND_ADMINS, call: () => ({ path: '/api/staff/outlets/export' }) },
    // A file naming 安大社区: staff of other regions are answered as for any record outside their scope.
    'POST /api/staff/outlets/import': {
      allowed: STAFF_SIDE,
      call: () => ({
        path: '/api/staff/outlets/import',
        body: { csv: `${outletCsvHeader()}\n${unique('矩阵导入')},维修,340104001001,肥西路 1 号,31.845,117.262,0551-65100000,1-5 08:00-17:00,,\n` },
      }),
    },
    'GET /api/staff/outlets/{outletId}': { allowed: STAFF_SIDE, call: () => ({ path: `/api/staff/outlets/${ANDA_OUTLET}` }) },
    'PUT /api/staff/outlets/{outletId}': { allowed: STAFF_SIDE, call: (f) => ({ path: `/api/staff/outlets/${ANDA_OUTLET}`, body: outletBody(f, '安大老王早餐') }) },
    // Allowed callers remove an outlet made for the call; everyone else tries the demo one, which must stay.
    'DELETE /api/staff/outlets/{outletId}': {
      allowed: STAFF_SIDE,
      call: async (f, caller) => ({ path: `/api/staff/outlets/${STAFF_SIDE.includes(caller) ? await newAndaOutlet(f) : ANDA_OUTLET}` }),
    },
    // Allowed callers add a photo to an outlet made for the call (an outlet holds at most 6); everyone else tries the demo one.
    'POST /api/staff/outlets/{outletId}/photos': {
      allowed: STAFF_SIDE,
      call: async (f, caller) => ({
        path: `/api/staff/outlets/${STAFF_SIDE.includes(caller) ? await newAndaOutlet(f) : ANDA_OUTLET}/photos`,
        attach: { field: 'photo', bytes: JPEG, filename: 'shop.jpg' },
      }),
    },
    // Public by design: the signed reference is the permission (handed out with an outlet, to anyone signed in).
    'GET /api/outlet-photos/{reference}': { allowed: ALL_CALLERS, call: async (f) => ({ path: `/api${await outletPhotoPath(f)}` }) },
    'GET /api/staff/outlet-reports': {
      allowed: STAFF_AND_ADMINS,
      call: async (f) => {
        await newOutletReport(f);
        return { path: '/api/staff/outlet-reports' };
      },
      secretOf: () => '矩阵反馈',
      unrelated: ['staffOther', 'adminOther'],
    },
    'POST /api/staff/outlet-reports/{reportId}/resolve': {
      allowed: STAFF_SIDE,
      call: async (f) => ({ path: `/api/staff/outlet-reports/${await newOutletReport(f)}/resolve`, body: { resolution: '矩阵处理' } }),
    },
    'GET /api/staff/outlet-communities': {
      allowed: STAFF_AND_ADMINS,
      call: () => ({ path: '/api/staff/outlet-communities' }),
      secretOf: () => '安大社区',
      unrelated: ['staffOther', 'adminOther'],
    },
    'GET /api/staff/outlet-coverage': {
      allowed: STAFF_AND_ADMINS,
      call: () => ({ path: '/api/staff/outlet-coverage' }),
      secretOf: () => '安大社区',
      unrelated: ['staffOther', 'adminOther'],
    },

    // --- notifications: everyone's own 消息; dead letters by the region their payload names (docs/notifications.md) ---
    'GET /api/inbox': {
      allowed: EVERY_ROLE,
      call: async () => {
        await inboxMessageOfResidentA();
        return { path: '/api/inbox' };
      },
      // Only 王秀英 may see her message; everyone else gets their own list.
      secretOf: () => inboxSecret,
      unrelated: EVERY_ROLE.filter((caller) => caller !== 'residentA'),
    },
    'GET /api/inbox/unread-count': { allowed: EVERY_ROLE, call: () => ({ path: '/api/inbox/unread-count' }) },
    'POST /api/inbox/read-all': { allowed: EVERY_ROLE, call: () => ({ path: '/api/inbox/read-all' }) },
    'POST /api/inbox/{messageId}/read': {
      allowed: ['residentA'],
      call: async () => ({ path: `/api/inbox/${await inboxMessageOfResidentA()}/read` }),
      secretOf: () => inboxSecret,
    },
    'GET /api/admin/notifications/dead-letters': {
      allowed: STAFF_AND_ADMINS,
      call: async (f) => {
        listedDeadLetter ??= newDeadLetter(f);
        deadLetterSecret = await listedDeadLetter;
        return { path: '/api/admin/notifications/dead-letters' };
      },
      secretOf: () => deadLetterSecret,
      unrelated: ['staffOther', 'adminOther'],
    },
    'POST /api/admin/notifications/dead-letters/{messageId}/retry': {
      allowed: STAFF_SIDE,
      call: async (f) => ({ path: `/api/admin/notifications/dead-letters/${await newDeadLetter(f)}/retry` }),
    },
  };

  let routes: string[];
  let publicRoutes: Set<string>;

  beforeAll(async () => {
    const document = (await t.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    routes = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    publicRoutes = new Set(
      Object.entries(document.paths).flatMap(([path, methods]) =>
        Object.entries(methods)
          .filter(([, operation]) => !operation.security)
          .map(([method]) => `${method.toUpperCase()} ${path}`),
      ),
    );
  });

  it('has a row for every route the API serves, and no row for a route that is gone', () => {
    expect(routes.filter((route) => !MATRIX[route])).toEqual([]);
    expect(Object.keys(MATRIX).filter((route) => !routes.includes(route))).toEqual([]);
  });

  it('lets exactly the allowed callers through on every route, and leaks nothing to the others', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const row = MATRIX[route];
      const [method] = route.split(' ');
      const callers = [...new Set([...ALL_CALLERS, ...row.allowed])].filter((caller) => !row.skip?.includes(caller));
      for (const caller of callers) {
        const call = await row.call(f, caller);
        const response = await send(method, call, await tokenFor(caller, !!call.freshSession));
        const allowed = row.allowed.includes(caller);
        const secret = row.secretOf?.(f);
        if (allowed && (response.status < 200 || response.status >= 300))
          failures.push(`${route} as ${caller}: expected success, got ${response.status} ${JSON.stringify(response.body)}`);
        if (!allowed && ![401, 403, 404].includes(response.status)) failures.push(`${route} as ${caller}: expected 401/403/404, got ${response.status}`);
        if (!allowed && caller === 'anonymous' && response.status !== 401) failures.push(`${route} as anonymous: expected 401, got ${response.status}`);
        const mayNotSee = !allowed || row.unrelated?.includes(caller);
        if (secret && mayNotSee && JSON.stringify(response.body ?? '').includes(secret)) failures.push(`${route} as ${caller}: response leaks ${secret}`);
      }
    }
    expect(failures).toEqual([]);
  }, 180_000);

  it('refuses tampered, expired, foreign-key and alg:none tokens on every protected route', async () => {
    const staff = await loginWithPassword(t, 'anda.staff');
    const [header, payload] = staff.tokens.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { sub: string; role: string; sid: string };
    const secret = Buffer.from(TEST_SECRETS_ENV.JWT_SECRET);
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, role: 'admin', exp: 9_999_999_999 })).toString('base64url');
    const badTokens = {
      tampered: `${header}.${forgedPayload}.${staff.tokens.accessToken.split('.')[2]}`,
      expired: issueAccessToken(claims, secret, 60, Date.now() - 3_600_000),
      foreignKey: issueAccessToken(claims, Buffer.from('another-secret-that-is-long-enough-000'), 60),
      algNone: `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${forgedPayload}.`,
      garbage: 'not-a-token',
    };
    const failures: string[] = [];
    for (const route of routes.filter((candidate) => !publicRoutes.has(candidate))) {
      const [method] = route.split(' ');
      const call = await MATRIX[route].call(f, 'staff');
      for (const [kind, token] of Object.entries(badTokens)) {
        const response = await send(method, call, token);
        if (response.status !== 401) failures.push(`${route} with a ${kind} token: expected 401, got ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('documents exactly the routes with a roles policy as needing a bearer token', () => {
    const protectedRows = Object.entries(MATRIX)
      .filter(([, row]) => !row.allowed.includes('anonymous'))
      .map(([route]) => route);
    expect(protectedRows.sort()).toEqual(routes.filter((route) => !publicRoutes.has(route)).sort());
  });
});
