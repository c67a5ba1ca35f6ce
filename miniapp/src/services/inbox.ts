import type { InboxMessageView, InboxPage, InboxUnreadCount } from '@linli/shared';

import { request } from './request';

/** 消息: the caller's messages of the last 90 days, newest first, with how many are unread. */
export function fetchInbox(): Promise<InboxPage> {
  return request<InboxPage>('/inbox');
}

/** How many of the caller's messages are unread (the badge on the home page's 消息 entry). */
export function fetchUnreadCount(): Promise<InboxUnreadCount> {
  return request<InboxUnreadCount>('/inbox/unread-count');
}

export function markMessageRead(messageId: string): Promise<InboxMessageView> {
  return request<InboxMessageView>(`/inbox/${encodeURIComponent(messageId)}/read`, { method: 'POST' });
}

export function markAllMessagesRead(): Promise<InboxUnreadCount> {
  return request<InboxUnreadCount>('/inbox/read-all', { method: 'POST' });
}
