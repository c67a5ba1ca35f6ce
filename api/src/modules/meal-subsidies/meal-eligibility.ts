import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ElderMealProfile, MealSubsidyRule } from '@linli/shared';
import { NotFoundError } from '../../common/errors/domain-error';
import { ResidentsRepository } from '../residents';
import { MealProfilesRepository } from './meal-profiles.repository';
import { MealSubsidyRulesRepository } from './meal-subsidy-rules.repository';
import { toMealSubsidyRule } from './meal-subsidy-rule-view';

/** A region path is `/city/district/street/community/`: the district is its second id. */
export function districtIdOfPath(path: string | null | undefined): string | null {
  return path?.split('/').filter(Boolean)[1] ?? null;
}

/** The city of a region path: its first id. */
export function cityIdOfPath(path: string | null | undefined): string | null {
  return path?.split('/').filter(Boolean)[0] ?? null;
}

/**
 * What priceMeal needs from the database, for whoever prices a meal (the meals module quoting and ordering): the
 * elder's meal profile and the district's rules in force on the meal date. Both read through the caller's
 * transaction when given one, so an order is priced from what that transaction sees.
 */
@Injectable()
export class MealEligibility {
  constructor(
    private readonly residents: ResidentsRepository,
    private readonly profiles: MealProfilesRepository,
    private readonly rules: MealSubsidyRulesRepository,
  ) {}

  /**
   * The elder as the rules see them: birth date from the verified ID number, every hardship record (priceMeal
   * checks each one's validity on the meal date), the registered district, and the district they live in (above
   * their community). Unknown or erased residents are NOT_FOUND.
   */
  async profileOf(residentId: string, manager?: EntityManager): Promise<ElderMealProfile> {
    const person = await this.residents.findWithCommunity(residentId, manager);
    if (!person) throw new NotFoundError('该居民');
    const [profile, hardships] = await Promise.all([this.profiles.findProfile(residentId, manager), this.profiles.listHardships(residentId, manager)]);
    return {
      birthDate: person.resident.birthDate,
      hardships: hardships.map((record) => ({ category: record.category, verified: true, validFrom: record.validFrom, validTo: record.validTo })),
      registeredDistrictId: profile?.registeredDistrictId ?? null,
      residenceDistrictId: districtIdOfPath(person.community?.path),
    };
  }

  /** Rule versions by id, whatever their dates (orders keep the ids of the versions that priced them); unknown ids are left out. */
  async ruleVersions(ruleIds: string[]): Promise<MealSubsidyRule[]> {
    return (await this.rules.listByIds([...new Set(ruleIds)])).map(toMealSubsidyRule);
  }

  /** The district's versions in force on `date` (`YYYY-MM-DD`, the meal's Shanghai date), withdrawn ones never. */
  async rulesInForce(districtId: string, date: string, manager?: EntityManager): Promise<MealSubsidyRule[]> {
    return (await this.rules.listInForce(districtId, date, manager)).map(toMealSubsidyRule);
  }
}
