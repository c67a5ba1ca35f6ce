import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Flat, non-personal facts about an action (never ID numbers or phone numbers). */
export type AuditDetails = Record<string, string | number | boolean | null>;

/**
 * Append-only record of who did what to whom, when and from where. Nothing updates or deletes these rows
 * (no code path does, and database triggers refuse it). `regionPath` is the target's region, so admins read only their subtree.
 */
@Entity({ name: 'audit_entry' })
@Index('ix_audit_entry_region_time', ['regionPath', 'createdAt'])
@Index('ix_audit_entry_target', ['targetType', 'targetId'])
export class AuditEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'actor_account_id', type: 'varchar', length: 36, nullable: true })
  actorAccountId: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 20, nullable: true })
  actorRole: string | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ name: 'target_type', type: 'varchar', length: 32 })
  targetType: string;

  @Column({ name: 'target_id', type: 'varchar', length: 36, nullable: true })
  targetId: string | null;

  @Column({ name: 'region_path', type: 'varchar', length: 200, nullable: true })
  regionPath: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @Column({ type: 'json', nullable: true })
  details: AuditDetails | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
