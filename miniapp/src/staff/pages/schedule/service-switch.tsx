import { Text, View } from '@tarojs/components';

import { RemoteContent } from '../../../components/remote-content';
import { SubmitButton } from '../../../components/submit-button';
import { TextField } from '../../../components/text-field';
import { useServiceSwitch } from '../../hooks/useServiceSwitch';
import { Chips } from '../../components/chips';
import { SaveMessage } from '../../components/save-state';

import type { CentreService } from '../../../services/staff-admin';

const SWITCH_CHIPS = [
  { value: 'on', label: '开放预约' },
  { value: 'off', label: '暂停预约' },
] as const;

/** Turns the service on or off at this centre, with a note residents see (e.g. "12 月起暂停，请到阳光中心"). */
export function ServiceSwitch({ target }: { target: CentreService }) {
  const control = useServiceSwitch(target);
  return (
    <View className='staff-form schedule-switch'>
      <Text className='staff-desk__label'>本中心是否提供这项服务</Text>
      <RemoteContent state={control.state} onRetry={control.retry} emptyText=''>
        {() => (
          <>
            <Chips className='schedule-switch__choice' chips={SWITCH_CHIPS} value={control.enabled ? 'on' : 'off'} onChange={(value) => control.setEnabled(value === 'on')} />
            <TextField label='给居民的说明（可不填）' value={control.notes} onChange={control.setNotes} inputClassName='schedule-switch__notes' maxlength={200} />
            <SaveMessage state={control.saving} doneText='已保存' />
            <SubmitButton className='schedule-switch__save' pending={control.saving.status === 'pending'} onClick={control.save}>
              保存
            </SubmitButton>
          </>
        )}
      </RemoteContent>
    </View>
  );
}
