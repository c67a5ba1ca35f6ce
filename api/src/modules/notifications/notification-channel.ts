import { Injectable } from '@nestjs/common';
import type { OutboxMessages, OutboxTopic } from '../outbox';

/** One message for one account, as a channel receives it: the typed payload for the channel's own fields, and the inbox's words. */
export type OutgoingNotification = {
  [Topic in OutboxTopic]: {
    /** The outbox message's id: with the recipient and the channel, what makes a delivery the same delivery. */
    messageId: string;
    recipientAccountId: string;
    topic: Topic;
    payload: OutboxMessages[Topic];
    title: string;
    body: string;
  };
}[OutboxTopic];

/**
 * What a channel says about one send:
 * - `sent`: it reached the channel (recorded, never sent again for this message, recipient and channel);
 * - `refused`: the person cannot be reached this way now (WeChat 43101: no authorisation left, or no openid); the
 *   inbox has the message anyway, so it is recorded and not retried;
 * - `invalid`: the message itself is wrong for the channel (WeChat 47003: a field breaks the template's limits);
 *   retrying cannot help, so the message goes to the dead letters with `reason`.
 * A transient failure (network, WeChat busy, an access token that would not refresh) is a thrown error: the relay
 * tries the message again later with backoff, and sends only what has not been recorded as sent.
 */
export type ChannelOutcome = { kind: 'sent' } | { kind: 'refused' } | { kind: 'invalid'; reason: string };

/**
 * A way of reaching people besides the inbox (WeChat subscribe messages, later SMS). A channel is given every
 * message for every recipient and decides for itself whether it can carry it (a staff account has no openid:
 * `refused`). It must not send for a (messageId, recipientAccountId) it has already sent, where it can tell; the relay
 * records every `sent` before it marks a message done, so after a crash it asks again only for sends it never saw
 * answered.
 */
export interface NotificationChannel {
  /** Stored in `notification_delivery.channel` (at most 16 characters), e.g. `wechat`. */
  readonly name: string;
  send(notification: OutgoingNotification): Promise<ChannelOutcome>;
}

/**
 * The channels the relay delivers through besides the inbox. A channel module plugs itself in once at start-up
 * (`onModuleInit() { channels.add(this) }`); with none plugged in, messages reach the inbox only.
 */
@Injectable()
export class NotificationChannels {
  private readonly channels: NotificationChannel[] = [];

  add(channel: NotificationChannel): void {
    if (this.channels.some((known) => known.name === channel.name)) throw new Error(`notification channel ${channel.name} is plugged in twice`);
    this.channels.push(channel);
  }

  list(): readonly NotificationChannel[] {
    return this.channels;
  }
}
