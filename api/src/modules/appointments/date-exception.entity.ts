import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { TimeRange } from '@linli/shared';
import { CentreService } from '../catalogue/centre-service.entity';

/** One date on which a centre closes a service or opens it outside its weekly hours. */
@Entity({ name: 'date_exception' })
@Index('uq_date_exception_date', ['centreServiceId', 'date'], { unique: true })
export class DateExceptionRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'centre_service_id', type: 'varchar', length: 36 })
  centreServiceId: string;

  @ManyToOne(() => CentreService, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'centre_service_id', foreignKeyConstraintName: 'fk_date_exception_centre_service' })
  centreService: Relation<CentreService>;

  @Column({ type: 'varchar', length: 10 })
  date: string;

  @Column({ type: 'simple-enum', enum: ['closed', 'open'] })
  kind: 'closed' | 'open';

  @Column({ type: 'json', nullable: true })
  ranges: TimeRange[] | null;

  @Column({ name: 'slot_minutes', type: 'int', nullable: true })
  slotMinutes: number | null;

  @Column({ type: 'int', nullable: true })
  seats: number | null;

  @Column({ type: 'varchar', length: 100 })
  reason: string;
}
