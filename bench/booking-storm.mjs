#!/usr/bin/env node
/**
 * `npm run bench:booking` (needs `npm run build` and MariaDB/MySQL; not part of `npm test`):
 *
 * 1. Storm: two API instances on the same database, 1000 concurrent booking requests for one slot of 50 seats,
 *    sent alternately to both. Exactly 50 must succeed, none may be a 5xx, and the seat counter must equal the
 *    live bookings.
 * 2. Throughput: booking POST on a hot slot (mostly answered SLOT_FULL once it fills) and the slot-list GET,
 *    through the API, against bare Fastify + mysql2 handlers doing the same core work, in the same run.
 *
 * BENCH_DATABASE_URL (default mariadb://root@127.0.0.1:3306/x: a scratch database is created on that server and
 * dropped afterwards), BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 50).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import autocannon from 'autocannon';
import { REPO_ROOT } from '../scripts/lib/run.mjs';
import { json, waitFor } from './lib/http.mjs';
import { openMariadbRun } from './lib/mariadb-run.mjs';
import { API_DIST } from './lib/api-dist.mjs';

const require = createRequire(import.meta.url);
const { stableId } = require(join(API_DIST, 'seed/stable-id.js'));

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const STORM = 1000;
const CAPACITY = 50;
const CENTRE = stableId('centre', 'C340104001001');
const COMMUNITY = stableId('region', '340104001001');
const STORM_SERVICE = stableId('service', 'community_course');
const HOT_SERVICE = stableId('service', 'volunteer_activity');

const run = await openMariadbRun();

try {
  run.seedDemoData();
  const instances = await run.startApiInstances([3911, 3912]);

  const login = await json(`${instances[0]}/api/auth/password/login`, { method: 'POST', body: JSON.stringify({ username: 'anda.staff', password: 'Linli@2026' }) });
  const auth = { authorization: `Bearer ${login.tokens.accessToken}` };
  const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, ranges: [{ start: '09:00', end: '11:00' }], slotMinutes: 120, seats: CAPACITY }));
  for (const service of [STORM_SERVICE, HOT_SERVICE]) {
    await json(`${instances[0]}/api/staff/centres/${CENTRE}/services/${service}/schedule`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ weekly, policy: { bookingWindowDays: 14, minNoticeMinutes: 120, cancelCutoffMinutes: 60 } }),
    });
  }
  const slotOf = async (service) => (await json(`${instances[0]}/api/centres/${CENTRE}/services/${service}/slots`)).items[0].startsAt;

  // People to book for: inserted directly, as a data load.
  const people = Array.from({ length: STORM }, () => randomUUID());
  const db = await run.connect();
  await db.query('INSERT INTO resident (id, name, community_id, created_at, updated_at) VALUES ?', [
    people.map((id, index) => [id, `压测居民${index}`, COMMUNITY, new Date(), new Date()]),
  ]);

  // 1. The storm.
  const stormSlot = await slotOf(STORM_SERVICE);
  const started = Date.now();
  const responses = await Promise.all(
    people.map((residentId, index) =>
      fetch(`${instances[index % 2]}/api/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({ centreId: CENTRE, serviceId: STORM_SERVICE, startsAt: stormSlot, residentId }),
      }),
    ),
  );
  const stormMs = Date.now() - started;
  const tally = {};
  for (const response of responses) tally[response.status] = (tally[response.status] ?? 0) + 1;
  const [[slotRow]] = await db.query(
    'SELECT s.booked, s.capacity, (SELECT COUNT(*) FROM booking b WHERE b.slot_id = s.id AND b.active_resident_id IS NOT NULL) AS live FROM slot s WHERE s.starts_at = ? AND s.centre_service_id = ?',
    [new Date(stormSlot), stableId('centre-service', `C340104001001:community_course`)],
  );
  console.log(`\nStorm: ${STORM} concurrent POST /api/bookings on one ${CAPACITY}-seat slot, two API instances, ${stormMs} ms`);
  console.log(`  answers: ${JSON.stringify(tally)}; seat counter ${slotRow.booked}/${slotRow.capacity}, live bookings ${slotRow.live}`);
  const stormOk =
    tally[201] === CAPACITY && !Object.keys(tally).some((status) => Number(status) >= 500) && Number(slotRow.booked) === CAPACITY && Number(slotRow.live) === CAPACITY;
  console.log(`  ${stormOk ? 'OK' : 'FAILED'}: exactly ${CAPACITY} booked, no 5xx, counter = live rows`);

  // 2. Throughput on a hot slot: the API vs bare Fastify + mysql2 running the core SQL.
  run.spawnNode([join(REPO_ROOT, 'bench/baseline-booking-server.mjs'), run.databaseUrl, '3913'], { port: 3913 });
  await waitFor('http://127.0.0.1:3913/health');
  const hotSlot = await slotOf(HOT_SERVICE);
  // The API creates the slot row on first booking; book once so both sides start from an existing row.
  await json(`${instances[0]}/api/bookings`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ centreId: CENTRE, serviceId: HOT_SERVICE, startsAt: hotSlot, residentId: people[0] }),
  });
  let next = 1;
  const body = () => JSON.stringify({ centreId: CENTRE, serviceId: HOT_SERVICE, startsAt: hotSlot, residentId: people[next++ % STORM] });
  const load = (url, headers, method) =>
    new Promise((resolve, reject) =>
      autocannon(
        {
          url,
          connections,
          duration: seconds,
          method,
          headers: { 'content-type': 'application/json', ...headers },
          ...(method === 'POST' ? { requests: [{ setupRequest: (request) => ({ ...request, body: body() }) }] } : {}),
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      ),
    );
  const query = `centreId=${CENTRE}&serviceId=${HOT_SERVICE}`;
  for (const [title, cases] of [
    [
      'Hot-slot booking POST',
      [
        ['baseline: bare Fastify + mysql2, guarded UPDATE + INSERT', 'http://127.0.0.1:3913/bookings', {}, 'POST'],
        ['Linli API, POST /api/bookings', `${instances[0]}/api/bookings`, auth, 'POST'],
      ],
    ],
    [
      'Slot list GET',
      [
        ['baseline: bare Fastify + mysql2, same reads + generateSlots', `http://127.0.0.1:3913/slots?${query}`, {}, 'GET'],
        ['Linli API, GET /api/centres/:centre/services/:service/slots', `${instances[0]}/api/centres/${CENTRE}/services/${HOT_SERVICE}/slots`, {}, 'GET'],
      ],
    ],
  ]) {
    const rows = [];
    for (const [name, url, headers, method] of cases) {
      await load(url, headers, method); // warm-up
      const result = await load(url, headers, method);
      rows.push({ name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, fiveHundreds: result['5xx'] ?? 0 });
    }
    console.log(`\n${title}, ${connections} connections, ${seconds} s per case (after a warm-up pass), node ${process.version}\n`);
    console.log('| case | req/s | p50 ms | p99 ms | 5xx | ratio to baseline |\n|---|---:|---:|---:|---:|---:|');
    for (const row of rows) console.log(`| ${row.name} | ${Math.round(row.rps)} | ${row.p50} | ${row.p99} | ${row.fiveHundreds} | ${(row.rps / rows[0].rps).toFixed(2)} |`);
  }
  await db.end();
  process.exitCode = stormOk ? 0 : 1;
} finally {
  await run.close();
}
