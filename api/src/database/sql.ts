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

/**
 * A JSON column whose texts repeat across rows (an outlet's opening hours: most shops share a few patterns), parsed
 * once per distinct text on this instance and handed out as one frozen value per text: a search that reads hundreds
 * of rows parses a few texts, and evaluators may keep answers per value (shared OpeningClock). Holds at most
 * `capacity` texts, then starts afresh; values are never changed, so a stale one cannot exist.
 */
export class RepeatedJsonColumn<T> {
  private readonly parsed = new Map<string, T>();

  constructor(private readonly capacity: number) {}

  read(value: unknown): T {
    if (typeof value !== 'string') return value as T;
    let known = this.parsed.get(value);
    if (known === undefined) {
      if (this.parsed.size >= this.capacity) this.parsed.clear();
      known = deepFreeze(JSON.parse(value) as T);
      this.parsed.set(value, known);
    }
    return known;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
