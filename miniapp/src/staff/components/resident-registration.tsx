import { Text, View } from '@tarojs/components';

import type { ResidentProfile } from '@linli/shared';

import { ChoiceGrid } from '../../components/choice-grid';
import { CommunityPicker } from '../../components/community-picker';
import { SubmitButton } from '../../components/submit-button';
import { TextField } from '../../components/text-field';
import { useResidentRegistration } from '../hooks/useResidentRegistration';
import { PhoneFields } from './phone-fields';

const SMS_CHOICES = ['开通短信提醒', '不开通'] as const;

/**
 * 登记新居民 at the desk, for an elder who has no WeChat: name, community, the phone to reach them by (theirs or a
 * family member's) and, with their consent, SMS reminders to that phone (decision 0020).
 */
export function ResidentRegistration({ onRegistered }: { onRegistered: (resident: ResidentProfile) => void }) {
  const form = useResidentRegistration(onRegistered);
  const { values, errors } = form;
  return (
    <View className='staff-desk__block staff-registration'>
      <Text className='staff-desk__label'>登记新居民</Text>
      <TextField label='姓名' value={values.name} onChange={(name) => form.setField('name', name)} error={errors.name} inputClassName='staff-registration__name' maxlength={32} />
      <CommunityPicker value={values.community} onChange={(community) => form.setField('community', community)} error={errors.communityId} />
      <PhoneFields
        label='联系手机号'
        phone={values.phone}
        phoneOwner={values.phoneOwner}
        errors={errors}
        onPhone={(phone) => form.setField('phone', phone)}
        onOwner={(owner) => form.setField('phoneOwner', owner)}
        inputClassName='staff-registration__phone'
      />
      <ChoiceGrid
        label='短信提醒（须经老人或家属同意）'
        options={SMS_CHOICES}
        value={values.smsNotifications ? SMS_CHOICES[0] : SMS_CHOICES[1]}
        onChange={(choice) => form.setField('smsNotifications', choice === SMS_CHOICES[0])}
      />
      <Text className='staff-desk__line'>开通后，预约成功、预约提醒等消息也会发短信到这个手机号。</Text>
      {form.formError && <Text className='staff-desk__message'>{form.formError}</Text>}
      <SubmitButton className='staff-registration__save' pending={form.saving} onClick={() => void form.submit()}>
        登记
      </SubmitButton>
    </View>
  );
}
