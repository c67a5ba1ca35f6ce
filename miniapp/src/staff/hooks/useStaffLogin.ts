import { useCallback, useState } from 'react';

import type { SessionAccount } from '@linli/shared';

import { ApiError } from '../../services/api-error';
import { signInWithPassword } from '../../services/session';

export interface StaffLoginHandle {
  username: string;
  password: string;
  setUsername: (value: string) => void;
  setPassword: (value: string) => void;
  pending: boolean;
  /** What went wrong, in words a staff member can act on (never just a code). */
  message: string | null;
  submit: () => void;
}

/** The API's message plus what to do next, for the codes a password login can answer with. */
export function staffLoginMessage(error: ApiError): string {
  switch (error.code) {
    case 'INVALID_CREDENTIALS':
      // Also the answer for an unknown or a locked account, right password or not, so it may not say which. The
      // API's words include how long to wait after repeated mistakes (the lockout is configured there).
      return `${error.message}。请核对后重新输入（密码区分大小写）。`;
    case 'RATE_LIMITED':
      return '登录尝试过于频繁，请等几分钟后再试。';
    default:
      // ACCOUNT_DISABLED among them: the API says why (account stopped, application under review or turned down,
      // organisation suspended), which is more use than any one fixed sentence here.
      return error.message;
  }
}

export function useStaffLogin(onSignedIn: (account: SessionAccount) => void): StaffLoginHandle {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const submit = useCallback(() => {
    if (pending) return;
    if (username.trim() === '' || password === '') {
      setMessage('请填写账号和密码');
      return;
    }
    setPending(true);
    setMessage(null);
    signInWithPassword(username, password).then(
      (account) => {
        setPending(false);
        setPassword('');
        onSignedIn(account);
      },
      (error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
        setPending(false);
        setMessage(staffLoginMessage(error));
      },
    );
  }, [username, password, pending, onSignedIn]);

  return { username, password, setUsername, setPassword, pending, message, submit };
}
