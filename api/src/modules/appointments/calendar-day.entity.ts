import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CalendarDayKind, IsoWeekday } from '@linli/shared';

/** The national holiday calendar with its 调休 make-up working days, loaded per year by a city admin. */
@Entity({ name: 'calendar_day' })
export class CalendarDayRow {
  /** `YYYY-MM-DD`, Shanghai date. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  date: string;

  @Column({ type: 'simple-enum', enum: ['holiday', 'workday'] })
  kind: CalendarDayKind;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  @Column({ name: 'works_as', type: 'int', nullable: true })
  worksAs: IsoWeekday | null;
}
