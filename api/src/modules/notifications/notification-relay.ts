import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { retryDelaySeconds } from '@linli/shared';
import { Clock } from '../../common/time/clock';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { isDuplicateKey } from '../../database/sql';
import { TransactionRunner } from '../../database/transaction-runner';
import { OutboxRepository, type OutboxMessage, type OutboxMessages, type OutboxTopic } from '../outbox';
import { InboxChannel } from './inbox-channel';
import type { DeliveryOutcome } from './notification-delivery.entity';
import { NotificationChannels, type NotificationChannel, type OutgoingNotification } from './notification-channel';
import { NotificationRecipients } from './notification-recipients';
import { notificationTextOf } from './notification-texts';
import { NotificationsRepository } from './notifications.repository';

/** A message this instance holds: only `token` may settle it, and only until the lease runs out. */
export interface ClaimedMessage {
  message: OutboxMessage;
  token: string;
  /** This claim's number (1 for the first try). */
  attempt: number;
}

export type DeliveryResult = { kind: 'delivered' } | { kind: 'invalid'; reason: string } | { kind: 'failed'; error: string };

const BATCH = 50;

/**
 * Delivers the outbox, in every API instance at once (docs/notifications.md). For each due message: claim it with a
 * conditional update and a lease, hand it to every channel for every recipient, record each send, then mark it
 * done. Another instance cannot claim a held row; a row held by an instance that died is due again when its lease
 * runs out, and is then delivered only where no send was recorded. A failure is retried with backoff; after
 * `maxAttempts` claims, or at once when a channel calls the message invalid, it is dead (DeadLettersService).
 *
 * The three steps are separate methods so a test can stop between them, as a crash would.
 */
@Injectable()
export class NotificationRelay {
  private readonly logger = new Logger(NotificationRelay.name);

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly notifications: NotificationsRepository,
    private readonly recipients: NotificationRecipients,
    private readonly inbox: InboxChannel,
    private readonly channels: NotificationChannels,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One pass over what is due now; how many messages this instance settled. */
  async relayDue(): Promise<number> {
    let settled = 0;
    for (const message of await this.outbox.listDue(this.clock.now(), BATCH)) {
      const claim = await this.claim(message);
      if (!claim) continue;
      await this.settle(claim, await this.deliver(claim));
      settled++;
    }
    return settled;
  }

  /** Takes one due message for the lease; null when another instance holds it or got it first. */
  async claim(message: OutboxMessage): Promise<ClaimedMessage | null> {
    const now = this.clock.now();
    const token = randomUUID();
    const leaseUntil = new Date(now.getTime() + this.config.notifications.leaseSeconds * 1000);
    const won = await this.transactions.write((manager) => this.outbox.claim(manager, message.id, token, now, leaseUntil));
    return won ? { message, token, attempt: message.attempts + 1 } : null;
  }

  /** Sends what has not been recorded as sent, to every recipient on every channel, recording each send at once. */
  async deliver({ message }: ClaimedMessage): Promise<DeliveryResult> {
    try {
      const topic = message.topic as OutboxTopic;
      const payload = message.payload as unknown as OutboxMessages[OutboxTopic];
      const text = notificationTextOf(topic, payload);
      if (!text) return { kind: 'delivered' };
      const recipients = await this.recipients.resolve(topic, payload);
      const done = await this.notifications.deliveredPairs(message.id);
      const channels: readonly NotificationChannel[] = [this.inbox, ...this.channels.list()];
      let failure: string | null = null;
      let invalid: string | null = null;
      for (const channel of channels) {
        for (const recipientId of recipients[channel.reaches]) {
          if (done.has(`${recipientId} ${channel.name}`)) continue;
          const notification = { messageId: message.id, recipientId, topic, payload, ...text } as OutgoingNotification;
          try {
            const outcome = await channel.send(notification);
            if (outcome.kind === 'invalid') invalid ??= `${channel.name}: ${outcome.reason}`;
            else await this.record(message.id, recipientId, channel.name, outcome.kind);
          } catch (error) {
            failure ??= `${channel.name}: ${(error as Error).message}`;
          }
        }
      }
      // A send that failed for now is tried again before the message can be dead: an invalid send elsewhere (one
      // person's wrong number) must not cost the others theirs. The next pass finds the invalid send invalid again.
      if (failure) return { kind: 'failed', error: failure };
      return invalid ? { kind: 'invalid', reason: invalid } : { kind: 'delivered' };
    } catch (error) {
      return { kind: 'failed', error: (error as Error).message };
    }
  }

  /** Done, dead or due again later; a claim whose lease another instance has since taken changes nothing. */
  async settle(claim: ClaimedMessage, result: DeliveryResult): Promise<void> {
    const { message, token, attempt } = claim;
    const now = this.clock.now();
    await this.transactions.write(async (manager) => {
      if (result.kind === 'delivered') return this.outbox.markDone(manager, message.id, token, now);
      if (result.kind === 'invalid') return this.outbox.markDead(manager, message.id, token, result.reason.slice(0, 500));
      if (attempt >= this.config.notifications.maxAttempts) {
        return this.outbox.markDead(manager, message.id, token, `${attempt} 次发送失败，最后一次：${result.error}`.slice(0, 500));
      }
      return this.outbox.retryLater(manager, message.id, token, new Date(now.getTime() + retryDelaySeconds(attempt) * 1000), result.error.slice(0, 500));
    });
    if (result.kind !== 'delivered') this.logger.warn(`outbox message ${message.id} (${message.topic}) not delivered: ${result.kind === 'invalid' ? result.reason : result.error}`);
  }

  /** One send on record; a second instance recording the same send (it raced us past a lease) is no error. */
  private async record(messageId: string, recipientId: string, channel: string, outcome: DeliveryOutcome): Promise<void> {
    try {
      await this.transactions.write((manager) =>
        this.notifications.insertDelivery(manager, { id: randomUUID(), messageId, recipientId, channel, outcome, deliveredAt: this.clock.now() }),
      );
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
}
