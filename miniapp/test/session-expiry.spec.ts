import { configureRequest, request } from '../src/services/request';
import { signInWithPassword } from '../src/services/session';
import { clearSession, readSession, saveSession, sessionFromTokens } from '../src/storage/token-storage';
import { sendJson, startFixtureServer } from './support/fixture-server';
import { failureOf } from './support/failure';
import { residentAccount } from './support/people';
import { ACCESS_TOKEN_LIFETIME_SECONDS, issuedTokens, refreshRoute } from './support/rotating-auth';

import type { FixtureServer, Handler } from './support/fixture-server';
import type { RotatingAuth } from './support/rotating-auth';

/**
 * The request layer renews the session shortly before the access token expires (the login answer says when), so
 * calls made after an idle spell never meet a 401 first; calls made meanwhile wait for that one refresh.
 */
const LIFETIME_SECONDS = ACCESS_TOKEN_LIFETIME_SECONDS;

let server: FixtureServer;
let auth: RotatingAuth;
/** `name token` of every protected call, and `401` for each one refused. */
const hits: string[] = [];
/** Moves the device's clock forward (Date.now), as an idle phone would find it. */
let elapsedMs = 0;
const realNow = Date.now.bind(Date);

function protectedRoute(name: string): Handler {
  return (req, res) => {
    const token = req.headers.authorization?.replace('Bearer ', '') ?? '-';
    hits.push(`${name} ${token}`);
    if (token !== auth.access) {
      hits.push('401');
      sendJson(res, 401, { code: 'TOKEN_INVALID', message: '登录已失效，请重新登录', requestId: 'r-401' });
      return;
    }
    sendJson(res, 200, { name });
  };
}

beforeAll(async () => {
  server = await startFixtureServer({
    '/a': protectedRoute('a'),
    '/b': protectedRoute('b'),
    '/c': protectedRoute('c'),
    '/auth/password/login': (_req, res) => sendJson(res, 200, { tokens: issuedTokens(auth), account: residentAccount() }),
    '/auth/refresh': refreshRoute(() => auth),
  });
  configureRequest({ baseUrl: server.baseUrl });
  jest.spyOn(Date, 'now').mockImplementation(() => realNow() + elapsedMs);
});

afterAll(async () => {
  jest.restoreAllMocks();
  await server.close();
});

beforeEach(() => {
  auth = { access: 'access-1', refresh: 'refresh-1', generation: 1, refreshCalls: 0 };
  hits.length = 0;
  elapsedMs = 0;
  saveSession(sessionFromTokens(issuedTokens(auth), null));
});

afterEach(() => clearSession());

/** The server stops accepting the device's access token, as it does when the token expires. */
function expireOnServer(): void {
  auth.access = 'access-expired-on-server';
}

describe('renewing the session before the access token expires', () => {
  it('keeps when to renew from the login answer: a minute before the access token expires', async () => {
    clearSession();
    const before = Date.now();
    await signInWithPassword('wang', 'secret');
    const { renewAt } = readSession()!;

    expect(renewAt).toBeGreaterThanOrEqual(before + (LIFETIME_SECONDS - 60) * 1000);
    expect(renewAt).toBeLessThanOrEqual(Date.now() + (LIFETIME_SECONDS - 60) * 1000);
  });

  it('sends the stored token and refreshes nothing while the token is fresh', async () => {
    elapsedMs = (LIFETIME_SECONDS - 120) * 1000;
    await expect(request('/a')).resolves.toEqual({ name: 'a' });

    expect(auth.refreshCalls).toBe(0);
    expect(hits).toEqual(['a access-1']);
  });

  it('refreshes once before calls made near expiry, which all wait for it and meet no 401', async () => {
    elapsedMs = (LIFETIME_SECONDS - 30) * 1000;
    // Any call still sent with the old token would show up as a 401.
    expireOnServer();
    const results = await Promise.all([request('/a'), request('/b'), request('/c')]);

    expect(results).toEqual([{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
    expect(auth.refreshCalls).toBe(1);
    expect([...hits].sort()).toEqual(['a access-2', 'b access-2', 'c access-2']);
    expect(readSession()).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-2' });
    // The new token is renewed in its turn, a minute before it expires.
    expect(readSession()!.renewAt).toBeGreaterThan(Date.now() + (LIFETIME_SECONDS - 61) * 1000);
  });

  it('still renews on a 401 when the token expired early (a revoked session, a sleeping device)', async () => {
    expireOnServer();
    await expect(request('/a')).resolves.toEqual({ name: 'a' });

    expect(auth.refreshCalls).toBe(1);
    expect(hits).toEqual(['a access-1', '401', 'a access-2']);
  });

  it('sends the stored token when the early refresh fails for a reason that is not about the session', async () => {
    elapsedMs = (LIFETIME_SECONDS - 30) * 1000;
    auth.refreshFailure = { status: 503, body: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用', requestId: 'r' } };

    await expect(request('/a')).resolves.toEqual({ name: 'a' });
    expect(hits).toEqual(['a access-1']);
    expect(readSession()).toMatchObject({ accessToken: 'access-1', refreshToken: 'refresh-1' });
  });

  it('ends the session and sends nothing when the early refresh is refused', async () => {
    elapsedMs = (LIFETIME_SECONDS - 30) * 1000;
    auth.refreshFailure = { status: 401, body: { code: 'REFRESH_TOKEN_REUSED', message: '登录已失效，请重新登录', requestId: 'r' } };

    const error = await failureOf(request('/a'));
    expect(error).toMatchObject({ code: 'REFRESH_TOKEN_REUSED', status: 401 });
    expect(readSession()).toBeNull();
    expect(hits).toEqual([]);
  });
});
