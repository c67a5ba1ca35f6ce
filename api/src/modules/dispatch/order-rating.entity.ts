import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { ServiceOrder } from './service-order.entity';

/** A resident's rating of one order (one per order: the primary key). Counts and sums go on the worker and provider. */
@Entity({ name: 'order_rating' })
@Check('ck_order_rating_score', 'score BETWEEN 1 AND 5')
export class OrderRating {
  @PrimaryColumn({ name: 'order_id', type: 'varchar', length: 36 })
  orderId: string;

  @OneToOne(() => ServiceOrder, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'fk_order_rating_order' })
  order: Relation<ServiceOrder>;

  @Column({ name: 'worker_id', type: 'varchar', length: 36 })
  workerId: string;

  @Column({ name: 'provider_id', type: 'varchar', length: 36 })
  providerId: string;

  @Column({ type: 'int' })
  score: number;

  @Column({ type: 'varchar', length: 300, nullable: true })
  comment: string | null;

  @Column({ name: 'rated_by_account_id', type: 'varchar', length: 36 })
  ratedByAccountId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
