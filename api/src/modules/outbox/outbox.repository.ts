import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { OutboxMessage } from './outbox-message.entity';

/**
 * The delivering side of the outbox: due rows, claims with a lease, and settling a claim. Every change of a claimed
 * row is conditional on the claim's token, so an instance whose lease ran out (it was slow, or it died and came
 * back) changes nothing once another instance has taken the row.
 */
@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Pending rows whose time has come and which nobody holds (never claimed, or the lease has run out), oldest first. */
  listDue(now: Date, limit: number): Promise<OutboxMessage[]> {
    return this.dataSource
      .getRepository(OutboxMessage)
      .createQueryBuilder('m')
      .where("m.state = 'pending' AND m.available_at <= :now AND (m.lease_until IS NULL OR m.lease_until <= :now)", { now })
      .orderBy('m.available_at', 'ASC')
      .take(limit)
      .getMany();
  }

  /** Takes a due row for `leaseUntil` under `token`; false when another instance took it first. */
  async claim(manager: EntityManager, messageId: string, token: string, now: Date, leaseUntil: Date): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({ claimToken: token, leaseUntil, attempts: () => 'attempts + 1' })
      .where("id = :messageId AND state = 'pending' AND available_at <= :now AND (lease_until IS NULL OR lease_until <= :now)", { messageId, now })
      .execute();
    return result.affected === 1;
  }

  async markDone(manager: EntityManager, messageId: string, token: string, now: Date): Promise<boolean> {
    return this.settle(manager, messageId, token, { state: 'done', deliveredAt: now, lastError: null });
  }

  async retryLater(manager: EntityManager, messageId: string, token: string, availableAt: Date, error: string): Promise<boolean> {
    return this.settle(manager, messageId, token, { availableAt, lastError: error });
  }

  async markDead(manager: EntityManager, messageId: string, token: string, reason: string): Promise<boolean> {
    return this.settle(manager, messageId, token, { state: 'dead', lastError: reason });
  }

  /** Dead messages, the latest first. */
  listDead(limit: number): Promise<OutboxMessage[]> {
    return this.dataSource.getRepository(OutboxMessage).find({ where: { state: 'dead' }, order: { availableAt: 'DESC' }, take: limit });
  }

  findMessage(messageId: string): Promise<OutboxMessage | null> {
    return this.dataSource.getRepository(OutboxMessage).findOneBy({ id: messageId });
  }

  /** A dead message back in the queue with fresh attempts; false when it is not dead (any more). */
  async revive(manager: EntityManager, messageId: string, now: Date): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({ state: 'pending', attempts: 0, availableAt: now })
      .where("id = :messageId AND state = 'dead'", { messageId })
      .execute();
    return result.affected === 1;
  }

  private async settle(manager: EntityManager, messageId: string, token: string, change: Partial<OutboxMessage>): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({ ...change, claimToken: null, leaseUntil: null })
      .where("id = :messageId AND claim_token = :token AND state = 'pending'", { messageId, token })
      .execute();
    return result.affected === 1;
  }
}
