import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { HARDSHIP_CATEGORIES, type HardshipCategory } from '@linli/shared';
import { Resident } from '../residents/resident.entity';

/**
 * A hardship category (低保, 特困, 失能 …) staff checked against the civil-affairs record for an elder. Staff enter only
 * what they verified, so a row is verified from the start, by the staff member who entered it. Rows are never
 * deleted: ending one sets `validTo`, so a subsidy paid while it held stays explainable in settlement.
 * Hardship status is sensitive personal information (PIPL): the staff note is stored only encrypted (FieldCipher).
 */
@Entity({ name: 'hardship_record' })
@Index('ix_hardship_record_resident', ['residentId'])
export class HardshipRecordRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'resident_id', type: 'varchar', length: 36 })
  residentId: string;

  @ManyToOne(() => Resident, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resident_id', foreignKeyConstraintName: 'fk_hardship_record_resident' })
  resident: Relation<Resident>;

  @Column({ type: 'simple-enum', enum: HARDSHIP_CATEGORIES })
  category: HardshipCategory;

  /** `YYYY-MM-DD`, first day it counts. */
  @Column({ name: 'valid_from', type: 'varchar', length: 10 })
  validFrom: string;

  /** `YYYY-MM-DD`, last day it counts; null while open-ended. */
  @Column({ name: 'valid_to', type: 'varchar', length: 10, nullable: true })
  validTo: string | null;

  /** The staff member's note (e.g. the 低保证 number), AES-GCM encrypted; null when none. */
  @Column({ name: 'note_cipher', type: 'varchar', length: 600, nullable: true })
  noteCipher: string | null;

  @Column({ name: 'verified_by_account_id', type: 'varchar', length: 36 })
  verifiedByAccountId: string;

  @Column({ name: 'verified_at', type: 'datetime', precision: 3 })
  verifiedAt: Date;

  /** Who set validTo by ending the record, and when; null while it was never ended. */
  @Column({ name: 'ended_by_account_id', type: 'varchar', length: 36, nullable: true })
  endedByAccountId: string | null;

  @Column({ name: 'ended_at', type: 'datetime', precision: 3, nullable: true })
  endedAt: Date | null;
}
