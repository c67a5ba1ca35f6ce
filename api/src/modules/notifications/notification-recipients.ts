import { Injectable } from '@nestjs/common';
import { audiencesOf, type NotificationAudience } from '@linli/shared';
import type { OutboxMessages, OutboxTopic } from '../outbox';
import { NotificationsRepository } from './notifications.repository';

/** The ids a payload may carry that name people; each topic's payload has those its audiences need (OutboxMessages). */
type PeopleIds = Partial<Record<'residentId' | 'workerId' | 'communityId' | 'applicantAccountId', string | null>>;

/**
 * Turns shared's who-hears-what rule (audiencesOf) into accounts, from the ids in the payload: the person's own
 * account, the accounts of the household members who act for them, the worker's, the applicant's, the community's
 * staff. Each account once, even when it is both the person and a proxy.
 */
@Injectable()
export class NotificationRecipients {
  constructor(private readonly notifications: NotificationsRepository) {}

  async resolve<Topic extends OutboxTopic>(topic: Topic, payload: OutboxMessages[Topic]): Promise<string[]> {
    const ids = payload as PeopleIds;
    const found = await Promise.all(audiencesOf(topic).map((audience) => this.accountsOf(audience, ids)));
    return [...new Set(found.flat())];
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
