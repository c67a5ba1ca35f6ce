import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Role } from '@linli/shared';
import type { AuthContext, RequestMeta } from '../../common/auth/auth-context';
import { AuditRepository } from './audit.repository';
import type { AuditEntryDto, AuditQuery } from './dto/audit.dto';
import { AuditEntry, type AuditDetails } from './audit-entry.entity';

export interface AuditActor extends RequestMeta {
  accountId: string | null;
  role: Role | null;
}

/** The platform acting on its own (a sweep, a payment notification) as the audit log records it. */
export const SYSTEM_ACTOR: AuditActor = { accountId: null, role: null, ip: 'system', requestId: 'system' };

export interface AuditEvent {
  action: string;
  targetType: string;
  targetId: string | null;
  /** The target's region path, so admins can read entries within their scope. */
  regionPath: string | null;
  details?: AuditDetails;
}

/**
 * Appends audit entries inside the caller's transaction, so an action and its record commit or fail together,
 * and lets admins read the entries of their region. Nothing updates or deletes an entry.
 */
@Injectable()
export class AuditService {
  constructor(private readonly entries: AuditRepository) {}

  async listForAdmin(auth: AuthContext, query: AuditQuery): Promise<AuditEntryDto[]> {
    const filter = { action: query.action, targetId: query.targetId, before: query.before ? new Date(query.before) : undefined };
    return (await this.entries.listWithinRegion(auth.regionPath!, filter, query.limit ?? 50)).map((entry) => ({
      id: entry.id,
      at: entry.createdAt.toISOString(),
      actorAccountId: entry.actorAccountId,
      actorRole: entry.actorRole,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      ip: entry.ip,
      requestId: entry.requestId,
      details: entry.details,
    }));
  }

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
