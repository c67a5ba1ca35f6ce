import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { OutboxMessage } from '../outbox/outbox-message.entity';

export const DELIVERY_OUTCOMES = ['sent', 'refused'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

/**
 * One message handed to one channel for one recipient, recorded before the message is marked done: a message
 * delivered again after a crash skips every (recipient, channel) already here, and the unique index keeps two
 * instances from both recording one. The recipient is an account for the channels that reach accounts (inbox,
 * WeChat) and a resident for SMS, which reaches a person by the phone on their record (NotificationChannel.reaches):
 * the channel says which, so the id needs no foreign key (decision 0020).
 */
@Entity({ name: 'notification_delivery' })
@Index('uq_notification_delivery', ['messageId', 'recipientId', 'channel'], { unique: true })
export class NotificationDelivery {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'message_id', type: 'varchar', length: 36 })
  messageId: string;

  @ManyToOne(() => OutboxMessage, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'message_id', foreignKeyConstraintName: 'fk_notification_delivery_message' })
  message: Relation<OutboxMessage>;

  /** An account's id, or a resident's for a channel that reaches residents (SMS). */
  @Column({ name: 'recipient_id', type: 'varchar', length: 36 })
  recipientId: string;

  @Column({ type: 'varchar', length: 16 })
  channel: string;

  @Column({ type: 'simple-enum', enum: DELIVERY_OUTCOMES })
  outcome: DeliveryOutcome;

  @Column({ name: 'delivered_at', type: 'datetime', precision: 3 })
  deliveredAt: Date;
}
