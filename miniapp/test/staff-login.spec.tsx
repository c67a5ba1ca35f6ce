import { fireEvent, render, screen, waitFor } from '@testing-library/react';

import { StaffHomePage } from '../src/staff/pages/index';
import { StaffLoginPage } from '../src/staff/pages/login';
import { configureRequest } from '../src/services/request';
import { clearSession, readSession } from '../src/services/token-storage';
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
    '/me': (_req, res) => sendJson(res, 200, staffAccount),
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

  it('says so on wrong credentials', async () => {
    answer = { status: 401, body: { code: 'INVALID_CREDENTIALS', message: '账号或密码错误', requestId: 'r' } };
    const { container } = render(<StaffLoginPage />);
    await submit(container, ' anda.staff ', 'wrong');

    expect(await screen.findByText('账号或密码不正确，请检查后重新输入。连续输错多次，账号会被暂时锁定。')).toBeTruthy();
    expect(attempts).toEqual([{ username: 'anda.staff', password: 'wrong' }]);
    expect(readSession()).toBeNull();
  });

  it('shows until when a locked account stays locked, in local time', async () => {
    const lockedUntil = new Date(2026, 10, 26, 15, 5).toISOString(); // 15:05 on this machine's clock
    answer = {
      status: 423,
      body: { code: 'ACCOUNT_LOCKED', message: '密码错误次数过多，账号已暂时锁定，请稍后再试', details: { lockedUntil }, requestId: 'r' },
    };
    const { container } = render(<StaffLoginPage />);
    await submit(container, 'anda.staff', 'wrong');

    expect(await screen.findByText('密码输错次数过多，账号已锁定，请在 2026年11月26日 15:05 之后再试。')).toBeTruthy();
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

  it('offers the login on the workbench when nobody is signed in', () => {
    const { container } = render(<StaffHomePage />);
    expect(container.querySelector('.staff-greeting')).toBeNull();
    fireEvent.click(screen.getByText('工作人员登录'));
    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/staff/pages/login/index' }]);
  });
});
