import { useCallback } from 'react';

import type { InboxMessageView, InboxPage } from '@linli/shared';

import { fetchInbox, fetchUnreadCount, markAllMessagesRead, markMessageRead } from '../services/inbox';
import { ApiError } from '../services/api-error';
import { useRemoteData } from './useRemoteData';

import type { RemoteDataHandle } from './useRemoteData';

export interface InboxHandle extends RemoteDataHandle<InboxPage> {
  /** Opens a message: shown read at once, and told to the API (a failure is left for the next load to correct). */
  read: (message: InboxMessageView) => void;
  readAll: () => void;
}

function settle(promise: Promise<unknown>): void {
  promise.catch((error: unknown) => {
    if (!(error instanceof ApiError)) throw error;
  });
}

/** The 消息 page: the list, and marking read one message or all of them. */
export function useInbox(): InboxHandle {
  const remote = useRemoteData(fetchInbox);
  const { update } = remote;

  const read = useCallback(
    (message: InboxMessageView) => {
      if (message.read) return;
      update((page) => ({
        items: page.items.map((item) => (item.id === message.id ? { ...item, read: true } : item)),
        unread: Math.max(0, page.unread - 1),
      }));
      settle(markMessageRead(message.id));
    },
    [update],
  );

  const readAll = useCallback(() => {
    update((page) => ({ items: page.items.map((item) => ({ ...item, read: true })), unread: 0 }));
    settle(markAllMessagesRead());
  }, [update]);

  return { ...remote, read, readAll };
}

/** The unread count for a badge; null until known (and when it cannot be had: no badge rather than an error). */
export function useUnreadCount(): RemoteDataHandle<number | null> {
  const load = useCallback(async () => {
    try {
      return (await fetchUnreadCount()).unread;
    } catch (error) {
      if (error instanceof ApiError) return null;
      throw error;
    }
  }, []);
  return useRemoteData(load);
}
