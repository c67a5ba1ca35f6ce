import type { BookingStatus } from '@linli/shared';
import { countBookings, counts, type StatisticsRow } from './booking-statistics';

const row = (status: BookingStatus, date: string, service = 's1'): StatisticsRow => ({
  status,
  date,
  serviceId: service,
  serviceName: service === 's1' ? '社保医保代办' : '就业登记与援助',
  categoryId: 'c1',
  categoryName: '社会事务代理',
  areaId: 'a1',
  areaName: '安大社区',
});

describe('booking statistics', () => {
  it('counts live and used bookings, leaves out cancelled and rejected ones, and rates no-shows among known attendance', () => {
    const rows = [
      row('confirmed', '2026-12-01'),
      row('checked_in', '2026-12-01'),
      row('completed', '2026-12-01'),
      row('no_show', '2026-12-01'),
      row('cancelled', '2026-12-01'),
      row('rejected', '2026-12-01'),
    ];
    expect(counts('all', '全部', rows)).toEqual({ key: 'all', label: '全部', bookings: 4, noShows: 1, noShowRate: 0.333 });
  });

  it('has no rate before anyone was due', () => {
    expect(counts('all', '全部', [row('confirmed', '2026-12-02')]).noShowRate).toBeNull();
  });

  it('groups and sorts', () => {
    const rows = [row('no_show', '2026-12-02', 's2'), row('completed', '2026-12-01'), row('completed', '2026-12-02')];
    expect(countBookings(rows, (r) => ({ key: r.date, label: r.date })).map((c) => [c.label, c.bookings, c.noShows])).toEqual([
      ['2026-12-01', 1, 0],
      ['2026-12-02', 2, 1],
    ]);
    expect(countBookings(rows, (r) => ({ key: r.serviceId, label: r.serviceName })).map((c) => c.label)).toEqual(['就业登记与援助', '社保医保代办']);
  });
});
