import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { MealSubsidyRuleRow } from './meal-subsidy-rule.entity';

/** The districts' subsidy rules, every version of every scheme, withdrawn ones kept. */
@Injectable()
export class MealSubsidyRulesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** All versions of a district's schemes, withdrawn ones too, by scheme and version. */
  listForDistrict(districtId: string, manager?: EntityManager): Promise<MealSubsidyRuleRow[]> {
    return this.manager(manager)
      .getRepository(MealSubsidyRuleRow)
      .find({ where: { districtId }, order: { effectiveFrom: 'ASC', schemeId: 'ASC', version: 'ASC' } });
  }

  /** The versions that may price meals (not withdrawn) of a district: the set validateMealSubsidyRules checks. */
  listLiveForDistrict(districtId: string, manager?: EntityManager): Promise<MealSubsidyRuleRow[]> {
    return this.manager(manager)
      .getRepository(MealSubsidyRuleRow)
      .find({ where: { districtId, withdrawnAt: IsNull() }, order: { effectiveFrom: 'ASC', schemeId: 'ASC', version: 'ASC' } });
  }

  /** Live versions of a district whose window contains `date`. */
  listInForce(districtId: string, date: string, manager?: EntityManager): Promise<MealSubsidyRuleRow[]> {
    return this.manager(manager)
      .getRepository(MealSubsidyRuleRow)
      .createQueryBuilder('rule')
      .where('rule.district_id = :districtId AND rule.withdrawn_at IS NULL', { districtId })
      .andWhere('rule.effective_from <= :date AND (rule.effective_to IS NULL OR rule.effective_to >= :date)', { date })
      .orderBy('rule.id', 'ASC')
      .getMany();
  }

  findRule(ruleId: string, manager?: EntityManager): Promise<MealSubsidyRuleRow | null> {
    return this.manager(manager)
      .getRepository(MealSubsidyRuleRow)
      .findOne({ where: { id: ruleId } });
  }

  /** The versions with these ids (any district, withdrawn ones too): settlement names the rules its orders applied. */
  listByIds(ruleIds: string[]): Promise<MealSubsidyRuleRow[]> {
    if (ruleIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(MealSubsidyRuleRow).find({ where: { id: In(ruleIds) } });
  }

  /** The latest version of a scheme, withdrawn or not (its number is the highest ever used). */
  findLatestVersion(schemeId: string, manager?: EntityManager): Promise<MealSubsidyRuleRow | null> {
    return this.manager(manager)
      .getRepository(MealSubsidyRuleRow)
      .findOne({ where: { schemeId }, order: { version: 'DESC' } });
  }

  /** The latest version of a scheme that was not withdrawn: the one a new version follows. */
  findLatestLiveVersion(schemeId: string, manager?: EntityManager): Promise<MealSubsidyRuleRow | null> {
    return this.manager(manager)
      .getRepository(MealSubsidyRuleRow)
      .findOne({ where: { schemeId, withdrawnAt: IsNull() }, order: { version: 'DESC' } });
  }

  async insertRule(manager: EntityManager, rule: Omit<MealSubsidyRuleRow, 'district'>): Promise<void> {
    await manager.getRepository(MealSubsidyRuleRow).insert(rule);
  }

  /** Moves a live version's last day (a newer version takes over, or a withdrawn one gives the days back). */
  async setEffectiveTo(manager: EntityManager, ruleId: string, effectiveTo: string | null): Promise<void> {
    await manager.getRepository(MealSubsidyRuleRow).update({ id: ruleId, withdrawnAt: IsNull() }, { effectiveTo });
  }

  /** Withdraws a version only while it has not come into force on `today`; false when it has (or was withdrawn already). */
  async withdraw(manager: EntityManager, ruleId: string, today: string, at: Date): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(MealSubsidyRuleRow)
      .set({ withdrawnAt: at })
      .where('id = :ruleId AND withdrawn_at IS NULL AND effective_from > :today', { ruleId, today })
      .execute();
    return result.affected === 1;
  }
}
