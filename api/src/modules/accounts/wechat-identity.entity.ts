import { Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Account } from './account.entity';

/** A WeChat user (openid of this mini program) bound to one account. */
@Entity({ name: 'wechat_identity' })
@Index('uq_wechat_identity_openid', ['openid'], { unique: true })
@Index('uq_wechat_identity_account', ['accountId'], { unique: true })
export class WechatIdentity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  openid: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid: string | null;

  @Column({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  @OneToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_wechat_identity_account' })
  account: Relation<Account>;

  /** WeChat's session_key, encrypted (FieldCipher). It never leaves the server and is never logged. */
  @Column({ name: 'session_key_cipher', type: 'varchar', length: 200 })
  sessionKeyCipher: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
