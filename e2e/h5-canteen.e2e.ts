import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, shanghaiDateOf, shanghaiTimeOf } from '@linli/shared';
import { DataSource } from 'typeorm';
import { stableId } from '../api/src/seed/stable-id';
import { REPO_ROOT } from './support/api-process';
import { demoLogin, phonesPerTest, signInAs, type H5Harness, type Page } from './support/h5-harness';

/**
 * The canteen side of elder meals in the H5 app. 李明 orders today's lunch for his father 李建国 (paid from the meal
 * balance) through the API; once ordering has closed, 安大社区长者食堂's operator signs in (demo login), lands on the
 * meal points, reads the kitchen counts, finds 李建国 by name at the counter and hands the meal over; typing the
 * order's six digits afterwards says when it was collected. 张敏 (安大社区's staff) opens his meal profile, then the
 * month's subsidy settlement with his lunch in it.
 *
 * Time: an order for today must be placed before the lunch cut-off, and handed over after it on the same day. The test
 * does not depend on the clock: it moves the point's lunch cut-off in the API's SQLite database (as service-day.ts
 * moves a booking's slot) — to 23:59 before ordering, to 00:00 (passed) after — and, should it start in the last two
 * minutes of a Shanghai day, waits for the next one (the seed publishes a week of menus).
 */

const MEAL_POINT = stableId('meal-point', 'anda');
const LI_JIANGUO = stableId('resident', 'li-jianguo');
const SCREENSHOTS = join(REPO_ROOT, '.test-artifacts', 'screenshots');
const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function lunchCutOffAt(harness: H5Harness, time: string): Promise<void> {
  const database = await new DataSource({ type: 'better-sqlite3', database: harness.databaseUrl.replace(/^sqlite:/, ''), timeout: 5_000 }).initialize();
  try {
    await database.query("UPDATE meal_window SET cut_off_time = ?, cut_off_days_before = 0 WHERE meal_point_id = ? AND meal_kind = 'lunch'", [time, MEAL_POINT]);
  } finally {
    await database.destroy();
  }
}

/** Today (Shanghai), at least two minutes before its end: ordering until 23:59 and handing over happen on one day. */
async function aDayWithTimeLeft(): Promise<string> {
  while (shanghaiTimeOf(new Date()) >= '23:58') await new Promise((resolve) => setTimeout(resolve, 10_000));
  return shanghaiDateOf(new Date());
}

async function call<T>(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${baseUrl}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json', 'idempotency-key': `h5-canteen-${Date.now()}` }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

interface PlacedLunch {
  orderId: string;
  shortCode: string;
  dishName: string;
}

/** 李明 orders one portion of the first dish of today's lunch for 李建国, dine-in, paid from the meal balance. */
async function liMingOrdersLunchForHisFather(baseUrl: string, today: string): Promise<PlacedLunch> {
  const token = await demoLogin(baseUrl, stableId('account', 'resident-li'));
  const menu = await call<{ meals: Array<{ mealKind: string; dishes: Array<{ id: string; name: string }> }> }>(
    baseUrl,
    token,
    'GET',
    `/meal-points/${MEAL_POINT}/menu?from=${today}&to=${today}`,
  );
  const dish = menu.body.meals.find((meal) => meal.mealKind === 'lunch')!.dishes[0];
  const order = await call<{ id: string; status: string }>(baseUrl, token, 'POST', '/meal-orders', {
    mealPointId: MEAL_POINT,
    residentId: LI_JIANGUO,
    mealDate: today,
    mealKind: 'lunch',
    fulfilment: 'dine_in',
    paymentMethod: 'balance',
    lines: [{ dishId: dish.id, quantity: 1 }],
  });
  expect(order).toMatchObject({ status: 201, body: { status: 'paid' } });
  const code = await call<{ shortCode: string }>(baseUrl, token, 'GET', `/meal-orders/${order.body.id}/pickup-code`);
  return { orderId: order.body.id, shortCode: code.body.shortCode, dishName: dish.name };
}

/** A picture for people to look at (.test-artifacts/screenshots), once the page has finished sliding in. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(500);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `h5-canteen-${name}.png`), fullPage: true });
}

describe('H5: the canteen counter and kitchen counts', () => {
  const phones = phonesPerTest({ canteen: {}, staff: {} });

  phones.test(
    'the operator sees 李建国’s lunch in the kitchen counts, finds him by name and hands it over; the six digits then say it was collected',
    async () => {
      const { harness } = phones;
      const { canteen, staff } = phones.pages;
      const { baseUrl } = harness.api;

      const today = await aDayWithTimeLeft();
      await lunchCutOffAt(harness, '23:59');
      const lunch = await liMingOrdersLunchForHisFather(baseUrl, today);
      await lunchCutOffAt(harness, '00:00');

      // The canteen's operator signs in and lands on its meal points.
      await signInAs(canteen, baseUrl, '长者食堂管理员');
      const point = canteen.locator('.canteen-point', { hasText: '安大社区助餐点' }).first();
      await point.waitFor({ timeout: 20_000 });
      await screenshot(canteen, 'meal-points');

      // 后厨统计: today's lunch, final, with 李建国's dish counted.
      await point.locator('.canteen-point__kitchen').first().tap();
      const dishRow = canteen.locator('.kitchen-dish', { hasText: lunch.dishName }).first();
      await dishRow.waitFor({ timeout: 20_000 });
      expect(await dishRow.locator('.kitchen-table__count').innerText()).toBe('1');
      await canteen.getByText('已过订餐截止时间，份数不会再变。').first().waitFor({ timeout: 10_000 });
      await canteen.locator('.kitchen-print').first().waitFor({ timeout: 10_000 });
      await screenshot(canteen, 'kitchen-counts');
      // Printed, the sheet stands alone: no app bar, no buttons.
      await canteen.emulateMedia({ media: 'print' });
      expect(await canteen.locator('.kitchen-print').first().isVisible()).toBe(false);
      expect(await dishRow.isVisible()).toBe(true);
      await canteen.emulateMedia({ media: 'screen' });

      // The counter: no code, so she looks him up by name and hands the meal over.
      await canteen.goto(`${baseUrl}/#/canteen/pages/counter/index?id=${MEAL_POINT}`);
      await canteen.locator('.canteen-lookup input').first().fill('李建国', { timeout: 20_000 });
      await canteen.locator('.canteen-lookup-submit').first().tap();
      const card = canteen.locator(`.canteen-order[data-order="${lunch.orderId}"]`).first();
      await card.locator('.canteen-order__collect').first().tap({ timeout: 20_000 });
      await canteen.locator('.canteen-collected', { hasText: '李建国 已取餐' }).first().waitFor({ timeout: 20_000 });
      await card.locator('.canteen-order__status', { hasText: '已取餐' }).first().waitFor({ timeout: 10_000 });
      expect(await card.locator('.canteen-order__collect').count()).toBe(0);

      // Someone reads out his six digits afterwards: the counter says when the meal was collected.
      const codeInput = canteen.locator('.canteen-code input').first();
      expect(await codeInput.getAttribute('type')).toBe('number');
      await codeInput.fill(lunch.shortCode);
      await canteen.locator('.canteen-code-submit').first().tap();
      await canteen
        .getByText(new RegExp(`该餐已于 ${today} \\d{2}:\\d{2} 取走`))
        .first()
        .waitFor({ timeout: 20_000 });
      await screenshot(canteen, 'counter-collected');

      // The week's menu: today's meals, with the dish she just handed over.
      await canteen.goto(`${baseUrl}/#/canteen/pages/menu/index?id=${MEAL_POINT}`);
      await canteen.locator(`.canteen-meal[data-meal="${today}|lunch"]`, { hasText: lunch.dishName }).first().waitFor({ timeout: 20_000 });
      await screenshot(canteen, 'menu');

      // A photo for tomorrow's first lunch dish, through the browser's file picker: stored, shown through its signed
      // path, and kept by the meal saved (residents' menus then carry it).
      const tomorrow = addDays(today, 1);
      await canteen.locator(`.canteen-meal[data-meal="${tomorrow}|lunch"]`).first().tap();
      await canteen.locator('.canteen-dish__edit').first().tap({ timeout: 20_000 });
      const [chooser] = await Promise.all([canteen.waitForEvent('filechooser'), canteen.locator('.canteen-dish-photo__upload').first().tap({ timeout: 20_000 })]);
      await chooser.setFiles({ name: 'dish.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
      const photo = canteen.locator('.canteen-dish-photo__image img, img.canteen-dish-photo__image').first();
      await photo.waitFor({ timeout: 20_000 });
      await canteen.waitForFunction((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth === 1, await photo.elementHandle(), { timeout: 20_000 });
      await canteen.locator('.canteen-dish-save').first().tap();
      await canteen.locator('.canteen-meal-save').first().tap();
      await canteen
        .getByText(/^已保存/)
        .first()
        .waitFor({ timeout: 20_000 });
      const residentToken = await demoLogin(baseUrl, stableId('account', 'resident-li'));
      const menu = await call<{ meals: Array<{ mealKind: string; dishes: Array<{ photoId: string | null; photoUrl: string | null }> }> }>(
        baseUrl,
        residentToken,
        'GET',
        `/meal-points/${MEAL_POINT}/menu?from=${tomorrow}&to=${tomorrow}`,
      );
      const dish = menu.body.meals.find((meal) => meal.mealKind === 'lunch')!.dishes[0];
      expect(dish.photoId).toEqual(expect.any(String));
      const served = await fetch(`${baseUrl}/api${dish.photoUrl}`);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/png');

      // 张敏 finds 李建国 on 老人助餐: his age, 户籍, the verified 低保 and his balance after the lunch.
      await signInAs(staff, baseUrl, '张敏');
      await staff.locator('.staff-greeting', { hasText: '张敏' }).first().waitFor({ timeout: 20_000 });
      await staff.locator('.staff-home__meal-elder').first().tap();
      await staff.locator('.staff-resident-name input').first().fill('李建国', { timeout: 20_000 });
      await staff.locator('.staff-resident-search').first().tap();
      await staff.locator('.staff-resident', { hasText: '李建国' }).first().tap({ timeout: 20_000 });
      await staff.locator('.staff-hardship', { hasText: '低保' }).first().waitFor({ timeout: 20_000 });
      await expect(staff.locator('.staff-meal-profile__district').first().innerText()).resolves.toContain('户籍：蜀山区');
      await staff.locator('.staff-meal-balance__amount').first().waitFor({ timeout: 20_000 });
      // Every district of the city is a 户籍 choice, not only the one he lives in.
      await staff.locator('.staff-district', { hasText: '户籍在包河区' }).first().waitFor({ timeout: 20_000 });
      await screenshot(staff, 'staff-meal-elder');

      // 助餐补贴结算 from the staff home: this month at 安大社区长者食堂 has his lunch, masked, its rules explained.
      await staff.goto(`${baseUrl}/#/staff/pages/index/index`);
      await staff.locator('.staff-home__meal-settlement').first().tap({ timeout: 20_000 });
      await staff.locator('.settlement-row', { hasText: '李*国' }).first().waitFor({ timeout: 20_000 });
      await staff.locator('.settlement-rule__what').first().waitFor({ timeout: 20_000 });
      await expect(staff.locator('.settlement-totals__claim').first().innerText()).resolves.toMatch(/^应由区里支付补贴 ¥\d+\.\d{2}$/);
      await screenshot(staff, 'staff-meal-settlement');
      // Printed, the sheet stands alone: no choices, no buttons.
      await staff.emulateMedia({ media: 'print' });
      expect(await staff.locator('.settlement-export__csv').first().isVisible()).toBe(false);
      expect(await staff.locator('.settlement-month').first().isVisible()).toBe(false);
      expect(await staff.locator('.settlement-row').first().isVisible()).toBe(true);
      await staff.emulateMedia({ media: 'screen' });
    },
    120_000,
  );
});
