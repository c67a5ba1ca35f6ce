import type { BookingCounts, BookingStatus } from '@linli/shared';

/** One booking, reduced to what the statistics group by. */
export interface StatisticsRow {
  status: BookingStatus;
  date: string;
  serviceId: string;
  serviceName: string;
  categoryId: string;
  categoryName: string;
  areaId: string;
  areaName: string;
}

const NOT_COUNTED: readonly BookingStatus[] = ['cancelled', 'rejected'];
/** Bookings whose attendance is known: they came, or they did not. */
const ATTENDANCE_KNOWN: readonly BookingStatus[] = ['checked_in', 'completed', 'no_show'];

/** Counts bookings and no-shows per group; groups sorted by label (days by date). */
export function countBookings(rows: StatisticsRow[], group: (row: StatisticsRow) => { key: string; label: string }): BookingCounts[] {
  const groups = new Map<string, { label: string; rows: StatisticsRow[] }>();
  for (const row of rows) {
    const { key, label } = group(row);
    const entry = groups.get(key) ?? { label, rows: [] };
    entry.rows.push(row);
    groups.set(key, entry);
  }
  return [...groups.entries()].map(([key, { label, rows: members }]) => counts(key, label, members)).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
}

export function counts(key: string, label: string, rows: StatisticsRow[]): BookingCounts {
  const bookings = rows.filter((row) => !NOT_COUNTED.includes(row.status)).length;
  const noShows = rows.filter((row) => row.status === 'no_show').length;
  const known = rows.filter((row) => ATTENDANCE_KNOWN.includes(row.status)).length;
  return { key, label, bookings, noShows, noShowRate: known ? Math.round((noShows / known) * 1000) / 1000 : null };
}
