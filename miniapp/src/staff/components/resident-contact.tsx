import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

import type { ResidentProfile } from '@linli/shared';

import { SubmitButton } from '../../components/submit-button';
import { useResidentPhone, type ResidentPhoneHandle } from '../hooks/useResidentPhone';
import { PhoneFields } from './phone-fields';
import { ResidentSmsSwitch } from './resident-sms-switch';
import { SaveMessage } from './save-state';

/**
 * How the desk reaches the resident picked (代居民预约, 老人助餐): the phone on her record, a way to add or correct it,
 * and 短信提醒 to that phone, over one record: the switch starts again from it after each saved number (a new number
 * turns SMS off until staff, with consent, switch it on again), and hands back what it switched.
 */
export function ResidentContact({ resident }: { resident: ResidentProfile }) {
  const phone = useResidentPhone(resident);
  return (
    <>
      <ResidentPhone phone={phone} />
      <ResidentSmsSwitch key={phone.saves} resident={phone.record} onSwitched={phone.adopt} />
    </>
  );
}

function ResidentPhone({ phone }: { phone: ResidentPhoneHandle }) {
  const { record, values, errors } = phone;
  const owner = record.phoneOwner === 'relative' ? '家属' : '本人';
  return (
    <View className='staff-phone'>
      <Text className='staff-desk__line staff-phone__state'>联系手机：{record.phoneMasked ? `${owner}手机 ${record.phoneMasked}` : '没有登记'}</Text>
      <SaveMessage state={phone.saving} doneText='已保存手机号' />
      {!phone.editing && (
        <Button className='staff-desk__button staff-phone__edit' size='large' block onClick={phone.open}>
          {record.phoneMasked ? '更正手机号' : '登记手机号'}
        </Button>
      )}
      {phone.editing && (
        <View className='staff-phone__form'>
          <PhoneFields
            label='手机号'
            phone={values.phone}
            phoneOwner={values.phoneOwner}
            errors={errors}
            onPhone={(value) => phone.setField('phone', value)}
            onOwner={(owner) => phone.setField('phoneOwner', owner)}
            inputClassName='staff-phone__input'
          />
          {record.smsNotifications && <Text className='staff-desk__line'>换了手机号后短信提醒会关闭；如需继续，请征得同意后重新开通。</Text>}
          <SubmitButton className='staff-desk__button staff-phone__save' pending={phone.saving.status === 'pending'} onClick={phone.submit}>
            保存手机号
          </SubmitButton>
          <Button className='staff-desk__button staff-phone__cancel' size='large' block onClick={phone.cancel}>
            取消
          </Button>
        </View>
      )}
    </View>
  );
}
