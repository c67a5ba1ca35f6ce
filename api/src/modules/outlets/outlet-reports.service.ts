import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { OutletReportReason, OutletReportStatus, OutletReportView } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { assertRegionInScope } from '../../common/auth/scope';
import { ConflictError } from '../../common/errors/domain-error';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit';
import { OutletDirectoryService } from './outlet-directory.service';
import type { OutletReport } from './outlet-report.entity';
import { OutletsRepository } from './outlets.repository';

/** Residents say an entry is wrong; staff of its region see the open reports and resolve each once. */
@Injectable()
export class OutletReportsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly outlets: OutletsRepository,
    private readonly directory: OutletDirectoryService,
    private readonly audit: AuditService,
  ) {}

  async report(auth: AuthContext, outletId: string, input: { reason: OutletReportReason; note?: string }): Promise<OutletReportView> {
    const entry = await this.directory.entry(outletId);
    const id = randomUUID();
    await this.transactions.write(async (manager) => {
      await this.outlets.insertReport(manager, {
        id,
        outletId: entry.id,
        outletSource: entry.source,
        outletName: entry.name,
        regionId: entry.regionId,
        reason: input.reason,
        note: input.note ?? '',
        reporterAccountId: auth.accountId,
        createdAt: new Date(),
      });
      await this.audit.record(manager, auth, { action: 'outlet.reported', targetType: 'outlet', targetId: entry.id, regionPath: entry.regionPath });
    });
    return toReportView((await this.outlets.findReport(id))!);
  }

  async list(auth: AuthContext, status: OutletReportStatus): Promise<OutletReportView[]> {
    return (await this.outlets.listReportsInRegion(auth.regionPath!, status)).map(toReportView);
  }

  async resolve(auth: AuthContext, reportId: string, resolution: string): Promise<OutletReportView> {
    const report = await this.outlets.findReport(reportId);
    assertRegionInScope(auth, report?.region.path, '该反馈');
    await this.transactions.write(async (manager) => {
      if (!(await this.outlets.resolveReport(manager, reportId, resolution, new Date()))) throw new ConflictError('该反馈已处理');
      await this.audit.record(manager, auth, { action: 'outlet.report_resolved', targetType: 'outlet_report', targetId: reportId, regionPath: report!.region.path });
    });
    return toReportView((await this.outlets.findReport(reportId))!);
  }
}

function toReportView(report: OutletReport): OutletReportView {
  return {
    id: report.id,
    outletId: report.outletId,
    outletSource: report.outletSource,
    outletName: report.outletName,
    reason: report.reason,
    note: report.note,
    status: report.status,
    createdAt: report.createdAt.toISOString(),
    resolvedAt: report.resolvedAt?.toISOString() ?? null,
    resolution: report.resolution,
  };
}
