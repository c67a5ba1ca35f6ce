import { DataSource, type DataSourceOptions, type ReplicationMode } from 'typeorm';
import { BetterSqlite3Driver } from 'typeorm/driver/better-sqlite3/BetterSqlite3Driver';
import { BetterSqlite3QueryRunner } from 'typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner';
import { prepareSqliteConnection } from './data-source-options';

/**
 * Opens the application's data source so that a read sees only committed data, on both dialects.
 *
 * TypeORM already splits the work: every SELECT outside a transaction (find*, count, select query builders) asks the
 * driver for a "slave" query runner, while transactions, writes and raw `query()` ask for "master". On MySQL/MariaDB
 * without replication both come from the pool, so a read never shares a connection with another request's open
 * transaction. TypeORM's SQLite driver, though, has one connection for everything, and a read that arrives while a
 * write transaction is open on it sees that transaction's uncommitted rows. So on SQLite "slave" gets a second,
 * read-only connection to the same WAL database: a WAL reader sees only what is committed and never waits for the
 * writer. Repositories keep reading through `dataSource.getRepository(...)`, and reads inside a transaction go
 * through its manager and see its own writes, as on MySQL.
 */
export async function openDataSource(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = await new DataSource(options).initialize();
  if (dataSource.driver instanceof BetterSqlite3Driver) giveReadsTheirOwnConnection(dataSource.driver);
  return dataSource;
}

/** Runs SELECTs on the read-only connection; being read-only, a write sent here by mistake fails instead of racing. */
class CommittedReadsQueryRunner extends BetterSqlite3QueryRunner {
  constructor(
    driver: BetterSqlite3Driver,
    private readonly readConnection: unknown,
  ) {
    super(driver);
    this.mode = 'slave';
  }

  override connect(): Promise<unknown> {
    return Promise.resolve(this.readConnection);
  }
}

/** The part of a better-sqlite3 connection used here: TypeORM's driver holds the library untyped. */
interface SqliteConnection {
  close(): void;
  pragma(source: string): unknown;
}
type SqliteLibrary = new (file: string, options: { readonly: boolean; fileMustExist: boolean; timeout?: number }) => SqliteConnection;

function giveReadsTheirOwnConnection(driver: BetterSqlite3Driver): void {
  const Sqlite = driver.sqlite as SqliteLibrary;
  // Opened after initialize(): migrations have run and the writer has switched the file to WAL.
  const readConnection = new Sqlite(driver.options.database, { readonly: true, fileMustExist: true, timeout: driver.options.timeout });
  prepareSqliteConnection(readConnection);
  const reads = new CommittedReadsQueryRunner(driver, readConnection);
  const createWriterQueryRunner = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode: ReplicationMode) => (mode === 'slave' ? reads : createWriterQueryRunner(mode));
  const disconnectWriter = driver.disconnect.bind(driver);
  driver.disconnect = async () => {
    readConnection.close();
    await disconnectWriter();
  };
}
