import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

import type { BookingPolicy, TimeRange } from '@linli/shared';

import { SubmitButton } from '../../../components/submit-button';
import { TextField } from '../../../components/text-field';
import { AFTERNOON, POLICY_LABELS, WEEKDAY_LABELS } from '../../forms/schedule-form';
import { Chips } from '../../components/chips';
import { SaveMessage } from '../../components/save-state';

import type { ScheduleEditor } from '../../hooks/useScheduleEditor';
import type { DayForm } from '../../forms/schedule-form';

const OPEN_CHIPS = [
  { value: 'closed', label: '休息' },
  { value: 'open', label: '开放' },
] as const;

export function RangeFields({ range, onChange, className }: { range: TimeRange; onChange: (range: TimeRange) => void; className: string }) {
  return (
    <View className={`schedule-range ${className}`}>
      <TextField label='开始（如 08:30）' value={range.start} onChange={(start) => onChange({ ...range, start })} inputClassName='schedule-range__start' maxlength={5} />
      <TextField label='结束（如 12:00）' value={range.end} onChange={(end) => onChange({ ...range, end })} inputClassName='schedule-range__end' maxlength={5} />
    </View>
  );
}

export function SlotFields({ slotMinutes, seats, onChange }: { slotMinutes: string; seats: string; onChange: (change: { slotMinutes?: string; seats?: string }) => void }) {
  return (
    <>
      <TextField label='每段分钟' value={slotMinutes} onChange={(value) => onChange({ slotMinutes: value })} inputClassName='schedule-slot-minutes' type='number' maxlength={3} />
      <TextField label='每段人数' value={seats} onChange={(value) => onChange({ seats: value })} inputClassName='schedule-seats' type='number' maxlength={3} />
    </>
  );
}

function DayRow({ day, onChange }: { day: DayForm; onChange: (day: DayForm) => void }) {
  const setRange = (index: number, range: TimeRange) => onChange({ ...day, ranges: day.ranges.map((item, at) => (at === index ? range : item)) });
  return (
    <View className={`schedule-day schedule-day--${day.weekday}`}>
      <Text className='staff-form__title'>{WEEKDAY_LABELS[day.weekday]}</Text>
      <Chips className='schedule-day__open' chips={OPEN_CHIPS} value={day.open ? 'open' : 'closed'} onChange={(value) => onChange({ ...day, open: value === 'open' })} />
      {day.open && (
        <>
          {day.ranges.map((range, index) => (
            <RangeFields key={index} className={`schedule-range--${index + 1}`} range={range} onChange={(changed) => setRange(index, changed)} />
          ))}
          {day.ranges.length === 1 ? (
            <Button className='schedule-day__add-range' size='large' block onClick={() => onChange({ ...day, ranges: [...day.ranges, AFTERNOON] })}>
              加一段（如下午）
            </Button>
          ) : (
            <Button className='schedule-day__remove-range' size='large' block onClick={() => onChange({ ...day, ranges: day.ranges.slice(0, 1) })}>
              去掉第二段
            </Button>
          )}
          <SlotFields slotMinutes={day.slotMinutes} seats={day.seats} onChange={(change) => onChange({ ...day, ...change })} />
        </>
      )}
    </View>
  );
}

/** The weekly hours, day by day, and the booking rules, saved together. */
export function WeeklyForm({ editor }: { editor: ScheduleEditor }) {
  return (
    <View className='staff-form schedule-weekly'>
      <Text className='staff-desk__label'>每周开放时间</Text>
      {editor.days.map((day) => (
        <DayRow key={day.weekday} day={day} onChange={editor.setDay} />
      ))}
      <Text className='staff-desk__label'>预约规则</Text>
      {(Object.keys(POLICY_LABELS) as (keyof BookingPolicy)[]).map((key) => (
        <TextField
          key={key}
          label={POLICY_LABELS[key]}
          value={editor.policy[key]}
          onChange={(value) => editor.setPolicy({ ...editor.policy, [key]: value })}
          inputClassName={`schedule-policy schedule-policy--${key}`}
          type='number'
          maxlength={5}
        />
      ))}
      <SaveMessage state={editor.saving} doneText='已保存，居民看到的时间已更新' />
      <SubmitButton className='schedule-save' pending={editor.saving.status === 'pending'} onClick={editor.save}>
        保存开放时间
      </SubmitButton>
    </View>
  );
}
