import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { HOUSEHOLD_RELATIONS, type HouseholdRelation } from '@linli/shared';
import { Resident } from './resident.entity';

/** `proxy` may act for `member` (e.g. a daughter for her father) in every module. */
@Entity({ name: 'household_link' })
@Index('uq_household_link_pair', ['proxyResidentId', 'memberResidentId'], { unique: true })
@Index('ix_household_link_member', ['memberResidentId'])
export class HouseholdLink {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'proxy_resident_id', type: 'varchar', length: 36 })
  proxyResidentId: string;

  @ManyToOne(() => Resident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proxy_resident_id', foreignKeyConstraintName: 'fk_household_link_proxy' })
  proxy: Relation<Resident>;

  @Column({ name: 'member_resident_id', type: 'varchar', length: 36 })
  memberResidentId: string;

  @ManyToOne(() => Resident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_resident_id', foreignKeyConstraintName: 'fk_household_link_member' })
  member: Relation<Resident>;

  @Column({ type: 'simple-enum', enum: HOUSEHOLD_RELATIONS })
  relation: HouseholdRelation;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
