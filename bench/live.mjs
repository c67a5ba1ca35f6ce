#!/usr/bin/env node
/**
 * `npm run bench:live` (needs `npm run build` and MariaDB/MySQL; not part of `npm test`): live offers against polling,
 * in one run, with the same workers.
 *
 * BENCH_LIVE_WORKERS (default 2000) workers of 安心家政 are created through the API and put online. Two API
 * instances run on one scratch database.
 * 1. Push: every worker holds a WebSocket on /api/live, half on each instance. BENCH_LIVE_OFFERS (default 100) orders
 *    are placed on instance A, one every 200 ms; the dispatcher offers each to one worker. Measured: the time from
 *    the offer's commit (its offered_at, stamped just before the commit, so the figure is an upper bound) to the
 *    frame on that worker's socket, p50/p99, and the database's queries per second while idle and while offering.
 * 2. Poll: the sockets close and every worker asks GET /api/worker/offer every 5 s (as the app did before), spread
 *    evenly; the same number of orders is placed. Measured: the time from commit to the first poll that sees the
 *    offer, and the queries per second.
 * Queries per second is MariaDB's `Questions` counter (server-wide: anything else using the server counts too).
 * The instances run their sweepers and relay as in production. With REDIS_URL set, push goes through Redis pub/sub
 * instead of each instance following the outbox.
 *
 * BENCH_DATABASE_URL (default mariadb://root@127.0.0.1:3306/x).
 */
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { REPO_ROOT } from '../scripts/lib/run.mjs';
import { bearer, json, percentile, waitFor } from './lib/http.mjs';
import { openMariadbRun } from './lib/mariadb-run.mjs';
import { API_DIST } from './lib/api-dist.mjs';

const require = createRequire(import.meta.url);
const { stableId } = require(join(API_DIST, 'seed/stable-id.js'));
const WebSocket = require(require.resolve('ws', { paths: [join(REPO_ROOT, 'api')] }));

const WORKERS = Number(process.env.BENCH_LIVE_WORKERS ?? 2000);
const OFFERS = Number(process.env.BENCH_LIVE_OFFERS ?? 100);
const ORDER_EVERY_MS = 200;
const POLL_MS = 5000;
const WINDOW_SECONDS = 3600;
const MEASURE_IDLE_MS = 10_000;
const SETUP_CONCURRENCY = 8;
const PROVIDER = stableId('provider', 'anxin');
const SERVICE = stableId('service', 'home_cleaning');
const COMMUNITY = stableId('region', '340104001001');
const CENTRE = stableId('centre', 'C340104001001');
const RESIDENT = stableId('resident', 'wang-xiuying');

const run = await openMariadbRun({
  ACCESS_TOKEN_TTL_SECONDS: '86400',
  DISPATCH_OFFER_WINDOW_SECONDS: String(WINDOW_SECONDS),
  LOG_LEVEL: 'warn',
});

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

/** Setup requests run several at a time; one the API answers 5xx (a deadlock victim, say) is sent again. */
async function retried(url, init) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await json(url, init);
    } catch (error) {
      if (attempt >= 3 || !/: 5\d\d /.test(error.message)) throw error;
    }
  }
}

/** Runs `work` over `items`, `limit` at a time. */
async function pool(items, limit, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++], next - 1);
    }),
  );
}

async function questions(db) {
  const [[row]] = await db.query("SHOW GLOBAL STATUS LIKE 'Questions'");
  return Number(row.Value);
}

/** Queries per second the server answered (less this script's own counter reads) while `during` ran. */
async function queriesPerSecond(db, during) {
  const before = await questions(db);
  const started = Date.now();
  await during();
  const after = await questions(db);
  return Math.round(((after - before - 2) / (Date.now() - started)) * 1000);
}

const describe = (ms, what = 'offers') => `p50 ${percentile(ms, 0.5)} ms, p99 ${percentile(ms, 0.99)} ms, max ${percentile(ms, 1)} ms (${ms.length} ${what})`;

try {
  run.env.WECHAT_API_BASE_URL = await startFakeWechat();
  run.seedDemoData();
  // Started by hand rather than with run.startApiInstances: on a busy 2-core machine two instances running their
  // migrations side by side may need longer than its 15 s.
  const instances = [3931, 3932].map((port) => `http://127.0.0.1:${port}`);
  [3931, 3932].forEach((port) => run.spawnNode([join(API_DIST, 'main.js')], { port }));
  await Promise.all(instances.map((base) => waitFor(`${base}/api/health/ready`, 900)));
  const [first] = instances;
  const passwordLogin = async (username) =>
    (await json(`${first}/api/auth/password/login`, { method: 'POST', body: JSON.stringify({ username, password: 'Linli@2026' }) })).tokens.accessToken;
  const providerAdmin = bearer(await passwordLogin('anxin.admin'));
  const profile = {
    skillServiceIds: [SERVICE],
    areaRegionIds: [COMMUNITY],
    workingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, ranges: [{ start: '00:00', end: '23:59' }] })),
    maxOpenOrders: 3,
  };

  const setupStarted = Date.now();
  const workers = [];
  await pool(
    Array.from({ length: WORKERS }, (_, index) => index),
    SETUP_CONCURRENCY,
    async (index) => {
      const base = instances[index % 2];
      const worker = await retried(`${base}/api/providers/${PROVIDER}/workers`, {
        method: 'POST',
        headers: providerAdmin,
        body: JSON.stringify({ name: `在线师傅${index}`, phone: `1390${String(index).padStart(7, '0')}` }),
      });
      const { code: invitationCode } = await retried(`${base}/api/providers/${PROVIDER}/workers/${worker.id}/invitation`, { method: 'POST', headers: providerAdmin });
      const code = `bench-live-worker-${index}`;
      await retried(`${base}/api/auth/wechat/worker-binding`, { method: 'POST', body: JSON.stringify({ code, invitationCode }) });
      await retried(`${base}/api/providers/${PROVIDER}/workers/${worker.id}/dispatch-profile`, { method: 'PUT', headers: providerAdmin, body: JSON.stringify(profile) });
      const login = await retried(`${base}/api/auth/wechat/login`, { method: 'POST', body: JSON.stringify({ code }) });
      // Spread around 安大 so the ranking differs from order to order.
      const offset = (index % 50) / 5000;
      await retried(`${base}/api/worker/presence`, {
        method: 'PUT',
        headers: bearer(login.tokens.accessToken),
        body: JSON.stringify({ online: true, latitude: 31.84437 + offset, longitude: 117.26219 - offset }),
      });
      workers.push({ id: worker.id, token: login.tokens.accessToken, index });
    },
  );
  console.log(`\nLive offers: ${WORKERS} workers online (created through the API in ${Math.round((Date.now() - setupStarted) / 1000)} s), two API instances, MariaDB`);

  const db = await run.connect();
  const accounts = (await json(`${first}/api/auth/demo/accounts`)).items;
  const wang = accounts.find((account) => account.displayName.includes('王秀英'));
  const resident = bearer((await json(`${first}/api/auth/demo/login`, { method: 'POST', body: JSON.stringify({ accountId: wang.id }) })).tokens.accessToken);
  /** Places `count` orders on instance A, one every ORDER_EVERY_MS; answers how long each POST took. */
  const placeOrders = async (count, label) => {
    const took = [];
    for (let index = 0; index < count; index++) {
      const sent = Date.now();
      await json(`${first}/api/home-orders`, {
        method: 'POST',
        headers: resident,
        body: JSON.stringify({
          centreId: CENTRE,
          serviceId: SERVICE,
          residentId: RESIDENT,
          address: '蜀山区肥西路 3 号院 5 栋 201',
          windowStartsAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
          windowEndsAt: new Date(Date.now() + 27 * 3600_000).toISOString(),
          description: `${label} ${index}`,
          latitude: 31.84437,
          longitude: 117.26219,
        }),
      });
      took.push(Date.now() - sent);
      await sleep(Math.max(0, ORDER_EVERY_MS - (Date.now() - sent)));
    }
    return took;
  };
  /** The offers made since `since`, with their commit stamps (offered_at, the API's clock: this machine's). */
  const offersSince = async (since) => {
    const [rows] = await db.query('SELECT id, worker_id AS workerId, offered_at AS offeredAt FROM dispatch_offer WHERE offered_at >= ?', [since]);
    return rows;
  };

  // 1. Push.
  const received = new Map();
  const sockets = await Promise.all(
    workers.map(
      (worker) =>
        new Promise((resolve, reject) => {
          const socket = new WebSocket(`${instances[worker.index % 2].replace(/^http/, 'ws')}/api/live`);
          socket.on('open', () => socket.send(JSON.stringify({ type: 'auth', token: worker.token })));
          socket.on('message', (data) => {
            const frame = JSON.parse(data.toString());
            if (frame.type === 'ready') resolve(socket);
            if (frame.type === 'offer' && !received.has(frame.offerId)) received.set(frame.offerId, Date.now());
          });
          socket.on('error', reject);
          socket.on('close', (code) => (code === 1000 ? undefined : reject(new Error(`socket closed ${code}`))));
        }),
    ),
  );
  const idlePush = await queriesPerSecond(db, () => sleep(MEASURE_IDLE_MS));
  const pushStarted = new Date();
  let placing = [];
  const pushQps = await queriesPerSecond(db, async () => {
    placing = await placeOrders(OFFERS, '推送压测');
    await sleep(2000);
  });
  const pushOffers = await offersSince(pushStarted);
  const pushLatency = pushOffers.filter((offer) => received.has(offer.id)).map((offer) => received.get(offer.id) - new Date(offer.offeredAt).getTime());
  const missed = pushOffers.length - pushLatency.length;
  sockets.forEach((socket) => socket.close(1000));

  // 2. Poll, every worker every 5 s, spread evenly over the 5 s.
  const seenByPoll = new Map();
  let polling = true;
  let polls = 0;
  let pollFailures = 0;
  const pollers = workers.map(async (worker, index) => {
    await sleep((index / workers.length) * POLL_MS);
    while (polling) {
      const sent = Date.now();
      try {
        const response = await fetch(`${instances[worker.index % 2]}/api/worker/offer`, { headers: bearer(worker.token) });
        const body = await response.json();
        polls++;
        if (!response.ok) pollFailures++;
        const id = body.offer?.id;
        if (id && !seenByPoll.has(id)) seenByPoll.set(id, Date.now());
      } catch {
        pollFailures++;
      }
      await sleep(Math.max(0, POLL_MS - (Date.now() - sent)));
    }
  });
  await sleep(POLL_MS);
  const [pollsBefore, pollStarted] = [polls, Date.now()];
  const idlePoll = await queriesPerSecond(db, () => sleep(MEASURE_IDLE_MS));
  const pollsPerSecond = Math.round(((polls - pollsBefore) / (Date.now() - pollStarted)) * 1000);
  const pollOffersStarted = new Date();
  const pollQps = await queriesPerSecond(db, async () => {
    await placeOrders(OFFERS, '轮询压测');
    await sleep(POLL_MS + 1000);
  });
  polling = false;
  await Promise.all(pollers);
  const pollOffers = await offersSince(pollOffersStarted);
  const pollLatency = pollOffers.filter((offer) => seenByPoll.has(offer.id)).map((offer) => seenByPoll.get(offer.id) - new Date(offer.offeredAt).getTime());

  console.log(`  placing an order (POST /api/home-orders, the dispatcher ranking ${WORKERS} online workers in its transaction): ${describe(placing, 'orders')}`);
  console.log(`  push (WebSocket, ${process.env.REDIS_URL ? 'Redis pub/sub' : 'each instance following the outbox once a second'}):`);
  console.log(`    commit → worker's socket: ${describe(pushLatency)}${missed ? `; ${missed} offers never arrived` : ''}`);
  console.log(`    database queries/s: ${idlePush} idle, ${pushQps} while placing an order every ${ORDER_EVERY_MS} ms`);
  console.log(`  poll (GET /api/worker/offer every ${POLL_MS / 1000} s per worker, ~${pollsPerSecond} requests/s${pollFailures ? `, ${pollFailures} failed` : ''}):`);
  console.log(`    commit → first poll that sees it: ${describe(pollLatency)}`);
  console.log(`    database queries/s: ${idlePoll} idle, ${pollQps} while placing an order every ${ORDER_EVERY_MS} ms`);
  await db.end();
  if (missed) process.exitCode = 1;
} finally {
  await run.close();
}
