#!/usr/bin/env node
/**
 * `npm run bench` (needs `npm run build`; MariaDB on 127.0.0.1:3306 for its second half): the API's hot paths
 * (issue 17) against bare Fastify doing the same essential SQL (bench/baseline-hot-paths.mjs says what each
 * baseline does and leaves out), in the same run, on SQLite and then on MariaDB. Each case warms both sides up
 * once, then runs BENCH_ROUNDS rounds of baseline-then-API passes: the ratio printed is the median of the rounds'
 * ratios, so a burst of load from elsewhere on a shared machine skews one round, not the figure; req/s are the
 * rounds' means, p50/p99 their medians.
 * It prints one table per database with req/s, p50, p99, the ratio to the baseline, the goal, and whether
 * it is met. The worker's offer poll and pool are measured by `npm run bench:dispatch` (its own setup of workers).
 *
 * Env: BENCH_SECONDS (default 10), BENCH_ROUNDS (default 3), BENCH_CONNECTIONS (default 50), BENCH_DIALECTS (default "sqlite,mariadb"),
 * BENCH_CASES (comma-separated case keys, default all), BENCH_DATABASE_URL (MariaDB server, see lib/mariadb-run),
 * BENCH_API_DIST (the built API to measure, default api/dist: another build can be measured while api/dist is in use).
 */
import { randomUUID } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { REPO_ROOT } from '../scripts/lib/run.mjs';
import { json, waitFor } from './lib/http.mjs';
import { openMariadbRun } from './lib/mariadb-run.mjs';
import { inRounds, medianRatio, summary } from './lib/rounds.mjs';
import { API_DIST } from './lib/api-dist.mjs';

const require = createRequire(import.meta.url);
const { stableId } = require(join(API_DIST, 'seed/stable-id.js'));

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const dialects = (process.env.BENCH_DIALECTS ?? 'sqlite,mariadb').split(',');
const only = process.env.BENCH_CASES?.split(',');
const CENTRE = stableId('centre', 'C340104001001');
const COMMUNITY = stableId('region', '340104001001');
const HOT_SERVICE = stableId('service', 'volunteer_activity');
const PEOPLE = 500;
const SEATS = 20;
const API_PORT = 3901;
const BASE_PORT = 3902;
const API = `http://127.0.0.1:${API_PORT}`;
const BASE = `http://127.0.0.1:${BASE_PORT}`;

/** A SQLite run: a throwaway file with the demo data; the processes it starts share its environment. */
function openSqliteRun() {
  const folder = mkdtempSync(join(tmpdir(), 'linli-bench-'));
  const file = join(folder, 'bench.sqlite');
  const env = { ...process.env, DATABASE_URL: `sqlite:${file}`, H5_DIR: 'off', LOG_LEVEL: 'info', LOGIN_MAX_ATTEMPTS_PER_IP: '10000', NO_SHOW_SWEEP_SECONDS: '0' };
  const children = [];
  return {
    databaseUrl: `sqlite:${file}`,
    spawnNode(args, { port }) {
      // Logs go to /dev/null: the cost of writing them stays in, the terminal stays readable.
      const child = spawn(process.execPath, args, { env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'inherit'] });
      children.push(child);
      return child;
    },
    seedDemoData() {
      const seeded = spawnSync(process.execPath, [join(API_DIST, 'cli/seed.js')], { env, encoding: 'utf8' });
      if (seeded.status !== 0) throw new Error(seeded.stderr);
    },
    async insertResidents(ids) {
      const Database = require('better-sqlite3');
      const db = new Database(file);
      db.pragma('busy_timeout = 5000');
      const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
      const insert = db.prepare('INSERT INTO resident (id, name, community_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
      db.transaction(() => ids.forEach((id, index) => insert.run(id, `压测居民${index}`, COMMUNITY, now, now)))();
      db.close();
    },
    async close() {
      children.forEach((child) => child.kill('SIGTERM'));
      await sleep(500);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

async function openMariadb() {
  const run = await openMariadbRun();
  return {
    ...run,
    async insertResidents(ids) {
      const db = await run.connect();
      await db.query('INSERT INTO resident (id, name, community_id, created_at, updated_at) VALUES ?', [
        ids.map((id, index) => [id, `压测居民${index}`, COMMUNITY, new Date(), new Date()]),
      ]);
      await db.end();
    },
  };
}

function load({ url, method = 'GET', headers = {}, body }) {
  return new Promise((resolve, reject) =>
    autocannon(
      {
        url,
        connections,
        duration: seconds,
        method,
        headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
        ...(body ? { requests: [{ setupRequest: (request) => ({ ...request, body: body() }) }] } : {}),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    ),
  );
}

async function pass(target, expected) {
  const result = await load(target);
  const unexpected = Object.entries(result.statusCodeStats ?? {}).filter(([status]) => !expected.includes(Number(status)));
  if (result.errors || unexpected.length) throw new Error(`${target.url}: ${result.errors} errors, unexpected answers ${JSON.stringify(Object.fromEntries(unexpected))}`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/** Rounds of baseline then API (bench/lib/rounds.mjs); the ratio is the median of the rounds'. */
async function measure(entry) {
  const expected = entry.expected ?? [200];
  const passes = await inRounds(rounds, { baseline: () => pass(entry.baseline, expected), api: () => pass(entry.api, expected) });
  return { baseline: summary(passes.baseline), api: summary(passes.api), ratio: medianRatio(passes.api, passes.baseline) };
}

async function benchDialect(dialect) {
  const run = dialect === 'sqlite' ? openSqliteRun() : await openMariadb();
  try {
    run.seedDemoData();
    run.spawnNode([join(API_DIST, 'main.js')], { port: API_PORT });
    run.spawnNode([join(REPO_ROOT, 'bench/baseline-hot-paths.mjs'), run.databaseUrl, String(BASE_PORT)], { port: BASE_PORT });
    await waitFor(`${API}/api/health/ready`, 600);
    await waitFor(`${BASE}/health`, 600);

    const login = await json(`${API}/api/auth/password/login`, { method: 'POST', body: JSON.stringify({ username: 'anda.staff', password: 'Linli@2026' }) });
    const auth = { authorization: `Bearer ${login.tokens.accessToken}` };
    const accountId = JSON.parse(Buffer.from(login.tokens.accessToken.split('.')[1], 'base64url').toString()).sub;
    // A hot slot: one two-hour slot a day of SEATS seats, booked full before the measured passes start.
    const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, ranges: [{ start: '09:00', end: '11:00' }], slotMinutes: 120, seats: SEATS }));
    await json(`${API}/api/staff/centres/${CENTRE}/services/${HOT_SERVICE}/schedule`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ weekly, policy: { bookingWindowDays: 14, minNoticeMinutes: 120, cancelCutoffMinutes: 60 } }),
    });
    const people = Array.from({ length: PEOPLE }, () => randomUUID());
    await run.insertResidents(people);
    const hotSlot = (await json(`${API}/api/centres/${CENTRE}/services/${HOT_SERVICE}/slots`)).items[0].startsAt;
    for (const residentId of people.slice(0, SEATS)) {
      await json(`${API}/api/bookings`, { method: 'POST', headers: auth, body: JSON.stringify({ centreId: CENTRE, serviceId: HOT_SERVICE, startsAt: hotSlot, residentId }) });
    }
    let next = SEATS;
    const booking = (withAccount) => () =>
      JSON.stringify({ centreId: CENTRE, serviceId: HOT_SERVICE, startsAt: hotSlot, residentId: people[next++ % PEOPLE], ...(withAccount ? { accountId } : {}) });

    const cases = [
      {
        key: 'health',
        name: 'GET /api/health (no I/O; request log line on)',
        goal: 0.8,
        baseline: { url: `${BASE}/health` },
        api: { url: `${API}/api/health` },
      },
      { key: 'catalogue', name: 'GET /api/catalogue (public read)', goal: 0.6, baseline: { url: `${BASE}/catalogue` }, api: { url: `${API}/api/catalogue` } },
      { key: 'centres', name: 'GET /api/centres (public read)', goal: 0.6, baseline: { url: `${BASE}/centres` }, api: { url: `${API}/api/centres` } },
      { key: 'me', name: 'GET /api/me (signed in)', goal: 0.5, baseline: { url: `${BASE}/me?accountId=${accountId}` }, api: { url: `${API}/api/me`, headers: auth } },
      {
        key: 'slots',
        name: 'GET slot list (centre × service)',
        goal: 0.6,
        baseline: { url: `${BASE}/slots?centreId=${CENTRE}&serviceId=${HOT_SERVICE}` },
        api: { url: `${API}/api/centres/${CENTRE}/services/${HOT_SERVICE}/slots` },
      },
      {
        key: 'booking',
        name: 'POST /api/bookings on a full hot slot (409 SLOT_FULL)',
        goal: 0.5,
        expected: [201, 409],
        baseline: { url: `${BASE}/bookings`, method: 'POST', body: booking(true) },
        api: { url: `${API}/api/bookings`, method: 'POST', headers: auth, body: booking(false) },
      },
    ].filter((entry) => !only || only.includes(entry.key));

    const rows = [];
    for (const entry of cases) rows.push({ ...entry, ...(await measure(entry)) });
    return rows;
  } finally {
    await run.close();
  }
}

const started = new Date();
const load1 = loadavg()[0];
const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).stdout.trim();
const results = [];
for (const dialect of dialects) results.push([dialect, await benchDialect(dialect)]);

console.log(
  `\nnpm run bench — ${started.toISOString()}, commit ${commit}, node ${process.version}, ${connections} connections, ${rounds} rounds of ${seconds} s per side and case after a ${seconds} s warm-up, median ratio of the rounds, load average ${load1.toFixed(1)} at start / ${loadavg()[0].toFixed(1)} at end`,
);
let allMet = true;
for (const [dialect, rows] of results) {
  console.log(`\n${dialect === 'sqlite' ? 'SQLite (better-sqlite3)' : 'MariaDB (mysql2, pool of 10)'}\n`);
  console.log('| route | baseline req/s | API req/s | baseline p50 / p99 ms | API p50 / p99 ms | ratio (median) | goal | met |\n|---|---:|---:|---:|---:|---:|---:|---|');
  for (const row of rows) {
    const met = row.ratio >= row.goal;
    allMet &&= met;
    console.log(
      `| ${row.name} | ${Math.round(row.baseline.rps)} | ${Math.round(row.api.rps)} | ${row.baseline.p50} / ${row.baseline.p99} | ${row.api.p50} / ${row.api.p99} | ${row.ratio.toFixed(2)} | ≥ ${row.goal} | ${met ? 'met' : 'NOT MET'} |`,
    );
  }
}
console.log('\nWorker offer poll / pool (goal ≥ 0.5): measured by `npm run bench:dispatch`, not here.');
console.log(allMet ? '\nEvery goal measured here is met.' : '\nSome goals are not met (see the tables).');
