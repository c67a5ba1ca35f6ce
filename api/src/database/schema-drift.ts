import { DataSource } from 'typeorm';
import type { Query } from 'typeorm/driver/Query.js';
import { buildDataSourceOptions } from './data-source-options';
import type { ScratchDatabase } from './scratch-database';

export interface SchemaDrift {
  up: Query[];
  down: Query[];
}

/**
 * Applies every migration of the scratch database's dialect, then asks TypeORM what it would still change to
 * match the entities. An empty answer means entities and migrations agree.
 */
export async function measureSchemaDrift(scratch: ScratchDatabase): Promise<SchemaDrift> {
  const dataSource = new DataSource(buildDataSourceOptions(scratch.config));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return { up: sql.upQueries, down: sql.downQueries };
  } finally {
    await dataSource.destroy();
  }
}
