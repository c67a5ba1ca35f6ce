import { Module } from '@nestjs/common';
import { Clock } from '../../common/time/clock';
import { AuditModule } from '../audit';
import { OutboxModule } from '../outbox';
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

@Module({
  imports: [AuditModule, OutboxModule],
  controllers: [InboxController, DeadLettersController],
  providers: [
    Clock,
    NotificationsRepository,
    NotificationRecipients,
    NotificationChannels,
    InboxChannel,
    NotificationRelay,
    InboxService,
    DeadLettersService,
    NotificationRelaySweeper,
    InboxRetentionSweeper,
  ],
  exports: [NotificationChannels],
})
export class NotificationsModule {}
