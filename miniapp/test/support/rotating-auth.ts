import { readJson, sendJson } from './fixture-server';

import type { Handler } from './fixture-server';

/** How long an access token lives, as the login and refresh answers say (15 minutes, as the API issues them). */
export const ACCESS_TOKEN_LIFETIME_SECONDS = 900;

/**
 * A server's side of a session with rotating refresh tokens, like the real API: each refresh token works once;
 * reusing one is REFRESH_TOKEN_REUSED. Only `access` is accepted on the protected routes a test serves.
 */
export interface RotatingAuth {
  access: string;
  refresh: string;
  generation: number;
  refreshCalls: number;
  /** How /auth/refresh answers when set, instead of rotating. */
  refreshFailure?: { status: number; body: unknown };
}

/** The tokens the server has issued last, as a login or refresh answer carries them. */
export function issuedTokens(auth: RotatingAuth): { accessToken: string; refreshToken: string; accessTokenExpiresIn: number } {
  return { accessToken: auth.access, refreshToken: auth.refresh, accessTokenExpiresIn: ACCESS_TOKEN_LIFETIME_SECONDS };
}

/**
 * /auth/refresh over the test's current `auth()`: counts the call, then (once `beforeAnswer` has settled, for a test
 * that holds the answer back) answers `refreshFailure` when set, REFRESH_TOKEN_REUSED for any but the newest
 * refresh token, or the next generation of both tokens.
 */
export function refreshRoute(auth: () => RotatingAuth, beforeAnswer: () => Promise<void> = async () => undefined): Handler {
  return async (req, res) => {
    const state = auth();
    state.refreshCalls += 1;
    const { refreshToken } = await readJson<{ refreshToken: string }>(req);
    await beforeAnswer();
    if (state.refreshFailure) {
      sendJson(res, state.refreshFailure.status, state.refreshFailure.body);
      return;
    }
    if (refreshToken !== state.refresh) {
      sendJson(res, 401, { code: 'REFRESH_TOKEN_REUSED', message: '登录已失效，请重新登录', requestId: 'r' });
      return;
    }
    state.generation += 1;
    state.access = `access-${state.generation}`;
    state.refresh = `refresh-${state.generation}`;
    sendJson(res, 200, issuedTokens(state));
  };
}
