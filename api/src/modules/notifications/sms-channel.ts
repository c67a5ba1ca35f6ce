import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { FieldCipher } from '../../common/security/field-cipher';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { NotificationChannels, type ChannelOutcome, type NotificationChannel, type OutgoingNotification } from './notification-channel';
import { NotificationsRepository } from './notifications.repository';
import { HttpSmsGateway } from './http-sms-gateway';
import { SmsGateway } from './sms-gateway';
import { smsTextOf } from './sms-text';

/**
 * SMS as a channel of the relay, for an elder without WeChat (decision 0020): a message about a resident whom staff
 * switched SMS on for goes, in one short text, to the phone on their record — their own or a relative's. A resident
 * with SMS off or no phone is `refused` (the household's accounts still hear it); a number the gateway refuses
 * (opted out) is `refused` and not retried; a wrong number or text is `invalid`, so the message goes to the dead
 * letters with the gateway's code; busy or unreachable is thrown and retried. The idempotency key, the message's id
 * and the resident's, lets the gateway drop a repeat after a crash between its send and the relay's record.
 */
@Injectable()
export class SmsChannel implements NotificationChannel, OnModuleInit {
  readonly name = 'sms';
  readonly reaches = 'resident';

  constructor(
    private readonly channels: NotificationChannels,
    private readonly notifications: NotificationsRepository,
    private readonly cipher: FieldCipher,
    private readonly gateway: SmsGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Plugs in only when a gateway is configured (SMS_GATEWAY_URL): without one, nobody is texted. */
  onModuleInit(): void {
    if (this.config.sms) this.channels.add(this);
  }

  async send(notification: OutgoingNotification): Promise<ChannelOutcome> {
    const contact = await this.notifications.smsContactOf(notification.recipientId);
    if (!contact?.phoneCipher || !this.config.sms) return { kind: 'refused' };
    const text = smsTextOf(this.config.sms.signature, notification, contact);
    // Decrypted for this call only; it goes in the request body and nowhere else (no log line, no error message).
    const outcome = await this.gateway.send(this.cipher.decrypt(contact.phoneCipher), text, `${notification.messageId}:${notification.recipientId}`);
    return outcome.kind === 'invalid' ? { kind: 'invalid', reason: outcome.reason } : { kind: outcome.kind };
  }
}

/** What NotificationsModule provides for the channel: the HTTP gateway behind the port. */
export const SMS_CHANNEL_PROVIDERS = [{ provide: SmsGateway, useClass: HttpSmsGateway }, SmsChannel];
