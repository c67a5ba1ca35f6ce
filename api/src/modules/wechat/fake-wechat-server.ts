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
 */
export interface FakeWechatOptions {
  appId: string;
  appSecret: string;
  acceptAnyCode?: boolean;
  port?: number;
}

export interface FakeWechatServer {
  url: string;
  mintLoginCode(openid: string, unionid?: string): string;
  mintPhoneCode(purePhoneNumber: string): string;
  /** Makes WeChat consider the current access token invalid (as another server's force_refresh would). */
  invalidateAccessTokens(): void;
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

export async function startFakeWechatServer(options: FakeWechatOptions): Promise<FakeWechatServer> {
  const loginCodes = new Map<string, { openid: string; unionid?: string; used: boolean }>();
  const phoneCodes = new Map<string, { phone: string; used: boolean }>();
  const busyOnceSeen = new Set<string>();
  const validTokens = new Set<string>();
  let currentToken: string | null = null;
  const calls: string[] = [];

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
      currentToken = `fake-access-${randomBytes(12).toString('hex')}`;
      validTokens.clear();
      validTokens.add(currentToken);
    }
    return { access_token: currentToken, expires_in: 7200 };
  }

  function phoneNumber(query: URLSearchParams, body: Json): Json {
    if (!validTokens.has(query.get('access_token') ?? '')) return error(40001, 'invalid credential, access_token is invalid or not latest');
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
    invalidateAccessTokens: () => validTokens.clear(),
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
