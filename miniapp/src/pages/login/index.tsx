import { LinkEntry } from '../../components/link-entry';
import { PageRoot } from '../../components/page-root';
import { ROUTES } from '../../navigation/routes';
import { CAN_USE_WECHAT_LOGIN } from '../../services/session';
import { DemoLogin } from './demo-login';
import { WechatLogin } from './wechat-login';

import './index.scss';

export function LoginPage() {
  return (
    <PageRoot className='login'>
      {CAN_USE_WECHAT_LOGIN ? <WechatLogin /> : <DemoLogin />}
      <LinkEntry className='login__staff-entry' label='社区工作人员/服务机构 登录' hint='使用账号和密码登录' url={ROUTES.staffLogin} />
    </PageRoot>
  );
}

export default LoginPage;
