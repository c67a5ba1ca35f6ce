import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxMessage } from './outbox-message.entity';

export type OutboxTopic = 'booking.promoted_from_waitlist';

@Injectable()
export class OutboxService {
  /** Queues a message inside the caller's transaction. */
  async enqueue(manager: EntityManager, topic: OutboxTopic, payload: OutboxMessage['payload']): Promise<void> {
    await manager.getRepository(OutboxMessage).insert({ id: randomUUID(), topic, payload, createdAt: new Date(), deliveredAt: null });
  }
}
