import Taro from '@tarojs/taro';
import { isApiErrorBody } from '@linli/shared';

import type { ListResponse, SessionTokens } from '@linli/shared';

import { ApiError } from './api-error';
import { clearSession, readSession, readToken, saveTokens } from '../storage/token-storage';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  query?: Record<string, string | number | boolean | undefined>;
  /** Sent as JSON. */
  body?: unknown;
  /** Extra request headers (e.g. `Idempotency-Key`); they are sent again, unchanged, on the retry after a refresh. */
  headers?: Record<string, string>;
  timeoutMs?: number;
  /** Show the error's message in a toast before rethrowing. Off by default: most pages render errors inline. */
  toast?: boolean;
  /**
   * Send the stored access token (and renew it once on a 401 TOKEN_INVALID). On by default; login and refresh
   * calls turn it off, since they must not carry, or try to rescue, an old session.
   */
  auth?: boolean;
  /** 'text' resolves a 2xx with the body as it came (e.g. a CSV export) instead of parsing it as JSON. */
  as?: 'json' | 'text';
}

export interface RequestConfig {
  /** Absolute (`https://host/api`) or same-origin (`/api`) prefix, without a trailing slash. */
  baseUrl: string;
  timeoutMs: number;
}

const config: RequestConfig = {
  baseUrl: LINLI_API_BASE_URL,
  timeoutMs: 10_000,
};

/** Overrides the build-time defaults (tests point it at their own server). */
export function configureRequest(overrides: Partial<RequestConfig>): void {
  Object.assign(config, overrides);
}

export const CLIENT_ERROR_MESSAGES = {
  NETWORK_ERROR: '网络连接失败，请检查网络后重试',
  TIMEOUT: '服务器响应超时，请稍后重试',
  BAD_RESPONSE: '服务器返回的数据有误，请稍后重试',
} as const;

/**
 * Calls the API and resolves with the parsed JSON body, or rejects with an ApiError — never anything else,
 * and never resolves with undefined on failure.
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return await send<T>(path, options);
  } catch (error) {
    if (options.toast) {
      void Taro.showToast({ title: (error as Error).message, icon: 'none', duration: 3000 });
    }
    throw error;
  }
}

/** GET of a `{ items: T[] }` list; anything else is a BAD_RESPONSE rather than a crash later in a page. */
export async function requestList<T>(path: string, options: RequestOptions = {}): Promise<T[]> {
  const body = await request<ListResponse<T>>(path, options);
  if (typeof body !== 'object' || body === null || !Array.isArray(body.items)) {
    throw badResponse(200);
  }
  return body.items;
}

export interface UploadOptions {
  /** The local file: a path from Taro.chooseImage (a `wxfile://` path in WeChat, a `blob:` URL in H5). */
  filePath: string;
  /** The multipart field the API reads the file from. */
  name: string;
  timeoutMs?: number;
  /** Show the error's message in a toast before rethrowing (as for `request`). */
  toast?: boolean;
}

/** Uploads take longer than JSON calls: a 2 MB photo over a weak mobile connection. */
const UPLOAD_TIMEOUT_MS = 60_000;

/**
 * Sends one file as multipart/form-data (POST) with the stored access token, through the same session renewal and
 * error envelope as `request`: resolves with the parsed JSON body, or rejects with an ApiError.
 */
export async function upload<T>(path: string, options: UploadOptions): Promise<T> {
  try {
    return await withSession(true, (token) => uploadOnce<T>(path, options, token));
  } catch (error) {
    if (options.toast) {
      void Taro.showToast({ title: (error as Error).message, icon: 'none', duration: 3000 });
    }
    throw error;
  }
}

/**
 * The absolute address of a path under the API (e.g. a photo's signed `/order-photos/…` path), for an `<Image>`:
 * the same base the request wrapper sends to.
 */
export function apiUrl(path: string): string {
  return `${config.baseUrl}${path}`;
}

/**
 * The access token a live socket signs in with: the same one requests send, renewed first when due (null when
 * signed out). A socket the server closes as unauthorized asks again after `renewAccessToken`.
 */
export function accessTokenForSocket(): Promise<string | null> {
  return currentToken();
}

/** Renews the session whose access token `staleToken` was refused (the live socket's 4401); false when signed out. */
export function renewAccessToken(staleToken: string): Promise<boolean> {
  return renewSession(staleToken);
}

function send<T>(path: string, options: RequestOptions): Promise<T> {
  return withSession(options.auth !== false, (token) => sendOnce<T>(path, options, token));
}

/**
 * One call with the session's access token, renewed first when it is about to expire (so a call made after an idle
 * spell does not meet a 401 first), plus at most one retry: when a protected call still answers 401 TOKEN_INVALID
 * (the token expired while the device slept, or was revoked), the session is renewed and the call sent again with the
 * new token. Any other failure, and a second 401, goes to the caller unchanged.
 */
async function withSession<T>(auth: boolean, call: (token: string | null) => Promise<T>, isRetry = false): Promise<T> {
  const token = auth ? await currentToken() : null;
  try {
    return await call(token);
  } catch (error) {
    if (isRetry || token === null || !isExpiredToken(error)) throw error;
    if (!(await renewSession(token))) throw error;
    return withSession(auth, call, true);
  }
}

function isExpiredToken(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 401 && error.code === 'TOKEN_INVALID';
}

/**
 * The refresh in flight, shared by every call made meanwhile: the refresh token works only once, and a call sent with
 * the old access token during a refresh would only earn a 401.
 */
let renewal: Promise<void> | null = null;

function startRenewal(refreshToken: string): Promise<void> {
  renewal ??= refreshTokens(refreshToken).finally(() => {
    renewal = null;
  });
  return renewal;
}

/**
 * The access token to send now: after any refresh in flight, and after renewing a session that is due (shortly before
 * its access token expires). Rejects with the refresh's own error when that refresh ended the session; when it
 * failed otherwise (offline), the stored token, still valid for a little while, is sent.
 */
async function currentToken(): Promise<string | null> {
  const session = readSession();
  if (!session) return null;
  const due = typeof session.renewAt === 'number' && Date.now() >= session.renewAt;
  const pending = renewal ?? (due ? startRenewal(session.refreshToken) : null);
  if (pending) {
    try {
      await pending;
    } catch (error) {
      if (!readSession()) throw error;
    }
  }
  return readToken();
}

/**
 * Makes sure the stored access token is newer than `staleToken`. Resolves true when the caller should retry,
 * false when no session is left to retry with (signed out meanwhile); rejects with the refresh's own error.
 */
async function renewSession(staleToken: string): Promise<boolean> {
  const session = readSession();
  if (!session) return false;
  // Another call's refresh finished after this call was sent: the new token is already stored.
  if (session.accessToken !== staleToken && !renewal) return true;
  await startRenewal(session.refreshToken);
  return readSession() !== null;
}

async function refreshTokens(refreshToken: string): Promise<void> {
  let tokens: SessionTokens;
  try {
    tokens = await sendOnce<SessionTokens>('/auth/refresh', { method: 'POST', body: { refreshToken } }, null);
  } catch (error) {
    // 401 (TOKEN_INVALID, REFRESH_TOKEN_REUSED) or 403 (ACCOUNT_DISABLED): this session is over for good. A network
    // failure or a 5xx is not: the same refresh token may work on the next try, so the session is kept.
    const sessionDead = error instanceof ApiError && (error.status === 401 || error.status === 403);
    if (sessionDead && readSession()?.refreshToken === refreshToken) clearSession();
    throw error;
  }
  if (typeof tokens?.accessToken !== 'string' || typeof tokens.refreshToken !== 'string') throw badResponse(200);
  // Signed out, or signed in as someone else, while the refresh was under way: do not bring the old session back.
  if (readSession()?.refreshToken === refreshToken) saveTokens(tokens);
}

async function sendOnce<T>(path: string, options: RequestOptions, token: string | null): Promise<T> {
  const accept = options.as === 'text' ? 'text/csv, text/plain, application/json' : 'application/json';
  const header: Record<string, string> = { ...options.headers, Accept: accept };
  if (options.body !== undefined) header['Content-Type'] = 'application/json';
  if (token) header.Authorization = `Bearer ${token}`;

  let response: Taro.request.SuccessCallbackResult<string>;
  try {
    response = await Taro.request<string>({
      url: buildUrl(path, options.query),
      method: options.method ?? 'GET',
      header,
      data: options.body === undefined ? undefined : JSON.stringify(options.body),
      // Ask both platforms for the raw text and parse it here: WeChat hands back the raw string when JSON parsing
      // fails and Taro H5 hands back null, so only our own parse can tell garbage from an empty body.
      dataType: 'text',
      responseType: 'text',
      timeout: options.timeoutMs ?? config.timeoutMs,
    });
  } catch (failure) {
    throw transportError(failure);
  }
  if (options.as === 'text' && response.statusCode >= 200 && response.statusCode < 300) {
    return (typeof response.data === 'string' ? response.data : '') as T;
  }
  return parseResponse<T>(response.statusCode, response.data);
}

async function uploadOnce<T>(path: string, options: UploadOptions, token: string | null): Promise<T> {
  // No Content-Type: the platform writes multipart/form-data with its own boundary.
  const header: Record<string, string> = { Accept: 'application/json' };
  if (token) header.Authorization = `Bearer ${token}`;
  let response: Taro.uploadFile.SuccessCallbackResult;
  try {
    response = await Taro.uploadFile({
      url: buildUrl(path, undefined),
      filePath: options.filePath,
      name: options.name,
      header,
      timeout: options.timeoutMs ?? UPLOAD_TIMEOUT_MS,
      // H5 only (WeChat ignores it): Taro sends cookies by default, which a cross-origin API with a wildcard CORS
      // answer refuses. The API authenticates by the bearer token alone.
      withCredentials: false,
    });
  } catch (failure) {
    throw transportError(failure);
  }
  return parseResponse<T>(response.statusCode, response.data);
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  const search = Object.entries(query ?? {})
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
  return `${config.baseUrl}${path}${search ? `?${search}` : ''}`;
}

const NOT_JSON = Symbol('not-json');

function parseResponse<T>(status: number, raw: unknown): T {
  const text = typeof raw === 'string' ? raw : '';
  let payload: unknown;
  if (text.trim() !== '') {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = NOT_JSON;
    }
  }

  if (status >= 200 && status < 300) {
    if (payload === NOT_JSON) throw badResponse(status);
    return payload as T;
  }
  if (isApiErrorBody(payload)) {
    throw new ApiError({
      code: payload.code,
      message: payload.message,
      status,
      details: payload.details,
      requestId: payload.requestId,
    });
  }
  // A non-2xx without our error body: a gateway's HTML page, an empty 502, a proxy timeout.
  throw badResponse(status);
}

function badResponse(status: number): ApiError {
  return new ApiError({ code: 'BAD_RESPONSE', message: CLIENT_ERROR_MESSAGES.BAD_RESPONSE, status });
}

/**
 * WeChat reports failures as `{ errMsg: 'request:fail timeout' }`; Taro H5 rejects with the fetch error, and its
 * timeout aborts the fetch (AbortError) — we pass no signal of our own, so an abort can only be the timeout.
 */
function transportError(failure: unknown): ApiError {
  const { name, errMsg, message } = (failure ?? {}) as { name?: string; errMsg?: string; message?: string };
  const timedOut = name === 'AbortError' || /time\s?out/i.test(`${errMsg ?? ''} ${message ?? ''}`);
  const code = timedOut ? 'TIMEOUT' : 'NETWORK_ERROR';
  return new ApiError({ code, message: CLIENT_ERROR_MESSAGES[code], status: 0, cause: failure });
}
