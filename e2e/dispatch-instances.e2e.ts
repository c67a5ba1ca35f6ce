import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createConnection } from 'mysql2/promise';
import { stableId } from '../api/src/seed/stable-id';
import { callApi } from './support/calls';
import { seedDatabase, startApi, startFakeWechat, type ApiProcess } from './support/api-process';

/**
 * Two API processes on one MariaDB database, both running the dispatch sweeper every second, with 2-second offer
 * windows and workers who never answer. Every offer expires; the test then reads each order's timeline and offers
 * and proves that each expiry was handled exactly once (one `expire` event per expired offer, followed by exactly
 * one offer or escalation), that an order never had two live offers, and that no order was lost on the way (all end
 * in the staff queue). Needs TEST_DATABASE_URL (CI and `.ci/run` set it); skipped on SQLite-only runs.
 */
const serverUrl = process.env.TEST_DATABASE_URL;
const describeWithMysql = serverUrl ? describe : describe.skip;

const WORKERS = 8;
const ORDERS = 8;
/**
 * Rounds of offers per order. The orders are placed together, so each round's expiries fall due together and the
 * first instance to sweep after the deadline usually takes the whole round: a round is one contest, and with 3 rounds
 * one instance won all of them about one run in four (2 × ½³), failing "both competed" though nothing was wrong.
 * Ten rounds make that 2 × ½¹⁰ ≈ 0.2 %.
 */
const MAX_REFUSALS = 10;

interface TimelineEntry {
  event: string;
  toStatus: string;
}

describeWithMysql('dispatch with two API instances on one MariaDB', () => {
  const databaseName = `linli_instances_${process.pid}_${randomBytes(3).toString('hex')}`;
  const apis: ApiProcess[] = [];
  let wechat: { url: string; stop: () => void } | undefined;
  let databaseUrl = '';

  async function admin<T>(work: (connection: Awaited<ReturnType<typeof createConnection>>) => Promise<T>): Promise<T> {
    const server = new URL(serverUrl!);
    const connection = await createConnection({
      host: server.hostname,
      port: Number(server.port || 3306),
      user: decodeURIComponent(server.username || 'root'),
      password: decodeURIComponent(server.password),
      database: undefined,
    });
    try {
      return await work(connection);
    } finally {
      await connection.end();
    }
  }

  beforeAll(async () => {
    await admin((connection) => connection.query(`CREATE DATABASE \`${databaseName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`));
    const url = new URL(serverUrl!);
    url.pathname = `/${databaseName}`;
    databaseUrl = url.toString();
    wechat = await startFakeWechat();
    const env = {
      DATABASE_URL: databaseUrl,
      H5_DIR: 'off',
      WECHAT_API_BASE_URL: wechat.url,
      DISPATCH_SWEEP_SECONDS: '1',
      DISPATCH_OFFER_WINDOW_SECONDS: '2',
      DISPATCH_MAX_REFUSALS: String(MAX_REFUSALS),
      LOGIN_MAX_ATTEMPTS_PER_IP: '10000',
    };
    apis.push(await startApi(env)); // the first instance runs the migrations
    seedDatabase(databaseUrl);
    apis.push(await startApi(env));
  });

  afterAll(async () => {
    await Promise.all(apis.map((api) => api.stop()));
    wechat?.stop();
    await admin((connection) => connection.query(`DROP DATABASE IF EXISTS \`${databaseName}\``));
  });

  it('re-offers each order exactly once per expiry, never holds two live offers for one order, and loses none', async () => {
    const [first, second] = apis;
    const provider = stableId('provider', 'anxin');
    const providerAdmin = (await callApi(first.baseUrl, 'POST', '/api/auth/password/login', null, { username: 'anxin.admin', password: 'Linli@2026' })).tokens.accessToken;
    const profile = {
      skillServiceIds: [stableId('service', 'home_cleaning')],
      areaRegionIds: [stableId('region', '340104001001')],
      workingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, ranges: [{ start: '00:00', end: '23:59' }] })),
      maxOpenOrders: 3,
    };
    for (let index = 0; index < WORKERS; index++) {
      const worker = await callApi(first.baseUrl, 'POST', `/api/providers/${provider}/workers`, providerAdmin, { name: `多实例师傅${index}`, phone: `1370551000${index}` });
      const invitation = await callApi(first.baseUrl, 'POST', `/api/providers/${provider}/workers/${worker.id}/invitation`, providerAdmin);
      await callApi(first.baseUrl, 'POST', '/api/auth/wechat/worker-binding', null, { code: `instances-worker-${index}`, invitationCode: invitation.code });
      await callApi(first.baseUrl, 'PUT', `/api/providers/${provider}/workers/${worker.id}/dispatch-profile`, providerAdmin, profile);
      const token = (await callApi(second.baseUrl, 'POST', '/api/auth/wechat/login', null, { code: `instances-worker-${index}` })).tokens.accessToken;
      await callApi(second.baseUrl, 'PUT', '/api/worker/presence', token, { online: true, latitude: 31.84437, longitude: 117.26219 });
    }

    const accounts = (await callApi(first.baseUrl, 'GET', '/api/auth/demo/accounts', null)).items as { id: string; displayName: string }[];
    const wang = accounts.find((account) => account.displayName.includes('王秀英'))!;
    const resident = (await callApi(first.baseUrl, 'POST', '/api/auth/demo/login', null, { accountId: wang.id })).tokens.accessToken;
    const orderIds: string[] = [];
    for (let index = 0; index < ORDERS; index++) {
      const order = await callApi(apis[index % 2].baseUrl, 'POST', '/api/home-orders', resident, {
        centreId: stableId('centre', 'C340104001001'),
        serviceId: stableId('service', 'home_cleaning'),
        residentId: stableId('resident', 'wang-xiuying'),
        address: '蜀山区肥西路 3 号院 5 栋 201',
        windowStartsAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
        windowEndsAt: new Date(Date.now() + 27 * 3600_000).toISOString(),
        description: '多实例测试',
      });
      orderIds.push(order.id);
    }

    // Both instances sweep every second; wait until every order has left the dispatcher's hands.
    const staff = (await callApi(first.baseUrl, 'POST', '/api/auth/password/login', null, { username: 'anda.staff', password: 'Linli@2026' })).tokens.accessToken;
    const deadline = Date.now() + 45_000;
    let details: { id: string; status: string; timeline: TimelineEntry[] }[] = [];
    while (Date.now() < deadline) {
      details = await Promise.all(orderIds.map((id) => callApi(apis[Math.floor(Math.random() * 2)].baseUrl, 'GET', `/api/dispatch/orders/${id}`, staff)));
      if (details.every((order) => order.status === 'escalated')) break;
      await sleep(500);
    }
    expect(details.map((order) => order.status)).toEqual(orderIds.map(() => 'escalated')); // none lost

    const offers = await admin(async (connection) => {
      const [rows] = await connection.query(`SELECT order_id AS orderId, status FROM \`${databaseName}\`.dispatch_offer`);
      return rows as { orderId: string; status: string }[];
    });
    let expiries = 0;
    for (const order of details) {
      const events = order.timeline.map((entry) => entry.event);
      // offer (expire (offer | escalate))* … escalate: every expiry is followed by exactly one next step.
      expect(events.join(' ')).toMatch(/^(offer expire )*(offer expire escalate|escalate)$/);
      const mine = offers.filter((offer) => offer.orderId === order.id);
      expect(mine.filter((offer) => offer.status === 'open')).toHaveLength(0);
      expect(mine).toHaveLength(events.filter((event) => event === 'offer').length);
      expect(mine.filter((offer) => offer.status === 'expired')).toHaveLength(events.filter((event) => event === 'expire').length);
      expect(events.filter((event) => event === 'expire').length).toBeLessThanOrEqual(MAX_REFUSALS);
      expiries += events.filter((event) => event === 'expire').length;
    }
    // The workload really exercised re-dispatch: most orders were offered more than once.
    expect(expiries).toBeGreaterThanOrEqual(ORDERS);
    // Each expiry was handled by exactly one of the two instances (each logs the expiries it won).
    const handledBy = apis.map((api) => [...api.output().matchAll(/offer (\S+) expired; order/g)].map((match) => match[1]));
    const handled = handledBy.flat();
    expect(new Set(handled).size).toBe(handled.length);
    expect(handled).toHaveLength(expiries);
    console.log(`expiries handled: ${handledBy.map((ids, index) => `instance ${index + 1}: ${ids.length}`).join(', ')}`);
    // The sweepers' jittered timers keep them out of lockstep, so both really competed for the expiries.
    for (const ids of handledBy) expect(ids.length).toBeGreaterThan(0);
    for (const api of apis) expect(`${api.output()}${api.stderr()}`).not.toMatch(/dispatch sweep failed|ER_DUP_ENTRY|deadlock/i);
  }, 90_000);
});
