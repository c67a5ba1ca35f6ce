import { Text, View } from '@tarojs/components';

import type { MealPointView } from '@linli/shared';

import { MealSettlementSheet, SettlementChooser } from '../../../components/meal-settlement';
import { isEmptyList, RemoteContent } from '../../../components/remote-content';
import { useSettlementMonth } from '../../../hooks/useMealSettlement';
import { CanteenPage } from '../../components/canteen-gate';
import { useMealPoints } from '../../hooks/useMealPoints';

import type { ChosenSettlement, SettlementRuleSource } from '../../../components/meal-settlement';

/** The operator cannot read the district's rules: each rule id is named as the settlement names it. */
const NAMED_RULES: SettlementRuleSource = { kind: 'names' };

function CanteenMonth({ canteen, point, month }: ChosenSettlement) {
  const sheet = useSettlementMonth(canteen, month);
  return <MealSettlementSheet canteen={canteen} point={point} month={month} sheet={sheet} rules={NAMED_RULES} />;
}

function Settlement({ points }: { points: MealPointView[] }) {
  return <SettlementChooser points={points}>{(chosen) => <CanteenMonth {...chosen} />}</SettlementChooser>;
}

function Points() {
  const points = useMealPoints();
  return (
    <RemoteContent state={points.state} onRetry={points.retry} isEmpty={isEmptyList} emptyText='您还没有助餐点'>
      {(items) => <Settlement points={items} />}
    </RemoteContent>
  );
}

/**
 * `/canteen/pages/settlement/index`: 补贴结算 on the canteen operator's desk — the month the canteen settles with the
 * district, as staff see it (the same sheet, components/meal-settlement): every subsidised meal with the elder masked,
 * the subsidy the district owes, per meal point and per rule by name and version; 导出 CSV and 打印 on H5.
 */
export function CanteenSettlementPage() {
  return (
    <CanteenPage title='补贴结算'>
      {() => (
        <>
          <View className='settlement-print-hide'>
            <Text className='canteen__title'>补贴结算</Text>
            <Text className='canteen__line'>
              每月和区里结算老年助餐补贴：这里列出享受补贴的每一餐、按哪条规则补贴、补贴多少，“应由区里支付补贴”就是这个月向区里申请的金额。金额取自下单时的价格。
            </Text>
          </View>
          <Points />
        </>
      )}
    </CanteenPage>
  );
}

export default CanteenSettlementPage;
