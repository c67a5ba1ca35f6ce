import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { DISPATCH_MODES, MAX_PHOTOS_PER_ORDER, ORDER_STATUSES, SERVICE_ORDER_KINDS, type DispatchMode, type OrderStatus, type ServiceOrderKind } from '@linli/shared';
import { CentreService } from '../catalogue/centre-service.entity';
import { Worker } from '../providers/worker.entity';
import { Resident } from '../residents/resident.entity';

/**
 * A job dispatched to a worker, from request to confirmation: a visit to someone's home (居家养老, 家政保洁, 维修,
 * 邻里互助) or a run of elder-meal deliveries (助餐配送, the meals module's meal_delivery_run). Kind, place, time
 * window, required skill and region are general, so both go through the same engine. A home visit has a centre's
 * offering (and so its service, the skill) and a person; a meal run has neither — its stops are the elders and its
 * workers come from 助餐配送 providers (decision 0015) — and the CHECK ties the two shapes to the kind.
 * Every status change is a conditional UPDATE on `status` and `version` (see OrderLifecycle), so concurrent actors
 * cannot both win.
 */
@Entity({ name: 'service_order' })
@Index('ix_service_order_resident', ['residentId'])
@Index('ix_service_order_status_region', ['status', 'regionPath'])
@Index('ix_service_order_worker_status', ['workerId', 'status'])
@Check('ck_service_order_window', 'window_ends_at > window_starts_at')
@Check(
  'ck_service_order_kind',
  "(kind = 'home_service' AND centre_service_id IS NOT NULL AND service_id IS NOT NULL AND resident_id IS NOT NULL) OR (kind = 'meal_delivery' AND centre_service_id IS NULL AND service_id IS NULL AND resident_id IS NULL)",
)
@Check('ck_service_order_photos', `photo_count BETWEEN 0 AND ${MAX_PHOTOS_PER_ORDER}`)
export class ServiceOrder {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'simple-enum', enum: SERVICE_ORDER_KINDS })
  kind: ServiceOrderKind;

  @Column({ type: 'simple-enum', enum: ORDER_STATUSES })
  status: OrderStatus;

  @Column({ name: 'dispatch_mode', type: 'simple-enum', enum: DISPATCH_MODES })
  dispatchMode: DispatchMode;

  /** The centre's offering of a home visit; null for a meal run. */
  @Column({ name: 'centre_service_id', type: 'varchar', length: 36, nullable: true })
  centreServiceId: string | null;

  @ManyToOne(() => CentreService, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'centre_service_id', foreignKeyConstraintName: 'fk_service_order_centre_service' })
  centreService: Relation<CentreService> | null;

  /**
   * The skill a worker needs: the service itself (copied from the centre's offering for the candidate query). Null
   * for a meal run, whose workers are those of 助餐配送 providers.
   */
  @Column({ name: 'service_id', type: 'varchar', length: 36, nullable: true })
  serviceId: string | null;

  /** The person visited; null for a meal run (its stops name the elders). */
  @Column({ name: 'resident_id', type: 'varchar', length: 36, nullable: true })
  residentId: string | null;

  @ManyToOne(() => Resident, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resident_id', foreignKeyConstraintName: 'fk_service_order_resident' })
  resident: Relation<Resident> | null;

  /** The person's community (the centre's region when they have none): whose staff oversee this order's dispatch. */
  @Column({ name: 'region_path', type: 'varchar', length: 200 })
  regionPath: string;

  /** The community the work is in: workers serve a list of communities. */
  @Column({ name: 'community_id', type: 'varchar', length: 36 })
  communityId: string;

  @Column({ type: 'varchar', length: 200 })
  address: string;

  /** Where the work is (GCJ-02 × 10⁶): the point the resident chose, or the centre's when they chose none. */
  @Column({ name: 'latitude_e6', type: 'int' })
  latitudeE6: number;

  @Column({ name: 'longitude_e6', type: 'int' })
  longitudeE6: number;

  @Column({ name: 'window_starts_at', type: 'datetime', precision: 3 })
  windowStartsAt: Date;

  @Column({ name: 'window_ends_at', type: 'datetime', precision: 3 })
  windowEndsAt: Date;

  @Column({ type: 'varchar', length: 500 })
  description: string;

  /** The worker who holds the order (accepted and after); null before. */
  @Column({ name: 'worker_id', type: 'varchar', length: 36, nullable: true })
  workerId: string | null;

  @ManyToOne(() => Worker, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'worker_id', foreignKeyConstraintName: 'fk_service_order_worker' })
  worker: Relation<Worker> | null;

  /** The open offer while `offered`. */
  @Column({ name: 'current_offer_id', type: 'varchar', length: 36, nullable: true })
  currentOfferId: string | null;

  /**
   * Bumped by every status move. A move is conditional on the version its caller read, so of two actors that read
   * the same order (a worker's reject and a resident's cancel) exactly one moves it; the other gets a 409.
   */
  @Column({ type: 'int', default: 0 })
  version: number;

  /** Offers refused or left to expire; K of them escalate the order. */
  @Column({ type: 'int', default: 0 })
  refusals: number;

  /** Set once when the order was not started within its window and staff were warned. */
  @Column({ name: 'sla_warned_at', type: 'datetime', precision: 3, nullable: true })
  slaWarnedAt: Date | null;

  /** Photos of the work; a guarded increment (backed by the CHECK) keeps it within MAX_PHOTOS_PER_ORDER. */
  @Column({ name: 'photo_count', type: 'int', default: 0 })
  photoCount: number;

  @Column({ name: 'completion_note', type: 'varchar', length: 500, nullable: true })
  completionNote: string | null;

  @Column({ name: 'completed_at', type: 'datetime', precision: 3, nullable: true })
  completedAt: Date | null;

  /** The account that placed it; null when the platform did (a meal run committed by the cut-off sweep). */
  @Column({ name: 'created_by_account_id', type: 'varchar', length: 36, nullable: true })
  createdByAccountId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
