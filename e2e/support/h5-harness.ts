import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { REPO_ROOT, seedDatabase, startApi, startFakeWechat, startFakeWechatPay, throwawaySqlite, type ApiProcess } from './api-process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = join(REPO_ROOT, '.test-artifacts', 'screenshots');

/** A phone-sized browser context (touch, small viewport, Chinese locale). */
export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'zh-CN' };

export interface H5Harness {
  api: ApiProcess;
  /** `sqlite:<file>`: the API's database, for a test that must move time on (a booking's day coming, say). */
  databaseUrl: string;
  browser: Browser;
  close: () => Promise<void>;
}

/**
 * The built H5 app served by the real API (demo mode, as `npm start` runs it: no AppID, the fake WeChat and WeChat
 * Pay servers standing in) on a throwaway seeded SQLite file, and Debian's Chromium to drive it.
 */
export async function startH5Harness(env: Record<string, string> = {}): Promise<H5Harness> {
  const database = throwawaySqlite();
  seedDatabase(database.databaseUrl);
  const wechat = await startFakeWechat();
  const wechatPay = await startFakeWechatPay();
  // The API's port is chosen at start, so the fake's notifications have nowhere to go (port 9 refuses them): the
  // mini program's check after 模拟支付 finds the payment, as it does when a real notification is late.
  const api = await startApi({
    DATABASE_URL: database.databaseUrl,
    WECHAT_API_BASE_URL: wechat.url,
    ...wechatPay.env,
    WECHATPAY_NOTIFY_URL: 'http://127.0.0.1:9/api/payments/wechat-pay/notify',
    ...env,
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // Without the background-networking flags Chromium keeps dialling Google, which this network refuses.
    // Playwright gives every launch a fresh, temporary profile of its own.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    api,
    databaseUrl: database.databaseUrl,
    browser,
    close: async () => {
      await browser.close();
      await api.stop();
      wechat.stop();
      wechatPay.stop();
      database.remove();
    },
  };
}

/** Runs a browser test; on failure saves a full-page screenshot of each page named after the test, then fails as before. */
export function browserTest(name: string, pages: () => Array<Page | undefined>, body: () => Promise<void>, timeout?: number): void {
  it(
    name,
    async () => {
      try {
        await body();
      } catch (error) {
        mkdirSync(SCREENSHOTS, { recursive: true });
        const base = name.replace(/[^\w\u4e00-\u9fa5-]+/g, '_');
        await Promise.all(
          pages().flatMap((page, index) =>
            page ? [page.screenshot({ path: join(SCREENSHOTS, `${base}${index ? `-${index}` : ''}.png`), fullPage: true }).catch(() => undefined)] : [],
          ),
        );
        throw error;
      }
    },
    timeout,
  );
}

/** A demo session straight from the API (for reading state the test does not drive through the UI). */
export async function demoLogin(baseUrl: string, accountId: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/demo/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ accountId }) });
  return ((await response.json()) as { tokens: { accessToken: string } }).tokens.accessToken;
}

/** Signs in on the H5 demo login page as the seeded account whose card shows `name`. */
export async function signInAs(page: Page, baseUrl: string, name: string): Promise<void> {
  await page.goto(`${baseUrl}/#/pages/login/index`);
  await page.locator('.demo-account', { hasText: name }).first().tap({ timeout: 20_000 });
}

/** This test's phones by name, and the harness they reach. */
export interface PhoneSuite<Name extends string> {
  readonly harness: H5Harness;
  readonly pages: Record<Name, Page>;
  /** browserTest with this test's phones as the pages to screenshot when it fails. */
  test: (name: string, body: () => Promise<void>, timeout?: number) => void;
}

/**
 * The setup every browser test file shares, registered in the describe block it is called in: one harness for the
 * block, and for each test fresh phones (a browser context each, PHONE plus that phone's options, such as a
 * geolocation), closed after the test. Read `harness` and `pages` inside the tests.
 */
export function phonesPerTest<Name extends string>(options: Record<Name, BrowserContextOptions>): PhoneSuite<Name> {
  const names = Object.keys(options) as Name[];
  let harness: H5Harness | undefined;
  let contexts: BrowserContext[] = [];
  let pages = {} as Record<Name, Page>;
  beforeAll(async () => {
    harness = await startH5Harness();
  });
  beforeEach(async () => {
    contexts = await Promise.all(names.map((name) => harness!.browser.newContext({ ...PHONE, ...options[name] })));
    const opened = await Promise.all(contexts.map((context) => context.newPage()));
    pages = Object.fromEntries(names.map((name, index) => [name, opened[index]])) as Record<Name, Page>;
  });
  afterEach(() => Promise.all(contexts.map((context) => context.close())));
  afterAll(() => harness?.close());
  return {
    get harness() {
      if (!harness) throw new Error('the H5 harness starts in beforeAll: read it inside a test');
      return harness;
    },
    get pages() {
      return pages;
    },
    test: (name, body, timeout) => browserTest(name, () => names.map((name) => pages[name]), body, timeout),
  };
}

/** One phone per test (see phonesPerTest), as `page`. */
export function onePhonePerTest(): PhoneSuite<'phone'> & { readonly page: Page } {
  const suite = phonesPerTest({ phone: {} });
  return {
    get harness() {
      return suite.harness;
    },
    get pages() {
      return suite.pages;
    },
    get page() {
      return suite.pages.phone;
    },
    test: suite.test,
  };
}

/** Near 安大社区市民中心: where a worker's phone says they are (so 赵师傅 is offered its home orders). */
export const NEAR_ANDA = { latitude: 31.8452, longitude: 117.2625 };

/** 赵师傅 signs in (demo login) and goes online on the workbench, where offers reach him. */
export async function workerZhaoGoesOnline(page: Page, baseUrl: string): Promise<void> {
  await signInAs(page, baseUrl, '赵师傅');
  await page.locator('.worker-presence__online').first().tap({ timeout: 20_000 });
  await page.locator('.worker-presence__offline').first().waitFor({ timeout: 20_000 });
}

export type { BrowserContext, Page };
