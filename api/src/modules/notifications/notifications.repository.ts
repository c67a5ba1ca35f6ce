import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, LessThan, type EntityManager } from 'typeorm';
import { Account } from '../accounts';
import { Worker } from '../providers';
import { Region } from '../regions';
import { Resident } from '../residents';
import { InboxMessage } from './inbox-message.entity';
import { NotificationDelivery } from './notification-delivery.entity';

const ACTIVE = 'active';

/** Who the people behind a message's ids are (their accounts), what was delivered to them, and their inboxes. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  // ─── recipients ─────────────────────────────────────────────────────────────────────────────────────────

  /** The person's own active resident account (none for an elder without a phone). */
  async accountsOfResident(residentId: string): Promise<string[]> {
    const accounts = await this.dataSource.getRepository(Account).find({ select: { id: true }, where: { residentId, role: 'resident', status: ACTIVE } });
    return accounts.map((account) => account.id);
  }

  /** The active accounts of the household members who act for the person (household_link: proxy → member). */
  async accountsOfHouseholdProxies(residentId: string): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(Account)
      .createQueryBuilder('a')
      .select('a.id', 'id')
      .innerJoin('household_link', 'link', 'link.proxy_resident_id = a.resident_id')
      .where("link.member_resident_id = :residentId AND a.role = 'resident' AND a.status = :active", { residentId, active: ACTIVE })
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }

  async accountOfWorker(workerId: string): Promise<string[]> {
    const worker = await this.dataSource.getRepository(Worker).findOne({ select: { id: true, accountId: true }, where: { id: workerId } });
    return worker?.accountId ? [worker.accountId] : [];
  }

  /** Active staff accounts of the community itself (not the street or district above it). */
  async staffOfCommunity(communityId: string): Promise<string[]> {
    const accounts = await this.dataSource.getRepository(Account).find({ select: { id: true }, where: { regionId: communityId, role: 'staff', status: ACTIVE } });
    return accounts.map((account) => account.id);
  }

  /** The phone (encrypted) to text a resident's messages to: only when staff switched SMS on and a phone is on record. */
  async smsContactOf(residentId: string): Promise<Pick<Resident, 'name' | 'phoneCipher' | 'phoneOwner'> | null> {
    const resident = await this.dataSource
      .getRepository(Resident)
      .findOne({ select: { id: true, name: true, phoneCipher: true, phoneOwner: true }, where: { id: residentId, smsNotifications: true, erasedAt: IsNull() } });
    return resident?.phoneCipher ? resident : null;
  }

  async isActiveAccount(accountId: string): Promise<boolean> {
    return this.dataSource.getRepository(Account).exists({ where: { id: accountId, status: ACTIVE } });
  }

  /** A region's materialised path (a dead letter naming a community is shown to the staff above it); null when unknown. */
  async regionPathOf(regionId: string): Promise<string | null> {
    const region = await this.dataSource.getRepository(Region).findOne({ select: { id: true, path: true }, where: { id: regionId } });
    return region?.path ?? null;
  }

  // ─── deliveries ─────────────────────────────────────────────────────────────────────────────────────────

  /** `recipient channel` pairs already delivered for a message. */
  async deliveredPairs(messageId: string): Promise<Set<string>> {
    const rows = await this.dataSource.getRepository(NotificationDelivery).find({ select: { recipientId: true, channel: true }, where: { messageId } });
    return new Set(rows.map((row) => `${row.recipientId} ${row.channel}`));
  }

  async insertDelivery(manager: EntityManager, delivery: Omit<NotificationDelivery, 'message'>): Promise<void> {
    await manager.getRepository(NotificationDelivery).insert(delivery);
  }

  // ─── inbox ──────────────────────────────────────────────────────────────────────────────────────────────

  async insertInboxMessage(manager: EntityManager, message: Omit<InboxMessage, 'account'>): Promise<void> {
    await manager.getRepository(InboxMessage).insert(message);
  }

  listInbox(accountId: string, since: Date, limit: number): Promise<InboxMessage[]> {
    return this.dataSource
      .getRepository(InboxMessage)
      .createQueryBuilder('m')
      .where('m.account_id = :accountId AND m.created_at >= :since', { accountId, since })
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .take(limit)
      .getMany();
  }

  countUnread(accountId: string, since: Date): Promise<number> {
    return this.dataSource
      .getRepository(InboxMessage)
      .createQueryBuilder('m')
      .where('m.account_id = :accountId AND m.created_at >= :since AND m.read_at IS NULL', { accountId, since })
      .getCount();
  }

  findInboxMessage(accountId: string, messageId: string): Promise<InboxMessage | null> {
    return this.dataSource.getRepository(InboxMessage).findOneBy({ id: messageId, accountId });
  }

  async markRead(manager: EntityManager, accountId: string, messageId: string, now: Date): Promise<void> {
    await manager.getRepository(InboxMessage).update({ id: messageId, accountId, readAt: IsNull() }, { readAt: now });
  }

  async markAllRead(manager: EntityManager, accountId: string, now: Date): Promise<void> {
    await manager.getRepository(InboxMessage).update({ accountId, readAt: IsNull() }, { readAt: now });
  }

  /** Deletes inbox messages created before `before`; how many went. */
  async deleteInboxBefore(manager: EntityManager, before: Date): Promise<number> {
    const result = await manager.getRepository(InboxMessage).delete({ createdAt: LessThan(before) });
    return result.affected ?? 0;
  }
}
