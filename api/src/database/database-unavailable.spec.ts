import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection, createPool } from 'mysql2';
import { DataSource } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';

/** The error mysql2 reports when connecting to a server that behaves as `onConnection` makes it. */
async function mysqlConnectError(onConnection: (socket: Socket) => void): Promise<unknown> {
  const server: Server = createServer(onConnection);
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  try {
    return await mysqlConnectErrorAt((server.address() as AddressInfo).port);
  } finally {
    server.close();
  }
}

function mysqlConnectErrorAt(port: number): Promise<unknown> {
  const connection = createConnection({ host: '127.0.0.1', port, connectTimeout: 200 });
  connection.on('error', () => undefined);
  return new Promise((resolveError) => connection.connect(resolveError));
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolveClose) => server.close(resolveClose));
  return port;
}

/** Real errors from the drivers, provoked the way outages provoke them. */
describe('isDatabaseUnavailable', () => {
  describe('SQLite', () => {
    const folder = mkdtempSync(join(tmpdir(), 'linli-unavailable-'));
    const file = join(folder, 'linli.sqlite');
    let holder: DataSource;

    beforeAll(async () => {
      holder = await new DataSource({ type: 'better-sqlite3', database: file }).initialize();
      await holder.query('CREATE TABLE t (x INTEGER NOT NULL)');
    });
    afterAll(async () => {
      await holder.destroy();
      rmSync(folder, { recursive: true, force: true });
    });

    it('is true for SQLITE_BUSY: another process held the write lock past the busy timeout', async () => {
      await holder.query('BEGIN IMMEDIATE');
      const writer = await new DataSource({ type: 'better-sqlite3', database: file, timeout: 1 }).initialize();
      try {
        const error = await writer.query('INSERT INTO t VALUES (1)').catch((caught: unknown) => caught);
        expect(error).toMatchObject({ code: 'SQLITE_BUSY' });
        expect(isDatabaseUnavailable(error)).toBe(true);
      } finally {
        await holder.query('ROLLBACK');
        await writer.destroy();
      }
    });

    it('is true for SQLITE_CANTOPEN: the file cannot be opened', async () => {
      const error = await new DataSource({ type: 'better-sqlite3', database: folder }).initialize().catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'SQLITE_CANTOPEN' });
      expect(isDatabaseUnavailable(error)).toBe(true);
    });

    it('is false for faults of the query or the data, and for a write on a read-only connection', async () => {
      const reader = await new DataSource({ type: 'better-sqlite3', database: file, readonly: true }).initialize();
      try {
        const errors = await Promise.all([
          holder.query('SELEC 1').catch((caught: unknown) => caught),
          holder.query('INSERT INTO t VALUES (NULL)').catch((caught: unknown) => caught),
          reader.query('INSERT INTO t VALUES (1)').catch((caught: unknown) => caught),
        ]);
        expect(errors.map((error) => (error as { code: string }).code)).toEqual(['SQLITE_ERROR', 'SQLITE_CONSTRAINT_NOTNULL', 'SQLITE_READONLY']);
        for (const error of errors) expect(isDatabaseUnavailable(error)).toBe(false);
      } finally {
        await reader.destroy();
      }
    });
  });

  describe('MySQL/MariaDB (mysql2)', () => {
    it('is true when the server refuses the connection', async () => {
      const error = await mysqlConnectErrorAt(await closedPort());
      expect(error).toMatchObject({ code: 'ECONNREFUSED' });
      expect(isDatabaseUnavailable(error)).toBe(true);
    });

    it('is true when the server accepts and never answers (connect timeout)', async () => {
      const error = await mysqlConnectError(() => undefined);
      expect(error).toMatchObject({ code: 'ETIMEDOUT' });
      expect(isDatabaseUnavailable(error)).toBe(true);
    });

    it('is true when the server drops the connection', async () => {
      const error = await mysqlConnectError((socket) => socket.destroy());
      expect(error).toMatchObject({ code: 'PROTOCOL_CONNECTION_LOST' });
      expect(isDatabaseUnavailable(error)).toBe(true);
    });

    it('is true when the pool is closed', async () => {
      const pool = createPool({ host: '127.0.0.1', port: await closedPort() });
      await new Promise((resolveEnd) => pool.end(resolveEnd));
      const error = await new Promise((resolveError) => pool.getConnection(resolveError));
      expect(isDatabaseUnavailable(error)).toBe(true);
    });

    it('is false for a statement the server rejects', () => {
      const parseError = Object.assign(new Error('You have an error in your SQL syntax'), { code: 'ER_PARSE_ERROR', errno: 1064, fatal: false });
      expect(isDatabaseUnavailable(parseError)).toBe(false);
    });
  });

  it('is false for anything that is not an error object', () => {
    for (const value of [undefined, null, 'ECONNREFUSED', 503]) expect(isDatabaseUnavailable(value)).toBe(false);
  });
});
