import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { parseDatabaseUrl, type DatabaseConfig } from '../config/app-config';

/** A throwaway database of the given dialect, and how to remove it. Used by tests and the migration tools. */
export interface ScratchDatabase {
  config: DatabaseConfig;
  /** The name to strip from generated MySQL DDL so migrations never hard-code a schema. */
  name: string;
  drop(): Promise<void>;
}

/**
 * `serverUrl` undefined → a fresh SQLite file in a temp folder. Otherwise a MySQL/MariaDB URL whose database part
 * is ignored: a new database `<prefix>_<random>` is created on that server and dropped afterwards.
 */
export async function createScratchDatabase(serverUrl: string | undefined, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${process.pid}_${randomBytes(3).toString('hex')}`.replace(/[^a-zA-Z0-9_]/g, '_');
  if (!serverUrl) {
    const folder = mkdtempSync(join(tmpdir(), `${prefix}-`));
    return {
      config: { dialect: 'sqlite', file: join(folder, `${name}.sqlite`) },
      name,
      drop: () => Promise.resolve(rmSync(folder, { recursive: true, force: true })),
    };
  }
  const server = new URL(serverUrl);
  const dialect = parseDatabaseUrl(serverUrl, 'TEST_DATABASE_URL').dialect;
  const admin = () =>
    createConnection({
      host: server.hostname,
      port: Number(server.port || 3306),
      user: decodeURIComponent(server.username || 'root'),
      password: decodeURIComponent(server.password),
    });
  const connection = await admin();
  try {
    await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await connection.end();
  }
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/${name}`;
  return {
    config: { dialect: dialect as 'mysql' | 'mariadb', url: databaseUrl.toString() },
    name,
    drop: async () => {
      const dropper = await admin();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await dropper.end();
      }
    },
  };
}
