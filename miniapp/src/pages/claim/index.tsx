import { InvitationSignIn } from '../../components/invitation-sign-in';
import { PageRoot } from '../../components/page-root';
import { claimHouseholdMember } from '../../services/session';

/** A household member whose family registered them links their own WeChat to that record. */
export function FamilyClaimPage() {
  return (
    <PageRoot>
      <InvitationSignIn title='用家人邀请码登录' lines={['您的家人已经替您登记过信息。', '请输入家人给您的 8 位邀请码，之后您可以自己预约服务。']} attempt={claimHouseholdMember} />
    </PageRoot>
  );
}

export default FamilyClaimPage;
