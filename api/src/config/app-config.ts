import { isAbsolute, resolve } from 'node:path';
import { DEFAULT_SET_OUT_LEAD_MINUTES, type SubscribeTemplateName } from '@linli/shared';
import { ConfigError, readInteger, type Env } from './config-error';
import { readSecrets } from './secrets';
import { readSms, type SmsConfig } from './sms-config';
import { readWechatPay, type WechatPayConfig } from './wechat-pay-config';
import { readSubscribeTemplates } from './wechat-subscribe-config';

export { ConfigError } from './config-error';
export type { SmsConfig } from './sms-config';
export type { WechatPayConfig } from './wechat-pay-config';

export type DatabaseDialect = 'sqlite' | 'mysql' | 'mariadb';

export type DatabaseConfig = { dialect: 'sqlite'; file: string } | { dialect: 'mysql' | 'mariadb'; url: string };

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface AppConfig {
  host: string;
  port: number;
  database: DatabaseConfig;
  logLevel: LogLevel;
  /** Largest request body accepted, in bytes; bigger bodies get 413 before any parsing. */
  maxBodyBytes: number;
  /** How long SIGTERM waits for in-flight requests before forcing the process down. */
  shutdownTimeoutMs: number;
  /** Built H5 app served at `/`; null when not built (the API still runs). */
  h5Dir: string | null;
  /** Where uploaded photos are kept (one file per photo, named by its id). Several instances need shared storage. */
  uploadDir: string;
  /** Fastify's trustProxy: false, true, a hop count, or a list of proxy addresses/CIDRs. */
  trustProxy: boolean | number | string[];
  secrets: SecretsConfig;
  auth: AuthConfig;
  wechat: WechatConfig;
  wechatPay: WechatPayConfig;
  appointments: AppointmentsConfig;
  dispatch: DispatchConfig;
  notifications: NotificationsConfig;
  /** The SMS gateway for residents without WeChat; null = no SMS (the default). */
  sms: SmsConfig | null;
  meals: MealsConfig;
  live: LiveConfig;
}

export interface LiveConfig {
  /** How often each instance reads new outbox rows for its live sockets (ms); ignored when `redisUrl` is set. 0 = off. */
  followMs: number;
  /** Redis for live updates across instances (pub/sub after commit) instead of following the outbox; null = follow. */
  redisUrl: string | null;
  /** How often a socket is pinged; one that has not answered the previous ping by then is dropped. */
  heartbeatSeconds: number;
  /** How long a socket may take to send its access token after connecting. */
  authTimeoutSeconds: number;
}

export interface MealsConfig {
  /** How often each API instance commits the delivery runs of meals past their cut-off (MealDeliverySweeper); 0 = off. */
  deliverySweepSeconds: number;
}

export interface NotificationsConfig {
  /** How often each API instance delivers the outbox (NotificationRelaySweeper); 0 = off (tests call the relay). */
  relaySeconds: number;
  /** How long a claimed message is this instance's alone; after that another instance may take it (a crash). */
  leaseSeconds: number;
  /** Claims of one message before it is dead (staff see and retry it). */
  maxAttempts: number;
  /** How often each instance deletes inbox messages past their 90 days; 0 = off. */
  inboxSweepSeconds: number;
}

export interface DispatchConfig {
  /** How often each API instance sweeps expired offers, unclaimed pools, late orders and auto-confirmations; 0 = off. */
  sweepSeconds: number;
  /** An order refused or left to expire this many times goes to the staff queue (escalated). */
  maxRefusals: number;
  /** A grab-mode order nobody took within this many minutes goes to the staff queue. */
  grabPoolMinutes: number;
  /** A completed order the resident has not confirmed is confirmed automatically after this many days. */
  autoConfirmDays: number;
  /** When set, overrides every service's accept window (seconds); for tests and drills. */
  offerWindowSecondsOverride: number | null;
  /** A worker may set out this many minutes before the window, and only on the service day (shared setOutState). */
  setOutLeadMinutes: number;
}

export interface AppointmentsConfig {
  /** A confirmed booking not checked in this long after its slot ends becomes a no-show. */
  noShowGraceMinutes: number;
  /** How often each API instance sweeps for no-shows; 0 turns the sweeper off (tests call it directly). */
  noShowSweepSeconds: number;
  /** This many no-shows within the window… */
  noShowLimit: number;
  noShowWindowDays: number;
  /** …stop online booking for this long after the latest one (staff can still book for the person). */
  noShowRestrictionDays: number;
  /** This many wrong check-in codes typed by one staff account at one centre within the window… */
  checkInMaxWrongCodes: number;
  /** …answer 429 until the oldest of them is this old (a sliding window). */
  checkInWrongCodeWindowSeconds: number;
}

export interface SecretsConfig {
  /** HMAC-SHA256 key signing access tokens. */
  jwtSecret: Buffer;
  /** AES-256-GCM keys by key id; ciphertexts record the id so old keys keep decrypting after a rotation. */
  fieldKeys: Map<string, Buffer>;
  activeFieldKeyId: string;
  /** Keyed hash for looking up encrypted fields (ID numbers) without decrypting. */
  fieldHmacKey: Buffer;
  /** True when the keys came from the generated development file, never in production. */
  development: boolean;
}

export interface AuthConfig {
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Failed password attempts before an account locks, and for how long. */
  maxFailedLogins: number;
  lockoutSeconds: number;
  /** Login attempts allowed per client IP per window (any account). */
  maxLoginAttemptsPerIp: number;
  loginWindowSeconds: number;
}

export interface WechatConfig {
  appId: string;
  appSecret: string;
  apiBaseUrl: string;
  /** No real AppID configured: the demo login is available and the fake WeChat server stands in. */
  demoMode: boolean;
  timeoutMs: number;
  /** Subscribe-message template ids by Linli's template name (WECHAT_SUBSCRIBE_TEMPLATE_<NAME>); absent = not sent. */
  subscribeTemplates: Partial<Record<SubscribeTemplateName, string>>;
}

/** The package root (api/), whether running from src/ under Jest or from dist/. */
export const API_ROOT = resolve(__dirname, '..', '..');
export const DEFAULT_SQLITE_FILE = resolve(API_ROOT, 'data', 'linli.sqlite');
const DEFAULT_H5_DIR = resolve(API_ROOT, '..', 'miniapp', 'dist', 'h5');
const DEV_SECRETS_FILE = resolve(API_ROOT, 'data', 'dev-secrets.json');
const DEFAULT_UPLOAD_DIR = resolve(API_ROOT, 'data', 'uploads');

/**
 * `DATABASE_URL` absent → the zero-setup SQLite file under api/data/.
 * `sqlite:<path>` → another SQLite file (relative paths from the current directory).
 * `mysql://…` / `mariadb://…` → that server through the matching TypeORM driver.
 */
export function parseDatabaseUrl(raw: string | undefined, variable = 'DATABASE_URL'): DatabaseConfig {
  if (raw === undefined || raw === '') return { dialect: 'sqlite', file: DEFAULT_SQLITE_FILE };
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (file === '') throw new ConfigError(variable, 'needs a file path after "sqlite:"');
    return { dialect: 'sqlite', file: isAbsolute(file) ? file : resolve(process.cwd(), file) };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(variable, 'is not a valid URL (expected mysql://, mariadb:// or sqlite:<file>)');
  }
  const dialect = url.protocol.replace(/:$/, '');
  if (dialect !== 'mysql' && dialect !== 'mariadb') {
    throw new ConfigError(variable, `has unsupported scheme "${url.protocol}" (expected mysql://, mariadb:// or sqlite:<file>)`);
  }
  if (url.pathname.replace(/^\//, '') === '') throw new ConfigError(variable, 'must name a database, e.g. mysql://user@host:3306/linli');
  return { dialect, url: raw };
}

/**
 * Which X-Forwarded-For hops to believe for the client IP (login throttling and audit records depend on it).
 * Off by default: a directly exposed API must not let clients choose their own IP.
 */
function readTrustProxy(raw: string | undefined): AppConfig['trustProxy'] {
  if (!raw || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (!entries.every((entry) => /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(entry))) {
    throw new ConfigError('TRUST_PROXY', 'must be true, false, a hop count, or comma-separated proxy addresses/CIDRs');
  }
  return entries;
}

const DEMO_APP_ID = 'wxdemo00000000000';

function readWechat(env: Env): WechatConfig {
  const appId = env.WECHAT_APPID ?? '';
  if (appId && !/^wx[0-9a-zA-Z]{14,16}$/.test(appId)) throw new ConfigError('WECHAT_APPID', 'must look like wx followed by 16 letters or digits');
  if (appId && !env.WECHAT_SECRET) throw new ConfigError('WECHAT_SECRET', 'is required when WECHAT_APPID is set');
  const apiBaseUrl = env.WECHAT_API_BASE_URL || (appId ? 'https://api.weixin.qq.com' : '');
  if (apiBaseUrl && !/^https?:\/\/[^/]+/.test(apiBaseUrl)) throw new ConfigError('WECHAT_API_BASE_URL', 'must be an http(s) URL');
  return {
    appId: appId || DEMO_APP_ID,
    appSecret: env.WECHAT_SECRET || 'demo-secret',
    apiBaseUrl: apiBaseUrl.replace(/\/$/, ''),
    demoMode: !appId,
    timeoutMs: readInteger(env, 'WECHAT_TIMEOUT_MS', 5_000, 100, 60_000),
    subscribeTemplates: readSubscribeTemplates(env),
  };
}

function readAuth(env: Env): AuthConfig {
  return {
    accessTokenTtlSeconds: readInteger(env, 'ACCESS_TOKEN_TTL_SECONDS', 15 * 60, 30, 24 * 3600),
    refreshTokenTtlSeconds: readInteger(env, 'REFRESH_TOKEN_TTL_SECONDS', 30 * 24 * 3600, 60, 365 * 24 * 3600),
    maxFailedLogins: readInteger(env, 'LOGIN_MAX_FAILURES', 5, 1, 100),
    lockoutSeconds: readInteger(env, 'LOGIN_LOCKOUT_SECONDS', 15 * 60, 1, 24 * 3600),
    maxLoginAttemptsPerIp: readInteger(env, 'LOGIN_MAX_ATTEMPTS_PER_IP', 30, 1, 10_000),
    loginWindowSeconds: readInteger(env, 'LOGIN_WINDOW_SECONDS', 15 * 60, 1, 24 * 3600),
  };
}

export function loadConfig(env: Env = process.env): AppConfig {
  const logLevel = (env.LOG_LEVEL ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);

  const h5Setting = env.H5_DIR;
  const wechat = readWechat(env);
  return {
    host: env.HOST || '0.0.0.0',
    port: readInteger(env, 'PORT', 3000, 0, 65535),
    database: parseDatabaseUrl(env.DATABASE_URL),
    logLevel,
    maxBodyBytes: readInteger(env, 'MAX_BODY_BYTES', 64 * 1024, 1024, 10 * 1024 * 1024),
    shutdownTimeoutMs: readInteger(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 100, 120_000),
    h5Dir: h5Setting === 'off' ? null : h5Setting ? resolve(process.cwd(), h5Setting) : DEFAULT_H5_DIR,
    uploadDir: env.UPLOAD_DIR ? resolve(process.cwd(), env.UPLOAD_DIR) : DEFAULT_UPLOAD_DIR,
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    secrets: readSecrets(env, DEV_SECRETS_FILE),
    auth: readAuth(env),
    wechat,
    wechatPay: readWechatPay(env, wechat.appId),
    appointments: {
      noShowGraceMinutes: readInteger(env, 'NO_SHOW_GRACE_MINUTES', 30, 0, 24 * 60),
      noShowSweepSeconds: readInteger(env, 'NO_SHOW_SWEEP_SECONDS', 300, 0, 24 * 3600),
      noShowLimit: readInteger(env, 'NO_SHOW_LIMIT', 3, 1, 100),
      noShowWindowDays: readInteger(env, 'NO_SHOW_WINDOW_DAYS', 90, 1, 365),
      noShowRestrictionDays: readInteger(env, 'NO_SHOW_RESTRICTION_DAYS', 30, 0, 365),
      checkInMaxWrongCodes: readInteger(env, 'CHECK_IN_MAX_WRONG_CODES', 10, 1, 1000),
      checkInWrongCodeWindowSeconds: readInteger(env, 'CHECK_IN_WRONG_CODE_WINDOW_SECONDS', 10 * 60, 1, 24 * 3600),
    },
    dispatch: {
      sweepSeconds: readInteger(env, 'DISPATCH_SWEEP_SECONDS', 5, 0, 3600),
      maxRefusals: readInteger(env, 'DISPATCH_MAX_REFUSALS', 3, 1, 50),
      grabPoolMinutes: readInteger(env, 'DISPATCH_GRAB_POOL_MINUTES', 30, 1, 24 * 60),
      autoConfirmDays: readInteger(env, 'DISPATCH_AUTO_CONFIRM_DAYS', 3, 1, 60),
      offerWindowSecondsOverride: env.DISPATCH_OFFER_WINDOW_SECONDS ? readInteger(env, 'DISPATCH_OFFER_WINDOW_SECONDS', 300, 1, 3600) : null,
      setOutLeadMinutes: readInteger(env, 'DISPATCH_SET_OUT_LEAD_MINUTES', DEFAULT_SET_OUT_LEAD_MINUTES, 0, 24 * 60),
    },
    notifications: {
      relaySeconds: readInteger(env, 'NOTIFICATION_RELAY_SECONDS', 2, 0, 3600),
      leaseSeconds: readInteger(env, 'NOTIFICATION_LEASE_SECONDS', 120, 5, 3600),
      maxAttempts: readInteger(env, 'NOTIFICATION_MAX_ATTEMPTS', 8, 1, 50),
      inboxSweepSeconds: readInteger(env, 'INBOX_SWEEP_SECONDS', 3600, 0, 24 * 3600),
    },
    sms: readSms(env),
    meals: {
      deliverySweepSeconds: readInteger(env, 'MEAL_DELIVERY_SWEEP_SECONDS', 60, 0, 3600),
    },
    live: {
      followMs: readInteger(env, 'LIVE_FOLLOW_MS', 1000, 0, 60_000),
      redisUrl: env.REDIS_URL?.trim() || null,
      heartbeatSeconds: readInteger(env, 'LIVE_HEARTBEAT_SECONDS', 25, 1, 600),
      authTimeoutSeconds: readInteger(env, 'LIVE_AUTH_TIMEOUT_SECONDS', 10, 1, 120),
    },
  };
}
