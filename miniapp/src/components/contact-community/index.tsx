import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';

import { useCommunityPhone } from '../../hooks/useCommunityPhone';

import type { CommunityPhoneFor } from '../../hooks/useCommunityPhone';

import './index.scss';

/**
 * 联系社区 on a flow's page: the community centre's phone, dialled with Taro.makePhoneCall (WeChat's dialler; a tel:
 * link on H5), its name and number written under it for a phone that cannot dial. Drawn only once a number is known:
 * never a button that does nothing.
 */
export function ContactCommunity(props: CommunityPhoneFor) {
  const centre = useCommunityPhone(props);
  if (!centre) return null;
  // Backing out of the dialler is the person's choice, not an error.
  const call = () => void Taro.makePhoneCall({ phoneNumber: centre.phone }).catch(() => undefined);
  return (
    <View className='contact-community'>
      <Button className='contact-community__call' size='large' block ariaLabel={`联系社区，拨打${centre.name}电话 ${centre.phone}`} onClick={call}>
        联系社区
      </Button>
      <Text className='contact-community__line' userSelect>
        {centre.name}：{centre.phone}
      </Text>
    </View>
  );
}
