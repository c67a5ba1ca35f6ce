import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Region } from '../regions/region.entity';

/** A service provider organisation (housekeeping company, repair shop, care agency, volunteer team). */
@Entity({ name: 'provider' })
@Index('ix_provider_region', ['regionId'])
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

  @Column({ type: 'simple-enum', enum: ['active', 'suspended'], default: 'active' })
  status: 'active' | 'suspended';

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
