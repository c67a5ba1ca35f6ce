import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

import type { ResidentProfile } from '@linli/shared';

import { SubmitButton } from '../../components/submit-button';
import { useResidentSmsSwitch } from '../hooks/useResidentSmsSwitch';
import { SaveMessage } from './save-state';

/**
 * 短信提醒 开/关 for the resident picked at the desk (代居民预约, 老人助餐): what it is now and one big button to switch
 * it, for an elder without WeChat registered earlier. Without a phone on the record the button is greyed and says why.
 */
export function ResidentSmsSwitch({ resident, onSwitched }: { resident: ResidentProfile; onSwitched?: (updated: ResidentProfile) => void }) {
  const sms = useResidentSmsSwitch(resident, onSwitched);
  if (!sms.hasPhone) {
    return (
      <View className='staff-sms'>
        <Text className='staff-desk__line staff-sms__state'>短信提醒：未开通</Text>
        <Button className='staff-desk__button staff-sms__toggle' size='large' block disabled>
          开通短信提醒
        </Button>
        <Text className='staff-desk__line staff-sms__no-phone'>没有登记手机号，不能开通短信提醒。</Text>
      </View>
    );
  }
  return (
    <View className='staff-sms'>
      <Text className='staff-desk__line staff-sms__state'>
        短信提醒：{sms.enabled ? '已开通' : '未开通'}（{resident.phoneOwner === 'relative' ? '家属' : '本人'}手机 {resident.phoneMasked}）
      </Text>
      {!sms.enabled && <Text className='staff-desk__line'>开通前请征得老人或家属同意。开通后，预约成功、预约提醒等消息也会发短信到这个手机号。</Text>}
      <SaveMessage state={sms.saving} doneText={sms.enabled ? '已开通短信提醒' : '已关闭短信提醒'} />
      <SubmitButton className='staff-desk__button staff-sms__toggle' type={sms.enabled ? 'default' : 'primary'} pending={sms.saving.status === 'pending'} onClick={sms.toggle}>
        {sms.enabled ? '关闭短信提醒' : '开通短信提醒'}
      </SubmitButton>
    </View>
  );
}
