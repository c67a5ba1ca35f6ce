import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { MealDeliveryRun } from './meal-delivery-run.entity';
import { MealOrder } from './meal-order.entity';

/**
 * A meal order's place in a run, one order per place. An order has one live stop; when its run's dispatch order is
 * cancelled before the meal was handed over, the next commit plans it into a new run and the old stop stays as history
 * (`live` null), so the order may have several stops but never two live ones (`uq_meal_delivery_stop_live`).
 */
@Entity({ name: 'meal_delivery_stop' })
@Index('uq_meal_delivery_stop_sequence', ['runId', 'sequence'], { unique: true })
@Index('uq_meal_delivery_stop_live', ['mealOrderId', 'live'], { unique: true })
export class MealDeliveryStop {
  @PrimaryColumn({ name: 'meal_order_id', type: 'varchar', length: 36 })
  mealOrderId: string;

  @ManyToOne(() => MealOrder, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meal_order_id', foreignKeyConstraintName: 'fk_meal_delivery_stop_order' })
  mealOrder: Relation<MealOrder>;

  @PrimaryColumn({ name: 'run_id', type: 'varchar', length: 36 })
  runId: string;

  @ManyToOne(() => MealDeliveryRun, (run) => run.stops, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'fk_meal_delivery_stop_run' })
  run: Relation<MealDeliveryRun>;

  /** 1, 2, 3 … in the order the worker goes. */
  @Column({ type: 'int' })
  sequence: number;

  /**
   * True while this is where the order is delivered from; null (never false: a unique index counts nulls as distinct)
   * once its cancelled run gave the order back to be planned again.
   */
  @Column({ type: 'boolean', nullable: true })
  live: true | null;
}
