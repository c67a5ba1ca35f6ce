import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT, seedDatabase, startApi, throwawaySqlite, type ApiProcess } from './support/api-process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = join(REPO_ROOT, '.test-artifacts', 'screenshots');

/**
 * The built H5 app, served by the real API on a throwaway seeded SQLite file, driven in Debian's Chromium as
 * a phone would use it (touch, small viewport). A failing test leaves a screenshot under .test-artifacts/.
 */
describe('H5 app in Chromium', () => {
  const database = throwawaySqlite();
  let api: ApiProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    seedDatabase(database.databaseUrl);
    api = await startApi({ DATABASE_URL: database.databaseUrl });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // Without the background-networking flags Chromium keeps dialling Google, which this network refuses.
      // Playwright gives every launch a fresh, temporary profile of its own.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'zh-CN' });
    page = await context.newPage();
  });

  afterEach(() => context?.close());

  /** Runs a browser test; on failure saves a full-page screenshot named after the test, then fails as before. */
  function browserTest(name: string, body: () => Promise<void>) {
    it(name, async () => {
      try {
        await body();
      } catch (error) {
        mkdirSync(SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: join(SCREENSHOTS, `${name.replace(/[^\w\u4e00-\u9fa5-]+/g, '_')}.png`), fullPage: true }).catch(() => undefined);
        throw error;
      }
    });
  }

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    database.remove();
  });

  browserTest('opens on the home page and shows communities and centres from the API', async () => {
    await page.goto(`${api.baseUrl}/`);
    await page.locator('.community-card', { hasText: '安大社区' }).first().waitFor({ timeout: 20_000 });
    expect(await page.locator('.community-card').count()).toBe(7);
    await expect(page.locator('.centre-card', { hasText: '三里庵街道市民中心' }).first().isVisible()).resolves.toBe(true);
  });

  browserTest('navigates the tab bar: 服务, 订单, 我的 and back to 首页', async () => {
    await page.goto(`${api.baseUrl}/`);
    await page.locator('.community-card').first().waitFor({ timeout: 20_000 });
    for (const [tab, route] of [
      ['服务', 'pages/services/index'],
      ['订单', 'pages/orders/index'],
      ['我的', 'pages/me/index'],
      ['首页', 'pages/home/index'],
    ] as const) {
      await page.locator('.weui-tabbar__label', { hasText: tab }).tap();
      await page.waitForFunction((expected) => window.location.hash.includes(expected), route, { timeout: 10_000 });
    }
    await expect(page.locator('.community-card').first().isVisible()).resolves.toBe(true);
  });
});
