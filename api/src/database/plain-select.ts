import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a plain SELECT (the hot reads are plain SQL, docs/performance.md). Given a transaction's `manager` it runs
 * there and sees that transaction's own writes. Without one it reads committed data on both dialects — which
 * `dataSource.query()` does not: TypeORM sends a plain query to its "master" runner, on SQLite the writer connection,
 * so the read ran inside whatever write transaction another request had open on it and saw rows a rollback takes
 * back, or a schedule version whose rules were not yet committed, which the slot cache then kept
 * (api/test/committed-reads.e2e-spec.ts). The "slave" runner is the committed-reads connection on SQLite
 * (openDataSource) and a pooled connection of its own on MySQL.
 */
export async function plainSelect<Row>(dataSource: DataSource, sql: string, parameters: unknown[] = [], manager?: EntityManager): Promise<Row[]> {
  if (manager) return manager.query<Row[]>(sql, parameters);
  const runner = dataSource.createQueryRunner('slave');
  try {
    return (await runner.query(sql, parameters)) as Row[];
  } finally {
    await runner.release();
  }
}
