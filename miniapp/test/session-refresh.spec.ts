import { EventEmitter } from 'node:events';

import { ApiError } from '../src/services/api-error';
import { configureRequest, request } from '../src/services/request';
import { clearSession, readSession, saveSession, subscribeSession } from '../src/storage/token-storage';
import { sendJson, startFixtureServer } from './support/fixture-server';
import { failureOf } from './support/failure';
import { refreshRoute } from './support/rotating-auth';

import type { FixtureServer, Handler } from './support/fixture-server';
import type { RotatingAuth } from './support/rotating-auth';

/** A server with rotating refresh tokens, like the real API (support/rotating-auth). */
interface Auth extends RotatingAuth {
  /**
   * /auth/refresh answers only once the server has answered this many 401s, so the calls a test sends together all
   * meet the expired token before the refresh is over, however slowly the machine runs.
   */
  refreshAfterUnauthorized: number;
  /** Answer 401 on /protected whatever token arrives (a session revoked right after its refresh). */
  rejectEverything?: boolean;
}

let server: FixtureServer;
let auth: Auth;
const protectedHits: string[] = [];
let unauthorizedAnswers = 0;
const answered = new EventEmitter();

function unauthorizedAnswered(count: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (unauthorizedAnswers < count) return;
      answered.off('401', check);
      resolve();
    };
    answered.on('401', check);
    check();
  });
}

function protectedRoute(name: string): Handler {
  return (req, res) => {
    protectedHits.push(`${name} ${req.headers.authorization ?? '-'}`);
    if (auth.rejectEverything || req.headers.authorization !== `Bearer ${auth.access}`) {
      sendJson(res, 401, { code: 'TOKEN_INVALID', message: '登录已失效，请重新登录', requestId: 'r-401' });
      unauthorizedAnswers += 1;
      answered.emit('401');
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
    '/forbidden': (_req, res) => sendJson(res, 401, { code: 'UNAUTHENTICATED', message: '请先登录', requestId: 'r' }),
    '/auth/refresh': refreshRoute(
      () => auth,
      () => unauthorizedAnswered(auth.refreshAfterUnauthorized),
    ),
  });
  configureRequest({ baseUrl: server.baseUrl });
});

afterAll(() => server.close());

beforeEach(() => {
  // The device still holds generation 1's access token, which the server has expired; its refresh token is good.
  auth = { access: 'access-live', refresh: 'refresh-1', generation: 1, refreshCalls: 0, refreshAfterUnauthorized: 1 };
  protectedHits.length = 0;
  unauthorizedAnswers = 0;
  saveSession({ accessToken: 'access-expired', refreshToken: 'refresh-1', account: null });
});

afterEach(() => clearSession());

describe('session refresh in the request layer', () => {
  it('refreshes once for concurrent 401s, then retries each call with the new token', async () => {
    auth.refreshAfterUnauthorized = 3;
    const results = await Promise.all([request('/a'), request('/b'), request('/c')]);

    expect(results).toEqual([{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
    expect(auth.refreshCalls).toBe(1);
    expect(readSession()).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-2' });
    // Each call: once with the expired token, once more with the new one; never a third time.
    for (const name of ['a', 'b', 'c']) {
      expect(protectedHits.filter((hit) => hit.startsWith(`${name} `))).toEqual([`${name} Bearer access-expired`, `${name} Bearer access-2`]);
    }
  });

  it('does not refresh again for a late 401 on a token that was already replaced', async () => {
    await request('/a');
    expect(auth.refreshCalls).toBe(1);

    // A call sent with the old token answers after the refresh: it is retried with the stored token, no refresh.
    saveSession({ ...readSession()!, accessToken: 'access-2' });
    auth.access = 'access-2';
    await expect(request('/b')).resolves.toEqual({ name: 'b' });
    expect(auth.refreshCalls).toBe(1);
  });

  it('clears the session and rejects every waiting call with the refresh error when the refresh is refused', async () => {
    auth.refreshFailure = {
      status: 401,
      body: { code: 'REFRESH_TOKEN_REUSED', message: '登录已失效，请重新登录', requestId: 'r-reused' },
    };
    auth.refreshAfterUnauthorized = 2;
    let notified = 0;
    const unsubscribe = subscribeSession(() => (notified += 1));
    try {
      const errors = await Promise.all([failureOf(request('/a')), failureOf(request('/b'))]);

      for (const error of errors) expect(error).toMatchObject({ code: 'REFRESH_TOKEN_REUSED', status: 401 });
      expect(auth.refreshCalls).toBe(1);
      expect(readSession()).toBeNull();
      expect(notified).toBe(1);
      // Signed out: the next call goes without a token and is not retried.
      const next = await failureOf(request('/c'));
      expect(next.code).toBe('TOKEN_INVALID');
      expect(protectedHits.at(-1)).toBe('c -');
      expect(auth.refreshCalls).toBe(1);
    } finally {
      unsubscribe();
    }
  });

  it('keeps the session when the refresh fails for a reason that is not about the session', async () => {
    auth.refreshFailure = { status: 503, body: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用', requestId: 'r' } };
    const error = await failureOf(request('/a'));

    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503 });
    expect(readSession()).toMatchObject({ accessToken: 'access-expired', refreshToken: 'refresh-1' });
  });

  it('retries only once: a second 401 after a successful refresh goes to the caller', async () => {
    auth.rejectEverything = true;
    const error = await failureOf(request('/a'));

    expect(error.code).toBe('TOKEN_INVALID');
    expect(auth.refreshCalls).toBe(1);
    expect(protectedHits).toEqual(['a Bearer access-expired', 'a Bearer access-2']);
  });

  it('does not refresh for UNAUTHENTICATED, nor for calls made without the session', async () => {
    await failureOf(request('/forbidden'));
    await failureOf(request('/a', { auth: false }));

    expect(auth.refreshCalls).toBe(0);
    expect(protectedHits).toEqual(['a -']);
  });
});
