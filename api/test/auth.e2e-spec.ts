import type { Response } from 'supertest';
import { CURRENT_PRIVACY_POLICY_VERSION } from '@linli/shared';
import { Account } from '../src/modules/accounts/account.entity';
import { PasswordCredential } from '../src/modules/accounts/password-credential.entity';
import { WechatIdentity } from '../src/modules/accounts/wechat-identity.entity';
import { DEMO_PASSWORD } from '../src/seed/demo-identities';
import { stableId } from '../src/seed/stable-id';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

/** All a client can observe of an answer, less what differs on every request whatever the outcome. */
function observable(response: Response): { status: number; headers: Record<string, unknown>; body: Record<string, unknown> } {
  const { date: _date, 'x-request-id': _requestId, ...headers } = response.headers;
  const { requestId: _bodyRequestId, ...body } = response.body as Record<string, unknown>;
  return { status: response.status, headers, body };
}

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
      const response = await t
        .http()
        .post('/api/auth/wechat/login')
        .send({ code: t.wechat.mintLoginCode('openid-key-check') })
        .expect(200);
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
      const response = await t
        .http()
        .post('/api/auth/wechat/login')
        .send({ code: t.wechat.mintLoginCode('openid-to-disable') })
        .expect(403);
      expect(response.body.code).toBe('ACCOUNT_DISABLED');
      await t.http().get('/api/me').set(bearer(login)).expect(401);
    });
  });

  describe('password login with lockout', () => {
    const attempt = (username: string, password: string) => t.http().post('/api/auth/password/login').send({ username, password });

    it('signs staff in with their region', async () => {
      const login = await loginWithPassword(t, 'anda.staff');
      expect(login.account).toMatchObject({ role: 'staff', regionName: '安大社区', consentRequired: false });
    });

    it('answers unknown users, wrong passwords and locked accounts identically, so no answer tells which accounts exist', async () => {
      const unknown = observable(await attempt('nobody.here', 'x'));
      expect(unknown).toMatchObject({ status: 401, body: { code: 'INVALID_CREDENTIALS', message: '账号或密码错误；连续输错 3 次后需等待 15 分钟再试' } });

      // LOGIN_MAX_FAILURES is 3: the third wrong password locks nanping.staff, and nothing in any answer says so.
      for (let failure = 1; failure <= 3; failure++) expect(observable(await attempt('nanping.staff', 'bad'))).toEqual(unknown);
      const credential = await t.dataSource.getRepository(PasswordCredential).findOneByOrFail({ username: 'nanping.staff' });
      expect(credential.lockedUntil!.getTime()).toBeGreaterThan(Date.now());

      expect(observable(await attempt('nanping.staff', 'bad'))).toEqual(unknown);
      // The lock still refuses the right password, with the same answer (whose message tells the owner to wait).
      expect(observable(await attempt('nanping.staff', DEMO_PASSWORD))).toEqual(unknown);
      expect(observable(await attempt('nobody.here', 'x'))).toEqual(unknown);
    });

    it('tells the owner at their next sign-in how many wrong passwords were tried since the last one, and that the account was locked', async () => {
      const before = await loginWithPassword(t, 'anxin.admin');
      expect(before.failedSignIns).toBeUndefined();

      for (let failure = 1; failure <= 4; failure++) await attempt('anxin.admin', 'guess').expect(401);
      await attempt('anxin.admin', DEMO_PASSWORD).expect(401); // the owner, during the lockout
      // The lockout ends (as it would after LOGIN_LOCKOUT_SECONDS).
      await t.dataSource.getRepository(PasswordCredential).update({ username: 'anxin.admin' }, { lockedUntil: new Date(Date.now() - 1000) });

      const after = await loginWithPassword(t, 'anxin.admin');
      expect(after.failedSignIns).toEqual({ count: 4, lastAt: expect.any(String), locked: true });
      expect(Date.now() - Date.parse(after.failedSignIns!.lastAt)).toBeLessThan(60_000);

      const next = await loginWithPassword(t, 'anxin.admin');
      expect(next.failedSignIns).toBeUndefined();
      await attempt('anxin.admin', 'typo').expect(401);
      expect((await loginWithPassword(t, 'anxin.admin')).failedSignIns).toEqual({ count: 1, lastAt: expect.any(String), locked: false });
    });
  });

  describe('GET /api/me (read with the session check in the guard, issue 17)', () => {
    it('answers what sign-in answered, for every kind of account', async () => {
      const logins = [
        await loginWithWechat(t, 'openid-me-new-user'), // resident, terms not accepted, no person record
        await loginWithWechat(t, 'demo-openid-wang-xiuying'), // resident with a community and a bound phone
        await loginWithWechat(t, 'demo-openid-li-ming'),
        await loginWithPassword(t, 'anda.staff'), // the account's own region
        await loginWithPassword(t, 'city.admin'),
        await loginWithPassword(t, 'anxin.admin'), // the provider's region
        await loginWithWechat(t, 'demo-openid-worker-zhao'),
      ];
      expect(new Set(logins.map((login) => login.account.role))).toEqual(new Set(['resident', 'staff', 'admin', 'provider_admin', 'worker']));
      for (const login of logins) {
        const me = await t.http().get('/api/me').set(bearer(login)).expect(200);
        expect(me.body).toEqual(login.account);
      }
    });

    it('shows accepting the privacy terms on the very next request', async () => {
      const login = await loginWithWechat(t, 'openid-me-consent');
      expect((await t.http().get('/api/me').set(bearer(login)).expect(200)).body.consentRequired).toBe(true);
      const accepted = await t.http().post('/api/me/privacy-consent').set(bearer(login)).send({ version: CURRENT_PRIVACY_POLICY_VERSION }).expect(200);
      expect(accepted.body.consentRequired).toBe(false);
      expect((await t.http().get('/api/me').set(bearer(login)).expect(200)).body).toEqual(accepted.body);
    });
  });

  describe('refresh rotation, reuse detection and logout', () => {
    it('rotates the refresh token; presenting the old one revokes the whole session', async () => {
      const login = await loginWithPassword(t, 'shushan.admin');
      const first = await t.http().post('/api/auth/refresh').send({ refreshToken: login.tokens.refreshToken }).expect(200);
      expect(first.body.refreshToken).not.toBe(login.tokens.refreshToken);
      await t
        .http()
        .get('/api/me')
        .set({ authorization: `Bearer ${first.body.accessToken}` })
        .expect(200);

      const reuse = await t.http().post('/api/auth/refresh').send({ refreshToken: login.tokens.refreshToken }).expect(401);
      expect(reuse.body.code).toBe('REFRESH_TOKEN_REUSED');
      await t.http().post('/api/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(401);
      await t
        .http()
        .get('/api/me')
        .set({ authorization: `Bearer ${first.body.accessToken}` })
        .expect(401);
    });

    it('logout ends the session: access and refresh tokens stop working at once', async () => {
      const login = await loginWithPassword(t, 'city.admin');
      await t.http().post('/api/auth/logout').set(bearer(login)).expect(204);
      const me = await t.http().get('/api/me').set(bearer(login)).expect(401);
      expect(me.body.code).toBe('TOKEN_INVALID');
      await t.http().post('/api/auth/refresh').send({ refreshToken: login.tokens.refreshToken }).expect(401);
    });

    it('an unknown refresh token is TOKEN_INVALID', async () => {
      const response = await t
        .http()
        .post('/api/auth/refresh')
        .send({ refreshToken: 'x'.repeat(43) })
        .expect(401);
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
      const response = await t
        .http()
        .post('/api/auth/demo/login')
        .send({ accountId: stableId('account', 'resident-wang') })
        .expect(200);
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
    const login = await t
      .http()
      .post('/api/auth/demo/login')
      .send({ accountId: stableId('account', 'staff-anda') })
      .expect(404);
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
    const known = await t.http().post('/api/auth/password/login').send({ username: 'anda.staff', password: 'Linli@2026' }).expect(429);
    expect(known.body).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 900 } });
    const unknown = await t.http().post('/api/auth/password/login').send({ username: 'nobody.here', password: 'x' });
    expect(observable(unknown)).toEqual(observable(known));
  });
});
