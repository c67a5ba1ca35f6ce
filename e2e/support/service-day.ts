import { shanghaiDateOf } from '@linli/shared';
import { DataSource } from 'typeorm';
import type { H5Harness } from './h5-harness';

/*
 * Bookings and home orders can only be made ahead of time, while check-in and 出发 happen on the day: a browser test
 * that needs the day to have come moves the booking's slot or the order's window in the API's SQLite database.
 */

/** `YYYY-MM-DD HH:MM:SS.mmm` in UTC, as the API's SQLite database stores datetimes. */
const sqliteDateTime = (instant: Date) => instant.toISOString().replace('T', ' ').replace('Z', '');

async function inApiDatabase(harness: H5Harness, work: (database: DataSource) => Promise<void>): Promise<void> {
  const database = await new DataSource({ type: 'better-sqlite3', database: harness.databaseUrl.replace(/^sqlite:/, ''), timeout: 5_000 }).initialize();
  try {
    await work(database);
  } finally {
    await database.destroy();
  }
}

/** The service day has come for a home order: its window began a minute ago and lasts three hours. */
export async function serviceDayHasCome(harness: H5Harness, orderId: string): Promise<void> {
  const startsAt = new Date(Date.now() - 60_000);
  await inApiDatabase(harness, (database) =>
    database.query('UPDATE service_order SET window_starts_at = ?, window_ends_at = ? WHERE id = ?', [
      sqliteDateTime(startsAt),
      sqliteDateTime(new Date(startsAt.getTime() + 3 * 3600_000)),
      orderId,
    ]),
  );
}

/** A booking's day has come: its slot began a minute ago and lasts half an hour, and its short code is today's. */
export async function bookingDayHasCome(harness: H5Harness, bookingId: string): Promise<void> {
  const startsAt = new Date(Date.now() - 60_000);
  await inApiDatabase(harness, async (database) => {
    await database.query('UPDATE slot SET starts_at = ?, ends_at = ? WHERE id = (SELECT slot_id FROM booking WHERE id = ?)', [
      sqliteDateTime(startsAt),
      sqliteDateTime(new Date(startsAt.getTime() + 30 * 60_000)),
      bookingId,
    ]);
    await database.query('UPDATE booking_short_code SET service_date = ? WHERE booking_id = ?', [shanghaiDateOf(startsAt), bookingId]);
  });
}
