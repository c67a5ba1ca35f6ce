import { DataSource } from 'typeorm';
import type { H5Harness } from './h5-harness';

/**
 * The service day has come for a home order: its window now began a minute ago and lasts three hours. Orders can
 * only be asked for ahead of time, and a worker may set out only on the service day, so a browser test that wants
 * 出发 moves the window in the API's SQLite database (stored as `YYYY-MM-DD HH:MM:SS.mmm` UTC).
 */
export async function serviceDayHasCome(harness: H5Harness, orderId: string): Promise<void> {
  const database = await new DataSource({ type: 'better-sqlite3', database: harness.databaseUrl.replace(/^sqlite:/, ''), timeout: 5_000 }).initialize();
  try {
    const startsAt = new Date(Date.now() - 60_000);
    const stored = (instant: Date) => instant.toISOString().replace('T', ' ').replace('Z', '');
    await database.query('UPDATE service_order SET window_starts_at = ?, window_ends_at = ? WHERE id = ?', [stored(startsAt), stored(new Date(startsAt.getTime() + 3 * 3600_000)), orderId]);
  } finally {
    await database.destroy();
  }
}
