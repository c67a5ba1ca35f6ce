import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { REGION_LEVELS, type RegionLevel } from '@linli/shared';
import type { Centre } from './centre.entity';

/** A node of the four-level administrative tree (city → district → street → community). */
@Entity({ name: 'region' })
@Index('uq_region_code', ['code'], { unique: true })
@Index('ix_region_parent', ['parentId'])
@Index('ix_region_path', ['path'])
export class Region {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** Administrative division code (e.g. 340104 for a district); stable across re-seeding. */
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'simple-enum', enum: REGION_LEVELS })
  level: RegionLevel;

  @Column({ name: 'parent_id', type: 'varchar', length: 36, nullable: true })
  parentId: string | null;

  @ManyToOne('Region', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_region_parent' })
  parent: Relation<Region> | null;

  /** Materialised path of ids, `/city/district/street/community/`: a subtree is a prefix match. */
  @Column({ type: 'varchar', length: 200 })
  path: string;

  @OneToMany('Centre', (centre: Centre) => centre.region)
  centres: Relation<Centre>[];

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
