import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { OUTLET_REPORT_REASONS, type OutletReportReason, type OutletReportStatus, type OutletSource } from '@linli/shared';
import { Region } from '../regions/region.entity';

/**
 * A resident's "信息有误" about a directory entry. The entry may be a canteen's meal point (decision 0017), so the
 * report names it by source and id without a foreign key, and keeps its region so the region's staff see it.
 */
@Entity({ name: 'outlet_report' })
@Index('ix_outlet_report_region_status', ['regionId', 'status'])
export class OutletReport {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'outlet_id', type: 'varchar', length: 36 })
  outletId: string;

  @Column({ name: 'outlet_source', type: 'simple-enum', enum: ['directory', 'meal_point'] })
  outletSource: OutletSource;

  /** The name when reported: an outlet removed since still reads as what the resident meant. */
  @Column({ name: 'outlet_name', type: 'varchar', length: 80 })
  outletName: string;

  @Column({ name: 'region_id', type: 'varchar', length: 36 })
  regionId: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_outlet_report_region' })
  region: Relation<Region>;

  @Column({ type: 'simple-enum', enum: OUTLET_REPORT_REASONS })
  reason: OutletReportReason;

  @Column({ type: 'varchar', length: 200 })
  note: string;

  @Column({ name: 'reporter_account_id', type: 'varchar', length: 36 })
  reporterAccountId: string;

  @Column({ type: 'simple-enum', enum: ['open', 'resolved'], default: 'open' })
  status: OutletReportStatus;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'resolved_at', type: 'datetime', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  resolution: string | null;
}
