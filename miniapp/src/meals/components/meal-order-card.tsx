import { Text, View } from '@tarojs/components';
import { MEAL_FULFILMENT_LABELS, MEAL_KIND_LABELS, MEAL_ORDER_STATUS_LABELS, MEAL_PAYMENT_METHOD_LABELS, readBackSentence, shanghaiDateOf } from '@linli/shared';

import type { MealOrderView } from '@linli/shared';
import type { ReactNode } from 'react';

import { ReadAloudButton } from '../../components/read-aloud-button';
import { dateLabel } from '../../texts/booking-messages';
import { cutOffLabel, mealStatusHint, refundLine, yuan } from '../../texts/meal-messages';

/** `明天 12月2日 周三 午餐`. */
export function mealWhen(order: Pick<MealOrderView, 'mealDate' | 'mealKind'>): string {
  return `${dateLabel(order.mealDate)} ${MEAL_KIND_LABELS[order.mealKind]}`;
}

/** The order read back as made, with its status: 已为 李建国 订 明天…的午餐：… 实付 5.00 元，助餐余额，已下单. */
export function mealOrderSentence(order: MealOrderView): string {
  const sentence = readBackSentence(
    {
      kind: 'order_meal',
      person: order.resident.name,
      date: order.mealDate,
      mealKind: order.mealKind,
      point: order.mealPoint.name,
      dishes: order.lines,
      fulfilment: order.fulfilment,
      payment: order.paymentMethod,
      payableFen: order.price.total,
      done: true,
    },
    shanghaiDateOf(new Date()),
  );
  return `${sentence}，${MEAL_ORDER_STATUS_LABELS[order.status]}`;
}

/** One meal order: when, for whom, where, what, how much, its status and refund in words; the buttons come from the page. */
export function MealOrderCard({ order, children }: { order: MealOrderView; children?: ReactNode }) {
  const refund = refundLine(order.refunds);
  return (
    <View className='meal-order'>
      <View className='meal-order__head'>
        <Text className='meal-order__when'>{mealWhen(order)}</Text>
        <Text className={`meal-order__status meal-order__status--${order.status}`}>{MEAL_ORDER_STATUS_LABELS[order.status]}</Text>
      </View>
      <Text className='meal-order__line'>用餐人：{order.resident.name}</Text>
      <Text className='meal-order__line'>
        {order.mealPoint.name} · {MEAL_FULFILMENT_LABELS[order.fulfilment]}
      </Text>
      {order.lines.map((line) => (
        <Text key={line.dishId} className='meal-order__line'>
          {line.name} × {line.quantity}
        </Text>
      ))}
      <Text className='meal-order__total'>
        实付 {yuan(order.price.total)}（{MEAL_PAYMENT_METHOD_LABELS[order.paymentMethod]}）
      </Text>
      <Text className='meal-order__hint'>{mealStatusHint(order.status, order.paymentMethod)}</Text>
      {refund && <Text className={`meal-order__refund${refund.problem ? ' meal-order__refund--problem' : ''}`}>{refund.text}</Text>}
      {order.cancelReason && <Text className='meal-order__hint'>取消原因：{order.cancelReason}</Text>}
      {order.actions.includes('change') && <Text className='meal-order__hint'>{cutOffLabel(order.cutOffAt, order.mealDate)}</Text>}
      <ReadAloudButton className='meal-order__read-aloud' text={mealOrderSentence(order)} />
      {children}
    </View>
  );
}
