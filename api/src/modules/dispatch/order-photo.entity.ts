import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { ServiceOrder } from './service-order.entity';

export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png'] as const;
export type PhotoContentType = (typeof PHOTO_CONTENT_TYPES)[number];

/** A photo the worker took of the finished work. The bytes live in the photo storage under the row's id. */
@Entity({ name: 'order_photo' })
@Index('ix_order_photo_order', ['orderId', 'createdAt'])
export class OrderPhoto {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'order_id', type: 'varchar', length: 36 })
  orderId: string;

  @ManyToOne(() => ServiceOrder, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'fk_order_photo_order' })
  order: Relation<ServiceOrder>;

  @Column({ name: 'worker_id', type: 'varchar', length: 36 })
  workerId: string;

  @Column({ name: 'content_type', type: 'simple-enum', enum: PHOTO_CONTENT_TYPES })
  contentType: PhotoContentType;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
