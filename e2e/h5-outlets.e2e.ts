import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from './support/api-process';
import { phonesPerTest, signInAs } from './support/h5-harness';

import type { Page } from 'playwright-core';

const SCREENSHOTS = join(REPO_ROOT, '.test-artifacts', 'screenshots');

/** A screenshot to look at, once the page's slide-in animation is over. */
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(SCREENSHOTS, `outlets-${name}.png`) });
}

/**
 * 便民网点 in the built H5 app on phone-sized Chromium with the seeded demo data. 王秀英 looks for the nearest 早餐店
 * open now from 安大社区 and opens its page (a browser gives WGS-84 positions only, which Taro's H5 getLocation refuses
 * for GCJ-02, so on H5 the list is always measured from the community the person picks); 张敏 (安大社区's staff) pastes a CSV file with one bad row and sees that
 * row reported and nothing imported. The demo breakfast shops open only in the morning, so the test first adds a 24 h
 * one a little farther off: whatever the time of day, an open 早餐店 is near, and the list must put the nearest open
 * one first.
 */
describe('H5 convenience outlets in Chromium', () => {
  const phones = phonesPerTest({ resident: {}, staff: {} });

  async function staffToken(baseUrl: string): Promise<string> {
    const response = await fetch(`${baseUrl}/api/auth/password/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'anda.staff', password: 'Linli@2026' }),
    });
    return ((await response.json()) as { tokens: { accessToken: string } }).tokens.accessToken;
  }

  phones.test('王秀英 finds the nearest open 早餐店 from 首页 and opens its page', async () => {
    const { resident } = phones.pages;
    const baseUrl = phones.harness.api.baseUrl;
    const token = await staffToken(baseUrl);
    const regions = (await (await fetch(`${baseUrl}/api/regions/communities?keyword=安大`)).json()) as { items: Array<{ id: string }> };
    const created = await fetch(`${baseUrl}/api/staff/outlets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        name: '通宵早餐铺',
        kind: 'breakfast',
        regionId: regions.items[0].id,
        address: '肥西路 21 号',
        latitude: 31.8482,
        longitude: 117.2655,
        phone: '0551-65100099',
        hours: { weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, ranges: [{ start: '00:00', end: '24:00' }] })), dated: [] },
        services: ['豆浆', '煎饼'],
        photoUrls: [],
        elderFeatures: [],
      }),
    });
    expect(created.status).toBe(201);

    await signInAs(resident, baseUrl, '王秀英');
    await resident.locator('.profile-name', { hasText: '王秀英' }).first().waitFor({ timeout: 20_000 });
    await resident.locator('.weui-tabbar__label', { hasText: '首页' }).tap();
    await resident.locator('.outlets-tile').tap({ timeout: 20_000 });

    await resident.locator('.outlets__communities .kind-chips__chip', { hasText: '安大社区' }).tap({ timeout: 20_000 });
    const cards = resident.locator('.outlet-card');
    await cards.first().waitFor({ timeout: 20_000 });
    await resident.locator('.kind-chips__chip[data-kind="breakfast"]').tap();
    await resident.locator('[data-switch="open-now"]').tap();
    await resident.locator('.kind-chips__chip--selected[data-switch="open-now"]').waitFor();
    // Every card left is an open 早餐店, nearest first.
    await resident.waitForFunction(() => {
      const shown = [...document.querySelectorAll('.outlet-card')];
      return shown.length > 0 && shown.every((card) => card.textContent?.includes('早餐店') && card.querySelector('.outlet-card__badge--open'));
    });
    const distances = await cards.locator('.outlet-card__distance').allInnerTexts();
    const meters = distances.map((text) => Number(/([\d.]+)\s*(公里|米)/.exec(text)![1]) * (text.includes('公里') ? 1000 : 1));
    expect(meters).toEqual([...meters].sort((a, b) => a - b));
    const nearest = (await cards.first().locator('.outlet-card__name').innerText()).trim();
    await cards.first().scrollIntoViewIfNeeded();
    await shot(resident, '1-list');

    await cards.first().tap();
    await resident.locator('.outlet__name', { hasText: nearest }).waitFor({ timeout: 20_000 });
    expect(await resident.locator('.outlet__day').count()).toBe(7);
    await resident.locator('.outlet__call').waitFor();
    await resident.locator('.outlet__navigate').waitFor();
    await shot(resident, '2-outlet');
  });

  phones.test('张敏 imports a CSV with one bad row: the row is reported with its line, nothing is imported', async () => {
    const { staff } = phones.pages;
    const baseUrl = phones.harness.api.baseUrl;
    await signInAs(staff, baseUrl, '张敏');
    await staff.locator('.staff-greeting', { hasText: '张敏' }).first().waitFor({ timeout: 20_000 });
    await staff.locator('.staff-home__outlets').first().tap();
    await staff.locator('.staff-outlet').first().waitFor({ timeout: 20_000 });
    const before = await staff.locator('.staff-outlet').count();

    await staff.locator('.outlets-section[data-value="import"]').tap();
    const csv = [
      '名称,类型,社区编码,地址,纬度,经度,电话,营业时间,服务,适老',
      '新开菜店,菜店,340104001001,肥西路 30 号,31.8450,117.2630,0551-65100100,1-7 07:00-19:00,蔬菜,送货上门',
      '网吧一号,网吧,340104001001,肥西路 32 号,31.8451,117.2631,0551-65100101,1-7 24h,,',
    ].join('\n');
    await staff.locator('.outlet-import__text textarea').fill(csv);
    await staff.locator('.outlet-import__send').tap();
    const problem = staff.locator('.outlet-import__problem');
    await problem.first().waitFor({ timeout: 20_000 });
    expect(await problem.allInnerTexts()).toEqual(['第 3 行：类型“网吧”不是已知的网点类型']);
    expect(await staff.locator('.outlet-import__problems').innerText()).toContain('未导入任何网点');
    await problem.first().scrollIntoViewIfNeeded();
    await shot(staff, '3-import');

    await staff.locator('.outlets-section[data-value="outlets"]').tap();
    await staff.locator('.staff-outlet').first().waitFor({ timeout: 20_000 });
    expect(await staff.locator('.staff-outlet').count()).toBe(before);
    expect(await staff.locator('.staff-outlet', { hasText: '新开菜店' }).count()).toBe(0);
  });
});
