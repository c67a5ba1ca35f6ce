import { Account } from '../src/modules/accounts/account.entity';
import { WechatIdentity } from '../src/modules/accounts/wechat-identity.entity';
import { stableId } from '../src/seed/stable-id';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

describe('sign-in and sessions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_MAX_ATTEMPTS_PER_IP: '1000' } });
    await t.seed();
  });
  afterAll(() => t.close());

  describe('WeChat login against the fake WeChat server', () => {
    it('a new WeChat user gets a resident account that must still accept the privacy terms', async () => {
      const login = await loginWithWechat(t, 'openid-new-user-1');
      expect(login.account).toMatchObject({ role: 'resident', consentRequired: true, phoneBound: false, residentId: null });
      expect(login.tokens.accessTokenExpiresIn).toBe(900);
      const again = await loginWithWechat(t, 'openid-new-user-1');
      expect(again.account.id).toBe(login.account.id);
    });

    it('keeps session_key on the server: never in a response, only encrypted at rest', async () => {
      const response = await t.http().post('/api/auth/wechat/login').send({ code: t.wechat.mintLoginCode('openid-key-check') }).expect(200);
      expect(JSON.stringify(response.body)).not.toMatch(/session_?key/i);
      const identity = await t.dataSource.getRepository(WechatIdentity).findOneByOrFail({ openid: 'openid-key-check' });
      expect(identity.sessionKeyCipher.startsWith('t1.')).toBe(true);
    });

    it.each([
      ['invalid', 400, 'WECHAT_CODE_INVALID'],
      ['rate-limited', 429, 'WECHAT_RATE_LIMITED'],
      ['blocked', 403, 'WECHAT_USER_BLOCKED'],
      ['busy', 503, 'WECHAT_UNAVAILABLE'],
    ])('WeChat code "%s" → %i %s', async (code, status, errorCode) => {
      const response = await t.http().post('/api/auth/wechat/login').send({ code }).expect(status);
      expect(response.body.code).toBe(errorCode);
    });

    it('retries once when WeChat is busy (-1), and no more', async () => {
      const before = t.wechat.calls.length;
      await t.http().post('/api/auth/wechat/login').send({ code: 'busy-once-abc' }).expect(200);
      expect(t.wechat.calls.slice(before)).toEqual(['/sns/jscode2session', '/sns/jscode2session']);
      const beforeBusy = t.wechat.calls.length;
      await t.http().post('/api/auth/wechat/login').send({ code: 'busy' }).expect(503);
      expect(t.wechat.calls.length - beforeBusy).toBe(2);
    });

    it('a code works once', async () => {
      const code = t.wechat.mintLoginCode('openid-once');
      await t.http().post('/api/auth/wechat/login').send({ code }).expect(200);
      const reused = await t.http().post('/api/auth/wechat/login').send({ code }).expect(400);
      expect(reused.body).toMatchObject({ code: 'WECHAT_CODE_INVALID', details: { wechatErrcode: 40163 } });
    });

    it('a disabled account cannot sign in', async () => {
      const login = await loginWithWechat(t, 'openid-to-disable');
      await t.dataSource.getRepository(Account).update({ id: login.account.id }, { status: 'disabled' });
      const response = await t.http().post('/api/auth/wechat/login').send({ code: t.wechat.mintLoginCode('openid-to-disable') }).expect(403);
      expect(response.body.code).toBe('ACCOUNT_DISABLED');
      await t.http().get('/api/me').set(bearer(login)).expect(401);
    });
  });

  describe('password login with lockout', () => {
    it('signs staff in with their region', async () => {
      const login = await loginWithPassword(t, 'anda.staff');
      expect(login.account).toMatchObject({ role: 'staff', regionName: '安大社区', consentRequired: false });
    });

    it('answers unknown users and wrong passwords alike', async () => {
      const unknown = await t.http().post('/api/auth/password/login').send({ username: 'nobody', password: 'x' }).expect(401);
      const wrong = await t.http().post('/api/auth/password/login').send({ username: 'sanlian.staff', password: 'x' }).expect(401);
      expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
      expect(wrong.body.message).toBe(unknown.body.message);
    });

    it('locks the account after repeated failures, even for the right password, with a clear message', async () => {
      for (let attempt = 1; attempt < 3; attempt++) await t.http().post('/api/auth/password/login').send({ username: 'nanping.staff', password: 'bad' }).expect(401);
      const locked = await t.http().post('/api/auth/password/login').send({ username: 'nanping.staff', password: 'bad' }).expect(423);
      expect(locked.body).toMatchObject({ code: 'ACCOUNT_LOCKED', details: { lockedUntil: expect.any(String) } });
      expect(locked.body.message).toContain('锁定');
      const evenRight = await t.http().post('/api/auth/password/login').send({ username: 'nanping.staff', password: 'Linli@2026' }).expect(423);
      expect(evenRight.body.code).toBe('ACCOUNT_LOCKED');
    });
  });

  describe('refresh rotation, reuse detection and logout', () => {
    it('rotates the refresh token; presenting the old one revokes the whole session', async () => {
      const login = await loginWithPassword(t, 'shushan.admin');
      const first = await t.http().post('/api/auth/refresh').send({ refreshToken: login.tokens.refreshToken }).expect(200);
      expect(first.body.refreshToken).not.toBe(login.tokens.refreshToken);
      await t.http().get('/api/me').set({ authorization: `Bearer ${first.body.accessToken}` }).expect(200);

      const reuse = await t.http().post('/api/auth/refresh').send({ refreshToken: login.tokens.refreshToken }).expect(401);
      expect(reuse.body.code).toBe('REFRESH_TOKEN_REUSED');
      await t.http().post('/api/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(401);
      await t.http().get('/api/me').set({ authorization: `Bearer ${first.body.accessToken}` }).expect(401);
    });

    it('logout ends the session: access and refresh tokens stop working at once', async () => {
      const login = await loginWithPassword(t, 'city.admin');
      await t.http().post('/api/auth/logout').set(bearer(login)).expect(204);
      const me = await t.http().get('/api/me').set(bearer(login)).expect(401);
      expect(me.body.code).toBe('TOKEN_INVALID');
      await t.http().post('/api/auth/refresh').send({ refreshToken: login.tokens.refreshToken }).expect(401);
    });

    it('an unknown refresh token is TOKEN_INVALID', async () => {
      const response = await t.http().post('/api/auth/refresh').send({ refreshToken: 'x'.repeat(43) }).expect(401);
      expect(response.body.code).toBe('TOKEN_INVALID');
    });
  });

  describe('demo login (no WeChat AppID configured)', () => {
    it('lists the seeded demo accounts', async () => {
      const response = await t.http().get('/api/auth/demo/accounts').expect(200);
      expect(response.body.items.map((a: { role: string }) => a.role)).toEqual(expect.arrayContaining(['resident', 'staff', 'admin', 'provider_admin', 'worker']));
    });

    it('signs a WeChat-identified demo resident in through the fake WeChat server', async () => {
      const before = t.wechat.calls.length;
      const response = await t.http().post('/api/auth/demo/login').send({ accountId: stableId('account', 'resident-wang') }).expect(200);
      expect(response.body.account).toMatchObject({ role: 'resident', displayName: '王秀英', consentRequired: false, phoneBound: true });
      expect(t.wechat.calls.slice(before)).toEqual(['/__fake__/login-codes', '/sns/jscode2session']);
    });

    it('refuses accounts that are not demo accounts', async () => {
      await t.http().post('/api/auth/demo/login').send({ accountId: '00000000-0000-4000-8000-000000000000' }).expect(404);
    });
  });
});

describe('demo login with a real WeChat AppID configured', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { WECHAT_APPID: 'wx1234567890abcdef', WECHAT_SECRET: 'real-secret' } });
    await t.seed();
  });
  afterAll(() => t.close());

  it('cannot be reached: both demo routes answer 404 like routes that do not exist', async () => {
    const list = await t.http().get('/api/auth/demo/accounts').expect(404);
    const login = await t.http().post('/api/auth/demo/login').send({ accountId: stableId('account', 'staff-anda') }).expect(404);
    expect(list.body.code).toBe('NOT_FOUND');
    expect(login.body.code).toBe('NOT_FOUND');
  });
});

describe('password login attempts per client IP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_IP: '3' } });
    await t.seed();
  });
  afterAll(() => t.close());

  it('throttles an IP that tries many accounts, whatever the usernames', async () => {
    for (const username of ['a', 'b', 'c']) await t.http().post('/api/auth/password/login').send({ username, password: 'x' }).expect(401);
    const response = await t.http().post('/api/auth/password/login').send({ username: 'anda.staff', password: 'Linli@2026' }).expect(429);
    expect(response.body).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 900 } });
  });
});
