import { Injectable } from '@nestjs/common';
import { INBOX_RETENTION_DAYS, type InboxMessageView, type InboxPage, type InboxUnreadCount, type NotificationTopic } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { Clock } from '../../common/time/clock';
import { TransactionRunner } from '../../database/transaction-runner';
import type { InboxMessage } from './inbox-message.entity';
import { inboxMessageNotFound } from './notifications.errors';
import { NotificationsRepository } from './notifications.repository';

const PAGE = 100;
const DAY_MS = 24 * 3600 * 1000;

function toView(message: InboxMessage): InboxMessageView {
  return {
    id: message.id,
    topic: message.topic as NotificationTopic,
    title: message.title,
    body: message.body,
    createdAt: message.createdAt.toISOString(),
    read: !!message.readAt,
  };
}

/** The caller's own 消息: newest first, read and unread, nothing older than INBOX_RETENTION_DAYS. */
@Injectable()
export class InboxService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async list(auth: AuthContext): Promise<InboxPage> {
    const since = this.oldestKept();
    const [messages, unread] = await Promise.all([this.notifications.listInbox(auth.accountId, since, PAGE), this.notifications.countUnread(auth.accountId, since)]);
    return { items: messages.map(toView), unread };
  }

  async unreadCount(auth: AuthContext): Promise<InboxUnreadCount> {
    return { unread: await this.notifications.countUnread(auth.accountId, this.oldestKept()) };
  }

  /** Marks one of the caller's messages read (again: no change); another account's message answers 404. */
  async markRead(auth: AuthContext, messageId: string): Promise<InboxMessageView> {
    if (!(await this.notifications.findInboxMessage(auth.accountId, messageId))) throw inboxMessageNotFound();
    await this.transactions.write((manager) => this.notifications.markRead(manager, auth.accountId, messageId, this.clock.now()));
    const message = await this.notifications.findInboxMessage(auth.accountId, messageId);
    if (!message) throw inboxMessageNotFound();
    return toView(message);
  }

  async markAllRead(auth: AuthContext): Promise<InboxUnreadCount> {
    await this.transactions.write((manager) => this.notifications.markAllRead(manager, auth.accountId, this.clock.now()));
    return this.unreadCount(auth);
  }

  /** Deletes what is past the retention; how many went. */
  deleteExpired(): Promise<number> {
    return this.transactions.write((manager) => this.notifications.deleteInboxBefore(manager, this.oldestKept()));
  }

  private oldestKept(): Date {
    return new Date(this.clock.now().getTime() - INBOX_RETENTION_DAYS * DAY_MS);
  }
}
