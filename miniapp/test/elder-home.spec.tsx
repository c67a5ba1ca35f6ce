import { act, fireEvent, render, screen } from '@testing-library/react';

import { HomePage } from '../src/pages/home';
import { rememberElderModeChoice } from '../src/storage/elder-mode';
import { createFakeApi, meRoutes } from './support/fake-api';
import { servePerTest } from './support/serve';
import { fontSizeStub, navigations } from './support/taro-h5';

const serve = servePerTest();

const TILES = ['预约服务', '老年助餐', '便民网点', '我的预约', '我的'];

describe('首页 in elder mode', () => {
  it('shows only the five big tiles, each with an icon and its name, and opens where each says', async () => {
    await serve(meRoutes(createFakeApi()));
    rememberElderModeChoice('on');
    const { container } = render(<HomePage />);

    expect(container.querySelector('.page-root.home.elder-mode')).toBeTruthy();
    const tiles = [...container.querySelectorAll('.elder-tile')];
    expect(tiles.map((tile) => tile.getAttribute('aria-label'))).toEqual(TILES);
    for (const tile of tiles) expect(tile.querySelector('.elder-tile__icon')).toBeTruthy();
    // The full page's sections (categories, centres, communities) are not there.
    expect(screen.queryByText('社区市民中心')).toBeNull();

    for (const label of TILES) fireEvent.click(container.querySelector(`.elder-tile[aria-label='${label}']`)!);
    expect(navigations).toEqual([
      { kind: 'switchTab', url: '/pages/services/index' },
      { kind: 'navigateTo', url: '/meals/pages/index/index' },
      { kind: 'navigateTo', url: '/outlets/pages/index/index' },
      { kind: 'switchTab', url: '/pages/orders/index' },
      { kind: 'switchTab', url: '/pages/me/index' },
    ]);
  });

  it("turns on by itself at WeChat's care-mode font size, and the full page comes back when it is turned off", async () => {
    await serve(meRoutes(createFakeApi()));
    fontSizeStub.setting = 24;
    const { container } = render(<HomePage />);
    expect(container.querySelectorAll('.elder-tile')).toHaveLength(5);

    act(() => rememberElderModeChoice('off'));
    expect(await screen.findByText('社区市民中心')).toBeTruthy();
    expect(container.querySelector('.elder-tile')).toBeNull();
    expect(container.querySelector('.elder-mode')).toBeNull();
  });
});
