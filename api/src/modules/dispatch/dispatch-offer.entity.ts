import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Worker } from '../providers/worker.entity';
import { ServiceOrder } from './service-order.entity';

export const OFFER_STATUSES = ['open', 'accepted', 'rejected', 'expired', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/**
 * One offer of an order to one worker, open until `expiresAt`. The expiry is data, not a timer: whichever API
 * instance's sweeper first moves an open, expired offer (a conditional UPDATE) re-dispatches the order; the others
 * change nothing. A worker is offered a given order at most once (unique index).
 */
@Entity({ name: 'dispatch_offer' })
@Index('uq_dispatch_offer_order_worker', ['orderId', 'workerId'], { unique: true })
@Index('ix_dispatch_offer_status_expires', ['status', 'expiresAt'])
@Index('ix_dispatch_offer_worker_status', ['workerId', 'status'])
export class DispatchOffer {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'order_id', type: 'varchar', length: 36 })
  orderId: string;

  @ManyToOne(() => ServiceOrder, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'fk_dispatch_offer_order' })
  order: Relation<ServiceOrder>;

  @Column({ name: 'worker_id', type: 'varchar', length: 36 })
  workerId: string;

  @ManyToOne(() => Worker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'worker_id', foreignKeyConstraintName: 'fk_dispatch_offer_worker' })
  worker: Relation<Worker>;

  @Column({ type: 'simple-enum', enum: OFFER_STATUSES })
  status: OfferStatus;

  /** Distance from the worker's last known position when offered (for their card), metres. */
  @Column({ name: 'distance_meters', type: 'int', nullable: true })
  distanceMeters: number | null;

  @Column({ name: 'offered_at', type: 'datetime', precision: 3 })
  offeredAt: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'responded_at', type: 'datetime', precision: 3, nullable: true })
  respondedAt: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;
}
