import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';
import { openDataSource } from './open-data-source';

describe('the SQLite data source', () => {
  let folder: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'linli-open-data-source-'));
    dataSource = await openDataSource(buildDataSourceOptions({ dialect: 'sqlite', file: join(folder, 'linli.sqlite') }));
  });
  afterAll(async () => {
    await dataSource.destroy();
    rmSync(folder, { recursive: true, force: true });
  });

  it('maps the file into memory on the writer and on the committed-reads connection alike', async () => {
    const mmapSize = (rows: Array<{ mmap_size: number }>) => rows[0].mmap_size;
    expect(mmapSize(await dataSource.query('PRAGMA mmap_size'))).toBe(256 * 1024 * 1024);
    const reads = dataSource.createQueryRunner('slave');
    expect(mmapSize(await reads.query('PRAGMA mmap_size'))).toBe(256 * 1024 * 1024);
    expect((await reads.query('PRAGMA journal_mode'))[0].journal_mode).toBe('wal');
  });
});
