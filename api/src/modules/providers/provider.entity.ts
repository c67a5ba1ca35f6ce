import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { DISPATCH_MODES, PROVIDER_KINDS, PROVIDER_STATUSES, type DispatchMode, type ProviderKind, type ProviderStatus } from '@linli/shared';
import type { Account } from '../accounts/account.entity';
import { Region } from '../regions/region.entity';

/**
 * A service provider organisation (housekeeping company, repair shop, care agency, volunteer team). It joins by an
 * application staff approve (`pending` → `active`) or is registered by staff directly (active at once).
 */
@Entity({ name: 'provider' })
@Index('ix_provider_region', ['regionId'])
// One pending application per applicant: the column holds the applicant only while the application waits.
@Index('uq_provider_pending_applicant', ['pendingApplicantId'], { unique: true })
@Check('ck_provider_pending_applicant', "pending_applicant_id IS NULL OR status = 'pending'")
export class Provider {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  /** The region whose staff oversee this provider. */
  @Column({ name: 'region_id', type: 'varchar', length: 36 })
  regionId: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_provider_region' })
  region: Relation<Region>;

  @Column({ type: 'simple-enum', enum: PROVIDER_KINDS, default: 'housekeeping' })
  kind: ProviderKind;

  @Column({ type: 'simple-enum', enum: PROVIDER_STATUSES, default: 'active' })
  status: ProviderStatus;

  /** Why staff turned the application down or suspended the organisation (the latest such decision). */
  @Column({ name: 'decision_reason', type: 'varchar', length: 200, nullable: true })
  decisionReason: string | null;

  @Column({ name: 'contact_name', type: 'varchar', length: 32, nullable: true })
  contactName: string | null;

  /** Encrypted like every phone number (FieldCipher). */
  @Column({ name: 'contact_phone_cipher', type: 'varchar', length: 200, nullable: true })
  contactPhoneCipher: string | null;

  /** 统一社会信用代码 (public business registration, not personal data). */
  @Column({ name: 'credit_code', type: 'varchar', length: 18, nullable: true })
  creditCode: string | null;

  /** The WeChat account that applied; null when staff registered the organisation. */
  @Column({ name: 'applicant_account_id', type: 'varchar', length: 36, nullable: true })
  applicantAccountId: string | null;

  // By name: account.entity imports this file, and a runtime import back would make the two a cycle.
  @ManyToOne('Account', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'applicant_account_id', foreignKeyConstraintName: 'fk_provider_applicant' })
  applicant: Relation<Account> | null;

  @Column({ name: 'pending_applicant_id', type: 'varchar', length: 36, nullable: true })
  pendingApplicantId: string | null;

  /** `grab`: the dispatcher sends this provider's workers no offers; they take orders from the pool instead. */
  @Column({ name: 'dispatch_mode', type: 'simple-enum', enum: DISPATCH_MODES, default: 'assign' })
  dispatchMode: DispatchMode;

  @Column({ name: 'rating_count', type: 'int', default: 0 })
  ratingCount: number;

  @Column({ name: 'rating_sum', type: 'int', default: 0 })
  ratingSum: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
