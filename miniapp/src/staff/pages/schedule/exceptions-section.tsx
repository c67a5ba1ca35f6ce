import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

import type { DateException } from '@linli/shared';

import { SubmitButton } from '../../../components/submit-button';
import { TextField } from '../../../components/text-field';
import { dateLabel } from '../../../texts/booking-messages';
import { describeException } from '../../forms/schedule-form';
import { Chips } from '../../components/chips';
import { SaveMessage } from '../../components/save-state';
import { RangeFields, SlotFields } from './weekly-form';

import type { ScheduleEditor } from '../../hooks/useScheduleEditor';

const KIND_CHIPS: readonly { value: DateException['kind']; label: string }[] = [
  { value: 'closed', label: '闭馆' },
  { value: 'open', label: '特殊开放' },
];

/** Dates that differ from the weekly hours (closed for training, open on a holiday), with add and remove. */
export function ExceptionsSection({ editor, exceptions }: { editor: ScheduleEditor; exceptions: DateException[] }) {
  const form = editor.exception;
  const change = (patch: Partial<typeof form>) => editor.setException({ ...form, ...patch });
  return (
    <View className='staff-form schedule-exceptions'>
      <Text className='staff-desk__label'>特殊日期</Text>
      {exceptions.length === 0 && <Text className='staff-form__line'>没有特殊日期，按每周开放时间开放。</Text>}
      {exceptions.map((exception) => (
        <View key={exception.date} className='schedule-exception'>
          <Text className='staff-form__line schedule-exception__text'>
            {dateLabel(exception.date)}（{exception.date}）{describeException(exception)}
          </Text>
          <Button className='schedule-exception-remove' size='large' disabled={editor.adding.status === 'pending'} onClick={() => editor.removeException(exception.date)}>
            删除
          </Button>
        </View>
      ))}
      <Text className='staff-desk__label'>添加特殊日期</Text>
      <TextField label='日期（如 2026-12-01）' value={form.date} onChange={(date) => change({ date })} inputClassName='schedule-exception-date' maxlength={10} />
      <Chips className='schedule-exception-kind' chips={KIND_CHIPS} value={form.kind} onChange={(kind) => change({ kind })} />
      {form.kind === 'open' && (
        <>
          <RangeFields className='schedule-range--1' range={form.range} onChange={(range) => change({ range })} />
          <SlotFields slotMinutes={form.slotMinutes} seats={form.seats} onChange={change} />
        </>
      )}
      <TextField label='原因（居民会看到）' value={form.reason} onChange={(reason) => change({ reason })} inputClassName='schedule-exception-reason' maxlength={60} />
      <SaveMessage state={editor.adding} doneText='特殊日期已更新' />
      <SubmitButton className='schedule-exception-add' pending={editor.adding.status === 'pending'} onClick={editor.addException}>
        添加
      </SubmitButton>
    </View>
  );
}
