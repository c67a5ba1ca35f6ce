import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';

import { PageRoot } from '../src/components/page-root';
import { MePage } from '../src/pages/me';
import { ELDER_MODE_KEY, rememberElderModeChoice } from '../src/storage/elder-mode';
import { createFakeApi, meRoutes } from './support/fake-api';
import { servePerTest } from './support/serve';
import { fontSizeStub } from './support/taro-h5';

const serve = servePerTest();

function rootOf(container: HTMLElement): Element {
  return container.querySelector('.page-root')!;
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
});
