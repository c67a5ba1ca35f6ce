import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT, seedDatabase, startApi, startFakeWechat, throwawaySqlite, type ApiProcess } from './support/api-process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = join(REPO_ROOT, '.test-artifacts', 'screenshots');

/**
 * The built H5 app, served by the real API on a throwaway seeded SQLite file, driven in Debian's Chromium as
 * a phone would use it (touch, small viewport). A failing test leaves a screenshot under .test-artifacts/.
 */
describe('H5 app in Chromium', () => {
  const database = throwawaySqlite();
  let api: ApiProcess;
  let wechat: { url: string; stop: () => void };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    seedDatabase(database.databaseUrl);
    // Demo mode, as `npm start` runs it: no AppID, the fake WeChat server standing in for WeChat.
    wechat = await startFakeWechat();
    api = await startApi({ DATABASE_URL: database.databaseUrl, WECHAT_API_BASE_URL: wechat.url });
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
    wechat?.stop();
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

  browserTest('a resident signs in with the demo login (through the fake WeChat server) and sees their profile on 我的', async () => {
    await page.goto(`${api.baseUrl}/#/pages/login/index`);
    await page.locator('.demo-account', { hasText: '王秀英' }).first().tap({ timeout: 20_000 });
    await page.locator('.profile-name', { hasText: '王秀英' }).first().waitFor({ timeout: 20_000 });
    // ID and phone numbers reach the page only masked.
    const text = await page.locator('body').innerText();
    expect(text).toContain('138****0001');
    expect(text).not.toContain('13805510001');
  });

  browserTest('a son acting for his father sees him among his household members', async () => {
    await page.goto(`${api.baseUrl}/#/pages/login/index`);
    await page.locator('.demo-account', { hasText: '李明' }).first().tap({ timeout: 20_000 });
    await page.locator('.household-member', { hasText: '李建国' }).first().waitFor({ timeout: 20_000 });
  });

  browserTest('staff sign in with a password; a wrong one gets a clear message', async () => {
    await page.goto(`${api.baseUrl}/#/staff/pages/login/index`);
    await page.locator('.staff-login-username input').first().fill('anda.staff', { timeout: 20_000 });
    await page.locator('.staff-login-password input').first().fill('wrong-password');
    await page.locator('.staff-login-submit').first().tap();
    await page.getByText('账号或密码不正确').first().waitFor({ timeout: 10_000 });

    await page.locator('.staff-login-password input').first().fill('Linli@2026');
    await page.locator('.staff-login-submit').first().tap();
    await page.locator('.staff-greeting', { hasText: '张敏' }).first().waitFor({ timeout: 20_000 });
  });
});
