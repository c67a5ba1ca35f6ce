import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatYuan, MEAL_FULFILMENT_LABELS, MEAL_KIND_LABELS, MEAL_ORDER_STATUS_LABELS } from '@linli/shared';

import type { MealPointView, MealSettlement, MealSettlementAmounts, MealSettlementRow } from '@linli/shared';

import { isEmptyList, RemoteContent } from '../../../components/remote-content';
import { SubmitButton } from '../../../components/submit-button';
import { subsidyRuleLine, subsidyRuleTitle } from '../../../texts/subsidy-rule-text';
import { Chips } from '../../components/chips';
import { SaveMessage } from '../../components/save-state';
import { StaffDeskPage } from '../../components/staff-gate';
import { ALL_POINTS, settlementOfPoint, useManagedMealPoints, useSettlementChoice, useSettlementSheet } from '../../hooks/useMealSettlement';

import type { SettlementCanteen, SettlementChoice, SettlementSheet } from '../../hooks/useMealSettlement';

import '../../components/staff-desk.scss';
import './index.scss';

/** Saving a file and printing are the browser's; in WeChat the sheet is read on the screen. */
const ON_H5 = process.env.TARO_ENV === 'h5';

/** Rules are numbered by their place in the totals per rule: rows say 规则 1、3, the list below explains each. */
type RuleNumbers = Map<string, number>;

/** The one meal point looked at, or null for the whole canteen. */
type SettlementPoint = SettlementChoice['point'];

function amountsLine(amounts: MealSettlementAmounts): string {
  return `餐费 ¥${formatYuan(amounts.grossFen)} · 补贴 ¥${formatYuan(amounts.subsidyFen)} · 自付 ¥${formatYuan(amounts.payableFen)}`;
}

function deliveryLine(amounts: MealSettlementAmounts): string {
  return `配送费 ¥${formatYuan(amounts.deliveryFeeGrossFen)} · 配送补贴 ¥${formatYuan(amounts.deliverySubsidyFen)} · 配送自付 ¥${formatYuan(amounts.deliveryFeeFen)}`;
}

function Row({ row, numbers }: { row: MealSettlementRow; numbers: RuleNumbers }) {
  return (
    <View className='staff-booking settlement-row' data-order={row.orderId}>
      <Text className='staff-booking__title'>
        {row.mealDate} {MEAL_KIND_LABELS[row.mealKind]} · {row.elderName}
      </Text>
      <Text className='staff-booking__line settlement-row__elder'>
        {row.elderIdNumber ?? '无身份证号'} · {row.mealPointName} · {MEAL_FULFILMENT_LABELS[row.fulfilment]} · {MEAL_ORDER_STATUS_LABELS[row.status]}
      </Text>
      <Text className='staff-booking__line settlement-row__amounts'>{amountsLine(row)}</Text>
      {row.deliveryFeeGrossFen > 0 && <Text className='staff-booking__line settlement-row__delivery'>{deliveryLine(row)}</Text>}
      <Text className='staff-booking__line settlement-row__rules'>
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
    <View className='staff-form settlement-totals'>
      <Text className='staff-form__title'>合计 {totals.meals} 餐</Text>
      <Text className='staff-form__line settlement-totals__amounts'>{amountsLine(totals)}</Text>
      <Text className='staff-form__line settlement-totals__delivery'>{deliveryLine(totals)}</Text>
      <Text className='staff-form__line settlement-totals__total'>老人合计自付 ¥{formatYuan(totals.totalFen)}</Text>
      <Text className='staff-form__title settlement-totals__claim'>应由区里支付补贴 ¥{formatYuan(totals.subsidyFen + totals.deliverySubsidyFen)}</Text>
      <Text className='staff-form__line settlement-totals__check'>
        按规则相加：餐费补贴 ¥{formatYuan(ruleMealFen)} · 配送补贴 ¥{formatYuan(ruleDeliveryFen)}
      </Text>
    </View>
  );
}

const MISSING_RULE_TITLES: Record<SettlementSheet['rulesStatus'], string> = {
  loading: '（正在读取规则说明）',
  error: '（规则说明没有读到）',
  ready: '（区里的规则中没有这一条）',
};

/** Each rule id explained: its name and version, what it gives to whom, and its share of the month. */
function RuleList({ settlement, sheet }: { settlement: MealSettlement; sheet: SettlementSheet }) {
  return (
    <View className='settlement-rules'>
      <Text className='staff-desk__label'>补贴规则说明</Text>
      {sheet.rulesStatus === 'error' && (
        <Button className='staff-desk__button settlement-rules__retry settlement-print-hide' size='large' block onClick={sheet.retryRules}>
          重新读取规则说明
        </Button>
      )}
      {settlement.byRule.map((share, index) => {
        const rule = sheet.rules.get(share.ruleId);
        return (
          <View key={share.ruleId} className='staff-booking settlement-rule' data-rule={share.ruleId}>
            <Text className='staff-booking__title'>
              规则 {index + 1} · {rule ? subsidyRuleTitle(rule) : MISSING_RULE_TITLES[sheet.rulesStatus]}
            </Text>
            {rule && (
              <Text className='staff-booking__line settlement-rule__what'>
                {subsidyRuleLine(rule)} · {rule.effectiveFrom} 至 {rule.effectiveTo ?? '长期'}
              </Text>
            )}
            <Text className='staff-booking__line settlement-rule__share'>
              {share.meals} 餐 · 餐费补贴 ¥{formatYuan(share.mealFen)} · 配送补贴 ¥{formatYuan(share.deliveryFen)}
            </Text>
            <Text className='staff-booking__line settlement-rule__id'>规则编号 {share.ruleId}</Text>
          </View>
        );
      })}
    </View>
  );
}

function Sheet({ canteen, point, month, sheet }: { canteen: SettlementCanteen; point: SettlementPoint; month: string; sheet: SettlementSheet }) {
  return (
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
            <Text className='staff-desk__label settlement-sheet__title'>
              {canteen.name}
              {point ? ` · ${point.name}` : ''} {month} 老年助餐补贴结算
            </Text>
            <Totals settlement={settlement} />
            <RuleList settlement={settlement} sheet={sheet} />
            <Text className='staff-desk__label'>每一餐（老人姓名和身份证号已隐去部分）</Text>
            {settlement.rows.map((row) => (
              <Row key={row.orderId} row={row} numbers={numbers} />
            ))}
          </View>
        );
      }}
    </RemoteContent>
  );
}

function Export({ sheet, point }: { sheet: SettlementSheet; point: SettlementPoint }) {
  if (!ON_H5) return <Text className='staff-desk__message staff-desk__message--done settlement-export-hint'>导出 CSV 和打印：请在电脑浏览器中打开工作台</Text>;
  return (
    <View className='staff-form settlement-export settlement-print-hide'>
      <SaveMessage state={sheet.csv.state} doneText='已导出，请在下载的文件中查看' />
      <SubmitButton className='settlement-export__csv' pending={sheet.csv.state.status === 'pending'} onClick={sheet.csv.run}>
        {point ? '导出 CSV（整个机构）' : '导出 CSV'}
      </SubmitButton>
      <Button className='staff-desk__button settlement-export__print' size='large' block onClick={() => window.print()}>
        打印
      </Button>
    </View>
  );
}

function CanteenMonth({ canteen, point, month }: { canteen: SettlementCanteen; point: SettlementPoint; month: string }) {
  const sheet = useSettlementSheet(canteen, month);
  return (
    <>
      <Export sheet={sheet} point={point} />
      <Sheet canteen={canteen} point={point} month={month} sheet={sheet} />
    </>
  );
}

function Settlement({ points }: { points: MealPointView[] }) {
  const choice = useSettlementChoice(points);
  return (
    <>
      <View className='settlement-print-hide'>
        <Text className='staff-desk__label'>助餐机构</Text>
        <Chips
          className='settlement-canteen'
          chips={choice.canteens.map((canteen) => ({ value: canteen.id, label: canteen.name }))}
          value={choice.canteen?.id ?? ''}
          onChange={choice.chooseCanteen}
        />
        {choice.canteen && choice.canteen.points.length > 1 && (
          <>
            <Text className='staff-desk__label'>助餐点</Text>
            <Chips
              className='settlement-point'
              chips={[{ value: ALL_POINTS, label: '全部助餐点' }, ...choice.canteen.points.map((point) => ({ value: point.id, label: point.name }))]}
              value={choice.point?.id ?? ALL_POINTS}
              onChange={choice.choosePoint}
            />
          </>
        )}
        <Text className='staff-desk__label'>月份</Text>
        <Chips className='settlement-month' chips={choice.months.map((month) => ({ value: month, label: month }))} value={choice.month} onChange={choice.chooseMonth} />
      </View>
      {choice.canteen && <CanteenMonth key={`${choice.canteen.id}|${choice.month}`} canteen={choice.canteen} point={choice.point} month={choice.month} />}
    </>
  );
}

function Desk() {
  const points = useManagedMealPoints();
  return (
    <>
      <View className='settlement-print-hide'>
        <Text className='staff-desk__title'>助餐补贴结算</Text>
        <Text className='staff-desk__line'>每月和区里结算：享受补贴的每一餐、用了哪条补贴规则、补贴多少。金额取自下单时的价格，不会因规则调整而变。</Text>
      </View>
      <RemoteContent state={points.state} onRetry={points.retry} isEmpty={isEmptyList} emptyText='您负责的区域里还没有助餐点'>
        {(items) => <Settlement points={items} />}
      </RemoteContent>
    </>
  );
}

/**
 * `/staff/pages/meal-settlement/index`: a canteen's subsidised meals of a month (elders masked) with totals and each
 * rule explained; 导出 CSV for the bureau and 打印 on H5.
 */
export function StaffMealSettlementPage() {
  return <StaffDeskPage title='助餐补贴结算' desk={() => <Desk />} />;
}

export default StaffMealSettlementPage;
