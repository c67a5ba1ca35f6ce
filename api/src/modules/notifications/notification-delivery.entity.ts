import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { OutboxMessage } from '../outbox/outbox-message.entity';

export const DELIVERY_OUTCOMES = ['sent', 'refused'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

/**
 * One message handed to one channel for one account, recorded before the message is marked done: a message
 * delivered again after a crash skips every (recipient, channel) already here, and the unique index keeps two
 * instances from both recording one.
 */
@Entity({ name: 'notification_delivery' })
@Index('uq_notification_delivery', ['messageId', 'recipientAccountId', 'channel'], { unique: true })
export class NotificationDelivery {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'message_id', type: 'varchar', length: 36 })
  messageId: string;

  @ManyToOne(() => OutboxMessage, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'message_id', foreignKeyConstraintName: 'fk_notification_delivery_message' })
  message: Relation<OutboxMessage>;

  @Column({ name: 'recipient_account_id', type: 'varchar', length: 36 })
  recipientAccountId: string;

  @Column({ type: 'varchar', length: 16 })
  channel: string;

  @Column({ type: 'simple-enum', enum: DELIVERY_OUTCOMES })
  outcome: DeliveryOutcome;

  @Column({ name: 'delivered_at', type: 'datetime', precision: 3 })
  deliveredAt: Date;
}
