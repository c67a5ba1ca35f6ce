import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AddHardshipRequest, ElderMealProfileView, EndHardshipRequest, UpdateMealProfileRequest } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { NotFoundError, ValidationFailedError } from '../../common/errors/domain-error';
import { FieldCipher } from '../../common/security/field-cipher';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit';
import { MealElderAccess, type ReachableElder } from './meal-elder-access';
import { cityIdOfPath, MealEligibility } from './meal-eligibility';
import { MealProfilesRepository } from './meal-profiles.repository';
import { hardshipEndInvalid } from './meal-subsidies.errors';

/**
 * Elder meal profiles: staff of the elder's region record the registered district and the hardships they verified,
 * and end a hardship when its assessment lapses; the elder and their household read it. Every staff read and write
 * is audited in the same transaction; audit details never carry the category or the note (sensitive).
 */
@Injectable()
export class MealProfilesService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly profiles: MealProfilesRepository,
    private readonly eligibility: MealEligibility,
    private readonly elders: MealElderAccess,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
  ) {}

  async view(auth: AuthContext, residentId: string): Promise<ElderMealProfileView> {
    const elder = await this.elders.reach(auth, residentId);
    if (auth.role !== 'resident') {
      await this.transactions.write((manager) =>
        this.audit.record(manager, auth, { action: 'meal_profile.viewed', targetType: 'resident', targetId: residentId, regionPath: elder.regionPath }),
      );
    }
    return this.viewOf(residentId);
  }

  async setRegisteredDistrict(auth: AuthContext, residentId: string, input: UpdateMealProfileRequest): Promise<ElderMealProfileView> {
    const elder = await this.elders.reach(auth, residentId);
    // Any district of the elder's city: elders often live in one district with their 户籍 in another.
    if (input.registeredDistrictId !== null) {
      const district = await this.profiles.findDistrict(input.registeredDistrictId);
      if (!district || cityIdOfPath(district.path) !== cityIdOfPath(elder.regionPath)) throw new NotFoundError('该区县');
    }
    await this.transactions.write(async (manager) => {
      await this.profiles.saveRegisteredDistrict(manager, residentId, input.registeredDistrictId, auth.accountId);
      await this.audit.record(manager, auth, {
        action: 'meal_profile.registered_district_set',
        targetType: 'resident',
        targetId: residentId,
        regionPath: elder.regionPath,
        details: { registeredDistrictId: input.registeredDistrictId },
      });
    });
    return this.viewOf(residentId);
  }

  /** Staff enter only what they verified against the civil-affairs record, so the entry is the verification. */
  async addHardship(auth: AuthContext, residentId: string, input: AddHardshipRequest): Promise<ElderMealProfileView> {
    const elder = await this.elders.reach(auth, residentId);
    const validTo = input.validTo ?? null;
    if (validTo !== null && validTo < input.validFrom) {
      throw new ValidationFailedError([{ field: 'validTo', constraints: ['notBeforeValidFrom'], message: 'validTo must not be before validFrom' }]);
    }
    await this.transactions.write(async (manager) => {
      const id = randomUUID();
      await this.profiles.insertHardship(manager, {
        id,
        residentId,
        category: input.category,
        validFrom: input.validFrom,
        validTo,
        noteCipher: input.note ? this.cipher.encrypt(input.note) : null,
        verifiedByAccountId: auth.accountId,
        verifiedAt: new Date(),
        endedByAccountId: null,
        endedAt: null,
      });
      await this.audit.record(manager, auth, this.hardshipEvent('meal_profile.hardship_verified', elder, id));
    });
    return this.viewOf(residentId);
  }

  /** Ends a hardship on `validTo` (never deletes it: subsidies paid while it held stay explainable). */
  async endHardship(auth: AuthContext, residentId: string, hardshipId: string, input: EndHardshipRequest): Promise<ElderMealProfileView> {
    const elder = await this.elders.reach(auth, residentId);
    const record = await this.profiles.findHardship(residentId, hardshipId);
    if (!record) throw new NotFoundError('该困难认定');
    await this.transactions.write(async (manager) => {
      if (!(await this.profiles.endHardship(manager, hardshipId, input.validTo, auth.accountId, new Date()))) throw hardshipEndInvalid(record.validFrom, record.validTo);
      await this.audit.record(manager, auth, { ...this.hardshipEvent('meal_profile.hardship_ended', elder, hardshipId), details: { hardshipId, validTo: input.validTo } });
    });
    return this.viewOf(residentId);
  }

  private hardshipEvent(action: string, elder: ReachableElder, hardshipId: string): Parameters<AuditService['record']>[2] {
    return { action, targetType: 'resident', targetId: elder.residentId, regionPath: elder.regionPath, details: { hardshipId } };
  }

  private async viewOf(residentId: string): Promise<ElderMealProfileView> {
    const [profile, hardships] = await Promise.all([this.eligibility.profileOf(residentId), this.profiles.listHardships(residentId)]);
    const districtNames = new Map(
      (await this.profiles.findRegions([profile.registeredDistrictId, profile.residenceDistrictId].filter((id): id is string => id !== null))).map((region) => [
        region.id,
        region.name,
      ]),
    );
    return {
      residentId,
      birthDate: profile.birthDate,
      registeredDistrictId: profile.registeredDistrictId,
      registeredDistrictName: profile.registeredDistrictId ? (districtNames.get(profile.registeredDistrictId) ?? null) : null,
      residenceDistrictId: profile.residenceDistrictId,
      residenceDistrictName: profile.residenceDistrictId ? (districtNames.get(profile.residenceDistrictId) ?? null) : null,
      hardships: hardships.map((record) => ({
        id: record.id,
        category: record.category,
        validFrom: record.validFrom,
        validTo: record.validTo,
        note: record.noteCipher ? this.cipher.decrypt(record.noteCipher) : null,
        verifiedByAccountId: record.verifiedByAccountId,
        verifiedAt: record.verifiedAt.toISOString(),
        endedAt: record.endedAt?.toISOString() ?? null,
      })),
    };
  }
}
