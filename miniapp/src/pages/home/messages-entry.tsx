import { LinkEntry } from '../../components/link-entry';
import { useUnreadCount } from '../../hooks/useInbox';
import { useReloadOnReturn } from '../../hooks/usePolling';
import { MESSAGES_PAGE_PATH } from '../messages/url';

/** 消息 for a signed-in resident, saying how many are unread (counted again each time the home page shows). */
export function MessagesEntry() {
  const count = useUnreadCount();
  useReloadOnReturn(count.reloadQuietly);
  const unread = count.state.status === 'ready' ? (count.state.data ?? 0) : 0;
  const hint = unread > 0 ? `${unread > 99 ? '99+' : unread} 条未读消息` : '预约提醒、订单和助餐通知';
  return <LinkEntry className={`messages-entry${unread > 0 ? ' messages-entry--unread' : ''}`} label='消息' hint={hint} url={MESSAGES_PAGE_PATH} />;
}
