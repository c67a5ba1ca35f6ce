import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A message for the outside world (a WeChat subscribe message, later SMS), written in the same transaction as the
 * change it announces, so it is never lost and never sent for a change that rolled back. The notification issue
 * delivers these and sets `deliveredAt`.
 */
@Entity({ name: 'outbox_message' })
@Index('ix_outbox_pending', ['deliveredAt', 'createdAt'])
export class OutboxMessage {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  topic: string;

  @Column({ type: 'json' })
  payload: Record<string, string | number | boolean | null>;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'delivered_at', type: 'datetime', precision: 3, nullable: true })
  deliveredAt: Date | null;
}
