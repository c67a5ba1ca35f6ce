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

export const REDACTED_PATHS = SENSITIVE_KEYS.flatMap((key) => {
  const safe = /^[A-Za-z_]\w*$/.test(key) ? key : `["${key}"]`;
  const join = (prefix: string) => (safe.startsWith('[') ? `${prefix}${safe}` : `${prefix}.${safe}`);
  return [safe.startsWith('[') ? safe.slice(2, -2) : safe, join('*'), join('*.*')];
});

/** Query-string parameters whose values are masked in logged URLs. */
const SENSITIVE_QUERY = new RegExp(`([?&](?:${SENSITIVE_KEYS.join('|')})=)[^&]*`, 'gi');

export function maskUrl(url: string): string {
  return url.replace(SENSITIVE_QUERY, '$1[redacted]');
}

/** An incoming `x-request-id` is kept when it looks like an id (so a gateway's id threads through); else a new one. */
export function requestIdFor(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(incoming) ? incoming : randomUUID();
}

export function buildLoggerOptions(level: LogLevel): LoggerOptions {
  return {
    level,
    base: { service: 'linli-api' },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    // A failed query (TypeORM's QueryFailedError) carries the values bound to it: names, addresses, search terms.
    // Its SQL, with placeholders, is what operations need; the values stay out.
    redact: { paths: [...REDACTED_PATHS, 'err.parameters'], censor: '[redacted]' },
    serializers: {
      // Only what operations need; headers (tokens, cookies) are never logged.
      req: (request: { method: string; url: string; id: string }) => ({ id: request.id, method: request.method, url: maskUrl(request.url) }),
    },
  };
}
