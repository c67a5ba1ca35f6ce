import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Region } from '../regions/region.entity';

/**
 * A person the platform serves: a resident with their own WeChat, a household member an adult child manages, or
 * an elder without a phone whom staff registered. Sensitive fields are stored only encrypted (`*_cipher`, see
 * FieldCipher) with a keyed hash for lookups; nothing here holds them in clear.
 */
@Entity({ name: 'resident' })
@Index('uq_resident_id_number_hash', ['idNumberHash'], { unique: true })
@Index('ix_resident_phone_hash', ['phoneHash'])
@Index('ix_resident_community', ['communityId'])
export class Resident {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ name: 'phone_cipher', type: 'varchar', length: 200, nullable: true })
  phoneCipher: string | null;

  @Column({ name: 'phone_hash', type: 'varchar', length: 64, nullable: true })
  phoneHash: string | null;

  /** 'relative' when the number is a family member's, for an elder without a phone. */
  @Column({ name: 'phone_owner', type: 'simple-enum', enum: ['self', 'relative'], nullable: true })
  phoneOwner: 'self' | 'relative' | null;

  /**
   * Messages about this person also go by SMS to the phone above (docs/notifications.md, SMS): for an elder without
   * WeChat. Switched on by staff of their community with the elder's or family's consent; only with a phone.
   */
  @Column({ name: 'sms_notifications', type: 'boolean', default: false })
  smsNotifications: boolean;

  @Column({ name: 'id_number_cipher', type: 'varchar', length: 200, nullable: true })
  idNumberCipher: string | null;

  @Column({ name: 'id_number_hash', type: 'varchar', length: 64, nullable: true })
  idNumberHash: string | null;

  /** `YYYY-MM-DD`, taken from the ID number when one is given. */
  @Column({ name: 'birth_date', type: 'varchar', length: 10, nullable: true })
  birthDate: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  address: string | null;

  @Column({ name: 'community_id', type: 'varchar', length: 36, nullable: true })
  communityId: string | null;

  @ManyToOne(() => Region, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id', foreignKeyConstraintName: 'fk_resident_community' })
  community: Relation<Region> | null;

  /** Account that created the record: the resident, a household proxy, or a staff member. */
  @Column({ name: 'created_by_account_id', type: 'varchar', length: 36, nullable: true })
  createdByAccountId: string | null;

  /** Set when the person asked to be deleted: personal fields are erased, the row stays for history the law requires. */
  @Column({ name: 'erased_at', type: 'datetime', precision: 3, nullable: true })
  erasedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
