import { stableId } from '../api/src/seed/stable-id';
import { onePhonePerTest, signInAs } from './support/h5-harness';

const SOCIAL_INSURANCE = stableId('service', 'social_insurance');
const HOME_CLEANING = stableId('service', 'home_cleaning');
/** The smallest tap target we accept for older people, in CSS px. */
const MIN_TAP_TARGET = 48;

/**
 * Finding one's way around the H5 app as a phone user: the search on 服务, the navigation bar on every non-tab page,
 * text fields that take a tap anywhere in their box, a centre's page with its services and a map that opens.
 */
describe('H5: finding services and finding one’s way', () => {
  const phone = onePhonePerTest();
  const browserTest = (name: string, body: () => Promise<void>) => phone.test(name, body, 90_000);
  const baseUrl = () => phone.harness.api.baseUrl;

  async function signInAsWang(): Promise<void> {
    await signInAs(phone.page, baseUrl(), '王秀英');
    await phone.page.locator('.profile-name', { hasText: '王秀英' }).first().waitFor({ timeout: 20_000 });
  }

  async function openAndaCentreFromHome(): Promise<void> {
    await phone.page.locator('.weui-tabbar__label', { hasText: '首页' }).tap();
    await phone.page.locator('.centre-card', { hasText: '安大社区市民中心' }).first().tap({ timeout: 20_000 });
    await phone.page.waitForFunction(() => window.location.hash.includes('pages/centre/index'), null, { timeout: 10_000 });
  }

  /** Taps `x`, `y` px inside the top-left corner of the box (negative: from the bottom-right) and says what has focus. */
  async function tapInsideCorner(selector: string, x: number, y: number): Promise<{ inBox: boolean; tag: string }> {
    const box = phone.page.locator(selector).first();
    await box.scrollIntoViewIfNeeded({ timeout: 20_000 });
    await phone.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const bounds = (await box.boundingBox())!;
    await phone.page.touchscreen.tap(bounds.x + (x >= 0 ? x : bounds.width + x), bounds.y + (y >= 0 ? y : bounds.height + y));
    return box.evaluate((element) => ({ inBox: element.contains(document.activeElement), tag: document.activeElement?.tagName ?? '' }));
  }

  async function expectBigEnough(selector: string): Promise<void> {
    const bounds = (await phone.page.locator(selector).first().boundingBox())!;
    expect(bounds.width).toBeGreaterThanOrEqual(MIN_TAP_TARGET);
    expect(bounds.height).toBeGreaterThanOrEqual(MIN_TAP_TARGET);
  }

  browserTest('王秀英 finds 家政 on 服务 by typing the pinyin initials "jz"', async () => {
    await signInAsWang();
    await phone.page.locator('.weui-tabbar__label', { hasText: '服务' }).tap();
    const services = phone.page.locator('.services');
    await services.locator('.service-row').first().waitFor({ timeout: 20_000 });
    expect(await services.locator('.service-row').count()).toBe(22);

    await services.locator('.services__search').first().tap();
    await phone.page.keyboard.type('jz');
    await services.locator('.service-row', { hasText: '社保医保代办' }).waitFor({ state: 'detached', timeout: 10_000 });
    const found = services.locator('.service-row', { hasText: '家政保洁上门' }).first();
    await found.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await services.locator('.service-row').count()).toBeLessThan(22);

    await found.tap();
    await phone.page.waitForFunction((id) => window.location.hash.includes(`pages/service/index?id=${id}`), HOME_CLEANING, { timeout: 10_000 });
  });

  browserTest('a non-tab page shows its title and a back button big enough to tap; after a reload the button goes to 首页', async () => {
    await phone.page.goto(`${baseUrl()}/`);
    await phone.page.locator('.category-tile').first().tap({ timeout: 20_000 });
    await phone.page.waitForFunction(() => window.location.hash.includes('pages/category/index'), null, { timeout: 10_000 });
    const bar = phone.page.locator('#taro-navigation-bar');
    await bar.locator('.taro-navigation-bar-title', { hasText: '服务类别' }).waitFor({ timeout: 10_000 });
    const back = phone.page.getByRole('button', { name: '返回上一页' });
    await back.waitFor({ state: 'visible', timeout: 20_000 });
    await expectBigEnough('#taro-navigation-bar .taro-navigation-bar-back');

    await back.tap();
    await phone.page.waitForFunction(() => window.location.hash.includes('pages/home/index'), null, { timeout: 10_000 });

    // Opened by a link, or reloaded: there is no page to go back to, so the same place takes one to 首页.
    await phone.page.goto(`${baseUrl()}/#/pages/service/index?id=${SOCIAL_INSURANCE}`);
    await phone.page.reload();
    await bar.locator('.taro-navigation-bar-title', { hasText: '服务详情' }).waitFor({ timeout: 20_000 });
    const home = phone.page.getByRole('button', { name: '回到首页' });
    await home.waitFor({ state: 'visible', timeout: 20_000 });
    await expectBigEnough('#taro-navigation-bar .taro-navigation-bar-home');
    await home.tap();
    await phone.page.waitForFunction(() => window.location.hash.includes('pages/home/index'), null, { timeout: 10_000 });
  });

  browserTest('a tap 4 px inside the corner of a text field’s box focuses the field (inputs and text areas)', async () => {
    await phone.page.goto(`${baseUrl()}/#/staff/pages/login/index`);
    for (const field of ['.staff-login-username', '.staff-login-password']) {
      await expect(tapInsideCorner(field, 4, 4)).resolves.toEqual({ inBox: true, tag: 'INPUT' });
      await expect(tapInsideCorner(field, -4, -4)).resolves.toEqual({ inBox: true, tag: 'INPUT' });
    }

    await signInAsWang();
    await phone.page.goto(`${baseUrl()}/#/home-service/pages/book/index?id=${HOME_CLEANING}`);
    await expect(tapInsideCorner('.home-form__address', 4, 4)).resolves.toEqual({ inBox: true, tag: 'INPUT' });
    await expect(tapInsideCorner('.home-form__description', 4, 4)).resolves.toEqual({ inBox: true, tag: 'TEXTAREA' });
    await expect(tapInsideCorner('.home-form__description', -4, -4)).resolves.toEqual({ inBox: true, tag: 'TEXTAREA' });
  });

  browserTest('a centre’s page on 首页 lists its services, and 预约 leads into the booking steps', async () => {
    await signInAsWang();
    await openAndaCentreFromHome();
    const service = phone.page.locator('.centre-service', { hasText: '社保医保代办' }).first();
    await service.waitFor({ timeout: 20_000 });
    expect(await phone.page.locator('.centre-service').count()).toBeGreaterThan(10);

    await service.locator('.centre-service__book').first().tap();
    await phone.page.waitForFunction((id) => window.location.hash.includes(`pages/book/index?id=${id}`), SOCIAL_INSURANCE, { timeout: 10_000 });
    await phone.page.locator('.book__title', { hasText: '预约：社保医保代办' }).first().waitFor({ timeout: 20_000 });
  });

  browserTest('the tab shows the app’s icon, so the browser does not ask for a /favicon.ico that is not there', async () => {
    const missing: string[] = [];
    phone.page.on('response', (response) => {
      if (response.status() === 404) missing.push(response.url());
    });
    await phone.page.goto(`${baseUrl()}/`);
    await phone.page.locator('.community-card').first().waitFor({ timeout: 20_000 });

    expect(await phone.page.locator('link[rel="icon"]').getAttribute('href')).toMatch(/^data:image\/svg\+xml,/);
    expect(missing).toEqual([]);
  });

  browserTest('在地图上查看 opens a web map at the centre’s GCJ-02 position', async () => {
    // The map site is not reachable from here: answer for it, and look at where the app sent the person.
    await phone.page.context().route('https://uri.amap.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>map</title>' }));
    await phone.page.goto(`${baseUrl()}/`);
    await openAndaCentreFromHome();
    const [map] = await Promise.all([
      phone.page.context().waitForEvent('page', { timeout: 10_000 }),
      phone.page.locator('.centre__action', { hasText: '在地图上查看' }).first().tap({ timeout: 20_000 }),
    ]);

    expect(map.url()).toBe(`https://uri.amap.com/marker?position=117.26219,31.84437&name=${encodeURIComponent('安大社区市民中心')}&src=linli&coordinate=gaode&callnative=0`);
  });
});
