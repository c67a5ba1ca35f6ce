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
import { installMissingDependencies } from './lib/install.mjs';
import { warnAboutNodeVersion } from './lib/node-version.mjs';
import { REPO_ROOT, run } from './lib/run.mjs';

const at = (...parts) => join(REPO_ROOT, ...parts);
const DEMO_PASSWORD_HINT = '(e.g. anda.staff / Linli@2026; see README)';

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

warnAboutNodeVersion();
await installMissingDependencies();
await step('Building @linli/shared', 'npm', ['run', 'build', '-w', '@linli/shared']);
await step('Building @linli/api', 'npm', ['run', 'build', '-w', '@linli/api']);
if (h5IsCurrent()) console.log('\n▶ H5 app is up to date (miniapp/dist/h5)');
else await step('Building the H5 app (taro build --type h5)', 'npm', ['run', 'build:h5', '-w', '@linli/miniapp']);
await step('Migrating and seeding demo data', 'node', [at('api', 'dist', 'cli', 'seed.js')]);

/**
 * Without a real WeChat AppID the API runs in demo mode: the fake WeChat server (same HTTP API and error codes)
 * stands in for api.weixin.qq.com, and the H5 demo login signs in through it.
 */
function startFakeWechat() {
  return new Promise((resolveStart, rejectStart) => {
    const child = spawn(process.execPath, [at('api', 'dist', 'cli', 'fake-wechat.js')], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk.toString();
      const url = /fake wechat listening on (\S+)/.exec(output)?.[1];
      if (url) resolveStart({ child, url });
    });
    child.once('exit', (code) => rejectStart(new Error(`fake WeChat server exited with ${code}`)));
  });
}

/**
 * Without a WeChat Pay merchant (WECHATPAY_MCHID) the demo pays against the fake WeChat Pay server: it makes throwaway
 * keys and answers the WECHATPAY_* settings that point the API at it, 模拟支付 included (the H5 app has no
 * wx.requestPayment). The settings come through the pipe and are never printed.
 */
function startFakeWechatPay() {
  return new Promise((resolveStart, rejectStart) => {
    const child = spawn(process.execPath, [at('api', 'dist', 'cli', 'fake-wechat-pay.js')], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk.toString();
      const url = /fake wechat pay listening on (\S+)/.exec(output)?.[1];
      const env = /fake wechat pay env (\{.*\})\n/.exec(output)?.[1];
      if (url && env) resolveStart({ child, url, env: JSON.parse(env) });
    });
    child.once('exit', (code) => rejectStart(new Error(`fake WeChat Pay server exited with ${code}`)));
  });
}

const children = [];
const apiEnv = { ...process.env, PORT: process.env.PORT || '3000' };
if (!process.env.WECHAT_APPID && !process.env.WECHAT_API_BASE_URL) {
  const fake = await startFakeWechat();
  children.push(fake.child);
  apiEnv.WECHAT_API_BASE_URL = fake.url;
  console.log(`\n▶ No WECHAT_APPID: demo mode, fake WeChat server at ${fake.url}`);
}
if (!process.env.WECHATPAY_MCHID && !process.env.WECHATPAY_BASE_URL) {
  const fakePay = await startFakeWechatPay();
  children.push(fakePay.child);
  Object.assign(apiEnv, fakePay.env, { WECHATPAY_NOTIFY_URL: `http://127.0.0.1:${apiEnv.PORT}/api/payments/wechat-pay/notify` });
  console.log(`▶ No WECHATPAY_MCHID: demo mode, fake WeChat Pay server at ${fakePay.url} (微信支付 is paid with 模拟支付)`);
}

const port = apiEnv.PORT;
const api = spawn(process.execPath, [at('api', 'dist', 'main.js')], { cwd: REPO_ROOT, env: apiEnv, stdio: 'inherit' });
children.push(api);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => children.forEach((child) => child.kill(signal)));
api.once('exit', (code) => {
  children.forEach((child) => child.kill('SIGTERM'));
  process.exit(code ?? 0);
});

const base = `http://localhost:${port}`;
if (await waitUntilReady(`${base}/api/health/ready`, api)) {
  console.log(`
  Linli 邻里 is running
    H5 app     ${base}/
    API        ${base}/api
    API docs   ${base}/api/docs
${
  apiEnv.WECHAT_APPID
    ? ''
    : `  Demo mode (no WeChat AppID): open 我的 → 去登录 on the H5 app and pick a demo account;
  staff and provider accounts also sign in with their username and password ${DEMO_PASSWORD_HINT}.\n`
}${apiEnv.WECHATPAY_SIMULATE_PAYMENTS === 'true' ? '  微信支付 (meal orders, balance top-ups) runs against the fake WeChat Pay server: tap 模拟支付.\n' : ''}  Press Ctrl+C to stop.
`);
} else if (api.exitCode === null) {
  console.error(`The API did not become ready at ${base}/api/health/ready; see the log above.`);
}
