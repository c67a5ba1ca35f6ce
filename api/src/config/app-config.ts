import { isAbsolute, resolve } from 'node:path';

export type DatabaseDialect = 'sqlite' | 'mysql' | 'mariadb';

export type DatabaseConfig =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'mysql' | 'mariadb'; url: string };

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
}

/** Thrown at boot for a bad environment value; the message names the variable so operators can fix it. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

/** The package root (api/), whether running from src/ under Jest or from dist/. */
export const API_ROOT = resolve(__dirname, '..', '..');
export const DEFAULT_SQLITE_FILE = resolve(API_ROOT, 'data', 'linli.sqlite');
const DEFAULT_H5_DIR = resolve(API_ROOT, '..', 'miniapp', 'dist', 'h5');

type Env = Record<string, string | undefined>;

function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

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

export function loadConfig(env: Env = process.env): AppConfig {
  const logLevel = (env.LOG_LEVEL ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);

  const h5Setting = env.H5_DIR;
  return {
    host: env.HOST || '0.0.0.0',
    port: readInteger(env, 'PORT', 3000, 0, 65535),
    database: parseDatabaseUrl(env.DATABASE_URL),
    logLevel,
    maxBodyBytes: readInteger(env, 'MAX_BODY_BYTES', 64 * 1024, 1024, 10 * 1024 * 1024),
    shutdownTimeoutMs: readInteger(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 100, 120_000),
    h5Dir: h5Setting === 'off' ? null : h5Setting ? resolve(process.cwd(), h5Setting) : DEFAULT_H5_DIR,
  };
}
