import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatYuan, MEAL_FULFILMENT_LABELS, MEAL_KIND_LABELS, MEAL_PAYMENT_METHOD_LABELS, MEAL_PAYMENT_METHODS } from '@linli/shared';

import type { MealPointView, MenuMealView } from '@linli/shared';

import { isEmptyList, RemoteContent } from '../../../components/remote-content';
import { SubmitButton } from '../../../components/submit-button';
import { dayLabel, mealOrderLines, mealOrderSummary } from '../../../texts/canteen-messages';
import { Chips } from '../../components/chips';
import { MAX_PORTIONS, useStaffMealOrder } from '../../hooks/useStaffMealOrder';

import type { StaffMealOrderHandle } from '../../hooks/useStaffMealOrder';

function Dishes({ order, meal }: { order: StaffMealOrderHandle; meal: MenuMealView }) {
  if (meal.closedReason !== null) return <Text className='staff-desk__line'>这一天停餐：{meal.closedReason}</Text>;
  if (!meal.orderable) return <Text className='staff-desk__line'>这一餐已过订餐截止时间</Text>;
  return (
    <>
      {meal.dishes.map((dish) => {
        const portions = order.portions[dish.id] ?? 0;
        return (
          <View key={dish.id} className='staff-booking staff-meal-dish' data-dish={dish.id}>
            <Text className='staff-booking__title'>
              {dish.name} ¥{formatYuan(dish.priceFen)}
            </Text>
            {dish.remaining !== null && <Text className='staff-booking__line'>还剩 {dish.remaining} 份</Text>}
            <View className='staff-booking__actions'>
              <View className='staff-chip staff-meal-dish__less' onClick={() => order.changePortions(dish.id, -1)}>
                <Text>减一份</Text>
              </View>
              <Text className='staff-meal-dish__count'>{portions} 份</Text>
              <View className={`staff-chip staff-meal-dish__more${portions >= MAX_PORTIONS ? ' staff-chip--disabled' : ''}`} onClick={() => order.changePortions(dish.id, 1)}>
                <Text>加一份</Text>
              </View>
            </View>
          </View>
        );
      })}
    </>
  );
}

function OrderForm({ order, point }: { order: StaffMealOrderHandle; point: MealPointView }) {
  return (
    <>
      <Chips className='staff-meal-date' chips={order.dates.map((date) => ({ value: date, label: dayLabel(date) }))} value={order.date} onChange={order.setDate} />
      <RemoteContent state={order.menu.state} onRetry={order.menu.retry} isEmpty={(menu) => !menu || menu.meals.length === 0} emptyText='这一天没有供餐'>
        {(menu) => (
          <>
            <View className='staff-desk__choices'>
              {menu!.meals.map((meal) => (
                <View
                  key={meal.mealKind}
                  className={`staff-chip staff-meal-kind${order.meal?.mealKind === meal.mealKind ? ' staff-chip--selected' : ''}`}
                  data-value={meal.mealKind}
                  ariaRole='radio'
                  onClick={() => order.chooseMeal(meal.mealKind)}
                >
                  <Text>{MEAL_KIND_LABELS[meal.mealKind]}</Text>
                </View>
              ))}
            </View>
            {order.meal && <Dishes order={order} meal={order.meal} />}
          </>
        )}
      </RemoteContent>
      <Text className='staff-desk__label'>怎么用餐</Text>
      <View className='staff-desk__choices'>
        {point.fulfilments.map((fulfilment) => (
          <View
            key={fulfilment}
            className={`staff-chip staff-meal-fulfilment${order.fulfilment === fulfilment ? ' staff-chip--selected' : ''}`}
            data-value={fulfilment}
            ariaRole='radio'
            onClick={() => order.setFulfilment(fulfilment)}
          >
            <Text>{MEAL_FULFILMENT_LABELS[fulfilment]}</Text>
          </View>
        ))}
      </View>
      <Text className='staff-desk__label'>怎么付款</Text>
      <Chips
        className='staff-meal-payment'
        chips={MEAL_PAYMENT_METHODS.map((method) => ({ value: method, label: MEAL_PAYMENT_METHOD_LABELS[method] }))}
        value={order.paymentMethod}
        onChange={order.setPaymentMethod}
      />
      <SubmitButton className='staff-meal-order-submit' pending={order.state.status === 'pending'} onClick={order.submit}>
        确认订餐
      </SubmitButton>
      {order.state.status === 'failed' && <Text className='staff-desk__message'>{order.state.message}</Text>}
    </>
  );
}

/** 代老人订餐: for an elder without a phone, from the meal points of the staff member's region. */
export function OrderSection({ residentId, residentName }: { residentId: string; residentName: string }) {
  const order = useStaffMealOrder(residentId);
  if (order.placed) {
    return (
      <View className='staff-desk__block staff-meal-order'>
        <Text className='staff-desk__message staff-desk__message--done staff-meal-order__placed'>
          已为{residentName}订好 {dayLabel(order.placed.mealDate)}：{mealOrderLines(order.placed)}（{mealOrderSummary(order.placed)}）。取餐时报姓名即可。
        </Text>
        <Button className='staff-desk__button' size='large' block onClick={order.again}>
          再订一餐
        </Button>
      </View>
    );
  }
  return (
    <View className='staff-desk__block staff-meal-order'>
      <Text className='staff-desk__label'>代老人订餐</Text>
      <RemoteContent state={order.points.state} onRetry={order.points.retry} isEmpty={isEmptyList} emptyText='您负责的区域还没有助餐点'>
        {(points) => (
          <>
            {points.length > 1 && (
              <Chips
                className='staff-meal-point'
                chips={points.map((point) => ({ value: point.id, label: point.name }))}
                value={order.point?.id ?? ''}
                onChange={(id) => order.choosePoint(points.find((point) => point.id === id)!)}
              />
            )}
            {order.point && <OrderForm order={order} point={order.point} />}
          </>
        )}
      </RemoteContent>
    </View>
  );
}
