import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Account } from './account.entity';

/** An account's acceptance of one version of the privacy terms: proof of consent under PIPL. */
@Entity({ name: 'privacy_consent' })
@Index('uq_privacy_consent_version', ['accountId', 'version'], { unique: true })
export class PrivacyConsent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_privacy_consent_account' })
  account: Relation<Account>;

  @Column({ type: 'varchar', length: 20 })
  version: string;

  @Column({ name: 'accepted_at', type: 'datetime', precision: 3 })
  acceptedAt: Date;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;
}
