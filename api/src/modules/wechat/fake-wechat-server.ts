import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for api.weixin.qq.com that speaks the same HTTP API and documented error codes, so the login and
 * phone paths run for real in tests and in the H5 demo. Started by tests and by `npm start` when no AppID is set.
 *
 * Codes it understands:
 * - minted through `POST /__fake__/login-codes` / `/__fake__/phone-codes` (used once, like WeChat's);
 * - `invalid` → 40029, `rate-limited` → 45011, `blocked` → 40226, `busy` → -1 every time,
 *   `busy-once-<anything>` → -1 the first time, then a session;
 * - any other code → 40029, unless `acceptAnyCode` (the demo, where DevTools' tourist AppID makes random codes):
 *   then a stable openid derived from the code.
 *
 * Access tokens (`stable_token`) behave like WeChat's: the same token to every caller while it is valid, a new one in
 * its last 5 minutes (the old one still valid meanwhile), a new one on `force_refresh`; 40013 / 40125 for a wrong
 * AppID / AppSecret.
 *
 * Subscribe messages (`/cgi-bin/message/subscribe/send`) check the token (40001), the openid (40003), the template
 * (40037 unless registered), each keyword's value against WeChat's limits for its kind (47003 naming the field), and
 * spend one of the user's authorisations per message (43101 when none is left); tests grant authorisations as a
 * user tapping 允许 would, and count what was sent per (openid, template).
 */
export interface FakeWechatOptions {
  appId: string;
  appSecret: string;
  acceptAnyCode?: boolean;
  port?: number;
}

/** A subscribe message as the fake received it. */
export interface FakeSubscribeMessage {
  touser: string;
  template_id: string;
  page?: string;
  miniprogram_state?: string;
  lang?: string;
  data: Record<string, { value: string }>;
}

export interface FakeWechatServer {
  url: string;
  mintLoginCode(openid: string, unionid?: string): string;
  mintPhoneCode(purePhoneNumber: string): string;
  /** Makes WeChat consider the current access token invalid (as another server's force_refresh would). */
  invalidateAccessTokens(): void;
  /** Brings the current access token this close to its expiry (WeChat hands out a new one in the last 5 minutes). */
  ageAccessToken(secondsLeft: number): void;
  /** The access tokens handed out so far, in order (tests check none of them reaches a log). */
  issuedAccessTokens: string[];
  /** A template added to the mini program in WeChat's console: its keywords and their kinds (thing, time …). */
  registerTemplate(templateId: string, keywords: Record<string, string>): void;
  /** The user tapped 允许 for this template in requestSubscribeMessage: one more message may be sent to them. */
  grantSubscription(openid: string, templateId: string, count?: number): void;
  /** The next subscribe sends answer this errcode (e.g. -1 busy), one each. */
  failNextSubscribeSends(...errcodes: number[]): void;
  /** Subscribe messages accepted (errcode 0), in order. */
  subscribeMessages: FakeSubscribeMessage[];
  /** How many messages of this template the user was sent. */
  subscribeSentCount(openid: string, templateId: string): number;
  /** Paths called so far, without query strings (tests assert on retries). */
  calls: string[];
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

function send(response: ServerResponse, body: Json): void {
  // WeChat answers errors with HTTP 200 and an errcode in the body.
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function error(errcode: number, errmsg: string): Json {
  return { errcode, errmsg: `${errmsg} rid: ${randomBytes(4).toString('hex')}` };
}

async function readJson(request: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Json;
  } catch {
    return {};
  }
}

const SPECIAL_LOGIN_ERRORS: Record<string, Json> = {
  invalid: error(40029, 'invalid code'),
  'rate-limited': error(45011, 'api minute-quota reach limit mustslower retry next minute'),
  blocked: error(40226, 'high risk user'),
  busy: error(-1, 'system error'),
};

/** WeChat's limits per keyword kind (参数值内容限制), written out here apart from the API's own normalisation. */
function keywordValueAccepted(kind: string, value: unknown): boolean {
  if (typeof value !== 'string' || value === '') return false;
  const length = Array.from(value).length;
  const han = /\p{Script=Han}/u;
  switch (kind) {
    case 'thing':
      return length <= 20 && !/[\r\n]/.test(value);
    case 'phrase':
      return length <= 5 && Array.from(value).every((character) => han.test(character));
    case 'name':
      return han.test(value) ? length <= 10 : length <= 20 && /^[A-Za-z·. ]+$/.test(value);
    case 'character_string':
      return length <= 32 && /^[\x21-\x7e]+$/.test(value);
    case 'number':
      return /^\d{1,32}(\.\d+)?$/.test(value);
    case 'amount':
      return /^[¥$€£]?\d{1,10}(\.\d+)?元?$/.test(value);
    case 'time':
    case 'date':
      return /^\d{4}(-\d{2}-\d{2}|年\d{1,2}月\d{1,2}日)( \d{2}:\d{2})?$/.test(value) || /^\d{2}:\d{2}$/.test(value);
    default:
      return false;
  }
}

const TOKEN_LIFETIME_MS = 7200 * 1000;
/** WeChat renews the stable token in its last 5 minutes and keeps the old one valid meanwhile. */
const TOKEN_RENEWAL_MS = 300 * 1000;

export async function startFakeWechatServer(options: FakeWechatOptions): Promise<FakeWechatServer> {
  const loginCodes = new Map<string, { openid: string; unionid?: string; used: boolean }>();
  const phoneCodes = new Map<string, { phone: string; used: boolean }>();
  const busyOnceSeen = new Set<string>();
  /** Every token WeChat would still accept, with its expiry. */
  const validTokens = new Map<string, number>();
  const tokenAccepted = (token: string | null) => (validTokens.get(token ?? '') ?? 0) > Date.now();
  let currentToken: { value: string; expiresAt: number } | null = null;
  const issuedAccessTokens: string[] = [];
  const calls: string[] = [];
  const templates = new Map<string, Record<string, string>>();
  const subscriptions = new Map<string, number>();
  const subscribeFailures: number[] = [];
  const subscribeMessages: FakeSubscribeMessage[] = [];
  const subscriptionKey = (openid: string, templateId: string) => `${openid} ${templateId}`;

  const derivedOpenid = (code: string) => `o${createHash('sha1').update(code).digest('base64url').slice(0, 27)}`;
  const session = (openid: string, unionid?: string): Json => ({ openid, session_key: randomBytes(16).toString('base64'), ...(unionid ? { unionid } : {}) });

  function jscode2session(query: URLSearchParams): Json {
    if (query.get('appid') !== options.appId) return error(40013, 'invalid appid');
    if (query.get('secret') !== options.appSecret) return error(40125, 'invalid appsecret');
    const code = query.get('js_code') ?? '';
    if (code in SPECIAL_LOGIN_ERRORS) return SPECIAL_LOGIN_ERRORS[code];
    if (code.startsWith('busy-once-')) {
      if (!busyOnceSeen.has(code)) {
        busyOnceSeen.add(code);
        return SPECIAL_LOGIN_ERRORS.busy;
      }
      return session(derivedOpenid(code));
    }
    const minted = loginCodes.get(code);
    if (minted) {
      if (minted.used) return error(40163, 'code been used');
      minted.used = true;
      return session(minted.openid, minted.unionid);
    }
    return options.acceptAnyCode && code ? session(derivedOpenid(code)) : error(40029, 'invalid code');
  }

  function stableToken(body: Json): Json {
    if (body.grant_type !== 'client_credential' || body.appid !== options.appId) return error(40013, 'invalid appid');
    if (body.secret !== options.appSecret) return error(40125, 'invalid appsecret');
    if (!currentToken || body.force_refresh === true) {
      validTokens.clear();
      currentToken = newToken();
    } else if (currentToken.expiresAt - Date.now() < TOKEN_RENEWAL_MS) {
      currentToken = newToken(); // the old one stays valid until it expires
    }
    return { access_token: currentToken.value, expires_in: Math.floor((currentToken.expiresAt - Date.now()) / 1000) };
  }

  function newToken(): { value: string; expiresAt: number } {
    const value = `fake-access-${randomBytes(12).toString('hex')}`;
    const expiresAt = Date.now() + TOKEN_LIFETIME_MS;
    validTokens.set(value, expiresAt);
    issuedAccessTokens.push(value);
    return { value, expiresAt };
  }

  function subscribeSend(query: URLSearchParams, body: Json): Json {
    if (!tokenAccepted(query.get('access_token'))) return error(40001, 'invalid credential, access_token is invalid or not latest');
    const failure = subscribeFailures.shift();
    if (failure !== undefined) return error(failure, failure === -1 ? 'system error' : 'failure');
    const touser = typeof body.touser === 'string' ? body.touser : '';
    if (!/^[A-Za-z0-9_-]{20,64}$/.test(touser)) return error(40003, 'invalid openid');
    const templateId = typeof body.template_id === 'string' ? body.template_id : '';
    const keywords = templates.get(templateId);
    if (!keywords) return error(40037, 'invalid template_id');
    const data = (typeof body.data === 'object' && body.data !== null ? body.data : {}) as Record<string, { value?: unknown } | undefined>;
    for (const [key, kind] of Object.entries(keywords)) {
      if (!keywordValueAccepted(kind, data[key]?.value)) return error(47003, `argument invalid! data.${key}.value invalid`);
    }
    const key = subscriptionKey(touser, templateId);
    const left = subscriptions.get(key) ?? 0;
    if (left === 0) return error(43101, 'user refuse to accept the msg');
    subscriptions.set(key, left - 1);
    subscribeMessages.push(body as unknown as FakeSubscribeMessage);
    return { errcode: 0, errmsg: 'ok', msgid: Date.now() };
  }

  function phoneNumber(query: URLSearchParams, body: Json): Json {
    if (!tokenAccepted(query.get('access_token'))) return error(40001, 'invalid credential, access_token is invalid or not latest');
    const code = typeof body.code === 'string' || typeof body.code === 'number' ? String(body.code) : '';
    if (code === 'busy') return error(-1, 'system error');
    const minted = phoneCodes.get(code);
    let phone: string | undefined;
    if (minted && !minted.used) {
      minted.used = true;
      phone = minted.phone;
    } else if (!minted && options.acceptAnyCode && code && code !== 'invalid') {
      phone = `139${(parseInt(createHash('sha1').update(code).digest('hex').slice(0, 8), 16) % 1e8).toString().padStart(8, '0')}`;
    }
    if (!phone) return error(40029, 'invalid code');
    return {
      errcode: 0,
      errmsg: 'ok',
      phone_info: { phoneNumber: phone, purePhoneNumber: phone, countryCode: '86', watermark: { timestamp: Math.floor(Date.now() / 1000), appid: options.appId } },
    };
  }

  function mint(store: Map<string, unknown>, value: unknown): string {
    const code = randomBytes(16).toString('hex');
    store.set(code, value);
    return code;
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    calls.push(url.pathname);
    void (async () => {
      const body = request.method === 'POST' ? await readJson(request) : {};
      switch (`${request.method} ${url.pathname}`) {
        case 'GET /sns/jscode2session':
          return send(response, jscode2session(url.searchParams));
        case 'POST /cgi-bin/stable_token':
          return send(response, stableToken(body));
        case 'POST /wxa/business/getuserphonenumber':
          return send(response, phoneNumber(url.searchParams, body));
        case 'POST /cgi-bin/message/subscribe/send':
          return send(response, subscribeSend(url.searchParams, body));
        case 'POST /__fake__/login-codes':
          return send(response, { code: mint(loginCodes, { openid: String(body.openid), unionid: body.unionid as string | undefined, used: false }) });
        case 'POST /__fake__/phone-codes':
          return send(response, { code: mint(phoneCodes, { phone: String(body.purePhoneNumber), used: false }) });
        default:
          response.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    mintLoginCode: (openid, unionid) => mint(loginCodes, { openid, unionid, used: false }),
    mintPhoneCode: (phone) => mint(phoneCodes, { phone, used: false }),
    invalidateAccessTokens: () => {
      validTokens.clear();
      currentToken = newToken();
    },
    ageAccessToken: (secondsLeft) => {
      if (!currentToken) return;
      currentToken.expiresAt = Date.now() + secondsLeft * 1000;
      validTokens.set(currentToken.value, currentToken.expiresAt);
    },
    issuedAccessTokens,
    registerTemplate: (templateId, keywords) => templates.set(templateId, keywords),
    grantSubscription: (openid, templateId, count = 1) =>
      subscriptions.set(subscriptionKey(openid, templateId), (subscriptions.get(subscriptionKey(openid, templateId)) ?? 0) + count),
    failNextSubscribeSends: (...errcodes) => subscribeFailures.push(...errcodes),
    subscribeMessages,
    subscribeSentCount: (openid, templateId) => subscribeMessages.filter((message) => message.touser === openid && message.template_id === templateId).length,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
