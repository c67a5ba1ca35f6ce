import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OrderEvent, ProviderDecision } from '@linli/shared';
import { OutboxMessage } from './outbox-message.entity';

/** Every order event is announced (the resident, the worker or staff may need to hear of it); SLA warnings go to staff;
 * provider decisions go to the applicant and the organisation. */
export type OutboxTopic = 'booking.promoted_from_waitlist' | `order.${OrderEvent}` | 'order.sla_warning' | `provider.${ProviderDecision}`;

@Injectable()
export class OutboxService {
  /** Queues a message inside the caller's transaction. */
  async enqueue(manager: EntityManager, topic: OutboxTopic, payload: OutboxMessage['payload']): Promise<void> {
    await manager.getRepository(OutboxMessage).insert({ id: randomUUID(), topic, payload, createdAt: new Date(), deliveredAt: null });
  }
}
