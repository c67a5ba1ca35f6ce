import { fireEvent, render, screen, waitFor } from '@testing-library/react';

import type { DemoAccount } from '@linli/shared';

import { LoginPage } from '../src/pages/login';
import { readSession } from '../src/storage/token-storage';
import { readJson, sendJson } from './support/fixture-server';
import { residentAccount } from './support/people';
import { servePerTest } from './support/serve';
import { navigations } from './support/taro-h5';

const serve = servePerTest();

const demoAccounts: DemoAccount[] = [
  { id: 'demo-wang', role: 'resident', displayName: '王秀英', description: '居民 · 安大社区 · 78 岁，自己使用微信' },
  { id: 'demo-zhang', role: 'staff', displayName: '张敏', description: '社区工作人员 · 安大社区' },
];

describe('LoginPage on H5 (demo login)', () => {
  it('lists the demo accounts as big cards and signs in with the one tapped', async () => {
    const logins: unknown[] = [];
    const server = await serve({
      '/auth/demo/accounts': (_req, res) => sendJson(res, 200, { items: demoAccounts }),
      '/auth/demo/login': async (req, res) => {
        logins.push(await readJson(req));
        sendJson(res, 200, {
          tokens: { accessToken: 'access-demo', refreshToken: 'refresh-demo', accessTokenExpiresIn: 900 },
          account: residentAccount({ id: 'demo-wang' }),
        });
      },
    });
    const { container } = render(<LoginPage />);

    expect(screen.getByText('演示登录 — 仅用于演示环境')).toBeTruthy();
    await waitFor(() => expect(container.querySelectorAll('.demo-account')).toHaveLength(2));
    const [wang, zhang] = Array.from(container.querySelectorAll('.demo-account'));
    expect(wang.textContent).toContain('王秀英');
    expect(wang.textContent).toContain('居民');
    expect(wang.textContent).toContain('78 岁，自己使用微信');
    expect(zhang.textContent).toContain('社区工作人员');
    // The way to the staff password login is always there.
    expect(screen.getByText('社区工作人员/服务机构 登录')).toBeTruthy();

    fireEvent.click(screen.getByText('王秀英'));

    await waitFor(() => expect(readSession()?.accessToken).toBe('access-demo'));
    expect(logins).toEqual([{ accountId: 'demo-wang' }]);
    expect(readSession()).toMatchObject({ refreshToken: 'refresh-demo', account: { displayName: '王秀英' } });
    // A resident goes on to 我的.
    expect(navigations).toEqual([{ kind: 'switchTab', url: '/pages/me/index' }]);
    // Login calls never carry an old session's token (what follows the login, e.g. the account's settings, carries the new one).
    const loginCalls = server.requests.filter((req) => (req.url ?? '').includes('/auth/'));
    expect(loginCalls.length).toBeGreaterThan(0);
    expect(loginCalls.every((req) => req.headers.authorization === undefined)).toBe(true);
  });

  it('says demo login is not available when the API answers 404', async () => {
    await serve({}); // every route is a 404 NOT_FOUND, as on a server with a real WeChat AppID
    const { container } = render(<LoginPage />);

    await screen.findByText('演示登录未开放');
    expect(container.querySelectorAll('.demo-account')).toHaveLength(0);
    expect(screen.queryByText('重试')).toBeNull();
    expect(screen.getByText('社区工作人员/服务机构 登录')).toBeTruthy();
  });

  it('shows why a demo sign-in failed on the card that was tapped', async () => {
    await serve({
      '/auth/demo/accounts': (_req, res) => sendJson(res, 200, { items: demoAccounts }),
      '/auth/demo/login': (_req, res) => sendJson(res, 503, { code: 'WECHAT_UNAVAILABLE', message: '演示用微信服务未启动', requestId: 'r' }),
    });
    const { container } = render(<LoginPage />);
    await waitFor(() => expect(container.querySelectorAll('.demo-account')).toHaveLength(2));

    fireEvent.click(screen.getByText('王秀英'));

    await screen.findByText('演示用微信服务未启动');
    expect(container.querySelectorAll('.demo-account')[0].textContent).toContain('演示用微信服务未启动');
    expect(readSession()).toBeNull();
  });
});
