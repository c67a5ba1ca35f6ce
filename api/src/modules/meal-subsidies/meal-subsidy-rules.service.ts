import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  addDays,
  isWithinRegion,
  shanghaiDateOf,
  validateMealSubsidyRule,
  validateMealSubsidyRules,
  type MealDistrictView,
  type MealSubsidyRule,
  type MealSubsidyRuleInput,
  type MealSubsidyRuleView,
} from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { regionInScope } from '../../common/auth/scope';
import { ConflictError, NotFoundError } from '../../common/errors/domain-error';
import { TransactionRunner } from '../../database/transaction-runner';
import { isDuplicateKey } from '../../database/sql';
import { AuditService } from '../audit';
import type { Region } from '../regions';
import type { MealSubsidyAmountDto, MealDeliverySubsidyDto, MealSubsidyRuleInputDto } from './dto/meal-subsidy-rule.dto';
import { cityIdOfPath } from './meal-eligibility';
import { MealProfilesRepository } from './meal-profiles.repository';
import { toMealSubsidyRule, toMealSubsidyRuleView } from './meal-subsidy-rule-view';
import { MealSubsidyRulesRepository } from './meal-subsidy-rules.repository';
import { subsidyRuleInForce, subsidyRuleInvalid } from './meal-subsidies.errors';

/** Staff and admins working in, above or below a district read its rules. */
function readsRulesOf(auth: AuthContext, district: Region): boolean {
  return regionInScope(auth, district.path) || (!!auth.regionPath && isWithinRegion(auth.regionPath, district.path));
}

/**
 * Subsidy rules as versioned data per district. Admins whose scope covers the district create a scheme and publish
 * new versions of it with an effective date: the previous version then ends the day before, so every meal date is
 * priced by exactly one version, and a version that priced a meal is never changed. A version not yet in force may be
 * withdrawn (the latest only; the one before it gets its days back). Staff read the rules of the district they work in.
 * Every write is checked with the shared validateMealSubsidyRule(s) over the district's whole set, as the admin form is.
 */
@Injectable()
export class MealSubsidyRulesService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly rules: MealSubsidyRulesRepository,
    private readonly profiles: MealProfilesRepository,
    private readonly audit: AuditService,
  ) {}

  /** Every version of the district's schemes, for staff and admins above, in or below the district. */
  async list(auth: AuthContext, districtId: string): Promise<MealSubsidyRuleView[]> {
    const district = await this.profiles.findDistrict(districtId);
    if (!district || !readsRulesOf(auth, district)) throw new NotFoundError('该区县');
    return (await this.rules.listForDistrict(districtId)).map(toMealSubsidyRuleView);
  }

  /**
   * The districts of the caller's city, each with whether the caller may read and write its rules: a city admin
   * chooses among all of them, a district's admin and staff have theirs, and any of them may be an elder's 户籍.
   */
  async districts(auth: AuthContext): Promise<MealDistrictView[]> {
    const cityId = cityIdOfPath(auth.regionPath);
    if (!cityId) return [];
    return (await this.profiles.listDistrictsOfCity(cityId)).map((district) => ({
      id: district.id,
      name: district.name,
      rulesReadable: readsRulesOf(auth, district),
      rulesEditable: auth.role === 'admin' && regionInScope(auth, district.path),
    }));
  }

  async createScheme(auth: AuthContext, districtId: string, input: MealSubsidyRuleInputDto & { shareCapsWithSchemeId?: string | null }): Promise<MealSubsidyRuleView> {
    const district = await this.administeredDistrict(auth, districtId);
    const schemeId = randomUUID();
    return this.publish(auth, district, async (manager) => {
      const capsSharedWith = input.shareCapsWithSchemeId ? await this.rules.findLatestVersion(input.shareCapsWithSchemeId, manager) : null;
      if (input.shareCapsWithSchemeId && capsSharedWith?.districtId !== districtId) throw new NotFoundError('要共用限额的方案');
      return { rule: this.ruleOf(input, { schemeId, version: 1, districtId, capGroupId: capsSharedWith?.capGroupId ?? schemeId }), closes: null };
    });
  }

  async publishVersion(auth: AuthContext, schemeId: string, input: MealSubsidyRuleInputDto): Promise<MealSubsidyRuleView> {
    const latest = await this.rules.findLatestVersion(schemeId);
    if (!latest) throw new NotFoundError('该补贴方案');
    const district = await this.administeredDistrict(auth, latest.districtId);
    return this.publish(auth, district, async (manager) => {
      const [newest, previous] = await Promise.all([this.rules.findLatestVersion(schemeId, manager), this.rules.findLatestLiveVersion(schemeId, manager)]);
      const rule = this.ruleOf(input, { schemeId, version: newest!.version + 1, districtId: latest.districtId, capGroupId: latest.capGroupId });
      if (previous && rule.effectiveFrom <= previous.effectiveFrom) {
        throw subsidyRuleInvalid([`effectiveFrom must be after ${previous.effectiveFrom}, when version ${previous.version} starts (withdraw that version instead)`]);
      }
      const dayBefore = addDays(rule.effectiveFrom, -1);
      const closes = previous && (previous.effectiveTo === null || previous.effectiveTo > dayBefore) ? { ruleId: previous.id, effectiveTo: dayBefore } : null;
      return { rule, closes };
    });
  }

  /** Withdraws the latest version of its scheme before it comes into force; the version before it ends where it ended. */
  async withdraw(auth: AuthContext, ruleId: string): Promise<MealSubsidyRuleView> {
    const rule = await this.rules.findRule(ruleId);
    if (!rule) throw new NotFoundError('该补贴规则');
    const district = await this.administeredDistrict(auth, rule.districtId);
    await this.transactions.write(async (manager) => {
      const latestLive = await this.rules.findLatestLiveVersion(rule.schemeId, manager);
      if (latestLive && latestLive.id !== rule.id && !rule.withdrawnAt) throw new ConflictError('只能撤回方案的最新版本', { latestRuleId: latestLive.id });
      if (!(await this.rules.withdraw(manager, ruleId, shanghaiDateOf(new Date()), new Date()))) throw subsidyRuleInForce(rule.effectiveFrom);
      const previous = await this.rules.findLatestLiveVersion(rule.schemeId, manager);
      if (previous && previous.effectiveTo === addDays(rule.effectiveFrom, -1)) await this.rules.setEffectiveTo(manager, previous.id, rule.effectiveTo);
      await this.audit.record(manager, auth, {
        action: 'meal_subsidy_rule.withdrawn',
        targetType: 'meal_subsidy_rule',
        targetId: ruleId,
        regionPath: district.path,
        details: { schemeId: rule.schemeId, version: rule.version, reopenedRuleId: previous?.id ?? null },
      });
    });
    return toMealSubsidyRuleView((await this.rules.findRule(ruleId))!);
  }

  private async administeredDistrict(auth: AuthContext, districtId: string): Promise<Region> {
    const district = await this.profiles.findDistrict(districtId);
    if (!district || !regionInScope(auth, district.path)) throw new NotFoundError('该区县');
    return district;
  }

  /**
   * Writes a version after checking it alone and within the district's live set (with the version it closes already
   * closed): the same checks the admin form runs. `draft` runs inside the transaction, so it reads what it writes over.
   */
  private async publish(
    auth: AuthContext,
    district: Region,
    draft: (manager: EntityManager) => Promise<{ rule: MealSubsidyRule; closes: { ruleId: string; effectiveTo: string } | null }>,
  ): Promise<MealSubsidyRuleView> {
    const today = shanghaiDateOf(new Date());
    try {
      const id = await this.transactions.write(async (manager) => {
        const { rule, closes } = await draft(manager);
        const problems = validateMealSubsidyRule(rule);
        if (rule.effectiveFrom < today) problems.push(`effectiveFrom must be today (${today}) or later: a version never reprices meals already past`);
        if (problems.length === 0) {
          const others = (await this.rules.listLiveForDistrict(district.id, manager)).map(toMealSubsidyRule);
          const districtSet = [...others.map((other) => (other.id === closes?.ruleId ? { ...other, effectiveTo: closes.effectiveTo } : other)), rule];
          problems.push(...validateMealSubsidyRules(districtSet));
        }
        if (problems.length > 0) throw subsidyRuleInvalid(problems);
        if (closes) await this.rules.setEffectiveTo(manager, closes.ruleId, closes.effectiveTo);
        await this.rules.insertRule(manager, { ...rule, createdByAccountId: auth.accountId, createdAt: new Date(), withdrawnAt: null });
        await this.audit.record(manager, auth, {
          action: 'meal_subsidy_rule.published',
          targetType: 'meal_subsidy_rule',
          targetId: rule.id,
          regionPath: district.path,
          details: { schemeId: rule.schemeId, version: rule.version, effectiveFrom: rule.effectiveFrom, closedRuleId: closes?.ruleId ?? null },
        });
        return rule.id;
      });
      return toMealSubsidyRuleView((await this.rules.findRule(id))!);
    } catch (error) {
      // Two admins publishing a version of one scheme at once on MariaDB: the second takes the same number.
      if (isDuplicateKey(error)) throw new ConflictError('该方案刚刚发布了新版本，请刷新后再试');
      throw error;
    }
  }

  /** The rule exactly as the shared type has it: each `kind` keeps its own fields and refuses the others'. */
  private ruleOf(input: MealSubsidyRuleInputDto, identity: Pick<MealSubsidyRule, 'schemeId' | 'version' | 'districtId' | 'capGroupId'>): MealSubsidyRule {
    const body: MealSubsidyRuleInput = {
      name: input.name.trim(),
      effectiveFrom: input.effectiveFrom,
      effectiveTo: input.effectiveTo,
      mealKinds: [...new Set(input.mealKinds)],
      eligibility: {
        age: input.eligibility.age ? { min: input.eligibility.age.min, max: input.eligibility.age.max } : null,
        hardshipsAny: input.eligibility.hardshipsAny ? [...new Set(input.eligibility.hardshipsAny)] : null,
        residency: input.eligibility.residency,
      },
      amount: input.amount ? amountOf(input.amount) : null,
      specialDietExtra: input.specialDietExtra ? { fen: input.specialDietExtra.fen, tags: [...new Set(input.specialDietExtra.tags)] } : null,
      delivery: input.delivery ? deliveryOf(input.delivery) : null,
      caps: { mealsPerDayPerKind: input.caps.mealsPerDayPerKind, mealsPerMonth: input.caps.mealsPerMonth, fenPerMonth: input.caps.fenPerMonth },
      stacks: input.stacks,
    };
    return { id: randomUUID(), ...identity, ...body };
  }
}

function amountOf(amount: MealSubsidyAmountDto): MealSubsidyRule['amount'] {
  if (amount.kind === 'fixed') {
    if (amount.fen === undefined || amount.percent !== undefined || amount.maxFen !== undefined) throw subsidyRuleInvalid(['a fixed amount takes fen only']);
    return { kind: 'fixed', fen: amount.fen };
  }
  if (amount.percent === undefined || amount.fen !== undefined) throw subsidyRuleInvalid(['a percent amount takes percent and maxFen (null for no ceiling)']);
  return { kind: 'percent', percent: amount.percent, maxFen: amount.maxFen ?? null };
}

function deliveryOf(delivery: MealDeliverySubsidyDto): MealSubsidyRule['delivery'] {
  if (delivery.kind === 'free') {
    if (delivery.fen !== undefined) throw subsidyRuleInvalid(['free delivery takes no fen']);
    return { kind: 'free' };
  }
  if (delivery.fen === undefined) throw subsidyRuleInvalid(['a fixed delivery subsidy takes fen']);
  return { kind: 'fixed', fen: delivery.fen };
}
