/** Small facts about the SQL both dialects speak, shared by every repository and service that needs them. */

/** A unique index refused the row (MySQL/MariaDB or SQLite). */
export function isDuplicateKey(error: unknown): boolean {
  const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * LIKE treats % and _ as wildcards; a user's search text must match them literally. SQLite has no default
 * escape character and MySQL reads backslashes inside literals, so both get an explicit, harmless one:
 * write `LIKE :pattern ESCAPE '${LIKE_ESCAPE}'` with a pattern built from `escapeLike(text)`.
 */
export const LIKE_ESCAPE = '!';

export function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (character) => `${LIKE_ESCAPE}${character}`);
}

/**
 * A datetime column read with a plain query, as TypeORM would hydrate it: MySQL's driver hands a Date (the connection's
 * timezone is Z), SQLite the UTC text TypeORM writes ('YYYY-MM-DD HH:MM:SS.SSS', or without milliseconds for a column
 * the database defaulted).
 */
export function sqlInstant(value: unknown): Date {
  return value instanceof Date ? value : new Date(`${String(value).replace(' ', 'T')}Z`);
}

/**
 * A JSON column read with a plain query: SQLite hands its text; MySQL/MariaDB hand text or the parsed value, as the
 * server declares the column.
 */
export function sqlJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
