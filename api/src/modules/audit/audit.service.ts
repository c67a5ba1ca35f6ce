import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Role } from '@linli/shared';
import type { RequestMeta } from '../../common/auth/auth-context';
import { AuditEntry, type AuditDetails } from './audit-entry.entity';

export interface AuditActor extends RequestMeta {
  accountId: string | null;
  role: Role | null;
}

export interface AuditEvent {
  action: string;
  targetType: string;
  targetId: string | null;
  /** The target's region path, so admins can read entries within their scope. */
  regionPath: string | null;
  details?: AuditDetails;
}

/** Appends audit entries inside the caller's transaction, so an action and its record commit or fail together. */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, actor: AuditActor, event: AuditEvent): Promise<void> {
    const entry: AuditEntry = {
      id: randomUUID(),
      actorAccountId: actor.accountId,
      actorRole: actor.role,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId,
      regionPath: event.regionPath,
      ip: actor.ip,
      requestId: actor.requestId,
      details: event.details ?? null,
      createdAt: new Date(),
    };
    await manager.getRepository(AuditEntry).insert(entry);
  }
}
