import { Injectable } from '@nestjs/common';
import {
  formatYuan,
  MEAL_FULFILMENT_LABELS,
  MEAL_KIND_LABELS,
  MEAL_KINDS,
  MEAL_ORDER_STATUS_LABELS,
  maskIdNumber,
  maskPersonName,
  monthDateRange,
  totalMealSettlement,
  type MealSettlement,
  type MealSettlementAmounts,
  type MealSettlementQuery,
  type MealSettlementRow,
} from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { regionInScope } from '../../common/auth/scope';
import { NotFoundError } from '../../common/errors/domain-error';
import { toCsv } from '../../common/http/csv';
import { FieldCipher } from '../../common/security/field-cipher';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit';
import { MealEligibility } from '../meal-subsidies';
import type { Provider } from '../providers';
import type { MealOrder } from './meal-order.entity';
import { mayManagePoint } from './meal-point-access';
import { MealSettlementRepository } from './meal-settlement.repository';
import { MealsRepository } from './meals.repository';

const AMOUNT_HEADERS: Array<[keyof MealSettlementAmounts, string]> = [
  ['grossFen', '餐费(元)'],
  ['subsidyFen', '餐费补贴(元)'],
  ['payableFen', '餐费自付(元)'],
  ['deliveryFeeGrossFen', '配送费(元)'],
  ['deliverySubsidyFen', '配送补贴(元)'],
  ['deliveryFeeFen', '配送自付(元)'],
  ['totalFen', '老人合计自付(元)'],
];

/**
 * A canteen's monthly settlement with the district: every subsidised meal that counts (MEAL_SETTLEMENT_STATUSES), the
 * elder masked, with the stored price and the rules applied, and totals summed from those rows (totalMealSettlement).
 * Staff and admins see the canteen's meal points in their region only; the canteen's provider_admin sees all of its
 * own (their settlement screen is the canteen subpackage's, the staff's the staff desk's: one route serves both). Anyone
 * else, or a canteen with no point the caller may see, gets 404. Each rule id comes with its name and version, which
 * the operator could not look up otherwise (the district's rules are read by staff and admins only).
 */
@Injectable()
export class MealSettlementService {
  constructor(
    private readonly meals: MealsRepository,
    private readonly settlements: MealSettlementRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly eligibility: MealEligibility,
  ) {}

  async settlement(auth: AuthContext, query: MealSettlementQuery): Promise<MealSettlement> {
    return (await this.settle(auth, query)).settlement;
  }

  /**
   * The settlement as CSV for a spreadsheet: the meals, the totals row, the totals per meal point, then the totals per
   * rule with each rule's name and version (the bureau matches them against the district's rule list). Audited.
   */
  async exportCsv(auth: AuthContext, query: MealSettlementQuery): Promise<string> {
    const { settlement, provider } = await this.settle(auth, query);
    const header = ['日期', '餐次', '助餐点', '老人', '身份证号', '方式', '状态', '补贴规则', ...AMOUNT_HEADERS.map(([, title]) => title), '订单号'];
    const lines = settlement.rows.map((row) => [
      row.mealDate,
      MEAL_KIND_LABELS[row.mealKind],
      row.mealPointName,
      row.elderName,
      row.elderIdNumber ?? '',
      MEAL_FULFILMENT_LABELS[row.fulfilment],
      MEAL_ORDER_STATUS_LABELS[row.status],
      row.rules.map((rule) => rule.ruleId).join(' '),
      ...AMOUNT_HEADERS.map(([field]) => formatYuan(row[field])),
      row.orderId,
    ]);
    const totalsLine = [`合计 ${settlement.totals.meals} 餐`, '', '', '', '', '', '', '', ...AMOUNT_HEADERS.map(([field]) => formatYuan(settlement.totals[field])), ''];
    const pointLines = settlement.byMealPoint.map((point) => [
      point.mealPointName,
      String(point.totals.meals),
      ...AMOUNT_HEADERS.map(([field]) => formatYuan(point.totals[field])),
    ]);
    const named = new Map(settlement.ruleNames.map((rule) => [rule.ruleId, `${rule.name} 第${rule.version}版`]));
    const ruleLines = settlement.byRule.map((rule) => [rule.ruleId, named.get(rule.ruleId) ?? '', String(rule.meals), formatYuan(rule.mealFen), formatYuan(rule.deliveryFen)]);
    await this.transactions.write((manager) =>
      this.audit.record(manager, auth, {
        action: 'meal_settlement.exported',
        targetType: 'provider',
        targetId: provider.id,
        regionPath: provider.region.path,
        details: { month: query.month, rows: lines.length },
      }),
    );
    return toCsv([
      [`${settlement.providerName} ${settlement.month} 老年助餐补贴结算`],
      header,
      ...lines,
      totalsLine,
      [],
      ['助餐点', '餐数', ...AMOUNT_HEADERS.map(([, title]) => title)],
      ...pointLines,
      [],
      ['补贴规则', '规则名称', '餐数', '餐费补贴(元)', '配送补贴(元)'],
      ...ruleLines,
    ]);
  }

  private async settle(auth: AuthContext, query: MealSettlementQuery): Promise<{ settlement: MealSettlement; provider: Provider }> {
    const provider = await this.meals.findProvider(query.providerId);
    if (!provider || provider.kind !== 'canteen' || (auth.role === 'provider_admin' && auth.providerId !== provider.id)) throw new NotFoundError('该助餐机构');
    const points = (await this.meals.listPointsManagedBy({ providerId: provider.id })).filter((point) => mayManagePoint(auth, point));
    if (points.length === 0 && !regionInScope(auth, provider.region.path)) throw new NotFoundError('该助餐机构');
    const { from, to } = monthDateRange(query.month);
    const meals = await this.settlements.listSubsidisedMealsToSettle(
      points.map((point) => point.id),
      from,
      to,
    );
    const rows = meals.map((meal) => this.rowOf(meal)).sort((a, b) => a.mealDate.localeCompare(b.mealDate) || MEAL_KINDS.indexOf(a.mealKind) - MEAL_KINDS.indexOf(b.mealKind));
    const totals = totalMealSettlement(rows);
    const versions = new Map((await this.eligibility.ruleVersions(totals.byRule.map((rule) => rule.ruleId))).map((rule) => [rule.id, rule]));
    const ruleNames = totals.byRule.flatMap(({ ruleId }) => {
      const version = versions.get(ruleId);
      return version ? [{ ruleId, name: version.name, version: version.version }] : [];
    });
    return { settlement: { providerId: provider.id, providerName: provider.name, month: query.month, rows, ...totals, ruleNames }, provider };
  }

  private rowOf(meal: MealOrder): MealSettlementRow {
    return {
      orderId: meal.id,
      mealDate: meal.mealDate,
      mealKind: meal.mealKind,
      fulfilment: meal.fulfilment,
      status: meal.status,
      mealPointId: meal.mealPointId,
      mealPointName: meal.mealPoint.name,
      elderName: maskPersonName(meal.resident.name),
      elderIdNumber: meal.resident.idNumberCipher ? maskIdNumber(this.cipher.decrypt(meal.resident.idNumberCipher)) : null,
      rules: meal.appliedSubsidies.map((applied) => ({ ruleId: applied.ruleId, mealFen: applied.mealFen, deliveryFen: applied.deliveryFen })),
      grossFen: meal.grossFen,
      subsidyFen: meal.subsidyFen,
      payableFen: meal.payableFen,
      deliveryFeeGrossFen: meal.deliveryFeeGrossFen,
      deliverySubsidyFen: meal.deliverySubsidyFen,
      deliveryFeeFen: meal.deliveryFeeFen,
      totalFen: meal.totalFen,
    };
  }
}
