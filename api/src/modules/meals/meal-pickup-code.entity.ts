import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { MealOrder } from './meal-order.entity';
import { MealPoint } from './meal-point.entity';

/**
 * The six digits an elder reads out at the counter when the QR cannot be scanned: unique per meal point and meal
 * date (the same rule as booking short codes), so typed at that counter on that day they name one order.
 */
@Entity({ name: 'meal_pickup_code' })
@Index('uq_meal_pickup_code_point_day', ['mealPointId', 'mealDate', 'code'], { unique: true })
export class MealPickupCodeRow {
  @PrimaryColumn({ name: 'order_id', type: 'varchar', length: 36 })
  orderId: string;

  @ManyToOne(() => MealOrder, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'fk_meal_pickup_code_order' })
  order: Relation<MealOrder>;

  @Column({ name: 'meal_point_id', type: 'varchar', length: 36 })
  mealPointId: string;

  @ManyToOne(() => MealPoint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meal_point_id', foreignKeyConstraintName: 'fk_meal_pickup_code_point' })
  mealPoint: Relation<MealPoint>;

  @Column({ name: 'meal_date', type: 'varchar', length: 10 })
  mealDate: string;

  @Column({ type: 'varchar', length: 6 })
  code: string;
}
