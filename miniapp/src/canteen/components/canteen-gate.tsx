import { Fragment } from 'react';

import type { ReactNode } from 'react';
import type { MealPointView, SessionAccount } from '@linli/shared';

import { LinkEntry } from '../../components/link-entry';
import { Notice } from '../../components/notice';
import { PageRoot } from '../../components/page-root';
import { RemoteContent } from '../../components/remote-content';
import { usePageId } from '../../hooks/usePageId';
import { useSession } from '../../hooks/useSession';
import { ROUTES } from '../../navigation/routes';
import { useMealPoints } from '../hooks/useMealPoints';

import './canteen.scss';

/** A canteen's operator runs its meal points; staff and admins of the region may run them too. */
const CANTEEN_ROLES: ReadonlySet<SessionAccount['role']> = new Set(['provider_admin', 'staff', 'admin']);

/** A canteen page's frame: `children` for those who run meal points, the way to sign in for everyone else. */
export function CanteenPage({ title, children }: { title: string; children: (account: SessionAccount) => ReactNode }) {
  const { state } = useSession();
  const allowed = state.status === 'signed-in' && CANTEEN_ROLES.has(state.account.role);
  return (
    <PageRoot className='canteen'>
      {allowed ? (
        <Fragment key={state.account.id}>{children(state.account)}</Fragment>
      ) : (
        <>
          <Notice title={title} lines={[state.status === 'signed-in' ? '您当前登录的账号不能管理助餐点。' : '请先用食堂管理员或工作人员账号登录。']} />
          <LinkEntry label='管理员登录' hint='使用账号和密码登录' url={ROUTES.staffLogin} />
        </>
      )}
    </PageRoot>
  );
}

function PointById({ id, children }: { id: string; children: (point: MealPointView) => ReactNode }) {
  const points = useMealPoints();
  return (
    <RemoteContent state={points.state} onRetry={points.retry} isEmpty={(items) => !items.some((item) => item.id === id)} emptyText='没有找到这个助餐点，或您不能管理它'>
      {(items) => children(items.find((item) => item.id === id)!)}
    </RemoteContent>
  );
}

/** A canteen page about one meal point (`?id=`): the point once loaded, for those allowed to run it. */
export function MealPointPage({ title, children }: { title: string; children: (point: MealPointView) => ReactNode }) {
  const id = usePageId();
  return <CanteenPage title={title}>{() => <PointById id={id}>{(point) => <Fragment key={point.id}>{children(point)}</Fragment>}</PointById>}</CanteenPage>;
}
