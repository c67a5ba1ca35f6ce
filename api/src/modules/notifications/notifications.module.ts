import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { OutboxModule } from '../outbox';
import { WechatModule } from '../wechat';
import { DeadLettersController } from './dead-letters.controller';
import { DeadLettersService } from './dead-letters.service';
import { InboxChannel } from './inbox-channel';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';
import { NotificationChannels } from './notification-channel';
import { NotificationRecipients } from './notification-recipients';
import { NotificationRelay } from './notification-relay';
import { InboxRetentionSweeper, NotificationRelaySweeper } from './notification-sweepers';
import { NotificationsRepository } from './notifications.repository';
import { SMS_CHANNEL_PROVIDERS } from './sms-channel';
import { WECHAT_SUBSCRIBE_CHANNEL_PROVIDERS } from './wechat-subscribe-channel';

@Module({
  imports: [AuditModule, OutboxModule, WechatModule],
  controllers: [InboxController, DeadLettersController],
  providers: [
    NotificationsRepository,
    NotificationRecipients,
    NotificationChannels,
    InboxChannel,
    NotificationRelay,
    InboxService,
    DeadLettersService,
    NotificationRelaySweeper,
    InboxRetentionSweeper,
    ...WECHAT_SUBSCRIBE_CHANNEL_PROVIDERS,
    ...SMS_CHANNEL_PROVIDERS,
  ],
  exports: [NotificationChannels],
})
export class NotificationsModule {}
