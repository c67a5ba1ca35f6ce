import { Injectable, type OnModuleInit } from '@nestjs/common';
import { WechatSubscribeMessages } from '../wechat';
import { NotificationChannels, type ChannelOutcome, type NotificationChannel, type OutgoingNotification } from './notification-channel';
import { SubscribeMessageReader } from './subscribe-message-reader';

/**
 * WeChat subscribe messages as a channel of the relay. A recipient whose template is not configured, who has no
 * WeChat identity or no authorisation left, or whom WeChat refuses (43101) is `refused`: the inbox has the message,
 * nothing is retried. A field or template WeChat refuses (47003, 40037) is `invalid`: the message goes to the dead
 * letters with WeChat's reason. Anything else (busy, unreachable, a token that would not refresh) is thrown, and the
 * relay tries again later; a send WeChat accepted is recorded by the relay and never repeated.
 */
@Injectable()
export class WechatSubscribeChannel implements NotificationChannel, OnModuleInit {
  readonly name = 'wechat';
  readonly reaches = 'account';

  constructor(
    private readonly channels: NotificationChannels,
    private readonly contents: SubscribeMessageReader,
    private readonly messages: WechatSubscribeMessages,
  ) {}

  /** Plugs in only when some template is configured: without one, WeChat has nothing to carry. */
  onModuleInit(): void {
    if (this.messages.enabled) this.channels.add(this);
  }

  async send(notification: OutgoingNotification): Promise<ChannelOutcome> {
    const message = await this.contents.contentOf(notification);
    if (!message) return { kind: 'refused' };
    const outcome = await this.messages.send(notification.recipientId, message.topic, message.content);
    switch (outcome.kind) {
      case 'sent':
        return { kind: 'sent' };
      case 'refused':
        return { kind: 'refused' };
      case 'invalid':
        return { kind: 'invalid', reason: outcome.reason };
      case 'retryable':
        throw new Error(`WeChat subscribe message not sent: ${outcome.reason}`);
    }
  }
}

/** What NotificationsModule provides for the channel (it imports WechatModule for WechatSubscribeMessages). */
export const WECHAT_SUBSCRIBE_CHANNEL_PROVIDERS = [SubscribeMessageReader, WechatSubscribeChannel];
