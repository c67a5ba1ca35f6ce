import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { shanghaiDateOf, shanghaiTimeOf } from '@linli/shared';

import type { InboxMessageView, InboxPage } from '@linli/shared';

import { RemoteContent } from '../../components/remote-content';
import { useInbox } from '../../hooks/useInbox';
import { usePullToReload, useReloadOnReturn } from '../../hooks/usePolling';
import { dateLabel } from '../../texts/booking-messages';
import { PageRoot } from '../../components/page-root';

import './index.scss';

/** `今天 12月2日 周三 09:30`. */
function receivedAt(createdAt: string): string {
  const instant = new Date(createdAt);
  return `${dateLabel(shanghaiDateOf(instant))} ${shanghaiTimeOf(instant)}`;
}

/** One message; an unread one is marked 未读 and becomes read when tapped. */
function MessageCard({ message, onRead }: { message: InboxMessageView; onRead: (message: InboxMessageView) => void }) {
  return (
    <View
      className={`message-card${message.read ? '' : ' message-card--unread'}`}
      hoverClass='message-card--pressed'
      ariaRole='button'
      ariaLabel={`${message.read ? '' : '未读，'}${message.title}`}
      onClick={() => onRead(message)}
    >
      <View className='message-card__head'>
        <Text className='message-card__title'>{message.title}</Text>
        {!message.read && <Text className='message-card__unread'>未读</Text>}
      </View>
      <Text className='message-card__body'>{message.body}</Text>
      <Text className='message-card__time'>{receivedAt(message.createdAt)}</Text>
    </View>
  );
}

/** 消息: reminders and news of bookings, orders and meals, the latest first; kept 90 days. */
export function MessagesPage() {
  const inbox = useInbox();
  usePullToReload(inbox.reloadQuietly);
  useReloadOnReturn(inbox.reloadQuietly);

  return (
    <PageRoot className='messages'>
      <RemoteContent state={inbox.state} onRetry={inbox.retry} isEmpty={(page: InboxPage) => page.items.length === 0} emptyText='暂时没有消息'>
        {(page) => (
          <>
            <View className='messages__bar'>
              <Text className='messages__count'>{page.unread > 0 ? `${page.unread} 条未读` : '全部已读'}</Text>
              {page.unread > 0 && (
                <Button className='messages__read-all' size='large' onClick={inbox.readAll}>
                  全部标为已读
                </Button>
              )}
            </View>
            {page.items.map((message) => (
              <MessageCard key={message.id} message={message} onRead={inbox.read} />
            ))}
            <Text className='messages__note'>消息保留 90 天</Text>
          </>
        )}
      </RemoteContent>
    </PageRoot>
  );
}

export default MessagesPage;
