import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isWithinRegion, outletCsvFields, OUTLET_CSV_COLUMNS, readOutletCsv, type OutletCsvProblem, type OutletImportResult } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { toCsv } from '../../common/http/csv';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit';
import { outletColumns } from './outlet-management.service';
import { outletImportInvalid, outletImportOutOfScope } from './outlets.errors';
import { OutletsRepository } from './outlets.repository';

/**
 * CSV import and export of the region's outlets. An import is all or nothing: every row is checked first (its
 * fields, its community: known, in the caller's region, a street or community), every bad row is reported with its
 * line, and only a file without one is written, in one transaction.
 */
@Injectable()
export class OutletFilesService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly outlets: OutletsRepository,
    private readonly audit: AuditService,
  ) {}

  async import(auth: AuthContext, csv: string): Promise<OutletImportResult> {
    const reading = readOutletCsv(csv);
    const regions = await this.outlets.listRegionsByCodes([...new Set(reading.rows.map((row) => row.communityCode))]);
    const regionByCode = new Map(regions.map((region) => [region.code, region]));
    const outOfScope: OutletCsvProblem[] = [];
    const problems: OutletCsvProblem[] = [...reading.problems];
    for (const row of reading.rows) {
      const region = regionByCode.get(row.communityCode);
      if (!region || !isWithinRegion(region.path, auth.regionPath!)) outOfScope.push({ line: row.line, reason: `社区编码“${row.communityCode}”不在您管理的地区内` });
      else if (region.level !== 'street' && region.level !== 'community') problems.push({ line: row.line, reason: `编码“${row.communityCode}”不是街道或社区` });
    }
    // Rows naming a region the caller does not keep answer like any out-of-scope record: 404, whatever else is wrong.
    if (outOfScope.length > 0) throw outletImportOutOfScope(byLine([...outOfScope, ...problems]));
    if (problems.length > 0) throw outletImportInvalid(byLine(problems));
    const now = new Date();
    const outlets = reading.rows.map((row) => ({
      id: randomUUID(),
      ...outletColumns({ ...row, regionId: regionByCode.get(row.communityCode)!.id, hours: { weekly: row.weekly, dated: [] }, photoUrls: [] }, now),
    }));
    await this.transactions.write(async (manager) => {
      await this.outlets.insertOutlets(manager, outlets);
      await this.audit.record(manager, auth, {
        action: 'outlet.imported',
        targetType: 'region',
        targetId: auth.regionPath!.split('/').filter(Boolean).pop()!,
        regionPath: auth.regionPath!,
      });
    });
    return { imported: outlets.length };
  }

  async export(auth: AuthContext): Promise<string> {
    const outlets = await this.outlets.listInRegion(auth.regionPath!);
    return toCsv([
      [...OUTLET_CSV_COLUMNS],
      ...outlets.map((outlet) =>
        outletCsvFields({
          ...outlet,
          communityCode: outlet.region.code,
          latitude: outlet.latitudeE6 / 1_000_000,
          longitude: outlet.longitudeE6 / 1_000_000,
          weekly: outlet.hours.weekly,
        }),
      ),
    ]);
  }
}

const byLine = (problems: OutletCsvProblem[]) => [...problems].sort((a, b) => a.line - b.line);
