import { In } from 'typeorm';
import { regionPath } from '@linli/shared';
import type { TransactionRunner } from '../database/transaction-runner';
import { Centre } from '../modules/regions/centre.entity';
import { Region } from '../modules/regions/region.entity';
import { DEMO_CENTRES, DEMO_REGIONS } from './demo-data';
import { stableId } from './stable-id';

export interface SeedSummary {
  regionsInserted: number;
  centresInserted: number;
}

/** Inserts every demo row whose code is missing, in one transaction; running it twice inserts nothing the second time. */
export function seedDemoData(transactions: TransactionRunner): Promise<SeedSummary> {
  return transactions.write(async (manager) => {
    const regions = manager.getRepository(Region);
    const existingRegions = await regions.find({ where: { code: In(DEMO_REGIONS.map((r) => r.code)) } });
    const pathByCode = new Map(existingRegions.map((region) => [region.code, region.path]));
    const idByCode = new Map(existingRegions.map((region) => [region.code, region.id]));

    let regionsInserted = 0;
    // DEMO_REGIONS lists parents before children, so a parent's path is always known here.
    for (const demo of DEMO_REGIONS) {
      if (idByCode.has(demo.code)) continue;
      const id = stableId('region', demo.code);
      const parentId = demo.parentCode ? idByCode.get(demo.parentCode)! : null;
      const path = regionPath(demo.parentCode ? pathByCode.get(demo.parentCode)! : null, id);
      await regions.insert({ id, code: demo.code, name: demo.name, level: demo.level, parentId, path });
      idByCode.set(demo.code, id);
      pathByCode.set(demo.code, path);
      regionsInserted++;
    }

    const centres = manager.getRepository(Centre);
    const existingCentreCodes = new Set(
      (await centres.find({ select: { code: true }, where: { code: In(DEMO_CENTRES.map((c) => c.code)) } })).map((c) => c.code),
    );
    const missingCentres = DEMO_CENTRES.filter((demo) => !existingCentreCodes.has(demo.code));
    for (const { regionCode, ...demo } of missingCentres) {
      await centres.insert({ ...demo, id: stableId('centre', demo.code), regionId: idByCode.get(regionCode)! });
    }
    return { regionsInserted, centresInserted: missingCentres.length };
  });
}
