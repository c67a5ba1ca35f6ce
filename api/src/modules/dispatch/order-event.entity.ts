import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { ORDER_EVENTS, ORDER_STATUSES, type OrderActor, type OrderEvent, type OrderStatus } from '@linli/shared';
import { ServiceOrder } from './service-order.entity';

/** The order timeline: who did what, when and why. Written in the transaction of the change it records. */
@Entity({ name: 'order_event' })
@Index('ix_order_event_order', ['orderId', 'id'])
export class OrderEventRecord {
  /** Increasing, so the timeline reads in the order things happened even within one millisecond. */
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'order_id', type: 'varchar', length: 36 })
  orderId: string;

  @ManyToOne(() => ServiceOrder, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'fk_order_event_order' })
  order: Relation<ServiceOrder>;

  @Column({ type: 'simple-enum', enum: ORDER_EVENTS })
  event: OrderEvent;

  @Column({ name: 'from_status', type: 'simple-enum', enum: ORDER_STATUSES, nullable: true })
  fromStatus: OrderStatus | null;

  @Column({ name: 'to_status', type: 'simple-enum', enum: ORDER_STATUSES })
  toStatus: OrderStatus;

  @Column({ type: 'simple-enum', enum: ['resident', 'worker', 'staff', 'system'] })
  actor: OrderActor;

  @Column({ name: 'actor_account_id', type: 'varchar', length: 36, nullable: true })
  actorAccountId: string | null;

  @Column({ name: 'actor_name', type: 'varchar', length: 64 })
  actorName: string;

  /** The worker the event concerns (offered to, accepted by, assigned to). */
  @Column({ name: 'worker_id', type: 'varchar', length: 36, nullable: true })
  workerId: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
