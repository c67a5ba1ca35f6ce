import { Injectable } from '@nestjs/common';
import { addDays, BOOKING_STATUS_LABELS, instantOf, maskPhone, shanghaiDateOf, shanghaiTimeOf, type BookingStatistics } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { assertRegionInScope } from '../../common/auth/scope';
import { ValidationFailedError } from '../../common/errors/domain-error';
import { toCsv } from '../../common/http/csv';
import { FieldCipher } from '../../common/security/field-cipher';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit';
import { ResidentsRepository } from '../residents';
import { AppointmentsRepository } from './appointments.repository';
import { countBookings, counts, type StatisticsRow } from './booking-statistics';
import { DAY_MS } from './booking-support';
import { toBookingView } from './booking-view';

const MAX_EXPORT_DAYS = 31;
const MAX_EXPORT_ROWS = 20_000;
const MAX_STATISTICS_DAYS = 366;

function assertDateRange(fromDate: string, toDate: string, maxDays: number): void {
  const days = (Date.parse(`${toDate}T00:00:00Z`) - Date.parse(`${fromDate}T00:00:00Z`)) / DAY_MS + 1;
  if (!(days >= 1 && days <= maxDays)) {
    throw new ValidationFailedError([{ field: 'to', constraints: ['dateRange'], message: `to must be on or after from, at most ${maxDays} days` }]);
  }
}

/** Bookings over a stretch of days, for staff: a centre's as a spreadsheet, a region's as counts. */
@Injectable()
export class BookingReportsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly appointments: AppointmentsRepository,
    private readonly residents: ResidentsRepository,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
  ) {}

  /**
   * A centre's bookings between two Shanghai dates (inclusive) as CSV for a spreadsheet: UTF-8 with a BOM so Excel
   * shows Chinese correctly; phones masked like everywhere else.
   */
  async exportCsv(auth: AuthContext, centreId: string, fromDate: string, toDate: string): Promise<string> {
    const centre = await this.appointments.findCentreWithRegion(centreId);
    assertRegionInScope(auth, centre?.region.path, '该市民中心');
    assertDateRange(fromDate, toDate, MAX_EXPORT_DAYS);
    const bookings = await this.appointments.listCentreBookings(centreId, instantOf(fromDate, '00:00'), instantOf(addDays(toDate, 1), '00:00'), {}, MAX_EXPORT_ROWS);
    const header = ['日期', '开始', '结束', '服务', '居民', '联系电话', '状态', '预约时间'];
    const lines = bookings.map((booking) => {
      const view = toBookingView(booking, auth);
      const phone = booking.resident.phoneCipher ? maskPhone(this.cipher.decrypt(booking.resident.phoneCipher)) : '';
      return [
        view.date,
        view.start,
        view.end,
        view.service.name,
        view.person.name,
        phone,
        BOOKING_STATUS_LABELS[view.status],
        `${shanghaiDateOf(booking.createdAt)} ${shanghaiTimeOf(booking.createdAt)}`,
      ];
    });
    await this.transactions.write((manager) =>
      this.audit.record(manager, auth, {
        action: 'booking.exported',
        targetType: 'centre',
        targetId: centreId,
        regionPath: centre!.region.path,
        details: { fromDate, toDate, rows: lines.length },
      }),
    );
    return toCsv([header, ...lines]);
  }

  /** Counts per category, service, area and day, with no-show rates, for a region in the caller's scope. */
  async statistics(auth: AuthContext, regionId: string | undefined, fromDate: string, toDate: string): Promise<BookingStatistics> {
    assertDateRange(fromDate, toDate, MAX_STATISTICS_DAYS);
    const regionPath = regionId ? await this.residents.findRegionPath(regionId) : auth.regionPath;
    assertRegionInScope(auth, regionPath, '该地区');
    const rows: StatisticsRow[] = (await this.appointments.listForStatistics(regionPath!, instantOf(fromDate, '00:00'), instantOf(addDays(toDate, 1), '00:00'))).map((row) => ({
      ...row,
      date: shanghaiDateOf(row.startsAt),
    }));
    return {
      from: fromDate,
      to: toDate,
      totals: counts('all', '全部', rows),
      byCategory: countBookings(rows, (row) => ({ key: row.categoryId, label: row.categoryName })),
      byService: countBookings(rows, (row) => ({ key: row.serviceId, label: row.serviceName })),
      byArea: countBookings(rows, (row) => ({ key: row.areaId, label: row.areaName })),
      byDay: countBookings(rows, (row) => ({ key: row.date, label: row.date })),
    };
  }
}
