import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { DISPATCH_MODES, SERVICE_MODES, type DispatchMode, type ServiceMode } from '@linli/shared';
import { ServiceCategory } from './service-category.entity';

/** One of the 22 services. The code is stable; texts and limits are edited by city admins. */
@Entity({ name: 'community_service' })
@Index('uq_community_service_code', ['code'], { unique: true })
@Index('ix_community_service_category', ['categoryId'])
export class CommunityService {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ name: 'category_id', type: 'varchar', length: 36 })
  categoryId: string;

  @ManyToOne(() => ServiceCategory, (category) => category.services, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id', foreignKeyConstraintName: 'fk_community_service_category' })
  category: Relation<ServiceCategory>;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  @Column({ type: 'simple-enum', enum: SERVICE_MODES })
  mode: ServiceMode;

  @Column({ name: 'needs_review', type: 'boolean' })
  needsReview: boolean;

  @Column({ type: 'varchar', length: 500 })
  description: string;

  @Column({ type: 'json' })
  materials: string[];

  @Column({ name: 'min_age', type: 'int', nullable: true })
  minAge: number | null;

  @Column({ name: 'max_active_bookings_per_person', type: 'int' })
  maxActiveBookingsPerPerson: number;

  /** Home services: offered to the best worker (`assign`) or put in a pool for the first taker (`grab`). */
  @Column({ name: 'dispatch_mode', type: 'simple-enum', enum: DISPATCH_MODES, default: 'assign' })
  dispatchMode: DispatchMode;

  /** Home services: how long a worker has to accept an offer. */
  @Column({ name: 'offer_window_seconds', type: 'int', default: 300 })
  offerWindowSeconds: number;

  @Column({ name: 'sort_order', type: 'int' })
  sortOrder: number;
}
