import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { isCityAdmin, regionInScope } from '../../common/auth/scope';
import { Clock } from '../../common/time/clock';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit';
import { OutboxRepository, type OutboxMessage } from '../outbox';
import { deadLetterNotFound } from './notifications.errors';
import { NotificationsRepository } from './notifications.repository';

/** Dead messages looked at per request: far more than a healthy relay ever leaves (they are a sign something is broken). */
const SCAN_LIMIT = 500;

export interface DeadLetterView {
  id: string;
  topic: string;
  createdAt: string;
  attempts: number;
  reason: string;
  /** `pending` once retried. */
  state: OutboxMessage['state'];
}

function toView(message: OutboxMessage): DeadLetterView {
  return { id: message.id, topic: message.topic, createdAt: message.createdAt.toISOString(), attempts: message.attempts, reason: message.lastError ?? '', state: message.state };
}

/** The region ids a payload may carry: a region path (provider decisions, late-order warnings) or a community. */
type RegionIds = Partial<Record<'regionPath' | 'communityId', string | null>>;

/**
 * Messages the relay gave up on: why each failed, and a retry that puts it back in the queue with fresh attempts.
 * A retried message is delivered only where no send was recorded, so nobody gets it twice.
 *
 * Who sees which (docs/notifications.md): a city-level admin sees them all. Staff and district/street admins see
 * only those whose payload names a region inside theirs (a `regionPath`, or a `communityId`); a message that names
 * no region (a booking's, a home order's: they carry only people's ids) is the city admins' alone. Another's
 * dead letter answers 404, like a missing one.
 */
@Injectable()
export class DeadLettersService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly notifications: NotificationsRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(auth: AuthContext): Promise<DeadLetterView[]> {
    const dead = await this.outbox.listDead(SCAN_LIMIT);
    if (isCityAdmin(auth)) return dead.map(toView);
    const visible: OutboxMessage[] = [];
    for (const message of dead) if (await this.isVisible(auth, message)) visible.push(message);
    return visible.map(toView);
  }

  async retry(auth: AuthContext, messageId: string): Promise<DeadLetterView> {
    const found = await this.outbox.findMessage(messageId);
    if (!found || !(await this.isVisible(auth, found))) throw deadLetterNotFound();
    const regionPath = (await this.regionPathOf(found)) ?? auth.regionPath;
    await this.transactions.write(async (manager) => {
      if (!(await this.outbox.revive(manager, messageId, this.clock.now()))) throw deadLetterNotFound();
      await this.audit.record(manager, auth, { action: 'notification.retried', targetType: 'outbox_message', targetId: messageId, regionPath, details: { topic: found.topic } });
    });
    const message = await this.outbox.findMessage(messageId);
    if (!message) throw deadLetterNotFound();
    return toView(message);
  }

  private async isVisible(auth: AuthContext, message: OutboxMessage): Promise<boolean> {
    if (isCityAdmin(auth)) return true;
    return regionInScope(auth, await this.regionPathOf(message));
  }

  /** The region a message names in its payload, as a path; null when it names none. */
  private async regionPathOf(message: OutboxMessage): Promise<string | null> {
    const ids = message.payload as RegionIds;
    if (typeof ids.regionPath === 'string') return ids.regionPath;
    if (typeof ids.communityId === 'string') return this.notifications.regionPathOf(ids.communityId);
    return null;
  }
}
