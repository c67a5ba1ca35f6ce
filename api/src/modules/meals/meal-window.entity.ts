import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { MEAL_KINDS, type MealKind } from '@linli/shared';
import { MealPoint } from './meal-point.entity';

/** One meal a meal point serves: serving hours, the order cut-off and the meals it cooks per date. */
@Entity({ name: 'meal_window' })
export class MealWindowRow {
  @PrimaryColumn({ name: 'meal_point_id', type: 'varchar', length: 36 })
  mealPointId: string;

  @ManyToOne(() => MealPoint, (point) => point.windows, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meal_point_id', foreignKeyConstraintName: 'fk_meal_window_point' })
  mealPoint: Relation<MealPoint>;

  @PrimaryColumn({ name: 'meal_kind', type: 'simple-enum', enum: MEAL_KINDS })
  mealKind: MealKind;

  @Column({ name: 'serves_from', type: 'varchar', length: 5 })
  servesFrom: string;

  @Column({ name: 'serves_until', type: 'varchar', length: 5 })
  servesUntil: string;

  @Column({ name: 'cut_off_time', type: 'varchar', length: 5 })
  cutOffTime: string;

  @Column({ name: 'cut_off_days_before', type: 'int', default: 0 })
  cutOffDaysBefore: number;

  @Column({ type: 'int' })
  capacity: number;
}
