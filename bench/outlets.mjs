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
 * Each case warms every side up (3 s), then runs BENCH_ROUNDS (default 3) rounds; in each round every baseline and
 * then the API make one pass (bench/lib/rounds.mjs): BENCH_SECONDS (default 10) at BENCH_CONNECTIONS (default 10)
 * in flight for the throughput (and its latencies), and for the API then the same time at a steady 200 requests/s,
 * one due every 5 ms whatever the earlier ones are doing (bench/lib/paced.mjs, which says why not autocannon's
 * rate), for the latency (p50/p99, from when each request was due) at that load. Ratios are the median of the rounds'
 * ratios and latencies the median of the rounds', so one burst of other load decides neither. The API is called as a
 * signed-in staff member (anda.staff), so its figures include the guard and the response contract. "Open now" is
 * evaluated at the time of the run (printed in Shanghai time): at night fewer outlets are open, and more are read.
 * BENCH_OPEN_AT=22:30 asks "open at" that Shanghai time today instead (bench/lib/outlet-data.mjs).
 *
 * BENCH_DATABASES (default `sqlite,mariadb`), BENCH_OUTLETS (default 100000), BENCH_ROUNDS, BENCH_DATABASE_URL (default
 * mariadb://root@127.0.0.1:3306/x: a scratch database is created on that server and dropped afterwards).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { REPO_ROOT } from '../scripts/lib/run.mjs';
import { json, waitFor } from './lib/http.mjs';
import { FILTERED_QUERY, loadOutlets, OPEN_AT, OUTLETS, outletRows, randomPosition } from './lib/outlet-data.mjs';
import { pacedLatency } from './lib/paced.mjs';
import { inRounds, median, medianRatio, summary } from './lib/rounds.mjs';
import { API_DIST } from './lib/api-dist.mjs';

const require = createRequire(import.meta.url);
const { createScratchDatabase } = require(join(API_DIST, 'database/scratch-database.js'));
const { shanghaiTimeOf } = require('@linli/shared');

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,mariadb').split(',');
const FIXED_RATE = 200;

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
 * One pass of a side: throughput with BENCH_CONNECTIONS in flight (and its latencies); then, when `paced`, the
 * latencies at a steady 200 requests/s. The full scan is not paced: at a few requests a second it cannot keep up
 * with 200/s, and its queue would only measure autocannon's timeout. A warm-up pass is 3 s, closed-loop only.
 */
function side(name, base, path, headers, paced) {
  return async ({ warmUp }) => {
    if (warmUp) return load(base, path, headers, { duration: 3 });
    const flat = await load(base, path, headers, {});
    if (flat.non2xx || flat.errors) throw new Error(`${name}: ${flat.non2xx} non-2xx, ${flat.errors} errors or timeouts`);
    const atRate = paced ? await pacedLatency({ base, rate: FIXED_RATE, seconds, headers, pathOf: () => `${path}${randomPosition()}` }) : null;
    if (atRate?.failed) throw new Error(`${name}: ${atRate.failed} of ${atRate.sent} paced requests failed`);
    return { rps: flat.requests.average, p50: flat.latency.p50, p99: flat.latency.p99, paced: atRate };
  };
}

/** A case's sides in alternating rounds (bench/lib/rounds.mjs): each baseline, then the API, every round. */
async function compare(label, sides) {
  const passes = await inRounds(rounds, sides);
  const api = passes.api;
  const pacedP = (key) => median(api.map((pass) => pass.paced[key]));
  return {
    label,
    api: { ...summary(api), paced: { p50: pacedP('p50'), p99: pacedP('p99'), max: Math.max(...api.map((pass) => pass.paced.max)), rounds: api.map((pass) => pass.paced.p99) } },
    baselines: Object.entries(passes)
      .filter(([name]) => name !== 'api')
      .map(([name, baseline]) => ({ name, ...summary(baseline), ratio: medianRatio(api, baseline), ratios: api.map((pass, round) => pass.rps / baseline[round].rps) })),
  };
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
    const seeded = spawnSync(process.execPath, [join(API_DIST, 'cli/seed.js')], { env, encoding: 'utf8' });
    if (seeded.status !== 0) throw new Error(seeded.stderr);
    const loadStarted = Date.now();
    await loadOutlets(dialect, databaseUrl, outletRows());
    console.error(`[${dialect}] ${OUTLETS} outlets loaded in ${((Date.now() - loadStarted) / 1000).toFixed(1)} s`);
    start([join(API_DIST, 'main.js')], 3911);
    start([join(REPO_ROOT, 'bench/baseline-outlets-server.mjs'), databaseUrl, '3912'], 3912);
    await waitFor('http://127.0.0.1:3911/api/health/ready');
    await waitFor(`http://127.0.0.1:3912/nearest?${randomPosition()}`);
    const login = await json('http://127.0.0.1:3911/api/auth/password/login', { method: 'POST', body: JSON.stringify({ username: 'anda.staff', password: 'Linli@2026' }) });
    const authorization = { authorization: `Bearer ${login.tokens.accessToken}` };
    return [
      await compare('nearest 20', {
        'full scan': side('full scan', 'http://127.0.0.1:3912', '/nearest?', {}, false),
        api: side('API', 'http://127.0.0.1:3911', '/api/outlets?pageSize=20&', authorization, true),
      }),
      await compare(`nearest 20 药店/银行 open ${OPEN_AT ? `at ${OPEN_AT}` : 'now'}`, {
        'full scan': side('full scan, filtered', 'http://127.0.0.1:3912', `/nearest?${FILTERED_QUERY}`, {}, false),
        'kind index, no spatial one': side('kind index, filtered', 'http://127.0.0.1:3912', `/nearest?index=kind&${FILTERED_QUERY}`, {}, false),
        api: side('API, filtered', 'http://127.0.0.1:3911', `/api/outlets?pageSize=20&${FILTERED_QUERY}`, authorization, true),
      }),
    ];
  } finally {
    children.forEach((child) => child.kill('SIGTERM'));
    await sleep(500);
    await scratch.drop();
  }
}

const started = new Date();
const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).stdout.trim();
for (const dialect of DATABASES) {
  const load1 = loadavg()[0];
  const cases = await runOn(dialect);
  console.log(
    `\n${dialect}: ${OUTLETS} outlets, commit ${commit}, started ${started.toISOString()} (${shanghaiTimeOf(started)} Shanghai${OPEN_AT ? `; open at ${OPEN_AT} Shanghai asked` : ': "open now" depends on it'}), node ${process.version}, ` +
      `${rounds} rounds of ${seconds} s per side after a 3 s warm-up, ${connections} connections, load average ${load1.toFixed(1)} → ${loadavg()[0].toFixed(1)}\n`,
  );
  console.log(
    `| case | API req/s (${connections} in flight) | API p50 / p99 ms | API p50 / p99 ms at a steady ${FIXED_RATE} req/s (median of rounds; each round's p99) | baseline | baseline req/s | ratio (median; each round) |\n|---|---:|---:|---:|---|---:|---:|`,
  );
  for (const { label, api, baselines } of cases) {
    for (const [index, baseline] of baselines.entries()) {
      const apiCells =
        index === 0 ? `${Math.round(api.rps)} | ${api.p50} / ${api.p99} | ${api.paced.p50} / ${api.paced.p99} (${api.paced.rounds.join(', ')}; max ${api.paced.max})` : ' | | ';
      console.log(
        `| ${index === 0 ? label : ''} | ${apiCells} | ${baseline.name} | ${Math.round(baseline.rps)} | ${baseline.ratio.toFixed(1)}× (${baseline.ratios.map((ratio) => ratio.toFixed(1)).join(', ')}) |`,
      );
    }
  }
}
