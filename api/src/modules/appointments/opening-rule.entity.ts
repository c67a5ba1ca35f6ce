import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { IsoWeekday, TimeRange } from '@linli/shared';
import { CentreService } from '../catalogue/centre-service.entity';

/** A centre's regular hours for one service on one weekday (several ranges for a lunch break). */
@Entity({ name: 'opening_rule' })
@Index('uq_opening_rule_weekday', ['centreServiceId', 'weekday'], { unique: true })
export class OpeningRule {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'centre_service_id', type: 'varchar', length: 36 })
  centreServiceId: string;

  @ManyToOne(() => CentreService, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'centre_service_id', foreignKeyConstraintName: 'fk_opening_rule_centre_service' })
  centreService: Relation<CentreService>;

  @Column({ type: 'int' })
  weekday: IsoWeekday;

  @Column({ type: 'json' })
  ranges: TimeRange[];

  @Column({ name: 'slot_minutes', type: 'int' })
  slotMinutes: number;

  @Column({ type: 'int' })
  seats: number;
}
