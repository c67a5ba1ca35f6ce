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

// A page renders once per file (the built page registers itself when first required), hence its own file.
beforeAll(() => launchBuiltApp(standIn, 'pages/me/index'));

beforeEach(() => {
  standIn.requests.length = 0;
  wx.removeStorageSync(SESSION_KEY);
});

describe('built weapp 我的 page, first use', () => {
  it('signs a first-time user in silently with wx.login, then asks for consent before anything else', async () => {
    const me = await renderBuiltPage('pages/me/index');
    await settle();

    expect(standIn.requests).toEqual(['http://127.0.0.1:3000/api/auth/wechat/login']);
    expect(me.dom!.textContent).toContain('个人信息保护说明');
    expect(me.querySelector('.consent-accept')).toBeTruthy();
  });
});
