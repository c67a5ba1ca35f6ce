import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamicModule, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { FieldCipher } from '../../src/common/security/field-cipher';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { createScratchDatabase } from '../../src/database/scratch-database';
import { TransactionRunner } from '../../src/database/transaction-runner';
import { startFakeWechatServer, type FakeWechatServer } from '../../src/modules/wechat/fake-wechat-server';
import { seedDemoData } from '../../src/seed/seed-demo-data';
import { ResponseContract } from './response-contract';

const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');

/** Fixed test keys: tests never touch the development key file. */
export const TEST_SECRETS_ENV = {
  JWT_SECRET: 'test-jwt-secret-at-least-thirty-two-characters',
  FIELD_ENCRYPTION_KEYS: `t1:${key(7)}`,
  FIELD_HMAC_KEY: key(8),
};

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  dataSource: DataSource;
  transactions: TransactionRunner;
  /** supertest bound to the running app; every response must conform to the API document it serves. */
  http: () => ReturnType<typeof request>;
  seed: () => ReturnType<typeof seedDemoData>;
  /** The fake WeChat server this app talks to. */
  wechat: FakeWechatServer;
  close: () => Promise<void>;
}

export interface StartTestAppOptions {
  extraModules?: Array<Type | DynamicModule>;
  env?: Record<string, string>;
  /** The MySQL/MariaDB server to make the scratch database on instead of E2E_DATABASE_URL's (e.g. through a proxy). */
  databaseServerUrl?: string;
}

/**
 * The real application on a database of its own: a fresh SQLite file, or — when E2E_DATABASE_URL names a
 * MySQL/MariaDB server — a fresh database on it, so test files run in parallel without sharing rows.
 */
export async function startTestApp(options: StartTestAppOptions = {}): Promise<TestApp> {
  const scratch = await createScratchDatabase(options.databaseServerUrl ?? process.env.E2E_DATABASE_URL, `e2e_${process.env.JEST_WORKER_ID ?? '0'}`);
  // The sweepers' timers are off (no-shows, dispatch, meal delivery runs, the notification relay…): tests call the work directly, at the moments they choose.
  const uploads = mkdtempSync(join(tmpdir(), 'linli-uploads-'));
  const env = {
    UPLOAD_DIR: uploads,
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'silent',
    H5_DIR: 'off',
    NO_SHOW_SWEEP_SECONDS: '0',
    DISPATCH_SWEEP_SECONDS: '0',
    NOTIFICATION_RELAY_SECONDS: '0',
    INBOX_SWEEP_SECONDS: '0',
    MEAL_DELIVERY_SWEEP_SECONDS: '0',
    ...TEST_SECRETS_ENV,
    ...options.env,
  };
  const probe = loadConfig(env);
  const wechat = await startFakeWechatServer({ appId: probe.wechat.appId, appSecret: probe.wechat.appSecret });
  const config: AppConfig = { ...loadConfig({ WECHAT_API_BASE_URL: wechat.url, ...env }), database: scratch.config };
  const app = await createApp(config, { extraModules: options.extraModules });
  await app.getHttpAdapter().getInstance().ready();
  const dataSource = app.get(DataSource);
  const transactions = app.get(TransactionRunner);
  const contract = await ResponseContract.servedBy(app);
  return {
    app,
    config,
    dataSource,
    transactions,
    http: () => contract.request(app.getHttpServer()),
    seed: () => seedDemoData({ transactions, cipher: app.get(FieldCipher) }),
    wechat,
    close: async () => {
      await app.close();
      await wechat.close();
      await scratch.drop();
      rmSync(uploads, { recursive: true, force: true });
    },
  };
}
