import { profileOf, residentAccount } from '../support/people';
import { launchBuiltApp } from './built-app';
import { createWxStandIn } from './wx-stand-in';

const SESSION_KEY = 'linli.session';

/**
 * The built 我的 page's world for one test file: a wx stand-in answering as the API would for 王秀英 (profile,
 * household, and a first-time WeChat login), the app launched on pages/me/index, and the stored session and the
 * request log cleared before each test. A built page registers itself when first required, so each file that
 * renders it calls this once.
 */
export function setUpBuiltMePage() {
  const resident = residentAccount({ phoneBound: true });
  const profile = profileOf();
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
  const wx = standIn.wx as { setStorageSync: (key: string, value: unknown) => void; removeStorageSync: (key: string) => void };

  beforeAll(() => launchBuiltApp(standIn, 'pages/me/index'));

  beforeEach(() => {
    standIn.requests.length = 0;
    wx.removeStorageSync(SESSION_KEY);
  });

  return {
    standIn,
    resident,
    /** Puts a session on the device, as an earlier sign-in would have. */
    storeSession: (session: { accessToken: string; refreshToken: string; account: unknown }) => wx.setStorageSync(SESSION_KEY, session),
  };
}
