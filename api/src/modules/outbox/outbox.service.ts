import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxMessage } from './outbox-message.entity';
import type { OutboxMessages, OutboxTopic } from './outbox-topics';

export type { OutboxTopic } from './outbox-topics';

@Injectable()
export class OutboxService {
  /** Queues a message inside the caller's transaction, its payload checked against the topic (OutboxMessages). */
  async enqueue<Topic extends OutboxTopic>(manager: EntityManager, topic: Topic, payload: OutboxMessages[Topic]): Promise<void> {
    await manager.getRepository(OutboxMessage).insert({ id: randomUUID(), topic, payload: { ...payload }, createdAt: new Date(), deliveredAt: null });
  }
}
