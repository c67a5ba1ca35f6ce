import { Text, View } from '@tarojs/components';

import type { MealPointView } from '@linli/shared';

import { MealSettlementSheet, SettlementChooser } from '../../../components/meal-settlement';
import { isEmptyList, RemoteContent } from '../../../components/remote-content';
import { StaffDeskPage } from '../../components/staff-gate';
import { useManagedMealPoints, useSettlementSheet } from '../../hooks/useMealSettlement';

import type { ChosenSettlement } from '../../../components/meal-settlement';

import '../../components/staff-desk.scss';

/** Staff may read the districts' rules: each rule id of the month is explained in full. */
function CanteenMonth({ canteen, point, month }: ChosenSettlement) {
  const sheet = useSettlementSheet(canteen, month);
  return <MealSettlementSheet canteen={canteen} point={point} month={month} sheet={sheet} rules={sheet.rules} />;
}

function Settlement({ points }: { points: MealPointView[] }) {
  return <SettlementChooser points={points}>{(chosen) => <CanteenMonth {...chosen} />}</SettlementChooser>;
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
 * `/staff/pages/meal-settlement/index`: a canteen's subsidised meals of a month (elders masked) with totals, totals per
 * meal point and each rule explained in full; 导出 CSV for the bureau and 打印 on H5. The sheet is the one the canteen's
 * operator sees on their own desk (components/meal-settlement).
 */
export function StaffMealSettlementPage() {
  return <StaffDeskPage title='助餐补贴结算' desk={() => <Desk />} />;
}

export default StaffMealSettlementPage;
