import { View } from '@tarojs/components';

import { InvitationSignIn } from '../../components/invitation-sign-in';
import { claimHouseholdMember } from '../../services/session';

/** A household member whose family registered them links their own WeChat to that record. */
export function FamilyClaimPage() {
  return (
    <View className='page-root'>
      <InvitationSignIn title='用家人邀请码登录' lines={['您的家人已经替您登记过信息。', '请输入家人给您的 8 位邀请码，之后您可以自己预约服务。']} attempt={claimHouseholdMember} />
    </View>
  );
}

export default FamilyClaimPage;
