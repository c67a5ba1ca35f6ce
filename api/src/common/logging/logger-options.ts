import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { LoggerOptions } from 'pino';
import type { LogLevel } from '../../config/app-config';

/**
 * Personal data and credentials that must never reach a log line (PIPL; docs/security.md): any of these keys,
 * at the top level or one or two levels down, is replaced by "[redacted]".
 */
const SENSITIVE_KEYS = [
  'authorization',
  'cookie',
  'set-cookie',
  'password',
  'token',
  'accessToken',
  'refreshToken',
  'access_token',
  'refresh_token',
  'session_key',
  'sessionKey',
  'secret',
  'phone',
  'phoneNumber',
  'purePhoneNumber',
  'mobile',
  'idNumber',
  'idCard',
  'js_code',
];

const SENSITIVE = new Set(SENSITIVE_KEYS);
const CENSOR = '[redacted]';

/** The same object with the value of every sensitive key replaced: own properties only, no other change. */
function copyOf<T extends object>(value: T): T {
  if (Array.isArray(value)) return value.slice() as T;
  // Descriptors, not a spread: an Error keeps its (non-enumerable) message and stack, an entity its class.
  return Object.create(Object.getPrototypeOf(value) as object | null, Object.getOwnPropertyDescriptors(value)) as T;
}

/**
 * Replaces the value of any sensitive key at the top level or one or two levels down (what the path list
 * `key`, `*.key`, `*.*.key` of pino's redact option covered), without touching the caller's object: what changes is
 * copied, and an object with nothing sensitive in it is returned as it is — the everyday case, so a log line costs a
 * few Set lookups instead of pino's wildcard redaction (which parsed ~60 paths per logged value; docs/performance.md).
 */
export function redactSensitive<T>(value: T, depth = 0): T {
  if (value === null || typeof value !== 'object' || value instanceof Date || Buffer.isBuffer(value)) return value;
  let copy: Record<string, unknown> | undefined;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const field = record[key];
    const next = SENSITIVE.has(key) ? CENSOR : depth < 2 ? redactSensitive(field, depth + 1) : field;
    if (next === field) continue;
    copy ??= copyOf(record);
    copy[key] = next;
  }
  return (copy ?? value) as T;
}

/** Query-string parameters whose values are masked in logged URLs. */
const SENSITIVE_QUERY = new RegExp(`([?&](?:${SENSITIVE_KEYS.join('|')})=)[^&]*`, 'gi');

export function maskUrl(url: string): string {
  return url.includes('?') ? url.replace(SENSITIVE_QUERY, '$1[redacted]') : url;
}

/** An incoming `x-request-id` is kept when it looks like an id (so a gateway's id threads through); else a new one. */
export function requestIdFor(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(incoming) ? incoming : randomUUID();
}

let lastMs = -1;
let lastTime = '';

/**
 * pino's `time` field as an ISO instant. Under load many lines share a millisecond (thousands of request lines a
 * second), so the formatted string is kept for the millisecond it was made in: one Date and toISOString per ms
 * instead of per line (the timestamp was a top self-time frame of the health route's profile, issue 17).
 */
export function isoTimestamp(): string {
  const now = Date.now();
  if (now !== lastMs) {
    lastMs = now;
    lastTime = `,"time":"${new Date(now).toISOString()}"`;
  }
  return lastTime;
}

export function buildLoggerOptions(level: LogLevel): LoggerOptions {
  return {
    level,
    base: { service: 'linli-api' },
    timestamp: isoTimestamp,
    // Tokens, phones, ID numbers… never reach a line. Top-level keys (child-logger bindings included) through pino's
    // redact, which for plain keys is one check per key; one and two levels down through redactSensitive, because
    // pino's wildcard paths (`*.token`, `*.*.token`) cost a parse of every path for every logged value. A failed query
    // (TypeORM's QueryFailedError) carries the values bound to it — names, addresses, search terms: its SQL, with
    // placeholders, is what operations need; the values stay out (err.parameters).
    redact: { paths: [...SENSITIVE_KEYS.map((key) => (/^[A-Za-z_]\w*$/.test(key) ? key : `["${key}"]`)), 'err.parameters'], censor: CENSOR },
    formatters: { log: (object) => redactSensitive(object) },
    serializers: {
      // Only what operations need; headers (tokens, cookies) are never logged.
      req: (request: { method: string; url: string; id: string }) => ({ id: request.id, method: request.method, url: maskUrl(request.url) }),
    },
  };
}
