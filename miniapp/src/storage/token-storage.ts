import Taro from '@tarojs/taro';

import type { SessionAccount, SessionTokens } from '@linli/shared';

/**
 * The signed-in session as kept on the device: both tokens, and the account they belong to (so a returning
 * user's screen can be drawn before /me answers). One storage key, written and cleared as a whole, so a half-saved
 * session (new access token, old refresh token) cannot exist.
 */
export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  account: SessionAccount | null;
  /**
   * Device time (ms) after which the request layer renews the session before sending, shortly before the access
   * token expires. Absent for a session saved by an older release: that one is renewed on its first 401 instead.
   */
  renewAt?: number;
}

/** Renew this long before the access token expires, or a quarter of its life for short-lived tokens. */
const RENEW_BEFORE_EXPIRY_MS = 60_000;

/**
 * The session to store for freshly issued tokens. The expiry is counted from when the answer arrived on this device,
 * so a device clock that is off does not matter.
 */
export function sessionFromTokens(tokens: SessionTokens, account: SessionAccount | null): StoredSession {
  const lifetimeMs = tokens.accessTokenExpiresIn * 1000;
  const renewAt = Number.isFinite(lifetimeMs) && lifetimeMs > 0 ? Date.now() + lifetimeMs - Math.min(RENEW_BEFORE_EXPIRY_MS, lifetimeMs / 4) : undefined;
  return { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, account, renewAt };
}

const SESSION_KEY = 'linli.session';
/** The key the first release used for a bare access token; removed on clear so it can never come back. */
const LEGACY_TOKEN_KEY = 'linli.accessToken';

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.accessToken === 'string' && candidate.accessToken !== '' && typeof candidate.refreshToken === 'string' && candidate.refreshToken !== '';
}

export function readSession(): StoredSession | null {
  // Both WeChat and Taro H5 (JSON in localStorage) keep objects as objects.
  const value: unknown = Taro.getStorageSync(SESSION_KEY);
  return isStoredSession(value) ? value : null;
}

/** The access token to send as Bearer, or null when nobody is signed in. */
export function readToken(): string | null {
  return readSession()?.accessToken ?? null;
}

export function saveSession(session: StoredSession): void {
  Taro.setStorageSync(SESSION_KEY, session);
  notify();
}

/** After /auth/refresh: new tokens, same account. */
export function saveTokens(tokens: SessionTokens): void {
  saveSession(sessionFromTokens(tokens, readSession()?.account ?? null));
}

/** After /me or consent: same tokens, fresher account. Does nothing when the session ended meanwhile. */
export function saveAccount(account: SessionAccount): void {
  const session = readSession();
  if (session) saveSession({ ...session, account });
}

export function clearSession(): void {
  Taro.removeStorageSync(SESSION_KEY);
  Taro.removeStorageSync(LEGACY_TOKEN_KEY);
  notify();
}

type SessionListener = () => void;
const listeners = new Set<SessionListener>();

/**
 * Called after every save or clear, from whichever page or request did it, so a mounted page (a tab page stays
 * mounted) redraws when another page signs in, or when the request layer ends a dead session.
 */
export function subscribeSession(listener: SessionListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const listener of [...listeners]) listener();
}
