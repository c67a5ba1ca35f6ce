import { Injectable } from '@nestjs/common';
import type { OutboxMessages, OutboxTopic } from '../outbox';

/**
 * Whom a channel reaches: people's accounts (the inbox, WeChat), or the person a message is about by the resident
 * record staff keep for them (SMS to the registered phone, for an elder who has no account).
 */
export type ChannelReach = 'account' | 'resident';

/** One message for one recipient, as a channel receives it: the typed payload for the channel's own fields, and the inbox's words. */
export type OutgoingNotification = {
  [Topic in OutboxTopic]: {
    /** The outbox message's id: with the recipient and the channel, what makes a delivery the same delivery. */
    messageId: string;
    /** An account's id, or a resident's for a channel that reaches residents (`NotificationChannel.reaches`). */
    recipientId: string;
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
 * A way of reaching people besides the inbox (WeChat subscribe messages, SMS). A channel that reaches accounts is
 * given every message for every recipient account and decides for itself whether it can carry it (a staff account
 * has no openid: `refused`); one that reaches residents is given the messages whose audience includes the person
 * themself (shared's audiencesOf 'resident'), with that person's resident id. It must not send for a (messageId,
 * recipientId) it has already sent, where it can tell; the relay records every `sent` before it marks a message
 * done, so after a crash it asks again only for sends it never saw answered.
 */
export interface NotificationChannel {
  /** Stored in `notification_delivery.channel` (at most 16 characters), e.g. `wechat`. */
  readonly name: string;
  readonly reaches: ChannelReach;
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
