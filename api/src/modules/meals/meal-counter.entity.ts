import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { MEAL_KINDS, type MealKind } from '@linli/shared';
import { MealPoint } from './meal-point.entity';

/**
 * Orders taken for one meal of one meal point on one date, written the first time someone orders it (in its own
 * short transaction, as appointments do with slot rows). `ordered` only moves through a guarded
 * `ordered = ordered + 1 WHERE ordered < capacity` and its matching decrement: the database keeps the meal point
 * from taking more meals than it cooks.
 */
@Entity({ name: 'meal_counter' })
@Index('uq_meal_counter_meal', ['mealPointId', 'mealDate', 'mealKind'], { unique: true })
export class MealCounter {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'meal_point_id', type: 'varchar', length: 36 })
  mealPointId: string;

  @ManyToOne(() => MealPoint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meal_point_id', foreignKeyConstraintName: 'fk_meal_counter_point' })
  mealPoint: Relation<MealPoint>;

  @Column({ name: 'meal_date', type: 'varchar', length: 10 })
  mealDate: string;

  @Column({ name: 'meal_kind', type: 'simple-enum', enum: MEAL_KINDS })
  mealKind: MealKind;

  @Column({ type: 'int' })
  capacity: number;

  @Column({ type: 'int', default: 0 })
  ordered: number;
}
