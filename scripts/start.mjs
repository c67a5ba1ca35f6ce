#!/usr/bin/env node
/**
 * `npm start` on a fresh clone: install what is missing, build, migrate and seed the database (SQLite under
 * api/data/ unless DATABASE_URL says otherwise), then run the API, which also serves the H5 app, and print the URLs.
 * PORT, HOST, DATABASE_URL, LOG_LEVEL… are passed through (see README "Configuration").
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { REPO_ROOT, run } from './lib/run.mjs';

const at = (...parts) => join(REPO_ROOT, ...parts);

async function step(title, command, args, env) {
  console.log(`\n▶ ${title}`);
  const code = await run(command, args, { env });
  if (code !== 0) {
    console.error(`✖ ${title} failed (exit ${code}).`);
    process.exit(code);
  }
}

function newestModification(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((entry) => newestModification(join(path, entry))));
}

function installIsCurrent() {
  const marker = at('node_modules', '.package-lock.json');
  return existsSync(marker) && statSync(marker).mtimeMs >= statSync(at('package-lock.json')).mtimeMs;
}

function h5IsCurrent() {
  const built = at('miniapp', 'dist', 'h5', 'index.html');
  if (!existsSync(built)) return false;
  const sources = Math.max(...['miniapp/src', 'miniapp/config', 'miniapp/package.json', 'shared/src'].map((p) => newestModification(at(p))));
  return statSync(built).mtimeMs >= sources;
}

async function waitUntilReady(url, child) {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (child.exitCode !== null) return false;
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  return false;
}

if (!installIsCurrent()) await step('Installing dependencies (npm ci)', 'npm', ['ci']);
await step('Building @linli/shared', 'npm', ['run', 'build', '-w', '@linli/shared']);
await step('Building @linli/api', 'npm', ['run', 'build', '-w', '@linli/api']);
if (h5IsCurrent()) console.log('\n▶ H5 app is up to date (miniapp/dist/h5)');
else await step('Building the H5 app (taro build --type h5)', 'npm', ['run', 'build:h5', '-w', '@linli/miniapp']);
await step('Migrating and seeding demo data', 'node', [at('api', 'dist', 'cli', 'seed.js')]);

const port = process.env.PORT || '3000';
const api = spawn(process.execPath, [at('api', 'dist', 'main.js')], { cwd: REPO_ROOT, env: { ...process.env, PORT: port }, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.once('exit', (code) => process.exit(code ?? 0));

const base = `http://localhost:${port}`;
if (await waitUntilReady(`${base}/api/health/ready`, api)) {
  console.log(`
  Linli 邻里 is running
    H5 app     ${base}/
    API        ${base}/api
    API docs   ${base}/api/docs
  Press Ctrl+C to stop.
`);
} else if (api.exitCode === null) {
  console.error(`The API did not become ready at ${base}/api/health/ready; see the log above.`);
}
