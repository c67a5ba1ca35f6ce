import { Fragment } from 'react';

import type { ReactNode } from 'react';
import type { SessionAccount } from '@linli/shared';

import { LinkEntry } from '../../components/link-entry';
import { Notice } from '../../components/notice';
import { PageRoot } from '../../components/page-root';
import { useSession } from '../../hooks/useSession';
import { ROUTES } from '../../navigation/routes';

/** Community staff and city admins handle bookings; provider admins and workers have their own workbench. */
export const BOOKING_DESK_ROLES: ReadonlySet<SessionAccount['role']> = new Set(['staff', 'admin']);

/** Shows `children` to signed-in staff; everyone else gets the way to the staff login. */
export function StaffGate({ title, children }: { title: string; children: (account: SessionAccount) => ReactNode }) {
  const { state } = useSession();
  if (state.status === 'signed-in' && BOOKING_DESK_ROLES.has(state.account.role)) return <>{children(state.account)}</>;
  return (
    <>
      <Notice title={title} lines={[state.status === 'signed-in' ? '您当前登录的不是社区工作人员账号，请用工作账号重新登录。' : '请先用工作账号登录。']} />
      <LinkEntry label='工作人员登录' hint='使用账号和密码登录' url={ROUTES.staffLogin} />
    </>
  );
}

/** A staff desk page: its frame, and `desk` (remounted per account) for signed-in staff only. */
export function StaffDeskPage({ title, desk }: { title: string; desk: (account: SessionAccount) => ReactNode }) {
  return (
    <PageRoot className='staff-desk'>
      <StaffGate title={title}>{(account) => <Fragment key={account.id}>{desk(account)}</Fragment>}</StaffGate>
    </PageRoot>
  );
}
