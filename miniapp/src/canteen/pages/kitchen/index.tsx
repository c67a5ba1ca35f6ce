import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { addDays, DISH_TAG_LABELS } from '@linli/shared';

import type { KitchenCounts, MealPointView } from '@linli/shared';

import { RemoteContent } from '../../../components/remote-content';
import { dayLabel, mealLabel } from '../../../texts/canteen-messages';
import { MealPointPage } from '../../components/canteen-gate';
import { MealKindChoice } from '../../components/meal-kind-choice';
import { useKitchenCounts } from '../../hooks/useKitchenCounts';

import type { KitchenCountsHandle } from '../../hooks/useKitchenCounts';

/** Printing is the browser's; in WeChat the sheet is read on the screen. */
const CAN_PRINT = process.env.TARO_ENV === 'h5';

function Sheet({ point, counts }: { point: MealPointView; counts: KitchenCounts }) {
  return (
    <View className='kitchen-sheet'>
      <Text className='canteen__label'>
        {point.name} · {mealLabel(counts.mealDate, counts.mealKind)} · 共 {counts.orders} 份订单
      </Text>
      <View className='kitchen-table kitchen-dishes'>
        <View className='kitchen-table__row kitchen-table__head'>
          <Text>菜品</Text>
          <Text className='kitchen-table__count'>份数</Text>
        </View>
        {counts.dishes.map((dish) => (
          <View key={dish.dishId} className='kitchen-table__row kitchen-dish'>
            <Text>{dish.name}</Text>
            <Text className='kitchen-table__count'>{dish.portions}</Text>
          </View>
        ))}
      </View>
      {counts.tags.length > 0 && (
        <View className='kitchen-table kitchen-tags'>
          <View className='kitchen-table__row kitchen-table__head'>
            <Text>口味要求</Text>
            <Text className='kitchen-table__count'>份数</Text>
          </View>
          {counts.tags.map((tag) => (
            <View key={tag.tag} className='kitchen-table__row kitchen-tag'>
              <Text>{DISH_TAG_LABELS[tag.tag]}</Text>
              <Text className='kitchen-table__count'>{tag.portions}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

function DayChoice({ kitchen, today }: { kitchen: KitchenCountsHandle; today: string }) {
  return (
    <View className='canteen__choices'>
      {[0, 1].map((offset) => {
        const date = addDays(today, offset);
        return (
          <View key={date} className={`canteen-chip canteen-day${date === kitchen.date ? ' canteen-chip--selected' : ''}`} ariaRole='radio' onClick={() => kitchen.setDate(date)}>
            <Text>
              {offset === 0 ? '今天' : '明天'} {dayLabel(date)}
            </Text>
          </View>
        );
      })}
    </View>
  );
}

function Kitchen({ point }: { point: MealPointView }) {
  const kitchen = useKitchenCounts(point);
  return (
    <>
      <View className='kitchen-print-hide'>
        <Text className='canteen__title'>后厨统计</Text>
        <DayChoice kitchen={kitchen} today={kitchen.today} />
        <MealKindChoice point={point} value={kitchen.mealKind} onChange={kitchen.setMealKind} />
        <Text className={`canteen__message${kitchen.final ? ' canteen__message--done' : ''} kitchen-final`}>
          {kitchen.final ? '已过订餐截止时间，份数不会再变。' : '还没到截止时间，份数还会变化，截止后再按这个数备餐。'}
        </Text>
      </View>
      <RemoteContent state={kitchen.counts.state} onRetry={kitchen.counts.retry} isEmpty={(counts) => counts.orders === 0} emptyText='这一餐没有订单'>
        {(counts) => <Sheet point={point} counts={counts} />}
      </RemoteContent>
      {CAN_PRINT && (
        <Button className='kitchen-print kitchen-print-hide' type='primary' size='large' block onClick={() => window.print()}>
          打印
        </Button>
      )}
    </>
  );
}

/** `/canteen/pages/kitchen/index?id=`: portions per dish and per tag of one meal, a sheet to print on H5. */
export function CanteenKitchenPage() {
  return <MealPointPage title='后厨统计'>{(point) => <Kitchen point={point} />}</MealPointPage>;
}

export default CanteenKitchenPage;
