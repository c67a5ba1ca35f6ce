import { renderBuiltPage, waitUntil } from './built-app';
import { setUpBuiltMePage } from './me-page';

// A page renders once per file (the built page registers itself when first required), hence its own file.
const { standIn } = setUpBuiltMePage();

describe('built weapp 我的 page, first use', () => {
  it('signs a first-time user in silently with wx.login, then asks for consent before anything else', async () => {
    const me = renderBuiltPage('pages/me/index');
    await waitUntil('the consent notice after the silent sign-in', () => me.querySelectorAll('.consent-accept').length > 0);

    expect(standIn.requests).toEqual(['http://127.0.0.1:3000/api/auth/wechat/login']);
    expect(me.dom!.textContent).toContain('个人信息保护说明');
    expect(me.querySelector('.consent-accept')).toBeTruthy();
  });
});
