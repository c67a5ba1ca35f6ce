import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';

import { PageRoot } from '../src/components/page-root';
import { MePage } from '../src/pages/me';
import { ELDER_MODE_KEY, rememberElderModeChoice, typeScaleFor } from '../src/storage/elder-mode';
import { clearSession } from '../src/storage/token-storage';
import { authed, createFakeApi, meRoutes, signInTo } from './support/fake-api';
import { readJson, sendJson } from './support/fixture-server';
import { servePerTest } from './support/serve';
import { fontSizeStub } from './support/taro-h5';

import type { AccountPreferences } from '@linli/shared';
import type { FakeApi } from './support/fake-api';

const serve = servePerTest();

function rootOf(container: HTMLElement): Element {
  return container.querySelector('.page-root')!;
}

/** The account's settings on the fake server (GET/PUT /api/me/preferences), and every PUT body it received. */
function preferencesRoutes(api: FakeApi, stored: AccountPreferences) {
  const saved: AccountPreferences[] = [];
  const routes = {
    ...meRoutes(api),
    '/me/preferences': authed(api, async (_state, req, res) => {
      if (req.method === 'PUT') {
        const body = await readJson<AccountPreferences>(req);
        saved.push(body);
        stored.elderMode = body.elderMode;
      }
      sendJson(res, 200, stored);
    }),
  };
  return { routes, saved };
}

describe('elder mode (长辈模式)', () => {
  beforeEach(async () => {
    await serve(meRoutes(createFakeApi()));
  });

  it('is off on a standard font size with no choice, and every page root carries elder-mode when chosen', () => {
    fontSizeStub.setting = 17;
    const { container } = render(<PageRoot className='home'>首页</PageRoot>);
    expect(rootOf(container).className).toBe('page-root home');

    act(() => rememberElderModeChoice('on'));
    expect(rootOf(container).className).toBe('page-root home elder-mode');
    expect(Taro.getStorageSync(ELDER_MODE_KEY)).toBe('on');
  });

  it("follows WeChat's care-mode font size until the user chooses otherwise", () => {
    fontSizeStub.setting = 24;
    const { container } = render(<PageRoot className='orders'>订单</PageRoot>);
    expect(rootOf(container).classList.contains('elder-mode')).toBe(true);

    act(() => rememberElderModeChoice('off'));
    expect(rootOf(container).classList.contains('elder-mode')).toBe(false);
  });

  it('reads the stored choice when a page opens', () => {
    Taro.setStorageSync(ELDER_MODE_KEY, 'on');
    const { container } = render(<PageRoot>页面</PageRoot>);
    expect(rootOf(container).classList.contains('elder-mode')).toBe(true);
  });

  it('is switched on 我的, remembered on the device, and every open page follows', async () => {
    fontSizeStub.setting = 17;
    const other = render(<PageRoot className='home'>首页</PageRoot>);
    const { container } = render(<MePage />);
    expect(await screen.findByText('现在：未开启（跟随微信的字体大小）')).toBeTruthy();

    fireEvent.click(screen.getByText('开启长辈模式'));

    await waitFor(() => expect(rootOf(container).classList.contains('elder-mode')).toBe(true));
    expect(rootOf(other.container).classList.contains('elder-mode')).toBe(true);
    expect(Taro.getStorageSync(ELDER_MODE_KEY)).toBe('on');
    expect(screen.getByText('现在：已开启')).toBeTruthy();

    fireEvent.click(screen.getByText('关闭长辈模式'));
    await waitFor(() => expect(rootOf(container).classList.contains('elder-mode')).toBe(false));
    expect(Taro.getStorageSync(ELDER_MODE_KEY)).toBe('off');

    fireEvent.click(screen.getByText('跟随微信字体大小'));
    await waitFor(() => expect(screen.getByText('现在：未开启（跟随微信的字体大小）')).toBeTruthy());
    expect(Taro.getStorageSync(ELDER_MODE_KEY)).toBe('');
    expect(screen.queryByText('跟随微信字体大小')).toBeNull();
  });

  it('brings the account’s choice to this phone after sign-in, and saves a choice made on 我的 for the account', async () => {
    fontSizeStub.setting = 17;
    const api = createFakeApi();
    const { routes, saved } = preferencesRoutes(api, { elderMode: 'on' });
    await serve(routes);
    const { container } = render(<PageRoot className='home'>首页</PageRoot>);
    expect(rootOf(container).classList.contains('elder-mode')).toBe(false);

    act(() => signInTo(api));
    await waitFor(() => expect(rootOf(container).classList.contains('elder-mode')).toBe(true));
    expect(Taro.getStorageSync(ELDER_MODE_KEY)).toBe('on');

    render(<MePage />);
    fireEvent.click(await screen.findByText('关闭长辈模式'));
    await waitFor(() => expect(saved).toEqual([{ elderMode: 'off' }]));
    expect(rootOf(container).classList.contains('elder-mode')).toBe(false);
    fireEvent.click(screen.getByText('跟随微信字体大小'));
    await waitFor(() => expect(saved).toEqual([{ elderMode: 'off' }, { elderMode: null }]));
    expect(Taro.getStorageSync(ELDER_MODE_KEY)).toBe('');
  });

  it('keeps the device’s choice while the account has none, and signed out saves nothing to the server', async () => {
    const api = createFakeApi();
    const { routes, saved } = preferencesRoutes(api, { elderMode: null });
    await serve(routes);
    Taro.setStorageSync(ELDER_MODE_KEY, 'on');
    const { container } = render(<PageRoot>页面</PageRoot>);

    act(() => signInTo(api));
    await waitFor(() => expect(api.calls).toContain('GET /me/preferences'));
    expect(rootOf(container).classList.contains('elder-mode')).toBe(true);
    expect(Taro.getStorageSync(ELDER_MODE_KEY)).toBe('on');

    act(() => clearSession());
    render(<MePage />);
    fireEvent.click(await screen.findByText('关闭长辈模式'));
    await waitFor(() => expect(Taro.getStorageSync(ELDER_MODE_KEY)).toBe('off'));
    expect(saved).toEqual([]);
  });

  it('scales the type continuously with WeChat’s font size: normal toward elder sizes up to care mode, elder sizes beyond', () => {
    expect(typeScaleFor(1)).toEqual({ blend: 0, scale: 1 });
    expect(typeScaleFor(0.9)).toEqual({ blend: 0, scale: 1 });
    expect(typeScaleFor(1.2)).toEqual({ blend: 0.5, scale: 1 });
    expect(typeScaleFor(1.4)).toEqual({ blend: 1, scale: 1 });
    expect(typeScaleFor(1.68)).toEqual({ blend: 1, scale: 1.2 });
    expect(typeScaleFor(3)).toEqual({ blend: 1, scale: 1.4 });

    fontSizeStub.setting = 20.4; // 1.2 × WeChat's standard 17 px
    const large = render(<PageRoot className='home'>首页</PageRoot>);
    const root = rootOf(large.container) as HTMLElement;
    expect(root.classList.contains('elder-mode')).toBe(false);
    expect(root.style.getPropertyValue('--type-blend')).toBe('0.5');
    expect(root.style.getPropertyValue('--type-scale')).toBe('1');
    large.unmount();

    fontSizeStub.setting = 17;
    const standard = render(<PageRoot className='home'>首页</PageRoot>);
    expect((rootOf(standard.container) as HTMLElement).getAttribute('style') ?? '').not.toContain('--type');
  });
});
