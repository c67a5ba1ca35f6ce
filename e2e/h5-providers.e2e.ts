import { onePhonePerTest, signInAs } from './support/h5-harness';

/**
 * A provider joins through the H5 app: the applicant (李明, whose 康乐居家养老服务社 application the demo seeds) sees it
 * waiting; its administrator cannot sign in yet and is told why; 安大社区's staff approve it on 服务机构审核; then the
 * administrator signs in and 李明 sees it approved.
 */
describe('H5: a provider application approved by staff', () => {
  const phone = onePhonePerTest();
  const browserTest = (name: string, body: () => Promise<void>) => phone.test(name, body, 90_000);

  async function passwordLogin(username: string): Promise<void> {
    await phone.page.goto(`${phone.harness.api.baseUrl}/#/staff/pages/login/index`);
    await phone.page.locator('.staff-login-username input').first().fill(username, { timeout: 20_000 });
    await phone.page.locator('.staff-login-password input').first().fill('Linli@2026');
    await phone.page.locator('.staff-login-submit').first().tap();
  }

  browserTest('the applicant sees it pending, the admin is told to wait, staff approve, and the admin gets in', async () => {
    const baseUrl = phone.harness.api.baseUrl;
    await signInAs(phone.page, baseUrl, '李明');
    await phone.page.locator('.profile-name', { hasText: '李明' }).first().waitFor({ timeout: 20_000 });
    await phone.page.getByText('服务机构入驻申请').first().tap();
    const application = phone.page.locator('.provider-card', { hasText: '康乐居家养老服务社' }).first();
    await application.waitFor({ timeout: 20_000 });
    await expect(application.innerText()).resolves.toContain('待审核');
    await phone.page.getByText('您的申请正在审核中').first().waitFor({ timeout: 10_000 }); // no second application meanwhile

    await phone.page.context().clearCookies();
    await phone.page.evaluate(() => window.localStorage.clear());
    await passwordLogin('kangle.admin');
    await phone.page.getByText('机构入驻申请审核中，通过后即可登录').first().waitFor({ timeout: 20_000 });

    await passwordLogin('anda.staff');
    await phone.page.locator('.staff-greeting', { hasText: '张敏' }).first().waitFor({ timeout: 20_000 });
    await phone.page.goto(`${baseUrl}/#/staff/pages/providers/index`);
    const pending = phone.page.locator('.staff-provider-group--pending .provider-card', { hasText: '康乐居家养老服务社' }).first();
    await pending.waitFor({ timeout: 20_000 });
    await expect(pending.innerText()).resolves.toContain('138****0002'); // the contact's phone only masked
    await pending.locator('.staff-provider__action--approve').first().tap();
    await phone.page.locator('.staff-provider-group--active .provider-card', { hasText: '康乐居家养老服务社' }).first().waitFor({ timeout: 20_000 });

    await phone.page.evaluate(() => window.localStorage.clear());
    await passwordLogin('kangle.admin');
    // The organisation's admin desk: greeted by name, with its workers to add.
    await phone.page.getByText('您好，康乐居家养老服务社管理员').first().waitFor({ timeout: 20_000 });
    await phone.page.getByText('还没有服务人员，请在下面添加').first().waitFor({ timeout: 20_000 });
  });
});
