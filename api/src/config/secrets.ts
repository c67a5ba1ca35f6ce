import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SecretsConfig } from './app-config';
import { ConfigError, type Env } from './config-error';

const KEY_BYTES = 32;

function decodeKey(variable: string, encoded: string): Buffer {
  const key = Buffer.from(encoded, 'base64');
  if (key.length !== KEY_BYTES) throw new ConfigError(variable, `keys must be ${KEY_BYTES} bytes, base64-encoded (openssl rand -base64 32)`);
  return key;
}

/** `k1:<base64>,k2:<base64>` → key ring. */
function parseKeyRing(variable: string, raw: string): Map<string, Buffer> {
  const ring = new Map<string, Buffer>();
  for (const entry of raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const separator = entry.indexOf(':');
    const id = entry.slice(0, separator);
    if (separator <= 0 || !/^[A-Za-z0-9_-]{1,16}$/.test(id)) throw new ConfigError(variable, 'entries must look like <keyId>:<base64 key>, ids of 1-16 letters, digits, _ or -');
    ring.set(id, decodeKey(variable, entry.slice(separator + 1)));
  }
  if (ring.size === 0) throw new ConfigError(variable, 'must list at least one key');
  return ring;
}

interface DevSecretsFile {
  jwtSecret: string;
  fieldKey: string;
  fieldHmacKey: string;
}

/** Development keys, generated once per checkout so data and sessions survive restarts. Never used in production. */
function readOrCreateDevSecrets(file: string): DevSecretsFile {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DevSecretsFile;
  const generated: DevSecretsFile = {
    jwtSecret: randomBytes(KEY_BYTES).toString('base64'),
    fieldKey: randomBytes(KEY_BYTES).toString('base64'),
    fieldHmacKey: randomBytes(KEY_BYTES).toString('base64'),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600 });
  return generated;
}

/**
 * Keys for tokens and per-field encryption. Production (NODE_ENV=production) must set all three variables;
 * elsewhere missing ones come from a generated development file under api/data/.
 */
export function readSecrets(env: Env, devSecretsFile: string): SecretsConfig {
  const names = ['JWT_SECRET', 'FIELD_ENCRYPTION_KEYS', 'FIELD_HMAC_KEY'] as const;
  const missing = names.filter((name) => !env[name]);
  if (missing.length && env.NODE_ENV === 'production') throw new ConfigError(missing[0], 'is required when NODE_ENV=production');
  const dev = missing.length ? readOrCreateDevSecrets(devSecretsFile) : undefined;

  const jwtSecret = env.JWT_SECRET ? Buffer.from(env.JWT_SECRET, 'utf8') : Buffer.from(dev!.jwtSecret, 'base64');
  if (jwtSecret.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
  const fieldKeys = env.FIELD_ENCRYPTION_KEYS ? parseKeyRing('FIELD_ENCRYPTION_KEYS', env.FIELD_ENCRYPTION_KEYS) : new Map([['dev', decodeKey('dev-secrets', dev!.fieldKey)]]);
  const activeFieldKeyId = env.FIELD_ENCRYPTION_ACTIVE_KEY || [...fieldKeys.keys()].at(-1)!;
  if (!fieldKeys.has(activeFieldKeyId)) throw new ConfigError('FIELD_ENCRYPTION_ACTIVE_KEY', `names no key listed in FIELD_ENCRYPTION_KEYS ("${activeFieldKeyId}")`);
  const fieldHmacKey = decodeKey('FIELD_HMAC_KEY', env.FIELD_HMAC_KEY ?? dev!.fieldHmacKey);
  return { jwtSecret, fieldKeys, activeFieldKeyId, fieldHmacKey, development: missing.length > 0 };
}
