#!/usr/bin/env node
/**
 * `npm run bench:outlets` (needs `npm run build`; MariaDB on 127.0.0.1:3306 for the second half; not part of
 * `npm test`): nearest-outlet search of issue 14 on 100,000 outlets spread over a city, against a full scan.
 *
 * For each database (SQLite, then MariaDB): a scratch database with the demo data (`seed.js`), then 100,000 outlets
 * loaded directly (random kinds, positions uniform over a 44 km × 45 km square around Hefei, hours a mix of day,
 * split, overnight and 24 h), the built API, and the full-scan baseline (bench/baseline-outlets-server.mjs: bare
 * Fastify, every row ordered by distance in SQL) on the same database; for the filtered case also that baseline
 * allowed the API's kind-led index (the rows of the kinds asked, then ordered: a directory with an index on the kind
 * and no spatial one). Every request asks for the 20 nearest from a fresh random position in the square: without
 * filters, and with two kinds (药店, 银行) and 只看营业中.
 *
 * Each case runs a warm-up, then BENCH_SECONDS (default 10) at BENCH_CONNECTIONS (default 10) in flight for the
 * throughput (and its latencies), then for the API the same time at a steady 200 requests/s, one due every 5 ms
 * whatever the earlier ones are doing (bench/lib/paced.mjs, which says why not autocannon's rate), for the latency
 * (p50/p99, from when each request was due) at that load. The API is called
 * as a signed-in staff member (anda.staff), so its figures include the guard and the response contract.
 *
 * BENCH_DATABASES (default `sqlite,mariadb`), BENCH_OUTLETS (default 100000), BENCH_DATABASE_URL (default
 * mariadb://root@127.0.0.1:3306/x: a scratch database is created on that server and dropped afterwards).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { REPO_ROOT } from '../scripts/lib/run.mjs';
import { json, waitFor } from './lib/http.mjs';
import { pacedLatency } from './lib/paced.mjs';

const require = createRequire(import.meta.url);
const { createScratchDatabase } = require(join(REPO_ROOT, 'api/dist/database/scratch-database.js'));
const { stableId } = require(join(REPO_ROOT, 'api/dist/seed/stable-id.js'));
const { cellNumberOf, OUTLET_KINDS } = require('@linli/shared');

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const OUTLETS = Number(process.env.BENCH_OUTLETS ?? 100_000);
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,mariadb').split(',');
const CITY = { south: 31.62, north: 32.02, west: 117.0, east: 117.48 };
const COMMUNITY = stableId('region', '340104001001');
const FIXED_RATE = 200;

const every = (ranges, weekdays = [1, 2, 3, 4, 5, 6, 7]) => JSON.stringify({ weekly: weekdays.map((weekday) => ({ weekday, ranges })), dated: [] });
const HOURS = [
  every([{ start: '08:00', end: '20:00' }]),
  every([{ start: '06:00', end: '10:30' }]),
  every(
    [
      { start: '08:00', end: '11:30' },
      { start: '13:30', end: '18:00' },
    ],
    [1, 2, 3, 4, 5],
  ),
  every([{ start: '18:00', end: '02:00' }]),
  every([{ start: '00:00', end: '24:00' }]),
];

let seed = 20261201;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const between = (low, high) => low + random() * (high - low);

function outletRows() {
  return Array.from({ length: OUTLETS }, (_, index) => {
    const latitudeE6 = Math.round(between(CITY.south, CITY.north) * 1e6);
    const longitudeE6 = Math.round(between(CITY.west, CITY.east) * 1e6);
    const kind = OUTLET_KINDS[index % OUTLET_KINDS.length];
    return [
      stableId('outlet', `bench-${index}`),
      `网点${index}`,
      kind,
      COMMUNITY,
      '压测地址',
      latitudeE6,
      longitudeE6,
      cellNumberOf(latitudeE6, longitudeE6),
      '0551-65100000',
      HOURS[index % HOURS.length],
      '["便民"]',
      '[]',
      '',
      null,
    ];
  });
}
const COLUMNS = ['id', 'name', 'kind', 'region_id', 'address', 'latitude_e6', 'longitude_e6', 'cell', 'phone', 'hours', 'services', 'photo_urls', 'elder_features', 'verified_on'];

async function loadOutlets(dialect, databaseUrl, rows) {
  if (dialect === 'sqlite') {
    const Database = require('better-sqlite3');
    const db = new Database(databaseUrl.slice('sqlite:'.length));
    const insert = db.prepare(`INSERT INTO outlet (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`);
    db.transaction(() => rows.forEach((row) => insert.run(...row)))();
    db.exec('ANALYZE');
    db.close();
    return;
  }
  const mysql = require('mysql2/promise');
  const db = await mysql.createConnection({ uri: databaseUrl.replace(/^mariadb:/, 'mysql:') });
  for (let start = 0; start < rows.length; start += 2000) await db.query(`INSERT INTO outlet (${COLUMNS.join(', ')}) VALUES ?`, [rows.slice(start, start + 2000)]);
  await db.query('ANALYZE TABLE outlet');
  await db.end();
}

function randomPosition() {
  return `latitude=${between(CITY.south + 0.02, CITY.north - 0.02).toFixed(6)}&longitude=${between(CITY.west + 0.02, CITY.east - 0.02).toFixed(6)}`;
}

function load(base, path, headers, extra) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: base,
        connections,
        timeout: 120,
        duration: seconds,
        headers,
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: `${path}${randomPosition()}` }) }],
        ...extra,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

/**
 * Throughput with BENCH_CONNECTIONS in flight (and its latencies); then, when `paced`, the latencies at a steady
 * 200 requests/s. The full scan is not paced: at a few requests a second it cannot keep up with 200/s, and its queue
 * would only measure autocannon's timeout.
 */
async function measure(name, base, path, headers, paced) {
  await load(base, path, headers, { duration: 3 }); // warm-up; discarded
  const flat = await load(base, path, headers, {});
  if (flat.non2xx || flat.errors) throw new Error(`${name}: ${flat.non2xx} non-2xx, ${flat.errors} errors or timeouts`);
  const atRate = paced ? await pacedLatency({ base, rate: FIXED_RATE, seconds, headers, pathOf: () => `${path}${randomPosition()}` }) : null;
  if (atRate?.failed) throw new Error(`${name}: ${atRate.failed} of ${atRate.sent} paced requests failed`);
  return { name, rps: flat.requests.average, p50: flat.latency.p50, p99: flat.latency.p99, paced: atRate };
}

async function runOn(dialect) {
  const scratch = await createScratchDatabase(dialect === 'sqlite' ? undefined : (process.env.BENCH_DATABASE_URL ?? 'mariadb://root@127.0.0.1:3306/x'), 'bench_outlets');
  const databaseUrl = dialect === 'sqlite' ? `sqlite:${scratch.config.file}` : scratch.config.url;
  const env = { ...process.env, DATABASE_URL: databaseUrl, H5_DIR: 'off', LOG_LEVEL: 'info', NO_SHOW_SWEEP_SECONDS: '0' };
  const children = [];
  const start = (args, port) => {
    const child = spawn(process.execPath, args, { env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'inherit'] });
    children.push(child);
  };
  try {
    const seeded = spawnSync(process.execPath, [join(REPO_ROOT, 'api/dist/cli/seed.js')], { env, encoding: 'utf8' });
    if (seeded.status !== 0) throw new Error(seeded.stderr);
    const loadStarted = Date.now();
    await loadOutlets(dialect, databaseUrl, outletRows());
    console.error(`[${dialect}] ${OUTLETS} outlets loaded in ${((Date.now() - loadStarted) / 1000).toFixed(1)} s`);
    start([join(REPO_ROOT, 'api/dist/main.js')], 3911);
    start([join(REPO_ROOT, 'bench/baseline-outlets-server.mjs'), databaseUrl, '3912'], 3912);
    await waitFor('http://127.0.0.1:3911/api/health/ready');
    await waitFor(`http://127.0.0.1:3912/nearest?${randomPosition()}`);
    const login = await json('http://127.0.0.1:3911/api/auth/password/login', { method: 'POST', body: JSON.stringify({ username: 'anda.staff', password: 'Linli@2026' }) });
    const authorization = { authorization: `Bearer ${login.tokens.accessToken}` };
    const filtered = 'kinds=pharmacy,bank&openNow=true&';
    return [
      await measure('Linli API, nearest 20 (grid cells, rings)', 'http://127.0.0.1:3911', '/api/outlets?pageSize=20&', authorization, true),
      await measure('full scan (bare Fastify), nearest 20', 'http://127.0.0.1:3912', '/nearest?', {}, false),
      await measure('Linli API, nearest 20 药店/银行 open now', 'http://127.0.0.1:3911', `/api/outlets?pageSize=20&${filtered}`, authorization, true),
      await measure('full scan (bare Fastify), nearest 20 药店/银行 open now', 'http://127.0.0.1:3912', `/nearest?${filtered}`, {}, false),
      await measure('kind index, no spatial one (bare Fastify), nearest 20 药店/银行 open now', 'http://127.0.0.1:3912', `/nearest?index=kind&${filtered}`, {}, false),
    ];
  } finally {
    children.forEach((child) => child.kill('SIGTERM'));
    await sleep(500);
    await scratch.drop();
  }
}

for (const dialect of DATABASES) {
  const rows = await runOn(dialect);
  console.log(`\n${dialect}: ${OUTLETS} outlets, ${connections} connections, ${seconds} s per measurement, node ${process.version}\n`);
  console.log(`| case | req/s (${connections} in flight) | p50 / p99 ms (${connections} in flight) | p50 / p99 ms at a steady ${FIXED_RATE} req/s |\n|---|---:|---:|---:|`);
  for (const row of rows) {
    const paced = row.paced ? `${row.paced.p50} / ${row.paced.p99} (max ${row.paced.max})` : '— (cannot keep up)';
    console.log(`| ${row.name} | ${Math.round(row.rps)} | ${row.p50} / ${row.p99} | ${paced} |`);
  }
  console.log(`\nindex / full scan throughput: ${(rows[0].rps / rows[1].rps).toFixed(1)}× unfiltered, ${(rows[2].rps / rows[3].rps).toFixed(1)}× filtered`);
  console.log(`grid index / kind index alone, filtered: ${(rows[2].rps / rows[4].rps).toFixed(1)}×`);
}
