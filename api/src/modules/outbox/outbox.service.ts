import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxMessage } from './outbox-message.entity';
import type { OutboxMessages, OutboxTopic } from './outbox-topics';

export type { OutboxTopic } from './outbox-topics';

/** How the writing side queues messages; the notifications relay delivers them (OutboxRepository is its side). */
@Injectable()
export class OutboxService {
  /**
   * Queues a message inside the caller's transaction, its payload checked against the topic (OutboxMessages), and
   * answers its id (messages queued in the same millisecond cannot be told apart by their creation time).
   */
  async enqueue<Topic extends OutboxTopic>(manager: EntityManager, topic: Topic, payload: OutboxMessages[Topic]): Promise<string> {
    const now = new Date();
    return this.insert(manager, topic, payload, { availableAt: now, scheduleKey: null, createdAt: now });
  }

  /**
   * Queues a message for later (a booking's reminder) under `key`, replacing one scheduled under the same key that
   * has not gone out yet, so a rescheduled booking moves its reminder instead of adding a second one.
   */
  async schedule<Topic extends OutboxTopic>(manager: EntityManager, key: string, topic: Topic, payload: OutboxMessages[Topic], dueAt: Date): Promise<void> {
    await this.withdraw(manager, key);
    await this.insert(manager, topic, payload, { availableAt: dueAt, scheduleKey: key, createdAt: new Date() });
  }

  /**
   * Withdraws what is scheduled under `key` and not yet sent (a cancelled booking's reminders). A message already
   * delivered or dead keeps its row for the record but gives up the key, so the key can be used again.
   */
  async withdraw(manager: EntityManager, key: string): Promise<void> {
    await manager.getRepository(OutboxMessage).delete({ scheduleKey: key, state: 'pending' });
    await manager.getRepository(OutboxMessage).update({ scheduleKey: key }, { scheduleKey: null });
  }

  private async insert(
    manager: EntityManager,
    topic: OutboxTopic,
    payload: OutboxMessages[OutboxTopic],
    timing: Pick<OutboxMessage, 'availableAt' | 'scheduleKey' | 'createdAt'>,
  ): Promise<string> {
    const id = randomUUID();
    await manager.getRepository(OutboxMessage).insert({
      id,
      topic,
      payload: { ...payload },
      ...timing,
      state: 'pending',
      attempts: 0,
      claimToken: null,
      leaseUntil: null,
      lastError: null,
      deliveredAt: null,
    });
    return id;
  }
}
