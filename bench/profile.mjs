#!/usr/bin/env node
/**
 * The profile behind docs/performance.md's "top frames" tables (issue 17; needs `npm run build`): the built API under
 * `node --cpu-prof` on a throwaway SQLite file with the demo data (logs at `info` to /dev/null), one route loaded by
 * autocannon, then the top self-time frames of the whole profile and the inclusive share of a few of ours.
 * Usage: node bench/profile.mjs <health|me|catalogue|centres|slots|booking|outlets|outlets-filtered> [seconds=8]
 * `outlets` loads the outlet directory of bench:outlets first (BENCH_OUTLETS, default 100,000) and searches the 20
 * nearest from random positions; `outlets-filtered` asks for 药店 or 银行 open now (or at BENCH_OPEN_AT), as
 * bench:outlets does.
 * Start-up is in the profile too, so read the shares, not the absolute times. BENCH_API_DIST as in run.mjs;
 * PROFILE_KEEP=1 keeps the scratch folder (the database and the .cpuprofile) and prints where it is.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { REPO_ROOT } from '../scripts/lib/run.mjs';
import { json, waitFor } from './lib/http.mjs';
import { FILTERED_QUERY, loadOutlets, outletRows, randomPosition } from './lib/outlet-data.mjs';
import { API_DIST } from './lib/api-dist.mjs';

const require = createRequire(import.meta.url);
const { stableId } = require(join(API_DIST, 'seed/stable-id.js'));
const [route = 'health', secondsArg = '8'] = process.argv.slice(2);
const seconds = Number(secondsArg);
const CENTRE = stableId('centre', 'C340104001001');
const SERVICE = stableId('service', 'volunteer_activity');
const COMMUNITY = stableId('region', '340104001001');
const PORT = 3921;
const BASE = `http://127.0.0.1:${PORT}`;

const folder = mkdtempSync(join(tmpdir(), 'linli-profile-'));
const file = join(folder, 'profile.sqlite');
const env = {
  ...process.env,
  DATABASE_URL: `sqlite:${file}`,
  H5_DIR: 'off',
  LOG_LEVEL: 'info',
  LOGIN_MAX_ATTEMPTS_PER_IP: '10000',
  NO_SHOW_SWEEP_SECONDS: '0',
  PORT: String(PORT),
  HOST: '127.0.0.1',
};
const seeded = spawnSync(process.execPath, [join(API_DIST, 'cli/seed.js')], { env, encoding: 'utf8' });
if (seeded.status !== 0) throw new Error(seeded.stderr);
if (route.startsWith('outlets')) await loadOutlets('sqlite', `sqlite:${file}`, outletRows());
const api = spawn(process.execPath, ['--cpu-prof', '--cpu-prof-dir', folder, join(API_DIST, 'main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
try {
  await waitFor(`${BASE}/api/health/ready`);
  const login = await json(`${BASE}/api/auth/password/login`, { method: 'POST', body: JSON.stringify({ username: 'anda.staff', password: 'Linli@2026' }) });
  const headers = { authorization: `Bearer ${login.tokens.accessToken}`, 'content-type': 'application/json' };
  let target;
  if (route === 'slots' || route === 'booking') {
    const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, ranges: [{ start: '09:00', end: '11:00' }], slotMinutes: 120, seats: 1 }));
    await json(`${BASE}/api/staff/centres/${CENTRE}/services/${SERVICE}/schedule`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ weekly, policy: { bookingWindowDays: 14, minNoticeMinutes: 120, cancelCutoffMinutes: 60 } }),
    });
    const startsAt = (await json(`${BASE}/api/centres/${CENTRE}/services/${SERVICE}/slots`)).items[0].startsAt;
    const Database = require('better-sqlite3');
    const db = new Database(file, { readonly: true });
    const resident = db.prepare('SELECT id FROM resident WHERE community_id = ? ORDER BY id LIMIT 1').get(COMMUNITY);
    db.close();
    const body = JSON.stringify({ centreId: CENTRE, serviceId: SERVICE, startsAt, residentId: resident?.id });
    // One seat, taken: every measured booking is the hot slot's early 409.
    await fetch(`${BASE}/api/bookings`, { method: 'POST', headers, body });
    target = route === 'slots' ? { url: `${BASE}/api/centres/${CENTRE}/services/${SERVICE}/slots` } : { url: `${BASE}/api/bookings`, method: 'POST', headers, body };
  } else if (route.startsWith('outlets')) {
    const path = `/api/outlets?pageSize=20&${route === 'outlets-filtered' ? FILTERED_QUERY : ''}`;
    target = { url: BASE, headers, requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: `${path}${randomPosition()}` }) }] };
  } else {
    target = { url: `${BASE}/api/${route}`, headers: route === 'me' ? headers : {} };
  }
  const result = await new Promise((resolve, reject) => autocannon({ ...target, connections: 50, duration: seconds }, (error, done) => (error ? reject(error) : resolve(done))));
  console.log(
    `${route}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, status ${JSON.stringify(result.statusCodeStats)}`,
  );
} finally {
  api.kill('SIGTERM');
  for (let i = 0; i < 100 && !readdirSync(folder).some((name) => name.endsWith('.cpuprofile')); i++) await sleep(100);
  await sleep(500);
}

const profileFile = readdirSync(folder).find((name) => name.endsWith('.cpuprofile'));
const profile = JSON.parse(readFileSync(join(folder, profileFile), 'utf8'));
const selfTicks = new Map();
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const counts = new Map();
for (const sample of profile.samples) counts.set(sample, (counts.get(sample) ?? 0) + 1);
const total = profile.samples.length;
const label = (node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.replace(/^file:\/\//, '').replace(`${REPO_ROOT}/`, '');
  return `${functionName || '(anonymous)'} ${where ? `${where.replace(/^.*node_modules\//, '')}:${lineNumber + 1}` : ''}`.trim();
};
for (const [id, ticks] of counts) {
  const key = label(byId.get(id));
  selfTicks.set(key, (selfTicks.get(key) ?? 0) + ticks);
}
console.log(`\ntop self-time frames (${total} samples, start-up included):`);
for (const [key, ticks] of [...selfTicks].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${((100 * ticks) / total).toFixed(1).padStart(5)} %  ${key}`);
if (process.env.PROFILE_KEEP) console.log(`\nkept: ${folder} (the database and the .cpuprofile)`);
else rmSync(folder, { recursive: true, force: true });
