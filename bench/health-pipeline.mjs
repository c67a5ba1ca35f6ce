#!/usr/bin/env node
/**
 * `node bench/health-pipeline.mjs` (needs `npm run build`; not part of `npm test`): where the time of the cheapest
 * request goes (issue 17, `GET /api/health`, no I/O). The same liveness JSON answered by servers that add one layer
 * at a time, each measured in alternating rounds (bench/lib/rounds.mjs) with autocannon:
 * - `bare`: Fastify alone (the baseline `npm run bench` uses);
 * - `logger`: Fastify with the API's logger (pino with Linli's options: redaction, time) and request ids, no line;
 * - `logline`: that plus the API's per-request log line (useRequestLog, the same code the API runs), to /dev/null;
 * - `nest`: Nest on Fastify with one controller, no logger;
 * - `api`: the built API (a throwaway SQLite file; its schedulers running), LOG_LEVEL=info to /dev/null;
 * - `api-silent`: the same with LOG_LEVEL=silent (no line written).
 * BENCH_SECONDS (default 5), BENCH_ROUNDS (default 3), BENCH_CONNECTIONS (default 50), BENCH_VARIANTS (comma-separated).
 * Usage as a server (internal): node bench/health-pipeline.mjs --serve <variant> <port>
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { waitFor } from './lib/http.mjs';
import { inRounds, median } from './lib/rounds.mjs';
import { API_DIST } from './lib/api-dist.mjs';

const require = createRequire(import.meta.url);
const started = Date.now();
const liveness = () => ({ status: 'ok', uptimeSeconds: Math.floor((Date.now() - started) / 1000) });

/** The small servers; the API variants run the built API itself. */
async function serve(variant, port) {
  if (variant === 'nest') {
    require('reflect-metadata');
    const { NestFactory } = require('@nestjs/core');
    const { Controller, Get, Module } = require('@nestjs/common');
    const { FastifyAdapter } = require('@nestjs/platform-fastify');
    class HealthController {
      liveness() {
        return liveness();
      }
    }
    Controller('health')(HealthController);
    Get()(HealthController.prototype, 'liveness', Object.getOwnPropertyDescriptor(HealthController.prototype, 'liveness'));
    class HealthModule {}
    Module({ controllers: [HealthController] })(HealthModule);
    const app = await NestFactory.create(HealthModule, new FastifyAdapter(), { logger: false });
    app.setGlobalPrefix('api');
    await app.listen(port, '127.0.0.1');
    return;
  }
  const Fastify = require('fastify');
  let app;
  if (variant === 'bare') {
    app = Fastify();
  } else {
    const pino = require('pino');
    const { buildLoggerOptions, requestIdFor } = require(join(API_DIST, 'common/logging/logger-options.js'));
    app = Fastify({ loggerInstance: pino(buildLoggerOptions('info')), genReqId: requestIdFor, logController: new Fastify.LogController({ disableRequestLogging: true }) });
    if (variant === 'logline') require(join(API_DIST, 'common/logging/request-log.js')).useRequestLog(app);
  }
  app.get('/api/health', async () => liveness());
  await app.listen({ port, host: '127.0.0.1' });
}

if (process.argv[2] === '--serve') {
  await serve(process.argv[3], Number(process.argv[4]));
} else {
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
  const variants = (process.env.BENCH_VARIANTS ?? 'bare,logger,logline,nest,api,api-silent').split(',');
  const folder = mkdtempSync(join(tmpdir(), 'linli-health-'));
  // Every variant runs for the whole measurement on its own port (idle while the others are measured), so each is
  // warm for its rounds.
  const children = variants.map((variant, index) => {
    const port = 3941 + index;
    const env = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(folder, `${variant}.sqlite`)}`,
      H5_DIR: 'off',
      LOG_LEVEL: variant === 'api-silent' ? 'silent' : 'info',
    };
    const args = variant.startsWith('api') ? [join(API_DIST, 'main.js')] : [fileURLToPath(import.meta.url), '--serve', variant, String(port)];
    return spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  });
  const pass =
    (port) =>
    async ({ warmUp }) => {
      const result = await new Promise((resolve, reject) =>
        autocannon({ url: `http://127.0.0.1:${port}/api/health`, connections, duration: warmUp ? 3 : seconds }, (error, done) => (error ? reject(error) : resolve(done))),
      );
      return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
    };
  for (const [index] of variants.entries()) await waitFor(`http://127.0.0.1:${3941 + index}/api/health`, 600);
  const load1 = loadavg()[0];
  const passes = await inRounds(rounds, Object.fromEntries(variants.map((variant, index) => [variant, pass(3941 + index)])));
  children.forEach((child) => child.kill('SIGTERM'));
  await sleep(500);
  rmSync(folder, { recursive: true, force: true });
  const bare = passes.bare ? median(passes.bare.map((one) => one.rps)) : null;
  console.log(
    `\nGET /api/health by layer — ${new Date().toISOString()}, node ${process.version}, ${connections} connections, ${rounds} rounds of ${seconds} s, load average ${load1.toFixed(1)} → ${loadavg()[0].toFixed(1)}\n`,
  );
  console.log('| variant | req/s (median) | each round | p50 / p99 ms | of bare |\n|---|---:|---:|---:|---:|');
  for (const [variant, list] of Object.entries(passes)) {
    const rps = median(list.map((one) => one.rps));
    console.log(
      `| ${variant} | ${Math.round(rps)} | ${list.map((one) => Math.round(one.rps)).join(', ')} | ${median(list.map((one) => one.p50))} / ${median(list.map((one) => one.p99))} | ${bare ? (rps / bare).toFixed(2) : '—'} |`,
    );
  }
}
