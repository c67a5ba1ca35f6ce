import { InvitationSignIn } from '../../../components/invitation-sign-in';
import { PageRoot } from '../../../components/page-root';
import { bindWorker } from '../../../services/session';

/** A worker links this WeChat to the record their service organisation created. */
export function WorkerBindingPage() {
  return (
    <PageRoot>
      <InvitationSignIn title='服务人员绑定微信' lines={['请输入服务机构给您的 8 位邀请码。', '绑定后，用这个微信就能接单、签到。']} attempt={bindWorker} />
    </PageRoot>
  );
}

export default WorkerBindingPage;
