import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const OUTBOX_STATES = ['pending', 'done', 'dead'] as const;
/** `pending` until delivered (`done`) or given up on after too many failures (`dead`: staff can look and retry). */
export type OutboxState = (typeof OUTBOX_STATES)[number];

/**
 * A message for the people a change concerns, written in the same transaction as the change it announces, so it is
 * never lost and never sent for a change that rolled back. The notifications relay delivers it after commit: it
 * claims the row with a lease (`claimToken`, `leaseUntil`), so several instances never work on one row at once and
 * a row claimed by a crashed instance is taken again when the lease has run out.
 */
@Entity({ name: 'outbox_message' })
@Index('ix_outbox_due', ['state', 'availableAt'])
@Index('uq_outbox_schedule_key', ['scheduleKey'], { unique: true })
/** The live module follows the outbox in (created_at, id) order, independent of the relay's state (docs/notifications.md). */
@Index('ix_outbox_created', ['createdAt', 'id'])
export class OutboxMessage {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  topic: string;

  @Column({ type: 'json' })
  payload: Record<string, string | number | boolean | null>;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'simple-enum', enum: OUTBOX_STATES, default: 'pending' })
  state: OutboxState;

  /** Not delivered before this instant: its creation, a reminder's due time, or the next try after a failure. */
  @Column({ name: 'available_at', type: 'datetime', precision: 3 })
  availableAt: Date;

  /** Claims so far (each claim counts, so a message that crashes its instance every time still ends up dead). */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** Set by the claim that holds the row; only that claim may settle it. */
  @Column({ name: 'claim_token', type: 'varchar', length: 36, nullable: true })
  claimToken: string | null;

  @Column({ name: 'lease_until', type: 'datetime', precision: 3, nullable: true })
  leaseUntil: Date | null;

  /** What went wrong the last time (a failure before a retry, or why the message is dead). */
  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  /** A scheduled message's name (a booking's reminder), so the change that makes it moot can withdraw or move it. */
  @Column({ name: 'schedule_key', type: 'varchar', length: 100, nullable: true })
  scheduleKey: string | null;

  @Column({ name: 'delivered_at', type: 'datetime', precision: 3, nullable: true })
  deliveredAt: Date | null;
}
