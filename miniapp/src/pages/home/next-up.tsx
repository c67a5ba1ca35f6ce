import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { BOOKING_STATUS_LABELS, serviceOrderTitle } from '@linli/shared';
import { useState } from 'react';

import type { BookingView, ServiceOrderView } from '@linli/shared';

import { CheckInCodePanel } from '../../components/check-in-code';
import { useNextUp } from '../../hooks/useNextUp';
import { slotWhen } from '../../texts/booking-messages';
import { RESIDENT_STATUS_HINTS, windowLabel } from '../../texts/order-messages';
import { openHomeOrder, openOrdersTab } from '../../navigation/routes';

/** The booking coming next: what, when, where, for whom; its check-in code one tap away once it is confirmed. */
function NextBooking({ booking }: { booking: BookingView }) {
  const [codeShown, setCodeShown] = useState(false);
  return (
    <View className='next-booking'>
      <View className='next-booking__head'>
        <Text className='next-booking__service'>{booking.service.name}</Text>
        <Text className='next-booking__status'>{BOOKING_STATUS_LABELS[booking.status]}</Text>
      </View>
      <Text className='next-booking__line'>时间：{slotWhen(booking)}</Text>
      <Text className='next-booking__line'>地点：{booking.centre.name}</Text>
      <Text className='next-booking__line'>地址：{booking.centre.address}</Text>
      <Text className='next-booking__line'>预约人：{booking.person.name}</Text>
      {booking.status === 'pending_review' && <Text className='next-booking__note'>需工作人员确认，确认后预约才生效</Text>}
      {booking.status === 'confirmed' && (
        <Button className='next-booking__check-in' type='primary' size='large' block onClick={() => setCodeShown(!codeShown)}>
          {codeShown ? '收起签到码' : '签到码'}
        </Button>
      )}
      {codeShown && <CheckInCodePanel bookingId={booking.id} />}
    </View>
  );
}

/** A home visit being arranged or under way: what is happening in plain words (not the dispatcher's); a tap opens it. */
function NextOrder({ order }: { order: ServiceOrderView }) {
  return (
    <View className='next-order' hoverClass='next-order--pressed' onClick={() => openHomeOrder(order.id)}>
      <Text className='next-order__service'>{serviceOrderTitle(order)}（上门服务）</Text>
      <Text className='next-order__status'>{RESIDENT_STATUS_HINTS[order.status]}</Text>
      <Text className='next-order__line'>时间：{windowLabel(order.windowStartsAt, order.windowEndsAt)}</Text>
      <Text className='next-order__line'>地址：{order.address}</Text>
      {order.worker && <Text className='next-order__line'>服务人员：{order.worker.name}</Text>}
      <Text className='next-order__more'>查看订单 ›</Text>
    </View>
  );
}

/**
 * The top of 首页 for a signed-in resident: the live home order and the next booking, if any. Nothing at all while
 * loading or when nothing is coming; a failed load says so briefly, with a retry, without hiding the page below.
 */
export function NextUp() {
  const next = useNextUp();
  const { state } = next;
  if (state.status === 'loading') return null;
  if (state.status === 'error') {
    return (
      <View className='home__section next-up next-up--error'>
        <Text className='next-up__error'>您的预约没有加载出来：{state.error.message}</Text>
        <Button className='next-up__retry' size='large' block onClick={next.retry}>
          重新加载我的预约
        </Button>
      </View>
    );
  }
  const { booking, order } = state.data;
  if (!booking && !order) return null;
  return (
    <View className='home__section next-up'>
      <Text className='home__title'>我的预约</Text>
      {order && <NextOrder order={order} />}
      {booking && <NextBooking booking={booking} />}
      <Button className='next-up__all' size='large' block onClick={openOrdersTab}>
        查看全部订单
      </Button>
    </View>
  );
}
