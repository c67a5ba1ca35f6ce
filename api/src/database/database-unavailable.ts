/**
 * Errors that say "the database cannot be reached or cannot take this work right now", as opposed to a fault in
 * a query or in the data. Requests that meet one answer 503 with Retry-After (the client may simply try again
 * later) rather than 500; readiness reports the database down.
 */

/**
 * mysql2 marks every error that ends a connection `fatal` (refused, lost, handshake timed out, "connection is in
 * closed state"); these codes also mean unavailable when they come without that mark.
 */
const MYSQL_UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'ER_CON_COUNT_ERROR', // too many connections
  'ER_TOO_MANY_USER_CONNECTIONS',
  'ER_SERVER_SHUTDOWN',
  'ER_OPTION_PREVENTS_STATEMENT', // read-only, as during a fail-over
  'ER_LOCK_WAIT_TIMEOUT', // after TransactionRunner's own retries
]);

/** The mysql2 pool's own refusals, which carry no code. */
const MYSQL_POOL_MESSAGES = new Set(['Pool is closed.', 'No connections available.', 'Queue limit reached.']);

/**
 * SQLite primary result codes (extended codes such as SQLITE_IOERR_READ start with them): locked by another
 * process past the busy timeout, file missing or unreadable, disk full or failing. Not SQLITE_READONLY: reads
 * may have a read-only connection of their own, and a write sent there is a bug (500), not an outage.
 */
const SQLITE_UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|FULL)(_|$)/;

interface DriverErrorFields {
  code?: unknown;
  fatal?: unknown;
  message?: unknown;
  driverError?: unknown;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, fatal, message, driverError } = error as DriverErrorFields;
  // TypeORM's QueryFailedError copies the driver's fields, but errors raised while acquiring a connection are
  // the driver's own: both shapes are read.
  if (driverError !== undefined && driverError !== error && isDatabaseUnavailable(driverError)) return true;
  if (typeof code === 'string' && (MYSQL_UNAVAILABLE_CODES.has(code) || SQLITE_UNAVAILABLE.test(code))) return true;
  if (typeof message === 'string' && MYSQL_POOL_MESSAGES.has(message)) return true;
  return fatal === true;
}
