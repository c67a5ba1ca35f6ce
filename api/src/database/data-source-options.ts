import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MYSQL_MIGRATIONS } from '../migrations/mysql';
import { SQLITE_MIGRATIONS } from '../migrations/sqlite';

/** Milliseconds a SQLite connection waits for another process's write lock before SQLITE_BUSY. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * Bytes of the database file SQLite reads through a memory map instead of a read() call per page. A search over a
 * 100,000-outlet directory reads table rows scattered over the file, most of them outside SQLite's own 2 MB page
 * cache: mapped, they cost no system call (`node bench/profile.mjs outlets-filtered`: +6 %, docs/performance.md).
 * Address space only: the operating system's page cache holds the pages either way.
 */
const SQLITE_MMAP_BYTES = 256 * 1024 * 1024;

/** Settings of every SQLite connection: TypeORM applies them to its own, openDataSource to the committed-reads one. */
export function prepareSqliteConnection(connection: { pragma(source: string): unknown }): void {
  connection.pragma(`mmap_size = ${SQLITE_MMAP_BYTES}`);
}

/**
 * One place that turns the configured database into TypeORM options. Entities are shared; migrations are
 * per dialect because generated DDL differs. `synchronize` stays off: the schema only ever comes from migrations.
 */
export function buildDataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  if (database.dialect === 'sqlite') {
    mkdirSync(dirname(database.file), { recursive: true });
    return {
      type: 'better-sqlite3',
      database: database.file,
      enableWAL: true,
      timeout: SQLITE_BUSY_TIMEOUT_MS,
      prepareDatabase: prepareSqliteConnection,
      entities: ENTITIES,
      migrations: SQLITE_MIGRATIONS,
      migrationsRun: false,
      synchronize: false,
    };
  }
  return {
    // MariaDB needs its own driver type: the mysql type emits generated-column DDL MariaDB rejects.
    type: database.dialect,
    url: database.url,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    // A pooled connection that has seen no use for minutes may have been cut by a proxy; mysql2 reconnects.
    extra: { connectionLimit: 10, enableKeepAlive: true },
    entities: ENTITIES,
    migrations: MYSQL_MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
  };
}
