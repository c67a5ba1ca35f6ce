import { launchBuiltApp, renderBuiltPage, settle } from './built-app';
import { createWxStandIn } from './wx-stand-in';

const resident = {
  id: 'account-wang',
  role: 'resident',
  displayName: '王秀英',
  regionId: null,
  regionName: null,
  providerId: null,
  residentId: 'resident-wang',
  consentRequired: false,
  phoneBound: true,
};

const profile = {
  id: 'resident-wang',
  name: '王秀英',
  phoneMasked: '138****8000',
  phoneOwner: 'self',
  idNumberMasked: '1101**********1234',
  birthDate: '1948-03-12',
  address: '东湖路 88 号',
  communityId: 'c-yangguang',
  communityName: '阳光社区',
  hasOwnAccount: true,
};

const standIn = createWxStandIn({
  '/me': { status: 200, body: resident },
  '/me/profile': { status: 200, body: { profile } },
  '/household/members': { status: 200, body: { items: [{ ...profile, id: 'member-dad', name: '王建国', relation: '父亲', hasOwnAccount: false }] } },
  '/auth/wechat/login': {
    status: 200,
    body: {
      tokens: { accessToken: 'access-new', refreshToken: 'refresh-new', accessTokenExpiresIn: 900 },
      account: { ...resident, id: 'account-new', displayName: '微信用户', consentRequired: true },
    },
  },
});

const SESSION_KEY = 'linli.session';
const wx = standIn.wx as { setStorageSync: (key: string, value: unknown) => void; removeStorageSync: (key: string) => void };

beforeAll(() => launchBuiltApp(standIn, 'pages/me/index'));

beforeEach(() => {
  standIn.requests.length = 0;
  wx.removeStorageSync(SESSION_KEY);
});

describe('built weapp 我的 page', () => {
  it('shows the stored session’s profile and household', async () => {
    wx.setStorageSync(SESSION_KEY, { accessToken: 'access-1', refreshToken: 'refresh-1', account: resident });
    const me = await renderBuiltPage('pages/me/index');
    await settle();

    expect(standIn.requests).toEqual(
      expect.arrayContaining([
        'http://127.0.0.1:3000/api/me',
        'http://127.0.0.1:3000/api/me/profile',
        'http://127.0.0.1:3000/api/household/members',
      ]),
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
