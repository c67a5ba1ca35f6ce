/**
 * The audit module's public surface: what other modules may import from it.
 * The append-only audit trail every write records into, in its own transaction.
 * Everything else in this folder is the module's own.
 */
export { AuditEntry, type AuditDetails } from './audit-entry.entity';
export { AuditModule } from './audit.module';
export { AuditService, SYSTEM_ACTOR, type AuditActor } from './audit.service';
export { WrongCodeThrottle, type CodeDesk } from './wrong-code-throttle';
