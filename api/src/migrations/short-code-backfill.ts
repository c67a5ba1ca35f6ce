import { randomInt } from 'node:crypto';
import type { QueryRunner } from 'typeorm';

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** `YYYY-MM-DD HH:MM:SS.mmm` in UTC: how both dialects store `datetime(3)`, so text comparison orders them. */
function sqlDateTime(instant: Date): string {
  return instant.toISOString().replace('T', ' ').replace('Z', '');
}

/** SQLite hands datetimes back as that text, MySQL/MariaDB as a Date (the connection runs in UTC). */
function instantOf(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}

function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Gives every booking that can still be checked in (pending review or confirmed, on today's Shanghai date or later)
 * a six-digit short code, unique per centre and date like those the API draws (100000–999999). Written for both
 * dialects' migrations: the SQL is plain enough for each. Past and closed bookings get none: nobody will type them.
 */
export async function backfillShortCodes(queryRunner: QueryRunner, now = new Date()): Promise<void> {
  const startOfToday = new Date(Math.floor((now.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS);
  const bookings = (await queryRunner.query(
    "SELECT booking.id AS id, offering.centre_id AS centreId, slot.starts_at AS startsAt FROM booking INNER JOIN slot ON slot.id = booking.slot_id INNER JOIN centre_service offering ON offering.id = booking.centre_service_id WHERE booking.status IN ('pending_review', 'confirmed') AND slot.starts_at >= ?",
    [sqlDateTime(startOfToday)],
  )) as Array<{ id: string; centreId: string; startsAt: Date | string }>;
  const taken = new Set<string>();
  for (const booking of bookings) {
    const serviceDate = shanghaiDate(instantOf(booking.startsAt));
    let code: string;
    do code = String(randomInt(100_000, 1_000_000));
    while (taken.has(`${booking.centreId}/${serviceDate}/${code}`));
    taken.add(`${booking.centreId}/${serviceDate}/${code}`);
    await queryRunner.query('INSERT INTO booking_short_code (booking_id, centre_id, service_date, code) VALUES (?, ?, ?, ?)', [booking.id, booking.centreId, serviceDate, code]);
  }
}
