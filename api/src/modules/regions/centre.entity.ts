import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { Region } from './region.entity';

/** A community citizen centre (社区市民中心); it belongs to a street or a community. */
@Entity({ name: 'centre' })
@Index('uq_centre_code', ['code'], { unique: true })
@Index('ix_centre_region', ['regionId'])
export class Centre {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ name: 'region_id', type: 'varchar', length: 36 })
  regionId: string;

  @ManyToOne('Region', (region: Region) => region.centres, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_centre_region' })
  region: Relation<Region>;

  @Column({ type: 'varchar', length: 200 })
  address: string;

  @Column({ type: 'varchar', length: 32 })
  phone: string;

  @Column({ name: 'opening_hours', type: 'varchar', length: 100 })
  openingHours: string;

  /** GCJ-02 latitude in millionths of a degree: integers compare and index the same on every dialect. */
  @Column({ name: 'latitude_e6', type: 'int' })
  latitudeE6: number;

  @Column({ name: 'longitude_e6', type: 'int' })
  longitudeE6: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
