import { launchBuiltApp, renderBuiltPage, waitUntil } from './built-app';
import { createWxStandIn } from './wx-stand-in';

// WeChat's text one step up from standard (20.4 px, factor 1.2) but below care mode: the type grows halfway toward
// the elder sizes, and elder mode stays off. A page renders once per file (it registers itself when first required).
const standIn = createWxStandIn({}, { fontSizeSetting: 20.4 });

beforeAll(() => launchBuiltApp(standIn, 'pages/home/index'));

describe('built weapp following WeChat’s font size below care mode', () => {
  it('draws 我的 with the type blended halfway toward the elder sizes on its page root, not in elder mode', async () => {
    const me = renderBuiltPage('pages/me/index');
    await waitUntil('the page root', () => me.querySelectorAll('.page-root').length > 0);

    const root = me.querySelector('.page-root')!;
    expect(root.querySelectorAll('.elder-mode')).toHaveLength(0);
    expect(me.querySelectorAll('.page-root.elder-mode')).toHaveLength(0);
    const style = (root.dom as HTMLElement).getAttribute('style') ?? '';
    expect(style.replace(/\s+/g, '')).toContain('--type-blend:0.5');
    expect(style.replace(/\s+/g, '')).toContain('--type-scale:1');
  });
});
