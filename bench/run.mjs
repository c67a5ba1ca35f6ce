#!/usr/bin/env node
/**
 * `npm run bench`: throughput of the API against a bare Fastify + better-sqlite3 baseline in the same run, so
 * the figure that matters is the ratio (machine noise hits both). Needs `npm run build` first.
 * Env: BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 50).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { REPO_ROOT } from '../scripts/lib/run.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const folder = mkdtempSync(join(tmpdir(), 'linli-bench-'));
const file = join(folder, 'bench.sqlite');
const env = { ...process.env, DATABASE_URL: `sqlite:${file}`, H5_DIR: 'off', LOG_LEVEL: 'info' };

const seeded = spawnSync(process.execPath, [join(REPO_ROOT, 'api/dist/cli/seed.js')], { env, encoding: 'utf8' });
if (seeded.status !== 0) throw new Error(seeded.stderr);

function startServer(args, port, extraEnv = {}) {
  // Logs go to /dev/null: the cost of writing them stays in, the terminal stays readable.
  return spawn(process.execPath, args, { env: { ...env, PORT: String(port), HOST: '127.0.0.1', ...extraEnv }, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function waitFor(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // starting
    }
    await sleep(100);
  }
  throw new Error(`${url} never answered`);
}

function load(url, headers = {}) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, headers }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** A demo staff session, to measure what authentication (token, account and session checks) costs per request. */
async function staffToken() {
  const response = await fetch('http://127.0.0.1:3901/api/auth/password/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'anda.staff', password: 'Linli@2026' }),
  });
  return (await response.json()).tokens.accessToken;
}

const api = startServer([join(REPO_ROOT, 'api/dist/main.js')], 3901);
const baseline = startServer([join(REPO_ROOT, 'bench/baseline-server.mjs'), file, '3902'], 3902);
try {
  await waitFor('http://127.0.0.1:3901/api/health/ready');
  await waitFor('http://127.0.0.1:3902/api/regions/communities');
  const authorization = { authorization: `Bearer ${await staffToken()}` };
  const cases = [
    ['baseline: bare Fastify + better-sqlite3, GET /api/regions/communities', 'http://127.0.0.1:3902/api/regions/communities'],
    ['Linli API, GET /api/regions/communities', 'http://127.0.0.1:3901/api/regions/communities'],
    ['Linli API, GET /api/centres', 'http://127.0.0.1:3901/api/centres'],
    ['Linli API, GET /api/health (no database)', 'http://127.0.0.1:3901/api/health'],
    ['Linli API, GET /api/me (signed in: token + account + session checks)', 'http://127.0.0.1:3901/api/me', authorization],
  ];
  const rows = [];
  for (const [name, url, headers] of cases) {
    await load(url, headers); // warm-up pass at the same settings; its figures are discarded
    const result = await load(url, headers);
    if (result.non2xx || result.errors) throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    rows.push({ name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 });
  }
  const base = rows[0].rps;
  console.log(`\n${connections} connections, ${seconds} s per case, node ${process.version}, SQLite\n`);
  console.log('| case | req/s | p50 ms | p99 ms | ratio to baseline |\n|---|---:|---:|---:|---:|');
  for (const row of rows) console.log(`| ${row.name} | ${Math.round(row.rps)} | ${row.p50} | ${row.p99} | ${(row.rps / base).toFixed(2)} |`);
} finally {
  api.kill('SIGTERM');
  baseline.kill('SIGTERM');
  await sleep(300);
  rmSync(folder, { recursive: true, force: true });
}
