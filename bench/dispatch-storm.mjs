#!/usr/bin/env node
/**
 * `npm run bench:dispatch` (needs `npm run build` and MariaDB/MySQL; not part of `npm test`):
 *
 * 1. Grab storm: two API instances on the same database, `home_repair` switched to grab mode, 20 workers online
 *    (cap 10 each) and 100 pool orders; every worker grabs every order at once (2000 requests, split across both
 *    instances). Each order must be grabbed exactly once (exactly 100 answers 200, the rest 409 ORDER_TAKEN or
 *    WORKER_AT_CAPACITY, no 5xx), and in the database every order is accepted by the worker whose grab got the 200,
 *    has one `grab` event, and the workers' `open_orders` add up to the accepted orders. Also printed: the answers'
 *    latency and InnoDB's row-lock waits and deadlocks during the storm (server-wide counters). Then the everyday
 *    shape, five times: one new pool order, all 20 workers grab it at once (exactly one 200, the rest 409).
 * 2. Throughput of the hottest dispatch read, `GET /api/worker/offer` (every online worker polls it every ~5 s), with
 *    about half the workers holding a live offer, and of `GET /api/worker/pool` (20 grab-mode orders waiting),
 *    through the API against bare Fastify + mysql2 handlers doing the same core reads, in the same run. Each
 *    request comes from the next of the 20 workers in turn.
 *
 * BENCH_DATABASE_URL (default mariadb://root@127.0.0.1:3306/x: a scratch database is created on that server and
 * dropped afterwards), BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 50).
 */
import { join } from 'node:path';
import { createRequire } from 'node:module';
import autocannon from 'autocannon';
import { REPO_ROOT } from '../scripts/lib/run.mjs';
import { bearer, json, percentile, waitFor } from './lib/http.mjs';
import { describeLockWaits, innodbLockCounters, openMariadbRun } from './lib/mariadb-run.mjs';
import { API_DIST } from './lib/api-dist.mjs';

const require = createRequire(import.meta.url);
const { stableId } = require(join(API_DIST, 'seed/stable-id.js'));

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WORKERS = 20;
const CAP = 10;
const STORM_ORDERS = 100;
const SINGLE_ROUNDS = 5;
const POOL_ORDERS = 20;
const OFFERED_ORDERS = 10;
const POLL_SECONDS = 5;
const PROVIDER = stableId('provider', 'anxin');
const SERVICE = stableId('service', 'home_repair');
const COMMUNITY = stableId('region', '340104001001');
const CENTRE = stableId('centre', 'C340104001001');
const RESIDENT = stableId('resident', 'wang-xiuying');

// Tokens last a day so that long BENCH_SECONDS runs do not turn into 401s.
const run = await openMariadbRun({ ACCESS_TOKEN_TTL_SECONDS: '86400' });

/** The fake WeChat server as `npm start` runs it: accepts any code and derives a stable openid from it. */
function startFakeWechat() {
  const child = run.spawnNode([join(API_DIST, 'cli/fake-wechat.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk.toString();
      const url = /fake wechat listening on (\S+)/.exec(output)?.[1];
      if (url) resolve(url);
    });
    child.once('exit', (code) => reject(new Error(`fake WeChat server exited with ${code}`)));
  });
}

try {
  run.env.WECHAT_API_BASE_URL = await startFakeWechat();
  run.seedDemoData();
  const instances = await run.startApiInstances([3921, 3922]);
  const [first] = instances;
  const passwordLogin = async (username) =>
    (await json(`${first}/api/auth/password/login`, { method: 'POST', body: JSON.stringify({ username, password: 'Linli@2026' }) })).tokens.accessToken;

  // The city admin switches home_repair to grab mode (the edit takes the full body of the service).
  const cityAdmin = bearer(await passwordLogin('city.admin'));
  const setDispatch = async (changes) => {
    const { name, description, materials, minAge, maxActiveBookingsPerPerson, offerWindowSeconds } = await json(`${first}/api/services/${SERVICE}`);
    await json(`${first}/api/admin/services/${SERVICE}`, {
      method: 'PUT',
      headers: cityAdmin,
      body: JSON.stringify({ name, description, materials, minAge, maxActiveBookingsPerPerson, offerWindowSeconds, ...changes }),
    });
  };
  await setDispatch({ dispatchMode: 'grab' });

  // Workers: created and invited by the provider admin, bound through (fake) WeChat, profiled, online.
  const providerAdmin = bearer(await passwordLogin('anxin.admin'));
  const profile = {
    skillServiceIds: [SERVICE],
    areaRegionIds: [COMMUNITY],
    workingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, ranges: [{ start: '00:00', end: '23:59' }] })),
    maxOpenOrders: CAP,
  };
  const workers = [];
  for (let index = 0; index < WORKERS; index++) {
    const base = instances[index % 2];
    const worker = await json(`${base}/api/providers/${PROVIDER}/workers`, {
      method: 'POST',
      headers: providerAdmin,
      body: JSON.stringify({ name: `压测师傅${index}`, phone: `1370552${String(index).padStart(4, '0')}` }),
    });
    const { code: invitationCode } = await json(`${base}/api/providers/${PROVIDER}/workers/${worker.id}/invitation`, { method: 'POST', headers: providerAdmin });
    const code = `bench-dispatch-worker-${index}`;
    await json(`${base}/api/auth/wechat/worker-binding`, { method: 'POST', body: JSON.stringify({ code, invitationCode }) });
    await json(`${base}/api/providers/${PROVIDER}/workers/${worker.id}/dispatch-profile`, { method: 'PUT', headers: providerAdmin, body: JSON.stringify(profile) });
    const login = await json(`${instances[(index + 1) % 2]}/api/auth/wechat/login`, { method: 'POST', body: JSON.stringify({ code }) });
    await json(`${base}/api/worker/presence`, {
      method: 'PUT',
      headers: bearer(login.tokens.accessToken),
      body: JSON.stringify({ online: true, latitude: 31.84437, longitude: 117.26219 }),
    });
    workers.push({ id: worker.id, token: login.tokens.accessToken });
  }
  // The baseline names the worker by account id, as the API's token does.
  const db = await run.connect();
  const [accountRows] = await db.query('SELECT id, account_id FROM worker WHERE id IN (?)', [workers.map((worker) => worker.id)]);
  const accountOf = new Map(accountRows.map((row) => [row.id, row.account_id]));
  for (const worker of workers) worker.accountId = accountOf.get(worker.id);

  // Orders for 王秀英, booked by herself (demo login).
  const accounts = (await json(`${first}/api/auth/demo/accounts`)).items;
  const wang = accounts.find((account) => account.displayName.includes('王秀英'));
  const resident = bearer((await json(`${first}/api/auth/demo/login`, { method: 'POST', body: JSON.stringify({ accountId: wang.id }) })).tokens.accessToken);
  const createOrders = async (count, label) => {
    const ids = [];
    for (let index = 0; index < count; index++) {
      const order = await json(`${instances[index % 2]}/api/home-orders`, {
        method: 'POST',
        headers: resident,
        body: JSON.stringify({
          centreId: CENTRE,
          serviceId: SERVICE,
          residentId: RESIDENT,
          address: '蜀山区肥西路 3 号院 5 栋 201',
          windowStartsAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
          windowEndsAt: new Date(Date.now() + 27 * 3600_000).toISOString(),
          description: `${label} ${index}：水龙头漏水`,
        }),
      });
      ids.push(order.id);
    }
    return ids;
  };
  const orderIds = await createOrders(STORM_ORDERS, '抢单压测');

  // 1. The storm: every worker grabs every order at once, alternately through both instances.
  const attempts = orderIds.flatMap((orderId, o) => workers.map((worker, w) => ({ orderId, worker, base: instances[(o + w) % 2] })));
  const locksBefore = await innodbLockCounters(db);
  const started = Date.now();
  const answers = await Promise.all(
    attempts.map(async ({ orderId, worker, base }) => {
      const sent = Date.now();
      const response = await fetch(`${base}/api/worker/pool/${orderId}/grab`, { method: 'POST', headers: bearer(worker.token) });
      const body = await response.json().catch(() => ({}));
      return { orderId, workerId: worker.id, status: response.status, code: body.code ?? body.error?.code ?? null, ms: Date.now() - sent };
    }),
  );
  const stormMs = Date.now() - started;
  const locksAfter = await innodbLockCounters(db);
  const latency = (list, q) =>
    percentile(
      list.map((answer) => answer.ms),
      q,
    );
  const tally = {};
  for (const answer of answers) {
    const key = answer.status === 200 ? '200' : `${answer.status} ${answer.code ?? ''}`.trim();
    tally[key] = (tally[key] ?? 0) + 1;
  }
  const winners = answers.filter((answer) => answer.status === 200);
  const winsPerOrder = new Map();
  for (const win of winners) winsPerOrder.set(win.orderId, [...(winsPerOrder.get(win.orderId) ?? []), win.workerId]);
  const [orderRows] = await db.query(
    "SELECT o.id, o.status, o.worker_id, (SELECT COUNT(*) FROM order_event e WHERE e.order_id = o.id AND e.event = 'grab') AS grabs FROM service_order o WHERE o.id IN (?)",
    [orderIds],
  );
  const [[held]] = await db.query('SELECT SUM(open_orders) AS open, MAX(open_orders) AS most, MIN(open_orders) AS least FROM worker WHERE id IN (?)', [
    workers.map((worker) => worker.id),
  ]);
  const accepted = orderRows.filter((row) => row.status === 'accepted' && row.worker_id);
  const matching = orderRows.filter((row) => winsPerOrder.get(row.id)?.length === 1 && winsPerOrder.get(row.id)[0] === row.worker_id && Number(row.grabs) === 1);
  const fiveHundreds = answers.filter((answer) => answer.status >= 500).length;
  const unexpected = answers.filter((answer) => answer.status !== 200 && !(answer.status === 409 && ['ORDER_TAKEN', 'WORKER_AT_CAPACITY'].includes(answer.code))).length;
  console.log(`\nGrab storm: ${WORKERS} workers × ${STORM_ORDERS} pool orders = ${attempts.length} concurrent POST /api/worker/pool/:id/grab, two API instances, ${stormMs} ms`);
  console.log(
    `  answers: ${JSON.stringify(tally)}; latency p50 ${latency(answers, 0.5)} ms, p99 ${latency(answers, 0.99)} ms, max ${latency(answers, 1)} ms (200s: p50 ${latency(winners, 0.5)} ms, max ${latency(winners, 1)} ms)`,
  );
  console.log(`  InnoDB (whole server): ${describeLockWaits(locksBefore, locksAfter)}`);
  console.log(
    `  database: ${accepted.length}/${STORM_ORDERS} orders accepted, ${matching.length} held by the worker whose grab got the 200 with exactly one grab event; workers' open_orders sum ${held.open} (min ${held.least}, max ${held.most}, cap ${CAP})`,
  );
  const stormOk =
    winners.length === STORM_ORDERS &&
    winsPerOrder.size === STORM_ORDERS &&
    fiveHundreds === 0 &&
    unexpected === 0 &&
    accepted.length === STORM_ORDERS &&
    matching.length === STORM_ORDERS &&
    Number(held.open) === STORM_ORDERS;
  console.log(`  ${stormOk ? 'OK' : 'FAILED'}: each order grabbed exactly once, the rest 409 ORDER_TAKEN/WORKER_AT_CAPACITY, no 5xx, open_orders sum = accepted orders`);

  // 1b. The everyday shape: one new pool order, every worker taps 抢单 at once; the time to the answers.
  const rounds = [];
  for (const orderId of await createOrders(SINGLE_ROUNDS, '单笔抢单')) {
    const sent = Date.now();
    const statuses = await Promise.all(
      workers.map(async (worker, w) => (await fetch(`${instances[w % 2]}/api/worker/pool/${orderId}/grab`, { method: 'POST', headers: bearer(worker.token) })).status),
    );
    rounds.push({ ms: Date.now() - sent, wins: statuses.filter((status) => status === 200).length, conflicts: statuses.filter((status) => status === 409).length });
  }
  const roundsOk = rounds.every((round) => round.wins === 1 && round.conflicts === WORKERS - 1);
  console.log(
    `\nOne order, ${WORKERS} concurrent grabs, ${SINGLE_ROUNDS} rounds: all answered in ${rounds.map((round) => round.ms).join(' / ')} ms; ${roundsOk ? 'OK: one 200 and the rest 409 each time' : `FAILED: ${JSON.stringify(rounds)}`}`,
  );

  // 2. Throughput. Leave grab-mode orders in the pool, then switch back to assign mode (long accept window so
  //    offers outlive the run) and create orders that the dispatcher offers to half of the workers.
  // The storm filled most workers to their cap, and a full worker's pool is empty: give them room again.
  await db.query('UPDATE worker SET max_open_orders = 1000 WHERE id IN (?)', [workers.map((worker) => worker.id)]);
  await createOrders(POOL_ORDERS, '抢单池');
  await setDispatch({ dispatchMode: 'assign', offerWindowSeconds: 3600 });
  await createOrders(OFFERED_ORDERS, '派单');
  const [[{ live }]] = await db.query("SELECT COUNT(DISTINCT worker_id) AS live FROM dispatch_offer WHERE status = 'open' AND expires_at > UTC_TIMESTAMP(3) AND worker_id IN (?)", [
    workers.map((worker) => worker.id),
  ]);

  run.spawnNode([join(REPO_ROOT, 'bench/baseline-dispatch-server.mjs'), run.databaseUrl, '3923'], { port: 3923 });
  await waitFor('http://127.0.0.1:3923/health');
  // Sanity: the baseline and the API see the same offers and the same pool.
  for (const worker of workers.slice(0, 4)) {
    const [apiOffer, baseOffer, apiPool, basePool] = await Promise.all([
      json(`${first}/api/worker/offer`, { headers: bearer(worker.token) }),
      json(`http://127.0.0.1:3923/worker/offer?accountId=${worker.accountId}`),
      json(`${first}/api/worker/pool`, { headers: bearer(worker.token) }),
      json(`http://127.0.0.1:3923/worker/pool?accountId=${worker.accountId}`),
    ]);
    if ((apiOffer.offer?.id ?? null) !== (baseOffer.offer?.id ?? null) || apiPool.items.length !== basePool.items.length) {
      throw new Error(
        `baseline disagrees with the API for worker ${worker.id}: offer ${apiOffer.offer?.id} vs ${baseOffer.offer?.id}, pool ${apiPool.items.length} vs ${basePool.items.length}`,
      );
    }
  }

  let turn = 0;
  const nextWorker = () => workers[turn++ % workers.length];
  const measure = (url, setupRequest) =>
    new Promise((resolve, reject) =>
      autocannon({ url, connections, duration: seconds, requests: [{ setupRequest }] }, (error, result) => (error ? reject(error) : resolve(result))),
    );
  const viaApi = (path) => [`${first}${path}`, (request) => ({ ...request, headers: { ...request.headers, ...bearer(nextWorker().token) } })];
  const viaBaseline = (path) => [`http://127.0.0.1:3923${path}`, (request) => ({ ...request, path: `${path}?accountId=${nextWorker().accountId}` })];
  const summaries = [];
  for (const [title, cases] of [
    [
      `Offer poll GET (${live} of ${WORKERS} workers hold a live offer)`,
      [
        ['baseline: bare Fastify + mysql2, worker by account → open offer → its order', ...viaBaseline('/worker/offer')],
        ['Linli API, GET /api/worker/offer', ...viaApi('/api/worker/offer')],
      ],
    ],
    [
      `Pool GET (${POOL_ORDERS} grab-mode orders waiting)`,
      [
        ['baseline: bare Fastify + mysql2, worker by account → pool query + workingHoursCover', ...viaBaseline('/worker/pool')],
        ['Linli API, GET /api/worker/pool', ...viaApi('/api/worker/pool')],
      ],
    ],
  ]) {
    const rows = [];
    for (const [name, url, setupRequest] of cases) {
      await measure(url, setupRequest); // warm-up
      const result = await measure(url, setupRequest);
      rows.push({ name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, fiveHundreds: result['5xx'] ?? 0, non2xx: result.non2xx ?? 0 });
    }
    console.log(`\n${title}, ${connections} connections, ${seconds} s per case (after a warm-up pass), node ${process.version}\n`);
    console.log('| case | req/s | p50 ms | p99 ms | non-2xx | ratio to baseline |\n|---|---:|---:|---:|---:|---:|');
    for (const row of rows) console.log(`| ${row.name} | ${Math.round(row.rps)} | ${row.p50} | ${row.p99} | ${row.non2xx} | ${(row.rps / rows[0].rps).toFixed(2)} |`);
    summaries.push({ title, api: rows[1] });
  }
  const offerApi = summaries[0].api.rps;
  console.log(
    `\nAt one poll per ${POLL_SECONDS} s per online worker, ${Math.round(offerApi)} req/s of GET /api/worker/offer on one instance serves ~${Math.round(offerApi * POLL_SECONDS)} online workers.`,
  );
  await db.end();
  process.exitCode = stormOk && roundsOk && summaries.every(({ api }) => api.non2xx === 0) ? 0 : 1;
} finally {
  await run.close();
}
