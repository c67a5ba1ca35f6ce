import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { MealDeliveryRun } from './meal-delivery-run.entity';
import { MealOrder } from './meal-order.entity';

/** A meal order's place in a run: one run per order (the primary key), one order per place in the run. */
@Entity({ name: 'meal_delivery_stop' })
@Index('uq_meal_delivery_stop_sequence', ['runId', 'sequence'], { unique: true })
export class MealDeliveryStop {
  @PrimaryColumn({ name: 'meal_order_id', type: 'varchar', length: 36 })
  mealOrderId: string;

  @ManyToOne(() => MealOrder, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meal_order_id', foreignKeyConstraintName: 'fk_meal_delivery_stop_order' })
  mealOrder: Relation<MealOrder>;

  @Column({ name: 'run_id', type: 'varchar', length: 36 })
  runId: string;

  @ManyToOne(() => MealDeliveryRun, (run) => run.stops, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'fk_meal_delivery_stop_run' })
  run: Relation<MealDeliveryRun>;

  /** 1, 2, 3 … in the order the worker goes. */
  @Column({ type: 'int' })
  sequence: number;
}
