import { randomBytes } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { birthDateFromIdNumber, CURRENT_PRIVACY_POLICY_VERSION, regionPath, SERVICE_CATALOGUE, shanghaiDateOf } from '@linli/shared';
import type { FieldCipher } from '../common/security/field-cipher';
import { hashPassword } from '../common/security/password-hasher';
import type { TransactionRunner } from '../database/transaction-runner';
import { Account } from '../modules/accounts/account.entity';
import { OpeningRule } from '../modules/appointments/opening-rule.entity';
import { PasswordCredential } from '../modules/accounts/password-credential.entity';
import { WechatIdentity } from '../modules/accounts/wechat-identity.entity';
import { CentreService } from '../modules/catalogue/centre-service.entity';
import { CommunityService } from '../modules/catalogue/community-service.entity';
import { ServiceCategory } from '../modules/catalogue/service-category.entity';
import { Provider } from '../modules/providers/provider.entity';
import { Worker } from '../modules/providers/worker.entity';
import { WorkerArea } from '../modules/providers/worker-area.entity';
import { WorkerSkill } from '../modules/providers/worker-skill.entity';
import { Centre } from '../modules/regions/centre.entity';
import { Region } from '../modules/regions/region.entity';
import { HouseholdLink } from '../modules/residents/household-link.entity';
import { PrivacyConsent } from '../modules/accounts';
import { Resident } from '../modules/residents/resident.entity';
import { DEFAULT_MAX_ACTIVE_BOOKINGS, DEMO_SERVICE_TEXTS, DEMO_WEEKLY_OPENINGS } from './demo-catalogue';
import { DEMO_CENTRES, DEMO_REGIONS } from './demo-data';
import { seedDemoMeals } from './demo-meals';
import { seedDemoMealSubsidies } from './demo-meal-subsidies';
import { seedDemoOutlets } from './demo-outlets';
import { DEMO_ACCOUNTS, DEMO_HOUSEHOLD, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_PROVIDERS, DEMO_WORKERS } from './demo-identities';
import { stableId } from './stable-id';

export interface SeedSummary {
  regionsInserted: number;
  centresInserted: number;
  accountsInserted: number;
  servicesInserted: number;
}

export interface SeedDependencies {
  transactions: TransactionRunner;
  cipher: FieldCipher;
}

/**
 * Inserts every demo row that is missing (by stable id or code), in one transaction; running it twice inserts
 * nothing the second time. Regions and centres come first; people and accounts hang off them.
 */
export async function seedDemoData({ transactions, cipher }: SeedDependencies): Promise<SeedSummary> {
  // scrypt is slow on purpose: hash before the transaction so no lock is held meanwhile.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return transactions.write(async (manager) => {
    const { inserted: regionsInserted, idByCode } = await seedRegions(manager);
    const centresInserted = await seedCentres(manager, idByCode);
    const accountsInserted = await seedIdentities(manager, idByCode, cipher, passwordHash);
    const servicesInserted = await seedCatalogue(manager);
    await seedDispatchProfiles(manager);
    await seedDemoMealSubsidies(manager, cipher);
    await seedDemoMeals(manager);
    await seedDemoOutlets(manager, idByCode, shanghaiDateOf(new Date()));
    return { regionsInserted, centresInserted, accountsInserted, servicesInserted };
  });
}

async function seedRegions(manager: EntityManager): Promise<{ inserted: number; idByCode: Map<string, string> }> {
  const regions = manager.getRepository(Region);
  const existing = await regions.find({ where: { code: In(DEMO_REGIONS.map((r) => r.code)) } });
  const pathByCode = new Map(existing.map((region) => [region.code, region.path]));
  const idByCode = new Map(existing.map((region) => [region.code, region.id]));
  let inserted = 0;
  // DEMO_REGIONS lists parents before children, so a parent's path is always known here.
  for (const demo of DEMO_REGIONS) {
    if (idByCode.has(demo.code)) continue;
    const id = stableId('region', demo.code);
    const parentId = demo.parentCode ? idByCode.get(demo.parentCode)! : null;
    const path = regionPath(demo.parentCode ? pathByCode.get(demo.parentCode)! : null, id);
    await regions.insert({ id, code: demo.code, name: demo.name, level: demo.level, parentId, path });
    idByCode.set(demo.code, id);
    pathByCode.set(demo.code, path);
    inserted++;
  }
  return { inserted, idByCode };
}

async function seedCentres(manager: EntityManager, regionIdByCode: Map<string, string>): Promise<number> {
  const centres = manager.getRepository(Centre);
  const existing = new Set((await centres.find({ select: { code: true }, where: { code: In(DEMO_CENTRES.map((c) => c.code)) } })).map((c) => c.code));
  const missing = DEMO_CENTRES.filter((demo) => !existing.has(demo.code));
  for (const { regionCode, ...demo } of missing) {
    await centres.insert({ ...demo, id: stableId('centre', demo.code), regionId: regionIdByCode.get(regionCode)! });
  }
  return missing.length;
}

async function seedIdentities(manager: EntityManager, regionIdByCode: Map<string, string>, cipher: FieldCipher, passwordHash: string): Promise<number> {
  const existingIds = new Set<string>();
  for (const [entity, ids] of [
    [Provider, DEMO_PROVIDERS.map((p) => stableId('provider', p.key))],
    [Resident, DEMO_PEOPLE.map((p) => stableId('resident', p.key))],
    [Account, DEMO_ACCOUNTS.map((a) => stableId('account', a.key))],
    [Worker, DEMO_WORKERS.map((w) => stableId('worker', w.key))],
  ] as const) {
    const rows = await manager.getRepository(entity).find({ select: { id: true }, where: { id: In(ids) } });
    rows.forEach((row) => existingIds.add(row.id));
  }
  const isNew = (id: string) => !existingIds.has(id);

  const newApplications: { providerId: string; applicantAccountId: string }[] = [];
  for (const provider of DEMO_PROVIDERS) {
    const id = stableId('provider', provider.key);
    if (!isNew(id)) continue;
    const application = provider.application;
    await manager.getRepository(Provider).insert({
      id,
      name: provider.name,
      kind: provider.kind,
      regionId: regionIdByCode.get(provider.regionCode)!,
      status: application ? 'pending' : 'active',
      contactName: application?.contactName ?? null,
      contactPhoneCipher: application ? cipher.encrypt(application.contactPhone) : null,
      creditCode: application?.creditCode ?? null,
      // The applicant's account is inserted below (accounts point at providers); linked after that.
      pendingApplicantId: application ? stableId('account', application.applicantAccountKey) : null,
    });
    if (application) newApplications.push({ providerId: id, applicantAccountId: stableId('account', application.applicantAccountKey) });
  }
  for (const person of DEMO_PEOPLE) {
    const id = stableId('resident', person.key);
    if (!isNew(id)) continue;
    await manager.getRepository(Resident).insert({
      id,
      name: person.name,
      phoneCipher: person.phone ? cipher.encrypt(person.phone) : null,
      phoneHash: person.phone ? cipher.lookupHash(person.phone) : null,
      phoneOwner: person.phoneOwner,
      idNumberCipher: person.idNumber ? cipher.encrypt(person.idNumber) : null,
      idNumberHash: person.idNumber ? cipher.lookupHash(person.idNumber) : null,
      birthDate: person.idNumber ? birthDateFromIdNumber(person.idNumber) : null,
      address: person.address,
      communityId: regionIdByCode.get(person.communityCode)!,
      createdByAccountId: null,
      erasedAt: null,
    });
  }
  for (const link of DEMO_HOUSEHOLD) {
    const id = stableId('household', `${link.proxyKey}:${link.memberKey}`);
    if (await manager.getRepository(HouseholdLink).existsBy({ id })) continue;
    await manager
      .getRepository(HouseholdLink)
      .insert({ id, proxyResidentId: stableId('resident', link.proxyKey), memberResidentId: stableId('resident', link.memberKey), relation: link.relation });
  }

  let inserted = 0;
  for (const seed of DEMO_ACCOUNTS) {
    const id = stableId('account', seed.key);
    if (!isNew(id)) continue;
    await manager.getRepository(Account).insert({
      id,
      role: seed.role,
      status: 'active',
      displayName: seed.displayName,
      regionId: seed.regionCode ? regionIdByCode.get(seed.regionCode)! : null,
      providerId: seed.providerKey ? stableId('provider', seed.providerKey) : null,
      residentId: seed.personKey ? stableId('resident', seed.personKey) : null,
    });
    if (seed.username) await manager.getRepository(PasswordCredential).insert({ accountId: id, username: seed.username, passwordHash, failedAttempts: 0, lockedUntil: null });
    if (seed.openid) {
      await manager
        .getRepository(WechatIdentity)
        .insert({ id: stableId('wechat', seed.key), openid: seed.openid, unionid: null, accountId: id, sessionKeyCipher: cipher.encrypt(randomBytes(16).toString('base64')) });
    }
    if (seed.consented) {
      await manager
        .getRepository(PrivacyConsent)
        .insert({ id: stableId('consent', seed.key), accountId: id, version: CURRENT_PRIVACY_POLICY_VERSION, acceptedAt: new Date(), ip: null });
    }
    inserted++;
  }
  for (const { providerId, applicantAccountId } of newApplications) {
    await manager.getRepository(Provider).update({ id: providerId }, { applicantAccountId });
  }
  for (const worker of DEMO_WORKERS) {
    const id = stableId('worker', worker.key);
    if (isNew(id)) {
      await manager.getRepository(Worker).insert({
        id,
        providerId: stableId('provider', worker.providerKey),
        name: worker.name,
        phoneCipher: cipher.encrypt(worker.phone),
        accountId: stableId('account', worker.accountKey),
        workingHours: DEMO_WORKING_HOURS,
        maxOpenOrders: 3,
      });
    }
  }
  return inserted;
}

/**
 * The 22 services, which demo centres offer them (everything at every centre, except rooms and courts — venue
 * services — which only community centres have), and their demo opening hours (the holiday
 * calendar comes from the dataset, not the seed).
 */
/**
 * Demo workers serve every community of their provider's district; those of home-service providers can do every
 * home service, so any demo home order finds them once they go online. A canteen's worker gets no home services: meal
 * runs go to canteen and 助餐配送 workers by their organisation (decision 0015). Only for workers without areas yet (a
 * re-seed keeps edits).
 */
async function seedDispatchProfiles(manager: EntityManager): Promise<void> {
  const homeServices = SERVICE_CATALOGUE.flatMap((category) => category.services).filter((service) => service.mode === 'home');
  for (const worker of DEMO_WORKERS) {
    const workerId = stableId('worker', worker.key);
    if (await manager.getRepository(WorkerArea).exists({ where: { workerId } })) continue;
    const provider = DEMO_PROVIDERS.find((candidate) => candidate.key === worker.providerKey)!;
    if (provider.kind !== 'canteen') {
      await manager.getRepository(WorkerSkill).insert(homeServices.map((service) => ({ workerId, serviceId: stableId('service', service.code) })));
    }
    const district = provider.regionCode;
    const communities = DEMO_REGIONS.filter((region) => region.level === 'community' && region.code.startsWith(district));
    await manager.getRepository(WorkerArea).insert(communities.map((region) => ({ workerId, regionId: stableId('region', region.code) })));
  }
}

/** Every day 07:00–21:00: home services happen at weekends too. */
const DEMO_WORKING_HOURS = ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, ranges: [{ start: '07:00', end: '21:00' }] }));

async function seedCatalogue(manager: EntityManager): Promise<number> {
  const categories = manager.getRepository(ServiceCategory);
  const services = manager.getRepository(CommunityService);
  const existingServices = new Set((await services.find({ select: { code: true } })).map((s) => s.code));
  let inserted = 0;
  for (const [categoryIndex, category] of SERVICE_CATALOGUE.entries()) {
    const categoryId = stableId('service-category', category.code);
    if (!(await categories.existsBy({ id: categoryId }))) await categories.insert({ id: categoryId, code: category.code, name: category.name, sortOrder: categoryIndex + 1 });
    for (const [serviceIndex, seed] of category.services.entries()) {
      if (existingServices.has(seed.code)) continue;
      const texts = DEMO_SERVICE_TEXTS[seed.code];
      await services.insert({
        id: stableId('service', seed.code),
        code: seed.code,
        categoryId,
        name: seed.name,
        mode: seed.mode,
        needsReview: seed.needsReview,
        description: texts.description,
        materials: texts.materials,
        minAge: texts.minAge ?? null,
        maxActiveBookingsPerPerson: texts.maxActiveBookingsPerPerson ?? DEFAULT_MAX_ACTIVE_BOOKINGS,
        sortOrder: (categoryIndex + 1) * 100 + serviceIndex,
      });
      inserted++;
    }
  }
  const offerings = manager.getRepository(CentreService);
  for (const centre of DEMO_CENTRES) {
    const atCommunity = DEMO_REGIONS.find((region) => region.code === centre.regionCode)?.level === 'community';
    for (const seed of SERVICE_CATALOGUE.flatMap((category) => category.services)) {
      if (seed.mode === 'venue' && !atCommunity) continue;
      const id = stableId('centre-service', `${centre.code}:${seed.code}`);
      if (await offerings.existsBy({ id })) continue;
      await offerings.insert({ id, centreId: stableId('centre', centre.code), serviceId: stableId('service', seed.code), enabled: true, notes: null });
      if (seed.mode === 'home') continue;
      await manager
        .getRepository(OpeningRule)
        .insert(DEMO_WEEKLY_OPENINGS[seed.mode].map((opening) => ({ id: stableId('opening', `${id}:${opening.weekday}`), centreServiceId: id, ...opening })));
    }
  }
  return inserted;
}
