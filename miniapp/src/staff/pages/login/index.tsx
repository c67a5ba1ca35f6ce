import { Text } from '@tarojs/components';

import { PageRoot } from '../../../components/page-root';
import { SubmitButton } from '../../../components/submit-button';
import { TextField } from '../../../components/text-field';
import { useStaffLogin } from '../../hooks/useStaffLogin';
import { openHomeOf } from '../../../navigation/routes';

import './index.scss';

/** Staff, admins and provider admins: username and password (residents and workers sign in with WeChat). */
export function StaffLoginPage() {
  const login = useStaffLogin(openHomeOf);
  return (
    <PageRoot className='staff-login'>
      <Text className='staff-login__title'>社区工作人员/服务机构 登录</Text>
      <Text className='staff-login__line'>请输入单位为您开通的账号和密码。</Text>
      <TextField label='账号' value={login.username} onChange={login.setUsername} inputClassName='staff-login-username' maxlength={64} />
      <TextField label='密码' value={login.password} onChange={login.setPassword} inputClassName='staff-login-password' password maxlength={128} />
      {login.message && <Text className='staff-login__error'>{login.message}</Text>}
      <SubmitButton className='staff-login-submit' pending={login.pending} onClick={login.submit}>
        登录
      </SubmitButton>
    </PageRoot>
  );
}

export default StaffLoginPage;
