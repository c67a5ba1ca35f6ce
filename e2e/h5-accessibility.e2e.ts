import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { addDays, instantOf, shanghaiDateOf } from '@linli/shared';

import { stableId } from '../api/src/seed/stable-id';
import { REPO_ROOT } from './support/api-process';
import { demoLogin, PHONE, signInAs, startH5Harness, type H5Harness } from './support/h5-harness';

import type { Page } from 'playwright-core';

/*
 * The accessibility gate of issue 16: every page of the H5 build, signed in as the role that reaches it with the
 * demo data (so it shows real content), checked by axe-core in normal mode and in elder mode (长辈模式), and in elder
 * mode measured: the smallest visible text and the smallest tap target at a 390 px wide phone. The pages come from
 * app.config.ts, so a page added later without an entry here fails the first test.
 */

/** The axe rules of the gate (issue 16's Proof). */
const AXE_RULES = ['color-contrast', 'target-size', 'image-alt', 'button-name', 'label', 'link-name'];
/**
 * Violations known and owned elsewhere, each with the fix it waits for. The gate fails when one of them is no longer
 * seen (remove it then) as well as on any violation not listed. Keep this empty whenever possible.
 */
const KNOWN_VIOLATIONS: Array<{ route: string; rule: string; target: string; fix: string }> = [];
const isKnown = (route: string, violation: string) => KNOWN_VIOLATIONS.some((known) => known.route === route && violation.startsWith(`${known.rule}: ${known.target}`));

/** Elder mode's floors, in CSS px at a 390 px wide viewport. */
const ELDER_MIN_FONT_PX = 18;
const ELDER_MIN_TARGET_PX = 60;
/** The storage key the mini program reads for 长辈模式 ('on' | 'off'); Taro's H5 storage wraps values as {data}. */
const ELDER_MODE_KEY = 'linli.elderMode';
const FIGURES_FILE = join(REPO_ROOT, 'docs', 'accessibility-figures.md');
const SCREENSHOTS = join(REPO_ROOT, '.test-artifacts', 'screenshots');

const SOCIAL_INSURANCE = stableId('service', 'social_insurance');
const SOCIAL_AFFAIRS = stableId('service-category', 'social_affairs');
const HOME_CLEANING = stableId('service', 'home_cleaning');
const ANDA_CENTRE = stableId('centre', 'C340104001001');
const ANDA_MEAL_POINT = stableId('meal-point', 'anda');
const ANDA_BREAKFAST = stableId('outlet', 'anda-breakfast');
const WANG = stableId('resident', 'wang-xiuying');
const LI_JIANGUO = stableId('resident', 'li-jianguo');

type Role = 'anonymous' | 'resident' | 'family' | 'staff' | 'worker' | 'provider' | 'canteen';

/** Who signs in (demo login card) for each role; anonymous pages are opened signed out. */
const ROLE_ACCOUNTS: Record<Role, string | null> = {
  anonymous: null,
  resident: '王秀英',
  family: '李明',
  staff: '张敏',
  worker: '赵师傅',
  provider: '安心家政管理员',
  canteen: '长者食堂管理员',
};

/** Records made before the pages are visited, so the pages about one record have one to show. */
interface Fixtures {
  homeOrderId: string;
  mealOrderId: string;
  tomorrow: string;
}

interface PageEntry {
  role: Role;
  /** The hash route with its query (no leading slash), from the fixtures. */
  url: (fixtures: Fixtures) => string;
  /** Text the page shows once its real content has loaded. */
  shows: string;
  /** What a person does first for the page to show its content (choose a community, look someone up). */
  prepare?: (page: Page) => Promise<void>;
}

/** At a staff desk: looks a resident up by name and picks them, so the desk shows that person. */
async function pickResident(page: Page, name: string): Promise<void> {
  await page.locator('.taro_page_show .staff-resident-name input').fill(name);
  await page.locator('.taro_page_show .staff-resident-search').tap();
  await page.locator('.taro_page_show .staff-resident', { hasText: name }).first().tap({ timeout: 20_000 });
  await page.locator('.taro_page_show .staff-resident').first().waitFor({ state: 'detached', timeout: 20_000 });
}

/** Every page of app.config.ts: who reaches it and how. */
const PAGES: Record<string, PageEntry> = {
  'pages/home/index': { role: 'resident', url: () => 'pages/home/index', shows: '老年助餐' },
  'pages/services/index': { role: 'resident', url: () => 'pages/services/index', shows: '社保医保代办' },
  'pages/orders/index': { role: 'resident', url: () => 'pages/orders/index', shows: '家政保洁上门' },
  'pages/me/index': { role: 'resident', url: () => 'pages/me/index', shows: '王秀英' },
  'pages/centre/index': { role: 'resident', url: () => `pages/centre/index?id=${ANDA_CENTRE}`, shows: '在这里可以办理' },
  'pages/category/index': { role: 'resident', url: () => `pages/category/index?id=${SOCIAL_AFFAIRS}`, shows: '社保医保代办' },
  'pages/service/index': { role: 'resident', url: () => `pages/service/index?id=${SOCIAL_INSURANCE}`, shows: '所需材料' },
  'pages/book/index': { role: 'resident', url: () => `pages/book/index?id=${SOCIAL_INSURANCE}`, shows: '安大社区市民中心' },
  'pages/login/index': { role: 'anonymous', url: () => 'pages/login/index', shows: '王秀英' },
  'pages/messages/index': { role: 'resident', url: () => 'pages/messages/index', shows: '消息' },
  'pages/claim/index': { role: 'family', url: () => 'pages/claim/index', shows: '邀请码' },
  'staff/pages/index/index': { role: 'staff', url: () => 'staff/pages/index/index', shows: '张敏' },
  'staff/pages/login/index': { role: 'anonymous', url: () => 'staff/pages/login/index', shows: '密码' },
  'staff/pages/bookings/index': { role: 'staff', url: () => 'staff/pages/bookings/index', shows: '签到' },
  'staff/pages/book/index': { role: 'staff', url: () => 'staff/pages/book/index', shows: '代居民预约', prepare: (page) => pickResident(page, '王秀英') },
  'staff/pages/schedule/index': { role: 'staff', url: () => 'staff/pages/schedule/index', shows: '社保医保代办' },
  'staff/pages/statistics/index': { role: 'staff', url: () => 'staff/pages/statistics/index', shows: '预约数' },
  'staff/pages/dispatch/index': { role: 'staff', url: () => 'staff/pages/dispatch/index', shows: '家政保洁上门' },
  'staff/pages/dispatch-order/index': { role: 'staff', url: (f) => `staff/pages/dispatch-order/index?id=${f.homeOrderId}`, shows: '家政保洁上门' },
  'staff/pages/providers/index': { role: 'staff', url: () => 'staff/pages/providers/index', shows: '康乐居家养老服务社' },
  'staff/pages/meal-elder/index': { role: 'staff', url: () => 'staff/pages/meal-elder/index', shows: '找到老人', prepare: (page) => pickResident(page, '王秀英') },
  'staff/pages/meal-rules/index': { role: 'staff', url: () => 'staff/pages/meal-rules/index', shows: '补贴' },
  'staff/pages/meal-settlement/index': { role: 'staff', url: () => 'staff/pages/meal-settlement/index', shows: '合计' },
  'staff/pages/outlets/index': { role: 'staff', url: () => 'staff/pages/outlets/index', shows: '安大生鲜菜店' },
  'provider/pages/index/index': { role: 'worker', url: () => 'provider/pages/index/index', shows: '赵师傅' },
  'provider/pages/bind/index': { role: 'resident', url: () => 'provider/pages/bind/index', shows: '邀请码' },
  'provider/pages/admin/index': { role: 'provider', url: () => 'provider/pages/admin/index', shows: '赵师傅' },
  'provider/pages/apply/index': { role: 'family', url: () => 'provider/pages/apply/index', shows: '康乐' },
  'canteen/pages/index/index': { role: 'canteen', url: () => 'canteen/pages/index/index', shows: '安大社区助餐点' },
  'canteen/pages/counter/index': { role: 'canteen', url: () => `canteen/pages/counter/index?id=${ANDA_MEAL_POINT}`, shows: '取餐核销' },
  'canteen/pages/kitchen/index': { role: 'canteen', url: () => `canteen/pages/kitchen/index?id=${ANDA_MEAL_POINT}`, shows: '后厨统计' },
  'canteen/pages/menu/index': { role: 'canteen', url: () => `canteen/pages/menu/index?id=${ANDA_MEAL_POINT}`, shows: '发布本周菜单' },
  'canteen/pages/delivery/index': { role: 'canteen', url: () => `canteen/pages/delivery/index?id=${ANDA_MEAL_POINT}`, shows: '送餐路线' },
  'canteen/pages/settlement/index': { role: 'canteen', url: () => 'canteen/pages/settlement/index', shows: '合计' },
  'home-service/pages/book/index': { role: 'resident', url: () => `home-service/pages/book/index?id=${HOME_CLEANING}`, shows: '家政保洁上门' },
  'home-service/pages/order/index': { role: 'resident', url: (f) => `home-service/pages/order/index?id=${f.homeOrderId}`, shows: '家政保洁上门' },
  'meals/pages/index/index': { role: 'family', url: () => 'meals/pages/index/index', shows: '安大社区助餐点' },
  'meals/pages/order/index': {
    role: 'family',
    url: (f) => `meals/pages/order/index?point=${ANDA_MEAL_POINT}&date=${f.tomorrow}&kind=lunch&person=${LI_JIANGUO}`,
    shows: '李建国',
  },
  'meals/pages/orders/index': { role: 'family', url: () => 'meals/pages/orders/index', shows: '李建国' },
  'meals/pages/pickup/index': { role: 'family', url: (f) => `meals/pages/pickup/index?id=${f.mealOrderId}`, shows: '6 位数字' },
  'meals/pages/balance/index': { role: 'family', url: () => `meals/pages/balance/index?person=${LI_JIANGUO}`, shows: '李建国' },
  'outlets/pages/index/index': {
    role: 'resident',
    url: () => 'outlets/pages/index/index',
    shows: '只看营业中',
    prepare: async (page) => {
      await page.locator('.outlets__communities .kind-chips__chip', { hasText: '安大社区' }).tap();
      await page.locator('.outlet-card').first().waitFor({ timeout: 20_000 });
    },
  },
  'outlets/pages/outlet/index': { role: 'resident', url: () => `outlets/pages/outlet/index?id=${ANDA_BREAKFAST}`, shows: '营业时间' },
};

/** The pages of app.config.ts (main package and subpackages), as their routes. */
async function configuredPages(): Promise<string[]> {
  (globalThis as { defineAppConfig?: (config: unknown) => unknown }).defineAppConfig = (config) => config;
  // Loaded by path: the mini program's sources are not part of the e2e type-check (their globals are Taro's).
  const { default: config } = (await import(join(REPO_ROOT, 'miniapp', 'src', 'app.config.ts'))) as {
    default: { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }> };
  };
  return [...config.pages, ...(config.subPackages ?? []).flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))];
}

/** What one page measured. */
interface PageFigures {
  route: string;
  role: Role;
  violations: string[];
  /** Elder mode only: the smallest visible text and tap target, with what they are. */
  minFontPx?: number;
  minFontAt?: string;
  minTarget?: { width: number; height: number; at: string };
  targets?: number;
  elderRoot?: boolean;
}

async function api<T>(baseUrl: string, token: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(`${baseUrl}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** A home cleaning 王秀英 asked for tomorrow morning, and tomorrow's lunch 李明 ordered for his father. */
async function makeFixtures(baseUrl: string): Promise<Fixtures> {
  const tomorrow = addDays(shanghaiDateOf(new Date()), 1);
  const wang = await demoLogin(baseUrl, stableId('account', 'resident-wang'));
  const homeOrder = await api<{ id: string }>(
    baseUrl,
    wang,
    '/home-orders',
    {
      centreId: ANDA_CENTRE,
      serviceId: HOME_CLEANING,
      residentId: WANG,
      address: '蜀山区肥西路 3 号院 5 栋 201',
      windowStartsAt: instantOf(tomorrow, '08:00').toISOString(),
      windowEndsAt: instantOf(tomorrow, '12:00').toISOString(),
      description: '厨房和卫生间保洁',
    },
    { 'Idempotency-Key': `a11y-${Date.now()}` },
  );
  const li = await demoLogin(baseUrl, stableId('account', 'resident-li'));
  const mealOrder = await api<{ id: string }>(
    baseUrl,
    li,
    '/meal-orders',
    {
      mealPointId: ANDA_MEAL_POINT,
      residentId: LI_JIANGUO,
      mealDate: tomorrow,
      mealKind: 'lunch',
      fulfilment: 'pickup',
      paymentMethod: 'at_pickup',
      lines: [{ dishId: stableId('dish', `anda:${tomorrow}:lunch:0`), quantity: 1 }],
    },
    { 'Idempotency-Key': `a11y-meal-${Date.now()}` },
  );
  return { homeOrderId: homeOrder.id, mealOrderId: mealOrder.id, tomorrow };
}

/** Elder mode chosen by hand, as the 我的 switch stores it (Taro H5 storage: JSON {data}), before the app starts. */
async function chooseElderMode(page: Page, mode: 'on' | 'off'): Promise<void> {
  await page.addInitScript(([key, value]) => window.localStorage.setItem(key, JSON.stringify({ data: value })), [ELDER_MODE_KEY, mode] as const);
}

/** Opens `route` afresh (a full load, so only this page is in the DOM) and waits for its real content. */
async function openPage(page: Page, baseUrl: string, route: string, entry: PageEntry, fixtures: Fixtures): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${baseUrl}/#/${entry.url(fixtures)}`);
  await page.waitForFunction(
    (text) => {
      const shown = [...document.querySelectorAll<HTMLElement>('.taro_page')].find((node) => node.offsetParent !== null || node.getClientRects().length > 0);
      if (!shown || document.querySelector('.remote-content--loading')) return false;
      return shown.innerText.includes(text);
    },
    entry.shows,
    { timeout: 20_000 },
  );
  await entry.prepare?.(page);
  // The page's slide-in transition ends before colours are measured (axe reads computed colours mid-fade wrong).
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'), undefined, { timeout: 10_000 });
  void route;
}

/** axe-core over the shown page, the gate's rules only: one line per failing node. */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withRules(AXE_RULES).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ').trim() ?? ''}`),
  );
}

/**
 * In the browser: the smallest font size of any visible text, and the smallest tap target — buttons, links,
 * [role=button], inputs, and views with a click or tap handler (in React's props, or Taro's __events) — that is visible.
 */
async function measure(page: Page): Promise<Pick<PageFigures, 'minFontPx' | 'minFontAt' | 'minTarget' | 'targets' | 'elderRoot'>> {
  return page.evaluate(() => {
    const describe = (element: Element) => {
      const classes = [...element.classList].slice(0, 2).join('.');
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 16);
      return `${element.tagName.toLowerCase()}${classes ? `.${classes}` : ''}${text ? ` 「${text}」` : ''}`;
    };
    const visible = (element: Element) => {
      const box = element.getBoundingClientRect();
      if (box.width < 1 || box.height < 1) return false;
      const style = getComputedStyle(element);
      return style.visibility !== 'hidden' && Number(style.opacity) > 0 && element.checkVisibility({ opacityProperty: true, visibilityProperty: true });
    };
    let minFontPx = Infinity;
    let minFontAt = '';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || !visible(parent)) continue;
      const size = parseFloat(getComputedStyle(parent).fontSize);
      if (size < minFontPx) {
        minFontPx = size;
        minFontAt = describe(parent);
      }
    }
    // A plain element with React's onClick keeps it in its props; Taro's H5 components (taro-view-core, …) get their
    // handlers through addEventListener instead and keep them in `__events` (never in React's props).
    const clickable = (element: Element) => {
      const propsKey = Object.keys(element).find((key) => key.startsWith('__reactProps$'));
      const props = propsKey ? (element as unknown as Record<string, Record<string, unknown>>)[propsKey] : undefined;
      const taroEvents = (element as unknown as { __events?: Record<string, unknown> }).__events;
      return Boolean(
        (props && (typeof props.onClick === 'function' || typeof props.onTap === 'function')) ||
        (taroEvents && (typeof taroEvents.click === 'function' || typeof taroEvents.tap === 'function')),
      );
    };
    const candidates = [...document.querySelectorAll('button, a[href], [role="button"], input:not([type="hidden"]), textarea, select, taro-button-core, *')].filter(
      (element) => element.matches('button, a[href], [role="button"], input:not([type="hidden"]), textarea, select, taro-button-core') || clickable(element),
    );
    // A tappable element inside another is the same target: measure the outermost.
    const targets = candidates.filter((element) => visible(element) && !candidates.some((other) => other !== element && other.contains(element) && visible(other)));
    let minTarget = { width: Infinity, height: Infinity, at: '' };
    for (const element of targets) {
      const box = element.getBoundingClientRect();
      if (Math.min(box.width, box.height) < Math.min(minTarget.width, minTarget.height))
        minTarget = { width: Math.round(box.width), height: Math.round(box.height), at: describe(element) };
    }
    const shownPage = [...document.querySelectorAll('.taro_page')].find((node) => visible(node));
    const elderRoot = Boolean(
      document.documentElement.classList.contains('elder-mode') || document.body.classList.contains('elder-mode') || shownPage?.querySelector('.elder-mode'),
    );
    return { minFontPx, minFontAt, minTarget, targets: targets.length, elderRoot };
  });
}

function figuresTable(rows: PageFigures[]): string {
  const lines = [
    '# Accessibility figures (written by the gate)',
    '',
    `Written by \`e2e/h5-accessibility.e2e.ts\` on ${new Date().toISOString().slice(0, 10)}: every H5 page in elder mode at a 390 × 844 phone,`,
    `the role that opened it, the smallest visible text and the smallest tap target (floors ${ELDER_MIN_FONT_PX} px and ${ELDER_MIN_TARGET_PX} × ${ELDER_MIN_TARGET_PX} px), and the axe`,
    `violations of ${AXE_RULES.join(', ')}. Do not edit by hand: run the gate.`,
    '',
    '| page | role | smallest text (px) | where | smallest target (px) | where | targets | axe violations |',
    '| --- | --- | ---: | --- | ---: | --- | ---: | ---: |',
  ];
  for (const row of rows) {
    const target = row.minTarget && Number.isFinite(row.minTarget.width) ? `${row.minTarget.width} × ${row.minTarget.height}` : '—';
    const cell = (text: string | undefined) => (text ?? '').replace(/\|/g, '\\|');
    lines.push(
      `| ${row.route} | ${row.role} | ${Number.isFinite(row.minFontPx) ? row.minFontPx : '—'} | ${cell(row.minFontAt)} | ${target} | ${cell(row.minTarget?.at)} | ${row.targets ?? 0} | ${row.violations.length} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('H5 accessibility gate (issue 16)', () => {
  let harness: H5Harness;
  let fixtures: Fixtures;
  const elderFigures = new Map<string, PageFigures>();
  const shown: Page[] = [];

  beforeAll(async () => {
    harness = await startH5Harness();
    fixtures = await makeFixtures(harness.api.baseUrl);
  }, 120_000);
  afterAll(async () => {
    const routes = await configuredPages();
    if (routes.every((route) => elderFigures.has(route))) writeFileSync(FIGURES_FILE, figuresTable(routes.map((route) => elderFigures.get(route)!)));
    await harness?.close();
  });

  it('has an entry (role, link, content) for every page of app.config.ts, and none for a page that is gone', async () => {
    const routes = await configuredPages();
    expect(routes.filter((route) => !PAGES[route])).toEqual([]);
    expect(Object.keys(PAGES).filter((route) => !routes.includes(route))).toEqual([]);
  });

  /** Signs `role` in (a fresh phone) and visits each of its pages, checking each with `check`. */
  async function visitPagesOf(role: Role, mode: 'on' | 'off', check: (route: string, page: Page) => Promise<void>): Promise<void> {
    const context = await harness.browser.newContext(PHONE);
    try {
      const page = await context.newPage();
      shown.push(page);
      await chooseElderMode(page, mode);
      const account = ROLE_ACCOUNTS[role];
      if (account) {
        await signInAs(page, harness.api.baseUrl, account);
        await page.waitForFunction(() => !window.location.hash.includes('pages/login/index'), undefined, { timeout: 20_000 });
      }
      for (const [route, entry] of Object.entries(PAGES)) {
        if (entry.role !== role) continue;
        try {
          await openPage(page, harness.api.baseUrl, route, entry, fixtures);
        } catch (error) {
          throw new Error(`${route} (${role}, elder mode ${mode}) did not show 「${entry.shows}」: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }
        await check(route, page);
      }
    } catch (error) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await shown[0]?.screenshot({ path: join(SCREENSHOTS, `accessibility-${role}-${mode}.png`), fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      shown.length = 0;
      await context.close();
    }
  }

  const roles = Object.keys(ROLE_ACCOUNTS) as Role[];

  describe('normal mode', () => {
    for (const role of roles) {
      it(`${role}: every page has no ${AXE_RULES.join(', ')} violations`, async () => {
        const failures: string[] = [];
        const seenKnown = new Set<string>();
        await visitPagesOf(role, 'off', async (route, page) => {
          for (const violation of await axeViolations(page)) {
            if (isKnown(route, violation)) seenKnown.add(route);
            else failures.push(`${route} ${violation}`);
          }
        });
        for (const known of KNOWN_VIOLATIONS) {
          if (PAGES[known.route]?.role === role && !seenKnown.has(known.route)) failures.push(`${known.route}: the known ${known.rule} is gone, remove it from KNOWN_VIOLATIONS`);
        }
        expect(failures).toEqual([]);
      }, 240_000);
    }
  });

  describe('elder mode (长辈模式)', () => {
    for (const role of roles) {
      it(`${role}: every page is in elder mode, has no axe violations, text ≥ ${ELDER_MIN_FONT_PX} px and tap targets ≥ ${ELDER_MIN_TARGET_PX} × ${ELDER_MIN_TARGET_PX} px`, async () => {
        const failures: string[] = [];
        await visitPagesOf(role, 'on', async (route, page) => {
          const violations = await axeViolations(page);
          const figures: PageFigures = { route, role, violations, ...(await measure(page)) };
          elderFigures.set(route, figures);
          for (const violation of violations) failures.push(`${route} ${violation}`);
          if (!figures.elderRoot) failures.push(`${route}: no .elder-mode on the page`);
          if (figures.minFontPx! < ELDER_MIN_FONT_PX) failures.push(`${route}: text of ${figures.minFontPx} px at ${figures.minFontAt}`);
          const target = figures.minTarget!;
          if (Math.min(target.width, target.height) < ELDER_MIN_TARGET_PX) failures.push(`${route}: tap target ${target.width} × ${target.height} px at ${target.at}`);
        });
        expect(failures).toEqual([]);
      }, 240_000);
    }
  });
});
