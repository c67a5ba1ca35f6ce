import { Inject, Injectable } from '@nestjs/common';
import { IntervalTask } from '../../common/scheduling/interval-task';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { InboxService } from './inbox.service';
import { NotificationRelay } from './notification-relay';

/** The relay every NOTIFICATION_RELAY_SECONDS in every instance; claims with a lease make that safe (NotificationRelay). */
@Injectable()
export class NotificationRelaySweeper extends IntervalTask {
  protected readonly seconds: number;

  constructor(
    private readonly relay: NotificationRelay,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super();
    this.seconds = config.notifications.relaySeconds;
  }

  protected async runOnce(): Promise<void> {
    await this.relay.relayDue();
  }
}

/** Deletes inbox messages past INBOX_RETENTION_DAYS every INBOX_SWEEP_SECONDS; a plain delete, harmless twice. */
@Injectable()
export class InboxRetentionSweeper extends IntervalTask {
  protected readonly seconds: number;

  constructor(
    private readonly inbox: InboxService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super();
    this.seconds = config.notifications.inboxSweepSeconds;
  }

  protected async runOnce(): Promise<void> {
    const deleted = await this.inbox.deleteExpired();
    if (deleted) this.logger.log(`deleted ${deleted} inbox messages past their 90 days`);
  }
}
