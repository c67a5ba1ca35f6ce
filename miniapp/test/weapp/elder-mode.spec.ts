import { launchBuiltApp, renderBuiltPage, waitUntil } from './built-app';
import { createWxStandIn } from './wx-stand-in';

// WeChat set to its care-mode font size (关怀模式): elder mode turns on by itself, with no choice stored.
const standIn = createWxStandIn({}, { fontSizeSetting: 24 });

beforeAll(() => launchBuiltApp(standIn, 'pages/home/index'));

describe('built weapp in elder mode (长辈模式)', () => {
  it("draws 首页 as the five big tiles when WeChat's font size is care mode's, and asks the server for nothing", async () => {
    const home = renderBuiltPage('pages/home/index');
    await waitUntil('the elder tiles', () => home.querySelectorAll('.elder-tile').length > 0);

    expect(home.querySelectorAll('.page-root.elder-mode')).toHaveLength(1);
    const tiles = home.querySelectorAll('.elder-tile');
    expect(tiles.map((tile) => tile.dom!.textContent)).toEqual([
      expect.stringContaining('预约服务'),
      expect.stringContaining('老年助餐'),
      expect.stringContaining('便民网点'),
      expect.stringContaining('我的预约'),
      expect.stringContaining('我的'),
    ]);
    expect(home.querySelectorAll('.elder-tile__icon')).toHaveLength(5);
    expect(home.querySelectorAll('.category-tile')).toHaveLength(0);
    expect(standIn.requests.filter((url) => /catalogue|centres|communities/.test(url))).toEqual([]);

    tiles[1].dispatchEvent('tap');
    await waitUntil('the meals home opened', () => standIn.navigations.includes('/meals/pages/index/index'));
  });

  it('says on 我的 that it follows WeChat, and 关闭长辈模式 is remembered in storage and redraws the page', async () => {
    const me = renderBuiltPage('pages/me/index');
    await waitUntil('the elder mode card', () => me.dom!.textContent!.includes('现在：已开启（跟随微信的大字体）'));
    expect(me.querySelectorAll('.page-root.elder-mode')).toHaveLength(1);

    me.querySelector('.elder-mode-switch__toggle')!.dispatchEvent('tap');
    await waitUntil('elder mode off', () => me.querySelectorAll('.page-root.elder-mode').length === 0);
    expect((standIn.wx.getStorageSync as (key: string) => unknown)('linli.elderMode')).toBe('off');
    expect(me.dom!.textContent).toContain('现在：已关闭');
  });
});
