import { fireEvent, render, screen, waitFor } from '@testing-library/react';

import { ProviderAdminPage } from '../src/provider/pages/admin';
import { StaffHomePage } from '../src/staff/pages/index';
import { StaffLoginPage } from '../src/staff/pages/login';
import { configureRequest } from '../src/services/request';
import { clearSession, readSession } from '../src/storage/token-storage';
import { readJson, sendJson, startFixtureServer } from './support/fixture-server';
import { typeInto } from './support/interact';
import { residentAccount } from './support/people';
import { navigations } from './support/taro-h5';

import type { FixtureServer } from './support/fixture-server';

let server: FixtureServer;
/** How the next password login answers. */
let answer: { status: number; body: unknown };
const attempts: unknown[] = [];

beforeAll(async () => {
  server = await startFixtureServer({
    '/auth/password/login': async (req, res) => {
      attempts.push(await readJson(req));
      sendJson(res, answer.status, answer.body);
    },
    // The account of the last sign-in: a page left from an earlier test may still be refreshing it.
    '/me': (_req, res) => sendJson(res, 200, (answer.body as { account?: unknown }).account ?? staffAccount),
  });
  configureRequest({ baseUrl: server.baseUrl });
});

afterAll(() => server.close());

afterEach(() => {
  clearSession();
  navigations.length = 0;
  attempts.length = 0;
});

const staffAccount = residentAccount({
  id: 'account-zhang',
  role: 'staff',
  displayName: '张敏',
  regionId: 'region-anda',
  regionName: '安大社区',
  residentId: null,
});

async function submit(container: HTMLElement, username: string, password: string): Promise<void> {
  await typeInto(container, '.staff-login-username', username);
  await typeInto(container, '.staff-login-password', password);
  fireEvent.click(container.querySelector('.staff-login-submit')!);
}

describe('StaffLoginPage', () => {
  it('asks for both fields before sending anything', async () => {
    const { container } = render(<StaffLoginPage />);
    fireEvent.click(container.querySelector('.staff-login-submit')!);

    expect(await screen.findByText('请填写账号和密码')).toBeTruthy();
    expect(attempts).toEqual([]);
  });

  it("on wrong credentials shows the API's words, which tell a locked owner to wait without saying the account is locked", async () => {
    answer = { status: 401, body: { code: 'INVALID_CREDENTIALS', message: '账号或密码错误；连续输错 5 次后需等待 15 分钟再试', requestId: 'r' } };
    const { container } = render(<StaffLoginPage />);
    await submit(container, ' anda.staff ', 'wrong');

    expect(await screen.findByText('账号或密码错误；连续输错 5 次后需等待 15 分钟再试。请核对后重新输入（密码区分大小写）。')).toBeTruthy();
    expect(attempts).toEqual([{ username: 'anda.staff', password: 'wrong' }]);
    expect(readSession()).toBeNull();
  });

  it('asks to wait when the login attempts are rate limited', async () => {
    answer = { status: 429, body: { code: 'RATE_LIMITED', message: '请求过于频繁', requestId: 'r' } };
    const { container } = render(<StaffLoginPage />);
    await submit(container, 'anda.staff', 'secret');

    expect(await screen.findByText('登录尝试过于频繁，请等几分钟后再试。')).toBeTruthy();
  });

  it('signs in, opens the workbench, which greets the staff member with role and region', async () => {
    answer = {
      status: 200,
      body: { tokens: { accessToken: 'access-staff', refreshToken: 'refresh-staff', accessTokenExpiresIn: 900 }, account: staffAccount },
    };
    const { container, unmount } = render(<StaffLoginPage />);
    await submit(container, 'anda.staff', 'right-password');

    await waitFor(() => expect(navigations).toEqual([{ kind: 'redirectTo', url: '/staff/pages/index/index' }]));
    expect(readSession()).toMatchObject({ accessToken: 'access-staff', account: { role: 'staff' } });
    unmount();

    const workbench = render(<StaffHomePage />);
    const greeting = workbench.container.querySelector('.staff-greeting');
    expect(greeting?.textContent).toBe('您好，张敏');
    expect(workbench.container.textContent).toContain('身份：社区工作人员');
    expect(workbench.container.textContent).toContain('负责区域：安大社区');
  });

  it('a provider administrator lands on their own admin page', async () => {
    const providerAdmin = { ...staffAccount, id: 'account-qian', role: 'provider_admin' as const, displayName: '钱经理', providerId: 'provider-anxin' };
    answer = {
      status: 200,
      body: { tokens: { accessToken: 'access-admin', refreshToken: 'refresh-admin', accessTokenExpiresIn: 900 }, account: providerAdmin },
    };
    const { container } = render(<StaffLoginPage />);
    await submit(container, 'anxin.admin', 'right-password');

    await waitFor(() => expect(navigations).toEqual([{ kind: 'redirectTo', url: '/provider/pages/admin/index' }]));
  });

  it('tells the owner on the workbench about wrong passwords since their last sign-in, until they say they have read it', async () => {
    const lastAt = '2026-12-01T01:12:00.000Z'; // 09:12 in Shanghai, whatever this machine's zone
    answer = {
      status: 200,
      body: {
        tokens: { accessToken: 'access-staff', refreshToken: 'refresh-staff', accessTokenExpiresIn: 900 },
        account: staffAccount,
        failedSignIns: { count: 3, lastAt, locked: true },
      },
    };
    const { container, unmount } = render(<StaffLoginPage />);
    await submit(container, 'anda.staff', 'right-password');
    await waitFor(() => expect(navigations).toEqual([{ kind: 'redirectTo', url: '/staff/pages/index/index' }]));
    unmount();

    const workbench = render(<StaffHomePage />);
    const notice = workbench.container.querySelector('.failed-sign-ins');
    expect(notice?.textContent).toContain('上次登录后有 3 次密码输错（最近一次 2026年12月1日 09:12），账号曾因此被暂时锁定。');
    expect(notice?.textContent).toContain('请告诉管理员');
    fireEvent.click(screen.getByText('知道了'));
    expect(workbench.container.querySelector('.failed-sign-ins')).toBeNull();
    workbench.unmount();

    expect(render(<StaffHomePage />).container.querySelector('.failed-sign-ins')).toBeNull();
  });

  it('shows the provider administrator the same notice on their admin page, and nobody else who signs in on the device', async () => {
    const providerAdmin = { ...staffAccount, id: 'account-qian', role: 'provider_admin' as const, displayName: '钱经理', providerId: 'provider-anxin' };
    answer = {
      status: 200,
      body: {
        tokens: { accessToken: 'access-admin', refreshToken: 'refresh-admin', accessTokenExpiresIn: 900 },
        account: providerAdmin,
        failedSignIns: { count: 1, lastAt: new Date().toISOString(), locked: false },
      },
    };
    const login = render(<StaffLoginPage />);
    await submit(login.container, 'anxin.admin', 'right-password');
    await waitFor(() => expect(readSession()?.account?.id).toBe('account-qian'));
    login.unmount();

    const admin = render(<ProviderAdminPage />);
    expect(admin.container.querySelector('.failed-sign-ins')?.textContent).toMatch(/^上次登录后有 1 次密码输错（最近一次 .+）。/);
    admin.unmount();

    // 钱经理 leaves without reading it; 张敏 signs in next on this device.
    clearSession();
    answer = { status: 200, body: { tokens: { accessToken: 'access-staff', refreshToken: 'refresh-staff', accessTokenExpiresIn: 900 }, account: staffAccount } };
    const next = render(<StaffLoginPage />);
    await submit(next.container, 'anda.staff', 'right-password');
    await waitFor(() => expect(readSession()?.account?.id).toBe('account-zhang'));
    next.unmount();
    expect(render(<StaffHomePage />).container.querySelector('.failed-sign-ins')).toBeNull();
  });

  it('offers the login on the workbench when nobody is signed in', () => {
    const { container } = render(<StaffHomePage />);
    expect(container.querySelector('.staff-greeting')).toBeNull();
    fireEvent.click(screen.getByText('工作人员登录'));
    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/staff/pages/login/index' }]);
  });
});
