import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { DISPATCH_MODES, type DispatchMode } from '@linli/shared';
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
