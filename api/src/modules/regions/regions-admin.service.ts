import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { childLevelOf, regionPath, type CentreSummary, type RegionSummary } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { assertRegionInScope } from '../../common/auth/scope';
import { ConflictError } from '../../common/errors/domain-error';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit';
import type { CentreFieldsDto, CreateCentreDto, CreateRegionDto } from './dto/manage-region.dto';
import { RegionsRepository } from './regions.repository';
import { MICRODEGREES, toCentreSummary, toRegionSummary } from './regions.service';
import { isDuplicateKey } from '../../database/sql';
import { centreOutsideStreetOrCommunity, wrongChildLevel } from './regions.errors';

/** Admins maintain the region tree and citizen centres inside their own subtree. */
@Injectable()
export class RegionsAdminService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly regions: RegionsRepository,
    private readonly audit: AuditService,
  ) {}

  async createRegion(auth: AuthContext, input: CreateRegionDto): Promise<RegionSummary> {
    const parent = await this.regions.findRegionById(input.parentId);
    assertRegionInScope(auth, parent?.path, '上级地区');
    if (childLevelOf(parent!.level) !== input.level) {
      throw wrongChildLevel(parent!.level, childLevelOf(parent!.level));
    }
    const id = randomUUID();
    await this.uniqueCode(() =>
      this.transactions.write(async (manager) => {
        await this.regions.insertRegion(manager, { id, code: input.code, name: input.name, level: input.level, parentId: parent!.id, path: regionPath(parent!.path, id) });
        await this.audit.record(manager, auth, { action: 'region.created', targetType: 'region', targetId: id, regionPath: regionPath(parent!.path, id) });
      }),
    );
    return toRegionSummary((await this.regions.findRegionById(id))!);
  }

  async renameRegion(auth: AuthContext, regionId: string, name: string): Promise<RegionSummary> {
    const region = await this.regions.findRegionById(regionId);
    assertRegionInScope(auth, region?.path, '该地区');
    await this.transactions.write(async (manager) => {
      await this.regions.renameRegion(manager, regionId, name);
      await this.audit.record(manager, auth, { action: 'region.renamed', targetType: 'region', targetId: regionId, regionPath: region!.path });
    });
    return toRegionSummary((await this.regions.findRegionById(regionId))!);
  }

  async createCentre(auth: AuthContext, input: CreateCentreDto): Promise<CentreSummary> {
    const regionPathOfCentre = await this.centreRegionPath(auth, input.regionId);
    const id = randomUUID();
    await this.uniqueCode(() =>
      this.transactions.write(async (manager) => {
        await this.regions.insertCentre(manager, { id, code: input.code, ...centreColumns(input) });
        await this.audit.record(manager, auth, { action: 'centre.created', targetType: 'centre', targetId: id, regionPath: regionPathOfCentre });
      }),
    );
    return this.centre(id);
  }

  async updateCentre(auth: AuthContext, centreId: string, input: CentreFieldsDto): Promise<CentreSummary> {
    const existing = await this.regions.findCentreWithRegion(centreId);
    assertRegionInScope(auth, existing?.region.path, '该市民中心');
    const regionPathOfCentre = await this.centreRegionPath(auth, input.regionId);
    await this.transactions.write(async (manager) => {
      await this.regions.updateCentre(manager, centreId, centreColumns(input));
      await this.audit.record(manager, auth, { action: 'centre.updated', targetType: 'centre', targetId: centreId, regionPath: regionPathOfCentre });
    });
    return this.centre(centreId);
  }

  private async centre(centreId: string): Promise<CentreSummary> {
    const centre = (await this.regions.findCentreWithRegion(centreId))!;
    return toCentreSummary({ centre, regionName: centre.region.name, regionLevel: centre.region.level });
  }

  /** Centres belong to a street or a community inside the admin's subtree. */
  private async centreRegionPath(auth: AuthContext, regionId: string): Promise<string> {
    const region = await this.regions.findRegionById(regionId);
    assertRegionInScope(auth, region?.path, '该地区');
    if (region!.level !== 'street' && region!.level !== 'community') {
      throw centreOutsideStreetOrCommunity();
    }
    return region!.path;
  }

  private async uniqueCode(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (isDuplicateKey(error)) throw new ConflictError('编码已存在', { field: 'code' });
      throw error;
    }
  }
}

function centreColumns(input: CentreFieldsDto) {
  return {
    name: input.name,
    regionId: input.regionId,
    address: input.address,
    phone: input.phone,
    openingHours: input.openingHours,
    latitudeE6: Math.round(input.latitude * MICRODEGREES),
    longitudeE6: Math.round(input.longitude * MICRODEGREES),
  };
}
