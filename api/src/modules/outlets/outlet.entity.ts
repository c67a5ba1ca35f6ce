import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { EVERY_HOUR_MASK, OUTLET_KINDS, type OutletElderFeature, type OutletHours, type OutletKind } from '@linli/shared';
import { Region } from '../regions/region.entity';

/**
 * A convenience outlet (便民网点) staff keep in the directory. `cell` is its grid cell (shared/geo-grid): searches
 * read the cells around a position through `ix_outlet_cell_kind`, never the whole table — or, when they ask for some
 * kinds only, through `ix_outlet_kind_cell`, which holds each kind's entries together so the other kinds' are not
 * read. Both carry the position and the id too, so a search ranks the outlets of a ring from an index alone and reads
 * whole rows only for those it checks or shows (outlets lie scattered over the table, one page read each).
 */
@Entity({ name: 'outlet' })
@Index('ix_outlet_cell_kind', ['cell', 'kind', 'latitudeE6', 'longitudeE6', 'id', 'openHoursMask'])
@Index('ix_outlet_kind_cell', ['kind', 'cell', 'latitudeE6', 'longitudeE6', 'id', 'openHoursMask'])
@Index('ix_outlet_region', ['regionId'])
export class Outlet {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ type: 'simple-enum', enum: OUTLET_KINDS })
  kind: OutletKind;

  /** The community (or street) it is in: staff of that region keep it. */
  @Column({ name: 'region_id', type: 'varchar', length: 36 })
  regionId: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_outlet_region' })
  region: Relation<Region>;

  @Column({ type: 'varchar', length: 200 })
  address: string;

  /** GCJ-02, millionths of a degree. */
  @Column({ name: 'latitude_e6', type: 'int' })
  latitudeE6: number;

  @Column({ name: 'longitude_e6', type: 'int' })
  longitudeE6: number;

  /** cellNumberOf(latitudeE6, longitudeE6), kept with the position on every write. */
  @Column({ type: 'int' })
  cell: number;

  @Column({ type: 'varchar', length: 32 })
  phone: string;

  @Column({ type: 'simple-json' })
  hours: OutletHours;

  /** openHoursMask(hours) (shared/outlet-hours), kept with the hours on every write: the hours of the day it may be open. */
  @Column({ name: 'open_hours_mask', type: 'int', default: EVERY_HOUR_MASK })
  openHoursMask: number;

  /** Free-text tags; searched by keyword together with the name. */
  @Column({ type: 'simple-json' })
  services: string[];

  @Column({ name: 'photo_urls', type: 'simple-json' })
  photoUrls: string[];

  /** Comma-separated OUTLET_ELDER_FEATURES. */
  @Column({ name: 'elder_features', type: 'simple-array' })
  elderFeatures: OutletElderFeature[];

  /** Shanghai date staff last confirmed the details. */
  @Column({ name: 'verified_on', type: 'varchar', length: 10, nullable: true })
  verifiedOn: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
