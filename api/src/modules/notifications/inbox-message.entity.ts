import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Account } from '../accounts/account.entity';

/**
 * One message in an account's 消息 list. The inbox is a channel like WeChat, but one that can tell a repeat: one row
 * per (outbox message, account), so a message delivered again after a crash is not listed twice. Rows older than
 * INBOX_RETENTION_DAYS are deleted by InboxRetentionSweeper.
 */
@Entity({ name: 'inbox_message' })
@Index('uq_inbox_message_source', ['sourceMessageId', 'accountId'], { unique: true })
@Index('ix_inbox_message_account', ['accountId', 'createdAt'])
@Index('ix_inbox_message_created', ['createdAt'])
export class InboxMessage {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_inbox_message_account' })
  account: Relation<Account>;

  /** The outbox message it came from (no foreign key: pruning old outbox rows one day must not touch inboxes). */
  @Column({ name: 'source_message_id', type: 'varchar', length: 36 })
  sourceMessageId: string;

  @Column({ type: 'varchar', length: 64 })
  topic: string;

  @Column({ type: 'varchar', length: 40 })
  title: string;

  @Column({ type: 'varchar', length: 300 })
  body: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'datetime', precision: 3, nullable: true })
  readAt: Date | null;
}
