import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Account } from '../accounts/account.entity';

/**
 * One refresh token of a login session ("family"). Only its SHA-256 is stored. Each refresh rotates: the used
 * token gets `rotatedAt`, a new one joins the family. Presenting a rotated token again means it was copied, so the
 * whole family is revoked.
 */
@Entity({ name: 'refresh_token' })
@Index('uq_refresh_token_hash', ['tokenHash'], { unique: true })
@Index('ix_refresh_token_family', ['familyId'])
@Index('ix_refresh_token_account', ['accountId'])
export class RefreshToken {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_refresh_token_account' })
  account: Relation<Account>;

  @Column({ name: 'family_id', type: 'varchar', length: 36 })
  familyId: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'rotated_at', type: 'datetime', precision: 3, nullable: true })
  rotatedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
