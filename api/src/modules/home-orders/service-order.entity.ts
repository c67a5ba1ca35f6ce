import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { CentreService } from '../catalogue/centre-service.entity';
import { Resident } from '../residents/resident.entity';

/**
 * A job done at someone's home (居家养老, 家政保洁, 维修, 邻里互助). Booking creates it in `pending_dispatch`; the
 * dispatch issue takes it from there (offers to workers, grab pool, tracking), so the status list is theirs to
 * extend. Kind, place, time window and region are kept general because elder-meal deliveries will reuse it.
 */
@Entity({ name: 'service_order' })
@Index('ix_service_order_resident', ['residentId'])
@Index('ix_service_order_status_region', ['status', 'regionPath'])
export class ServiceOrder {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'simple-enum', enum: ['home_service'] })
  kind: 'home_service';

  @Column({ type: 'simple-enum', enum: ['pending_dispatch', 'cancelled'] })
  status: 'pending_dispatch' | 'cancelled';

  @Column({ name: 'centre_service_id', type: 'varchar', length: 36 })
  centreServiceId: string;

  @ManyToOne(() => CentreService, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'centre_service_id', foreignKeyConstraintName: 'fk_service_order_centre_service' })
  centreService: Relation<CentreService>;

  @Column({ name: 'resident_id', type: 'varchar', length: 36 })
  residentId: string;

  @ManyToOne(() => Resident, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resident_id', foreignKeyConstraintName: 'fk_service_order_resident' })
  resident: Relation<Resident>;

  /** The centre's region: whose staff oversee dispatch for this order. */
  @Column({ name: 'region_path', type: 'varchar', length: 200 })
  regionPath: string;

  @Column({ type: 'varchar', length: 200 })
  address: string;

  @Column({ name: 'window_starts_at', type: 'datetime', precision: 3 })
  windowStartsAt: Date;

  @Column({ name: 'window_ends_at', type: 'datetime', precision: 3 })
  windowEndsAt: Date;

  @Column({ type: 'varchar', length: 500 })
  description: string;

  @Column({ name: 'created_by_account_id', type: 'varchar', length: 36 })
  createdByAccountId: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
