import { Injectable } from '@nestjs/common';
import { audiencesOf, type NotificationAudience } from '@linli/shared';
import type { OutboxMessages, OutboxTopic } from '../outbox';
import type { ChannelReach } from './notification-channel';
import { NotificationsRepository } from './notifications.repository';

/** The ids a payload may carry that name people; each topic's payload has those its audiences need (OutboxMessages). */
type PeopleIds = Partial<Record<'residentId' | 'workerId' | 'communityId' | 'applicantAccountId', string | null>>;

/** Who a message reaches, for each kind of channel (ChannelReach). */
export type Recipients = Record<ChannelReach, string[]>;

/**
 * Turns shared's who-hears-what rule (audiencesOf) into recipients, from the ids in the payload: for the channels
 * that reach accounts, the person's own account, the accounts of the household members who act for them, the
 * worker's, the applicant's, the community's staff — each account once, even when it is both the person and a proxy;
 * for those that reach residents (SMS), the person themself by their resident record, whether or not they have an
 * account (an elder without WeChat is reached only so, or through their household).
 */
@Injectable()
export class NotificationRecipients {
  constructor(private readonly notifications: NotificationsRepository) {}

  async resolve<Topic extends OutboxTopic>(topic: Topic, payload: OutboxMessages[Topic]): Promise<Recipients> {
    const ids = payload as PeopleIds;
    const audiences = audiencesOf(topic);
    const found = await Promise.all(audiences.map((audience) => this.accountsOf(audience, ids)));
    return { account: [...new Set(found.flat())], resident: audiences.includes('resident') && ids.residentId ? [ids.residentId] : [] };
  }

  private async accountsOf(audience: NotificationAudience, ids: PeopleIds): Promise<string[]> {
    switch (audience) {
      case 'resident':
        return ids.residentId ? this.notifications.accountsOfResident(ids.residentId) : [];
      case 'household':
        return ids.residentId ? this.notifications.accountsOfHouseholdProxies(ids.residentId) : [];
      case 'worker':
        return ids.workerId ? this.notifications.accountOfWorker(ids.workerId) : [];
      case 'applicant':
        return ids.applicantAccountId && (await this.notifications.isActiveAccount(ids.applicantAccountId)) ? [ids.applicantAccountId] : [];
      case 'community_staff':
        return ids.communityId ? this.notifications.staffOfCommunity(ids.communityId) : [];
    }
  }
}
