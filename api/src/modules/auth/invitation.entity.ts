import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export type InvitationKind = 'worker' | 'household_member';

/**
 * A one-time code that binds a WeChat user to an existing record: a worker to their worker record, or a household
 * member to the person record their family created. Only a hash of the code is stored.
 */
@Entity({ name: 'invitation' })
@Index('uq_invitation_code_hash', ['codeHash'], { unique: true })
@Index('ix_invitation_target', ['kind', 'targetId'])
export class Invitation {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'simple-enum', enum: ['worker', 'household_member'] })
  kind: InvitationKind;

  @Column({ name: 'target_id', type: 'varchar', length: 36 })
  targetId: string;

  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash: string;

  @Column({ name: 'issued_by_account_id', type: 'varchar', length: 36 })
  issuedByAccountId: string;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
