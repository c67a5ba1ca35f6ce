import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { ACCOUNT_STATUSES, ROLES, type AccountStatus, type Role } from '@linli/shared';
import { Provider } from '../providers/provider.entity';
import { Region } from '../regions/region.entity';
import { Resident } from '../residents/resident.entity';

/**
 * Anyone who signs in. The role decides the anchor: staff/admin → `regionId` (their scope), worker and
 * provider_admin → `providerId`, resident → `residentId` (their own person record).
 */
@Entity({ name: 'account' })
@Index('ix_account_region', ['regionId'])
@Index('ix_account_provider', ['providerId'])
@Index('uq_account_resident', ['residentId'], { unique: true })
export class Account {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'simple-enum', enum: ROLES })
  role: Role;

  @Column({ type: 'simple-enum', enum: ACCOUNT_STATUSES, default: 'active' })
  status: AccountStatus;

  @Column({ name: 'display_name', type: 'varchar', length: 64 })
  displayName: string;

  @Column({ name: 'region_id', type: 'varchar', length: 36, nullable: true })
  regionId: string | null;

  @ManyToOne(() => Region, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_account_region' })
  region: Relation<Region> | null;

  @Column({ name: 'provider_id', type: 'varchar', length: 36, nullable: true })
  providerId: string | null;

  @ManyToOne(() => Provider, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'fk_account_provider' })
  provider: Relation<Provider> | null;

  @Column({ name: 'resident_id', type: 'varchar', length: 36, nullable: true })
  residentId: string | null;

  @ManyToOne(() => Resident, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resident_id', foreignKeyConstraintName: 'fk_account_resident' })
  resident: Relation<Resident> | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
