import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { slotUnavailableReason } from '@linli/shared';

import type { SlotAvailability, SlotUnavailableReason } from '@linli/shared';

import { useSlots } from '../../hooks/useSlots';
import { PROVISIONAL_HOLIDAY_NOTE, dateLabel, holidayLabel, timeRange, unavailableNote } from '../../texts/booking-messages';
import { RemoteContent } from '../remote-content';

import './index.scss';

export interface SlotPickerProps {
  centreId: string;
  serviceId: string;
  /** `startsAt` of the slot picked so far, drawn as selected. */
  selected?: string | null;
  onPick: (slot: SlotAvailability) => void;
  /** Offered on full slots ("加入候补"); left out where a waitlist makes no sense (改约). */
  onWaitlist?: (slot: SlotAvailability) => void;
  /** `startsAt` of the booking being moved: shown, but not offered again. */
  current?: string;
}

/**
 * The next two weeks' dates with slots as big buttons — a national holiday among them as a closed one that says
 * so (暂定 while the year's notice is not out) — then the chosen day's times with the seats left, or why a time
 * cannot be booked (full, or its time came while the page stayed open).
 */
export function SlotPicker({ centreId, serviceId, selected, onPick, onWaitlist, current }: SlotPickerProps) {
  const slots = useSlots(centreId, serviceId);
  const now = new Date();
  return (
    <View className='slot-picker'>
      <RemoteContent state={slots.state} onRetry={slots.retry} isEmpty={() => slots.dates.length === 0} emptyText='两周内没有可以预约的时间，请过几天再来看看，或致电市民中心。'>
        {() => (
          <>
            <Text className='slot-picker__label'>1. 选择日期</Text>
            <View className='slot-picker__dates'>
              {slots.dates.map((date) => {
                const holiday = slots.holidays.get(date);
                return holiday ? (
                  <View key={date} className='slot-date slot-date--disabled' ariaLabel={`${dateLabel(date)}，${holidayLabel(holiday)}`}>
                    <Text>{dateLabel(date)}</Text>
                    <Text className='slot-date__holiday'>{holidayLabel(holiday)}</Text>
                  </View>
                ) : (
                  <View
                    key={date}
                    className={`slot-date${date === slots.date ? ' slot-date--selected' : ''}`}
                    ariaRole='radio'
                    ariaLabel={date === slots.date ? `${dateLabel(date)}，已选择` : dateLabel(date)}
                    onClick={() => slots.setDate(date)}
                  >
                    <Text>{dateLabel(date)}</Text>
                  </View>
                );
              })}
            </View>
            {slots.provisional && <Text className='slot-picker__provisional'>{PROVISIONAL_HOLIDAY_NOTE}</Text>}
            <Text className='slot-picker__label'>2. 选择时间</Text>
            {slots.slots.map((slot) => (
              <SlotRow
                key={slot.startsAt}
                slot={slot}
                selected={slot.startsAt === selected}
                isCurrent={slot.startsAt === current}
                // The API offers only slots far enough ahead; the notice it applied is not ours to repeat here.
                unavailable={slotUnavailableReason(slot, now, 0)}
                onPick={onPick}
                onWaitlist={onWaitlist}
              />
            ))}
          </>
        )}
      </RemoteContent>
    </View>
  );
}

interface SlotRowProps {
  slot: SlotAvailability;
  selected: boolean;
  isCurrent: boolean;
  unavailable: SlotUnavailableReason | null;
  onPick: (slot: SlotAvailability) => void;
  onWaitlist?: (slot: SlotAvailability) => void;
}

function SlotRow({ slot, selected, isCurrent, unavailable, onPick, onWaitlist }: SlotRowProps) {
  const full = unavailable?.kind === 'full';
  const disabled = unavailable !== null || isCurrent;
  const note = isCurrent ? '当前预约的时间' : unavailable ? unavailableNote(unavailable) : `剩余 ${slot.remaining} 位`;
  const modifier = selected ? ' slot-option--selected' : disabled ? ' slot-option--disabled' : '';
  return (
    <View className='slot-picker__row'>
      <View
        className={`slot-option${modifier}`}
        ariaRole='radio'
        ariaLabel={`${timeRange(slot.start, slot.end)}，${note}${selected ? '，已选择' : ''}`}
        data-starts-at={slot.startsAt}
        onClick={() => !disabled && onPick(slot)}
      >
        <Text className='slot-option__time'>{timeRange(slot.start, slot.end)}</Text>
        <Text className='slot-option__note'>{note}</Text>
      </View>
      {full && !isCurrent && onWaitlist && (
        <Button className='slot-waitlist' size='large' onClick={() => onWaitlist(slot)}>
          加入候补
        </Button>
      )}
    </View>
  );
}
