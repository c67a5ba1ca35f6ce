import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { addDays, BOOKING_STATUS_LABELS } from '@linli/shared';
import { useEffect, useState } from 'react';

import type { BookingStatus, BookingView, SessionAccount } from '@linli/shared';

import { isEmptyList, RemoteContent } from '../../../components/remote-content';
import { SubmitButton } from '../../../components/submit-button';
import { TextField } from '../../../components/text-field';
import { useErrorToast } from '../../hooks/useErrorToast';
import { isStaffEvent, STAFF_EVENT_LABELS, useStaffBookings } from '../../hooks/useStaffBookings';
import { dateLabel, timeRange } from '../../../texts/booking-messages';
import { CentreChoice } from '../../components/centre-choice';
import { Chips } from '../../components/chips';
import { ServiceChoice } from '../../components/service-choice';
import { StaffDeskPage } from '../../components/staff-gate';

import type { StaffBookingsHandle } from '../../hooks/useStaffBookings';

import '../../components/staff-desk.scss';

const CAN_SCAN = process.env.TARO_ENV === 'weapp';

const FILTER_STATUSES: readonly BookingStatus[] = ['pending_review', 'confirmed', 'checked_in', 'completed', 'no_show', 'cancelled'];
const STATUS_CHIPS: readonly { value: BookingStatus | ''; label: string }[] = [
  { value: '', label: '全部状态' },
  ...FILTER_STATUSES.map((value) => ({ value, label: BOOKING_STATUS_LABELS[value] })),
];

function DateChoice({ desk, today }: { desk: StaffBookingsHandle; today: string }) {
  const dates = [-1, 0, 1, 2, 3, 4, 5, 6].map((offset) => addDays(today, offset));
  return (
    <View className='staff-desk__block'>
      <Text className='staff-desk__label'>日期</Text>
      <View className='staff-desk__choices'>
        {dates.map((date) => (
          <View key={date} className={`staff-date${date === desk.date ? ' staff-date--selected' : ''}`} ariaRole='radio' onClick={() => desk.setDate(date)}>
            <Text>{dateLabel(date)}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

function CheckInBox({ desk }: { desk: StaffBookingsHandle }) {
  const [code, setCode] = useState('');
  const { checkIn } = desk;
  // Checked in: the box is empty for the next person's code.
  useEffect(() => {
    if (checkIn.status === 'done') setCode('');
  }, [checkIn.status]);
  const scan = () => {
    Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] }).then(
      (result) => desk.checkInCode(result.result),
      () => undefined, // closed the scanner: nothing to say
    );
  };
  return (
    <View className='staff-desk__block staff-check-in'>
      <Text className='staff-desk__label'>签到</Text>
      {CAN_SCAN && (
        <SubmitButton className='staff-scan' pending={checkIn.status === 'pending'} onClick={scan}>
          扫码签到
        </SubmitButton>
      )}
      <TextField
        label={CAN_SCAN ? '扫不了时，输入居民念出的 6 位数字' : '输入居民念出的 6 位数字'}
        hint='居民在“订单”里点“签到码”，二维码下方的 6 位数字'
        value={code}
        onChange={setCode}
        inputClassName='staff-check-in-code'
        type='number'
        maxlength={6}
      />
      <SubmitButton className='staff-check-in-submit' pending={checkIn.status === 'pending'} onClick={() => desk.checkInCode(code)}>
        签到
      </SubmitButton>
      {checkIn.status === 'failed' && <Text className='staff-desk__message'>{checkIn.message}</Text>}
      {checkIn.status === 'done' && (
        <Text className='staff-desk__message staff-desk__message--done'>
          {checkIn.booking.person.name} 已签到：{checkIn.booking.service.name} {timeRange(checkIn.booking.start, checkIn.booking.end)}
        </Text>
      )}
    </View>
  );
}

function BookingRow({ booking, desk }: { booking: BookingView; desk: StaffBookingsHandle }) {
  const request = desk.requestOf(booking.id);
  const events = booking.actions.filter(isStaffEvent);
  return (
    <View className='staff-booking'>
      <Text className='staff-booking__title'>
        {timeRange(booking.start, booking.end)} {booking.person.name}
      </Text>
      <Text className='staff-booking__line'>{booking.service.name}</Text>
      <Text className='staff-booking__status'>{BOOKING_STATUS_LABELS[booking.status]}</Text>
      {events.length > 0 && (
        <View className='staff-booking__actions'>
          {events.map((event) => (
            <Button
              key={event}
              className={`staff-booking-action staff-booking-action--${event}`}
              data-event={event}
              type={event === 'decline' || event === 'mark_no_show' ? 'default' : 'primary'}
              size='large'
              disabled={request.status === 'pending'}
              onClick={() => desk.act(booking, event)}
            >
              {STAFF_EVENT_LABELS[event]}
            </Button>
          ))}
        </View>
      )}
      {request.status === 'failed' && <Text className='staff-desk__message'>{request.message}</Text>}
    </View>
  );
}

function Desk({ account }: { account: SessionAccount }) {
  const desk = useStaffBookings(null);
  const [today] = useState(desk.date);
  // The list sits under the filters, the check-in box and the search: a failure is said where the person is looking.
  useErrorToast(desk.state);
  usePullDownRefresh(() => {
    desk.retry();
    void Taro.stopPullDownRefresh();
  });
  return (
    <>
      <Text className='staff-desk__title'>今日预约</Text>
      <Text className='staff-desk__line'>{account.displayName}，请选择市民中心和日期。</Text>
      <CentreChoice value={desk.centreId} onChange={(centre) => desk.setCentreId(centre.id)} />
      {desk.centreId && (
        <>
          {/* The desk's most frequent job first, above the list's filters. */}
          <CheckInBox desk={desk} />
          <DateChoice desk={desk} today={today} />
          <ServiceChoice value={desk.serviceId} onChange={desk.setServiceId} allLabel='全部服务' />
          <View className='staff-desk__block'>
            <Text className='staff-desk__label'>状态</Text>
            <Chips className='staff-status-filter' chips={STATUS_CHIPS} value={desk.status} onChange={desk.setStatus} />
          </View>
          <View className='staff-desk__block'>
            <Text className='staff-desk__label'>查找居民</Text>
            <TextField label='姓名' value={desk.filter.name} onChange={(name) => desk.setFilter({ ...desk.filter, name })} inputClassName='staff-search-name' maxlength={32} />
            <TextField
              label='手机尾号'
              value={desk.filter.phoneTail}
              onChange={(phoneTail) => desk.setFilter({ ...desk.filter, phoneTail })}
              inputClassName='staff-search-phone'
              type='number'
              maxlength={4}
            />
            <Button className='staff-search' type='primary' size='large' block onClick={desk.search}>
              查找
            </Button>
          </View>
          <Text className='staff-desk__label'>{dateLabel(desk.date)} 的预约</Text>
          <RemoteContent state={desk.state} onRetry={desk.retry} isEmpty={isEmptyList} emptyText='这一天没有预约'>
            {(items) => items.map((booking) => <BookingRow key={booking.id} booking={booking} desk={desk} />)}
          </RemoteContent>
        </>
      )}
    </>
  );
}

/** 今日预约: a centre's bookings of one day with one-tap 通过/不通过/签到/未到/完成, and check-in by six digits or QR. */
export function StaffBookingsPage() {
  return <StaffDeskPage title='今日预约' desk={(account) => <Desk account={account} />} />;
}

export default StaffBookingsPage;
