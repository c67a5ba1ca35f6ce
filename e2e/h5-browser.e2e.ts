import { shanghaiDateOf } from '@linli/shared';
import { stableId } from '../api/src/seed/stable-id';
import { demoLogin, onePhonePerTest, type H5Harness } from './support/h5-harness';
import { wangBooksSocialInsuranceAtAnda } from './support/resident-flows';

/**
 * The built H5 app, served by the real API on a throwaway seeded SQLite file, driven in Debian's Chromium as
 * a phone would use it (touch, small viewport). A failing test leaves a screenshot under .test-artifacts/.
 */
describe('H5 app in Chromium', () => {
  const phone = onePhonePerTest();
  let api: H5Harness['api'];
  beforeAll(() => {
    api = phone.harness.api;
  });

  const browserTest = (name: string, body: () => Promise<void>) => phone.test(name, body);

  browserTest('opens on the home page and shows communities and centres from the API', async () => {
    await phone.page.goto(`${api.baseUrl}/`);
    await phone.page.locator('.community-card', { hasText: '安大社区' }).first().waitFor({ timeout: 20_000 });
    expect(await phone.page.locator('.community-card').count()).toBe(7);
    await phone.page.locator('.centre-card', { hasText: '三里庵街道市民中心' }).first().waitFor({ state: 'visible', timeout: 20_000 });
  });

  browserTest('navigates the tab bar: 服务, 订单, 我的 and back to 首页', async () => {
    await phone.page.goto(`${api.baseUrl}/`);
    await phone.page.locator('.community-card').first().waitFor({ timeout: 20_000 });
    for (const [tab, route] of [
      ['服务', 'pages/services/index'],
      ['订单', 'pages/orders/index'],
      ['我的', 'pages/me/index'],
      ['首页', 'pages/home/index'],
    ] as const) {
      await phone.page.locator('.weui-tabbar__label', { hasText: tab }).tap();
      await phone.page.waitForFunction((expected) => window.location.hash.includes(expected), route, { timeout: 10_000 });
    }
    await phone.page.locator('.community-card').first().waitFor({ state: 'visible', timeout: 20_000 });
  });

  browserTest('a resident signs in with the demo login (through the fake WeChat server) and sees their profile on 我的', async () => {
    await phone.page.goto(`${api.baseUrl}/#/pages/login/index`);
    await phone.page.locator('.demo-account', { hasText: '王秀英' }).first().tap({ timeout: 20_000 });
    await phone.page.locator('.profile-name', { hasText: '王秀英' }).first().waitFor({ timeout: 20_000 });
    // ID and phone numbers reach the page only masked.
    const text = await phone.page.locator('body').innerText();
    expect(text).toContain('138****0001');
    expect(text).not.toContain('13805510001');
  });

  browserTest('a son acting for his father sees him among his household members', async () => {
    await phone.page.goto(`${api.baseUrl}/#/pages/login/index`);
    await phone.page.locator('.demo-account', { hasText: '李明' }).first().tap({ timeout: 20_000 });
    await phone.page.locator('.household-member', { hasText: '李建国' }).first().waitFor({ timeout: 20_000 });
  });

  browserTest('staff sign in with a password; a wrong one gets a clear message, and the workbench tells of it', async () => {
    await phone.page.goto(`${api.baseUrl}/#/staff/pages/login/index`);
    await phone.page.locator('.staff-login-username input').first().fill('anda.staff', { timeout: 20_000 });
    await phone.page.locator('.staff-login-password input').first().fill('wrong-password');
    await phone.page.locator('.staff-login-submit').first().tap();
    await phone.page.getByText('账号或密码错误；连续输错 5 次后需等待 15 分钟再试').first().waitFor({ timeout: 10_000 });

    await phone.page.locator('.staff-login-password input').first().fill('Linli@2026');
    await phone.page.locator('.staff-login-submit').first().tap();
    await phone.page.locator('.staff-greeting', { hasText: '张敏' }).first().waitFor({ timeout: 20_000 });
    await phone.page.locator('.failed-sign-ins', { hasText: '上次登录后有 1 次密码输错' }).first().waitFor({ timeout: 10_000 });
    await phone.page.locator('.failed-sign-ins__dismiss').first().tap();
    await phone.page.locator('.failed-sign-ins').first().waitFor({ state: 'detached', timeout: 10_000 });
  });

  browserTest('a resident books a service, finds it in 订单 and cancels it; staff check a booking in', async () => {
    await phone.page.goto(`${api.baseUrl}/#/pages/login/index`);
    await phone.page.locator('.demo-account', { hasText: '王秀英' }).first().tap({ timeout: 20_000 });
    await phone.page.locator('.profile-name').first().waitFor({ timeout: 20_000 });

    const bookOnce = () => wangBooksSocialInsuranceAtAnda(phone.page, api.baseUrl);
    await bookOnce();
    expect(await phone.page.locator('.booking-success').first().innerText()).toContain('社保医保代办');

    await phone.page.goto(`${api.baseUrl}/#/pages/orders/index`);
    const card = phone.page.locator('.booking-card', { hasText: '社保医保代办' }).first();
    await card.waitFor({ timeout: 20_000 });
    await card.locator('.booking-cancel').first().tap();
    await card.locator('.booking-cancel-confirm').first().tap();
    await phone.page.locator('.booking-card', { hasText: '已取消' }).first().waitFor({ timeout: 20_000 });

    // Book again, then a staff member of 安大社区 checks that booking in from the day's list.
    await bookOnce();
    const resident = await demoLogin(api.baseUrl, stableId('account', 'resident-wang'));
    const live = (await (await fetch(`${api.baseUrl}/api/bookings`, { headers: { authorization: `Bearer ${resident}` } })).json()).items.find(
      (b: { status: string }) => b.status === 'confirmed',
    );
    const staffPage = await phone.page.context().newPage();
    await staffPage.goto(`${api.baseUrl}/#/pages/login/index`);
    await staffPage.locator('.demo-account', { hasText: '张敏' }).first().tap({ timeout: 20_000 });
    await staffPage.locator('.staff-greeting').first().waitFor({ timeout: 20_000 });
    await staffPage.goto(`${api.baseUrl}/#/staff/pages/bookings/index`);
    await staffPage.locator('.staff-centre', { hasText: '安大社区市民中心' }).first().tap({ timeout: 20_000 });
    const dayOffset = Math.round((Date.parse(`${live.date}T00:00:00Z`) - Date.parse(`${shanghaiDateOf(new Date())}T00:00:00Z`)) / 86_400_000);
    await staffPage
      .locator('.staff-date')
      .nth(dayOffset + 1)
      .tap({ timeout: 20_000 });
    // The cancelled booking may be listed on the same day: take the live one.
    const row = staffPage.locator('.staff-booking', { hasText: '王秀英' }).filter({ hasText: '已预约' }).first();
    await row.waitFor({ timeout: 20_000 });
    await row.locator('.staff-booking-action--check_in').first().tap();
    await staffPage.locator('.staff-booking', { hasText: '已签到' }).first().waitFor({ timeout: 20_000 });
  });
});
