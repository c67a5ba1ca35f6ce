import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Account } from '../accounts/account.entity';

/**
 * How many subscribe messages of one template WeChat will still deliver to one account: each 允许 the user taps in
 * the mini program's requestSubscribeMessage allows one message (one-time subscriptions). Counted up when the mini
 * program reports an accept, spent by a guarded update before a send, zeroed when WeChat answers 43101.
 */
@Entity({ name: 'wechat_subscribe_grant' })
export class WechatSubscribeGrant {
  @PrimaryColumn({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_wechat_subscribe_grant_account' })
  account: Relation<Account>;

  @PrimaryColumn({ name: 'template_id', type: 'varchar', length: 64 })
  templateId: string;

  @Column({ type: 'int', default: 0 })
  remaining: number;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
