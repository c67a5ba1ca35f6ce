import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatYuan, MEAL_FULFILMENT_LABELS, MEAL_KIND_LABELS, MEAL_ORDER_STATUS_LABELS } from '@linli/shared';

import type { MealSettlement, MealSettlementAmounts, MealSettlementRow, MealSettlementRuleName, MealSettlementRuleTotal, MealSubsidyRuleView } from '@linli/shared';

import { isEmptyList, RemoteContent } from '../remote-content';
import { SubmitButton } from '../submit-button';
import { settlementOfPoint } from '../../hooks/useMealSettlement';
import { subsidyRuleLine, subsidyRuleTitle } from '../../texts/subsidy-rule-text';

import type { SaveState } from '../../forms/save-state';
import type { RemoteData } from '../../hooks/useRemoteData';
import type { SettlementMonth } from '../../hooks/useMealSettlement';
import type { ChosenSettlement } from './choices';

import './index.scss';

export { SettlementChooser } from './choices';
export type { ChosenSettlement } from './choices';

/**
 * What explains a settlement's rule ids. Staff read the districts' rules (`rules`): each id in full — what it gives to
 * whom, from when to when. A canteen's operator may not read them (`names`): each id by the name and version the
 * settlement itself carries (`ruleNames`), as the district published it.
 */
export type SettlementRuleSource = { kind: 'rules'; byId: ReadonlyMap<string, MealSubsidyRuleView>; status: RemoteData<unknown>['status']; retry: () => void } | { kind: 'names' };

/** Saving a file and printing are the browser's; in WeChat the sheet is read on the screen. */
const ON_H5 = process.env.TARO_ENV === 'h5';

/** Rules are numbered by their place in the totals per rule: rows say 规则 1、3, the list explains each. */
type RuleNumbers = Map<string, number>;

function amountsLine(amounts: MealSettlementAmounts): string {
  return `餐费 ¥${formatYuan(amounts.grossFen)} · 补贴 ¥${formatYuan(amounts.subsidyFen)} · 自付 ¥${formatYuan(amounts.payableFen)}`;
}

function deliveryLine(amounts: MealSettlementAmounts): string {
  return `配送费 ¥${formatYuan(amounts.deliveryFeeGrossFen)} · 配送补贴 ¥${formatYuan(amounts.deliverySubsidyFen)} · 配送自付 ¥${formatYuan(amounts.deliveryFeeFen)}`;
}

/** What the district owes the canteen for these meals: meal subsidies and delivery subsidies. */
function claimLine(amounts: MealSettlementAmounts): string {
  return `应由区里支付补贴 ¥${formatYuan(amounts.subsidyFen + amounts.deliverySubsidyFen)}`;
}

function Row({ row, numbers }: { row: MealSettlementRow; numbers: RuleNumbers }) {
  return (
    <View className='settlement-row' data-order={row.orderId}>
      <Text className='settlement-row__title'>
        {row.mealDate} {MEAL_KIND_LABELS[row.mealKind]} · {row.elderName}
      </Text>
      <Text className='settlement-row__line settlement-row__elder'>
        {row.elderIdNumber ?? '无身份证号'} · {row.mealPointName} · {MEAL_FULFILMENT_LABELS[row.fulfilment]} · {MEAL_ORDER_STATUS_LABELS[row.status]}
      </Text>
      <Text className='settlement-row__line settlement-row__amounts'>{amountsLine(row)}</Text>
      {row.deliveryFeeGrossFen > 0 && <Text className='settlement-row__line settlement-row__delivery'>{deliveryLine(row)}</Text>}
      <Text className='settlement-row__line settlement-row__rules'>
        规则{' '}
        {row.rules
          .map((share) => numbers.get(share.ruleId) ?? 0)
          .sort((a, b) => a - b)
          .join('、')}
      </Text>
    </View>
  );
}

function Totals({ settlement }: { settlement: MealSettlement }) {
  const { totals, byRule } = settlement;
  const ruleMealFen = byRule.reduce((sum, rule) => sum + rule.mealFen, 0);
  const ruleDeliveryFen = byRule.reduce((sum, rule) => sum + rule.deliveryFen, 0);
  return (
    <View className='settlement-totals'>
      <Text className='settlement-totals__title'>合计 {totals.meals} 餐</Text>
      <Text className='settlement-totals__line settlement-totals__amounts'>{amountsLine(totals)}</Text>
      <Text className='settlement-totals__line settlement-totals__delivery'>{deliveryLine(totals)}</Text>
      <Text className='settlement-totals__line settlement-totals__total'>老人合计自付 ¥{formatYuan(totals.totalFen)}</Text>
      <Text className='settlement-totals__title settlement-totals__claim'>{claimLine(totals)}</Text>
      <Text className='settlement-totals__line settlement-totals__check'>
        按规则相加：餐费补贴 ¥{formatYuan(ruleMealFen)} · 配送补贴 ¥{formatYuan(ruleDeliveryFen)}
      </Text>
    </View>
  );
}

/** The canteen's month per meal point (byMealPoint): together they make the totals above. Only with two points or more. */
function PointTotals({ settlement }: { settlement: MealSettlement }) {
  if (settlement.byMealPoint.length < 2) return null;
  return (
    <View className='settlement-points'>
      <Text className='settlement__label'>各助餐点</Text>
      {settlement.byMealPoint.map(({ mealPointId, mealPointName, totals }) => (
        <View key={mealPointId} className='settlement-point-total' data-point={mealPointId}>
          <Text className='settlement-point-total__title'>
            {mealPointName} · {totals.meals} 餐
          </Text>
          <Text className='settlement-point-total__line settlement-point-total__amounts'>{amountsLine(totals)}</Text>
          {totals.deliveryFeeGrossFen > 0 && <Text className='settlement-point-total__line settlement-point-total__delivery'>{deliveryLine(totals)}</Text>}
          <Text className='settlement-point-total__line settlement-point-total__claim'>{claimLine(totals)}</Text>
        </View>
      ))}
    </View>
  );
}

/** Said in place of a rule's details while the districts' rules are on their way or could not be read. */
const RULES_NOT_READ: Partial<Record<RemoteData<unknown>['status'], string>> = {
  loading: '（正在读取规则说明）',
  error: '（规则说明没有读到）',
};

function Rule({ share, number, named, rules }: { share: MealSettlementRuleTotal; number: number; named: MealSettlementRuleName | undefined; rules: SettlementRuleSource }) {
  const rule = rules.kind === 'rules' ? rules.byId.get(share.ruleId) : undefined;
  const titled = rule ?? named;
  const notRead = rules.kind === 'rules' && !rule ? RULES_NOT_READ[rules.status] : undefined;
  return (
    <View className='settlement-rule' data-rule={share.ruleId}>
      <Text className='settlement-rule__title'>
        规则 {number} · {titled ? subsidyRuleTitle(titled) : '（区里的规则中没有这一条）'}
      </Text>
      {rule && (
        <Text className='settlement-rule__line settlement-rule__what'>
          {subsidyRuleLine(rule)} · {rule.effectiveFrom} 至 {rule.effectiveTo ?? '长期'}
        </Text>
      )}
      {notRead && <Text className='settlement-rule__line settlement-rule__note'>{notRead}</Text>}
      <Text className='settlement-rule__line settlement-rule__share'>
        {share.meals} 餐 · 餐费补贴 ¥{formatYuan(share.mealFen)} · 配送补贴 ¥{formatYuan(share.deliveryFen)}
      </Text>
      <Text className='settlement-rule__line settlement-rule__id'>规则编号 {share.ruleId}</Text>
    </View>
  );
}

/** Each rule id of the month: its name and version, for staff what it gives to whom, and its share of the month. */
function RuleList({ settlement, rules }: { settlement: MealSettlement; rules: SettlementRuleSource }) {
  const named = new Map(settlement.ruleNames.map((name) => [name.ruleId, name]));
  return (
    <View className='settlement-rules'>
      <Text className='settlement__label'>补贴规则说明</Text>
      {rules.kind === 'names' && (
        <Text className='settlement__line settlement-rules__hint'>补贴规则由区里制定，名称和版本与区里公布的一致。对补贴金额有疑问，请联系社区工作人员。</Text>
      )}
      {rules.kind === 'rules' && rules.status === 'error' && (
        <Button className='settlement__button settlement-rules__retry settlement-print-hide' size='large' block onClick={rules.retry}>
          重新读取规则说明
        </Button>
      )}
      {settlement.byRule.map((share, index) => (
        <Rule key={share.ruleId} share={share} number={index + 1} named={named.get(share.ruleId)} rules={rules} />
      ))}
    </View>
  );
}

function ExportMessage({ state }: { state: SaveState }) {
  if (state.status === 'saved') return <Text className='settlement__message settlement__message--done settlement-export__done'>已导出，请在下载的文件中查看</Text>;
  if (state.status !== 'failed') return null;
  return (
    <View className='settlement-export__problems'>
      {state.problems.map((problem) => (
        <Text key={problem} className='settlement__message settlement-export__problem'>
          {problem}
        </Text>
      ))}
    </View>
  );
}

function Export({ csv, point }: { csv: SettlementMonth['csv']; point: ChosenSettlement['point'] }) {
  if (!ON_H5) return <Text className='settlement__message settlement__message--done settlement-export-hint'>导出 CSV 和打印：请在电脑浏览器中打开本页</Text>;
  return (
    <View className='settlement-export settlement-print-hide'>
      <ExportMessage state={csv.state} />
      <SubmitButton className='settlement-export__csv' pending={csv.state.status === 'pending'} onClick={csv.run}>
        {point ? '导出 CSV（整个机构）' : '导出 CSV'}
      </SubmitButton>
      <Button className='settlement__button settlement-export__print' size='large' block onClick={() => window.print()}>
        打印
      </Button>
    </View>
  );
}

export interface MealSettlementSheetProps extends ChosenSettlement {
  /** The canteen's month as the API settles it, and its CSV. */
  sheet: SettlementMonth;
  rules: SettlementRuleSource;
}

/**
 * 补贴结算 of one canteen's month, as both desks show it: 导出 CSV and 打印 (H5), the totals the district pays, the
 * totals per meal point, each rule explained, and every subsidised meal with the elder masked. With one point chosen,
 * its rows and totals summed from them; the CSV stays the whole canteen's. Printed without the app around it.
 */
export function MealSettlementSheet({ canteen, point, month, sheet, rules }: MealSettlementSheetProps) {
  return (
    <>
      <Export csv={sheet.csv} point={point} />
      <RemoteContent
        state={sheet.settlement.state}
        onRetry={sheet.settlement.retry}
        isEmpty={(whole) => isEmptyList(settlementOfPoint(whole, point?.id ?? null).rows)}
        emptyText='这个月没有享受补贴的餐'
      >
        {(whole) => {
          const settlement = settlementOfPoint(whole, point?.id ?? null);
          const numbers: RuleNumbers = new Map(settlement.byRule.map((share, index) => [share.ruleId, index + 1]));
          return (
            <View className='settlement-sheet'>
              <Text className='settlement-sheet__title'>
                {canteen.name}
                {point ? ` · ${point.name}` : ''} {month} 老年助餐补贴结算
              </Text>
              <Totals settlement={settlement} />
              {!point && <PointTotals settlement={settlement} />}
              <RuleList settlement={settlement} rules={rules} />
              <Text className='settlement__label'>每一餐（老人姓名和身份证号已隐去部分）</Text>
              {settlement.rows.map((row) => (
                <Row key={row.orderId} row={row} numbers={numbers} />
              ))}
            </View>
          );
        }}
      </RemoteContent>
    </>
  );
}
