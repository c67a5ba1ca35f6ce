import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { BOOKING_STATUS_LABELS, readBackSentence, shanghaiDateOf } from '@linli/shared';

import type { BookingView } from '@linli/shared';

import { ReadAloudButton } from '../../components/read-aloud-button';
import { ReadBack } from '../../components/read-back';
import { SlotPicker } from '../../components/slot-picker';
import { slotWhen } from '../../texts/booking-messages';
import { CheckInCodePanel } from '../../components/check-in-code';

import type { MyBookingsHandle } from '../../hooks/useMyBookings';

const BOOKED_FOR: Record<BookingView['bookedFor'], string> = { self: '本人', household: '家人', staff: '工作人员代约' };

/** The booking read back as made, with its status: 已为 王秀英 预约 … 的 社保医保代办，已预约. */
export function bookedSentence(booking: BookingView): string {
  const facts = { kind: 'book', person: booking.person.name, when: booking, centre: booking.centre.name, service: booking.service.name, done: true } as const;
  return `${readBackSentence(facts, shanghaiDateOf(new Date()))}，${BOOKING_STATUS_LABELS[booking.status]}`;
}

/** One booking: what, where, when, for whom, its status; and the actions the API allows now, opened inline. */
export function BookingCard({ booking, orders }: { booking: BookingView; orders: MyBookingsHandle }) {
  const panel = orders.panels[booking.id];
  const request = orders.requestOf(booking.id);
  const pending = request.status === 'pending';
  const canCancel = booking.actions.includes('cancel');
  const toggle = (next: typeof panel) => orders.setPanel(booking.id, panel === next ? undefined : next);

  return (
    <View className={`booking-card booking-card--${booking.status}`}>
      <View className='booking-card__head'>
        <Text className='booking-card__service'>{booking.service.name}</Text>
        <Text className={`booking-card__status booking-card__status--${booking.status}`}>{BOOKING_STATUS_LABELS[booking.status]}</Text>
      </View>
      <Text className='booking-card__line'>时间：{slotWhen(booking)}</Text>
      <Text className='booking-card__line'>地点：{booking.centre.name}</Text>
      <Text className='booking-card__line'>地址：{booking.centre.address}</Text>
      <Text className='booking-card__line'>
        预约人：{booking.person.name}（{BOOKED_FOR[booking.bookedFor]}）
      </Text>
      {booking.groupSize !== null && <Text className='booking-card__line'>人数：{booking.groupSize}</Text>}
      {booking.status === 'pending_review' && <Text className='booking-card__note'>需工作人员确认，确认后预约才生效</Text>}
      {/* 朗读 what is booked, for whom, where and when, and its status (where the platform can speak). */}
      <ReadAloudButton className='booking-card__read-aloud' text={bookedSentence(booking)} />

      <View className='booking-card__actions'>
        {booking.status === 'confirmed' && (
          <Button className='booking-check-in' type='primary' size='large' onClick={() => toggle('check-in-code')}>
            {panel === 'check-in-code' ? '收起签到码' : '签到码'}
          </Button>
        )}
        {canCancel && (
          <Button className='booking-reschedule' size='large' onClick={() => toggle('reschedule')}>
            {panel === 'reschedule' ? '不改了' : '改约'}
          </Button>
        )}
        {canCancel && (
          <Button className='booking-cancel' size='large' onClick={() => toggle('cancel')}>
            {panel === 'cancel' ? '不取消' : '取消'}
          </Button>
        )}
      </View>

      {panel === 'check-in-code' && <CheckInCodePanel bookingId={booking.id} />}
      {panel === 'cancel' && (
        // The read-back of what is given up, for whom, where and when (issue 16), before the one tap that cancels.
        <ReadBack
          className='booking-card__panel booking-cancel-step'
          title='确定要取消这个预约吗？'
          sentence={readBackSentence(
            { kind: 'cancel_booking', person: booking.person.name, when: booking, centre: booking.centre.name, service: booking.service.name },
            shanghaiDateOf(new Date()),
          )}
          confirmClassName='booking-cancel-confirm'
          confirmText='确认取消'
          pending={pending}
          onConfirm={() => orders.cancel(booking)}
          backText='不取消，返回'
          onBack={() => toggle('cancel')}
        />
      )}
      {panel === 'reschedule' && (
        <View className='booking-card__panel'>
          <Text className='booking-card__ask'>选一个新的时间，点一下就改好（同一个中心、同一项服务）。</Text>
          <SlotPicker centreId={booking.centre.id} serviceId={booking.service.id} current={booking.startsAt} onPick={(slot) => !pending && orders.reschedule(booking, slot)} />
          {pending && <Text className='booking-card__ask'>正在改约，请稍候…</Text>}
        </View>
      )}
      {request.status === 'failed' && <Text className='booking-card__error'>{request.message}</Text>}
    </View>
  );
}
