import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/time/clock';
import { isDuplicateKey } from '../../database/sql';
import { TransactionRunner } from '../../database/transaction-runner';
import type { ChannelOutcome, NotificationChannel, OutgoingNotification } from './notification-channel';
import { NotificationsRepository } from './notifications.repository';

/**
 * The in-app inbox (消息) as a channel: every message reaches it, whatever else is plugged in. It can tell a repeat
 * (one row per outbox message and account), so a send repeated after a crash is answered `sent` without a second row.
 */
@Injectable()
export class InboxChannel implements NotificationChannel {
  readonly name = 'inbox';
  readonly reaches = 'account';

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly notifications: NotificationsRepository,
    private readonly clock: Clock,
  ) {}

  async send(notification: OutgoingNotification): Promise<ChannelOutcome> {
    try {
      await this.transactions.write((manager) =>
        this.notifications.insertInboxMessage(manager, {
          id: randomUUID(),
          accountId: notification.recipientId,
          sourceMessageId: notification.messageId,
          topic: notification.topic,
          // The columns' widths: words built from a long value (a cancellation's reason) are cut, not refused.
          title: notification.title.slice(0, 40),
          body: notification.body.slice(0, 300),
          createdAt: this.clock.now(),
          readAt: null,
        }),
      );
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    return { kind: 'sent' };
  }
}
