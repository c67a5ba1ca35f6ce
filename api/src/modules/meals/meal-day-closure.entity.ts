import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { MealPoint } from './meal-point.entity';

/** A day a meal point does not cook (a holiday, a breakdown): nothing can be ordered, and the reason is shown. */
@Entity({ name: 'meal_day_closure' })
export class MealDayClosure {
  @PrimaryColumn({ name: 'meal_point_id', type: 'varchar', length: 36 })
  mealPointId: string;

  @ManyToOne(() => MealPoint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meal_point_id', foreignKeyConstraintName: 'fk_meal_day_closure_point' })
  mealPoint: Relation<MealPoint>;

  @PrimaryColumn({ name: 'meal_date', type: 'varchar', length: 10 })
  mealDate: string;

  @Column({ type: 'varchar', length: 100 })
  reason: string;

  @Column({ name: 'closed_by_account_id', type: 'varchar', length: 36 })
  closedByAccountId: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
