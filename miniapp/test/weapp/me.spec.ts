import { renderBuiltPage, waitUntil } from './built-app';
import { setUpBuiltMePage } from './me-page';

const { standIn, resident, storeSession } = setUpBuiltMePage();

describe('built weapp 我的 page', () => {
  it('shows the stored session’s profile and household', async () => {
    storeSession({ accessToken: 'access-1', refreshToken: 'refresh-1', account: resident });
    const me = renderBuiltPage('pages/me/index');
    await waitUntil('the profile and the household', () => me.querySelectorAll('.profile-name').length > 0 && me.dom!.textContent!.includes('王建国'));

    expect(standIn.requests).toEqual(
      expect.arrayContaining(['http://127.0.0.1:3000/api/me', 'http://127.0.0.1:3000/api/me/profile', 'http://127.0.0.1:3000/api/household/members']),
    );
    expect(me.querySelector('.profile-name')!.dom!.textContent).toBe('王秀英');
    const text = me.dom!.textContent;
    for (const expected of ['138****8000', '1101**********1234', '阳光社区', '王建国', '父亲', '绑定手机号']) {
      // 绑定手机号 is offered only while no phone is on file.
      if (expected === '绑定手机号') expect(text).not.toContain(expected);
      else expect(text).toContain(expected);
    }
  });
});
