import { fireEvent, render, screen, waitFor } from '@testing-library/react';

import { MePage } from '../src/pages/me';
import { ProviderApplyPage } from '../src/provider/pages/apply';
import { createFakeApi, meRoutes, signInTo } from './support/fake-api';
import { createFakeDispatch, dispatchRoutes, providerViewOf } from './support/fake-dispatch';
import { findOne, typeInto } from './support/interact';
import { residentAccount } from './support/people';
import { servePerTest } from './support/serve';
import { navigations } from './support/taro-h5';

import type { FakeDispatch } from './support/fake-dispatch';

const serveRoutes = servePerTest();

const VALID_CREDIT_CODE = '91420100MA4K0000XJ';

function click(node: Element | null | undefined): void {
  if (!node) throw new Error('nothing to click');
  fireEvent.click(node);
}

async function openApply(fake: FakeDispatch, account = residentAccount()) {
  const api = createFakeApi({ account });
  signInTo(api);
  await serveRoutes({ ...meRoutes(api), ...dispatchRoutes(api, fake) });
  return render(<ProviderApplyPage />);
}

/** The error text under the field whose input has `inputClass`. */
function fieldError(container: HTMLElement, inputClass: string): string | null {
  const field = container.querySelector(`.${inputClass}`)?.closest('.text-field');
  return field?.querySelector('.text-field__error')?.textContent ?? null;
}

async function fillForm(container: HTMLElement) {
  await typeInto(container, '.provider-apply__name', '安心家政服务有限公司');
  click(screen.getByText('家政服务'));
  click(screen.getByText('选择社区'));
  await typeInto(container, '.community-picker__keyword', '阳光');
  click(screen.getByText('查找'));
  click(await screen.findByText('阳光社区'));
  await typeInto(container, '.provider-apply__contact-name', '钱经理');
  await typeInto(container, '.provider-apply__contact-phone', '13900000021');
  await typeInto(container, '.provider-apply__credit-code', VALID_CREDIT_CODE.toLowerCase());
  await typeInto(container, '.provider-apply__username', 'AnXin.Admin');
  await typeInto(container, '.provider-apply__password', 'xin-2026-anquan');
}

describe('服务机构入驻申请 (resident)', () => {
  it('is linked from 我的 for a signed-in resident', async () => {
    const api = createFakeApi();
    signInTo(api);
    await serveRoutes({ ...meRoutes(api) });
    const { container } = render(<MePage />);
    click(await screen.findByText('服务机构入驻申请'));
    await waitFor(() => expect(container.querySelector('.profile-name')).not.toBeNull());
    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/provider/pages/apply/index' }]);
  });

  it('submits an application and sees it pending in 我的入驻申请', async () => {
    const fake = createFakeDispatch();
    const { container } = await openApply(fake);
    expect(await screen.findByText('您还没有提交过入驻申请')).toBeTruthy();

    await fillForm(container);
    // The login name is shown as it will be stored; the credit code is checked as soon as it is complete.
    await waitFor(() => expect(container.querySelector<HTMLInputElement>('.provider-apply__username input')?.value).toBe('anxin.admin'));
    expect(screen.getByText('✓ 代码格式正确')).toBeTruthy();
    expect(screen.getByText('至少 10 位，已输入 15 位。请记好这个密码')).toBeTruthy();
    click(screen.getByText('提交申请'));

    expect(await screen.findByText('已提交，社区工作人员审核后即可使用机构账号登录')).toBeTruthy();
    expect(fake.writes.at(-1)).toEqual({
      call: 'POST /provider-applications',
      body: {
        name: '安心家政服务有限公司',
        kind: 'housekeeping',
        regionId: 'c-yangguang',
        contactName: '钱经理',
        contactPhone: '13900000021',
        creditCode: VALID_CREDIT_CODE,
        adminUsername: 'anxin.admin',
        adminPassword: 'xin-2026-anquan',
      },
    });
    const card = await findOne(container, '.provider-card');
    expect(card.textContent).toContain('安心家政服务有限公司');
    expect(card.textContent).toContain('待审核');
    expect(card.textContent).toContain('家政服务 · 阳光社区');
    // No second application while this one waits.
    expect(container.querySelector('.provider-apply__form')).toBeNull();
    expect(screen.getByText('您的申请正在审核中，审核结果出来前不能再次申请。')).toBeTruthy();
  });

  it('checks every field before sending, the credit code as it is typed', async () => {
    const fake = createFakeDispatch();
    const { container } = await openApply(fake);
    await screen.findByText('您还没有提交过入驻申请');
    await typeInto(container, '.provider-apply__credit-code', '91420100MA4K0000X1');
    await waitFor(() => expect(fieldError(container, 'provider-apply__credit-code')).toBe('统一社会信用代码不正确，请对照营业执照核对'));

    click(screen.getByText('提交申请'));
    expect(await screen.findByText('还有内容没填好，请看上面红字提示')).toBeTruthy();
    expect(fieldError(container, 'provider-apply__name')).toBe('请填写机构名称（至少 2 个字）');
    expect(screen.getByText('请选择服务类型')).toBeTruthy();
    expect(screen.getByText('请选择机构主要服务的社区')).toBeTruthy();
    expect(fieldError(container, 'provider-apply__contact-phone')).toBe('手机号码不正确，应为 11 位数字');
    expect(fieldError(container, 'provider-apply__password')).toBe('密码至少 10 位');
    expect(fake.writes).toEqual([]);
  });

  it("shows the server's VALIDATION_FAILED message by its field, and a taken login name by the login name", async () => {
    const fake = createFakeDispatch({ takenUsernames: ['anxin.admin'] });
    fake.next.apply = {
      status: 400,
      code: 'VALIDATION_FAILED',
      message: '请求参数有误',
      details: [{ field: 'contactPhone', constraints: ['isMobile'], message: '联系电话不是有效的手机号' }],
    };
    const { container } = await openApply(fake);
    await screen.findByText('您还没有提交过入驻申请');
    await fillForm(container);

    click(screen.getByText('提交申请'));
    await waitFor(() => expect(fieldError(container, 'provider-apply__contact-phone')).toBe('联系电话不是有效的手机号'));
    expect(screen.getByText('还有内容没填好，请看上面红字提示')).toBeTruthy();

    click(screen.getByText('提交申请'));
    await waitFor(() => expect(fieldError(container, 'provider-apply__username')).toBe('这个登录名已被其他机构使用，请换一个'));
    expect(fieldError(container, 'provider-apply__contact-phone')).toBeNull();

    await typeInto(container, '.provider-apply__username', 'anxin2026');
    expect(fieldError(container, 'provider-apply__username')).toBeNull();
    click(screen.getByText('提交申请'));
    expect(await screen.findByText('已提交，社区工作人员审核后即可使用机构账号登录')).toBeTruthy();
  });

  it('an approved application says how to sign in; a rejected one shows why and the form stays', async () => {
    const fake = createFakeDispatch({
      applications: [
        providerViewOf({ id: 'p-2', name: '安心家政', status: 'active' }),
        providerViewOf({ id: 'p-1', name: '安心维修', kind: 'repair', status: 'rejected', decisionReason: '资料不完整：缺营业执照' }),
      ],
    });
    const { container } = await openApply(fake);
    const [approved, rejected] = await waitFor(() => {
      const cards = [...container.querySelectorAll<HTMLElement>('.provider-card')];
      if (cards.length < 2) throw new Error('not yet');
      return cards;
    });
    expect(approved.textContent).toContain('服务中');
    expect(approved.textContent).toContain('在“机构登录”中登录');
    click(approved.querySelector('.provider-apply__login'));
    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/staff/pages/login/index' }]);

    expect(rejected.textContent).toContain('未通过');
    expect(rejected.textContent).toContain('未通过原因：资料不完整：缺营业执照');
    expect(container.querySelector('.provider-apply__form')).not.toBeNull();
  });

  it('staff are told to use a resident account', async () => {
    const staff = residentAccount({ id: 'account-zhang', role: 'staff', displayName: '张敏', residentId: null });
    const fake = createFakeDispatch();
    await openApply(fake, staff);
    expect(screen.getByText('请用居民微信账号申请')).toBeTruthy();
    expect(fake.writes).toEqual([]);
  });
});
