import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { CentreService } from '../catalogue/centre-service.entity';

/**
 * A bookable slot, written the first time someone books it. `booked` only ever changes through a guarded
 * `UPDATE … SET booked = booked + 1 WHERE booked < capacity` (and the matching decrement), so the database, not a
 * check-then-insert, keeps it from exceeding capacity under any concurrency.
 */
@Entity({ name: 'slot' })
@Index('uq_slot_start', ['centreServiceId', 'startsAt'], { unique: true })
export class Slot {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'centre_service_id', type: 'varchar', length: 36 })
  centreServiceId: string;

  @ManyToOne(() => CentreService, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'centre_service_id', foreignKeyConstraintName: 'fk_slot_centre_service' })
  centreService: Relation<CentreService>;

  @Column({ name: 'starts_at', type: 'datetime', precision: 3 })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'datetime', precision: 3 })
  endsAt: Date;

  @Column({ type: 'int' })
  capacity: number;

  @Column({ type: 'int', default: 0 })
  booked: number;
}
