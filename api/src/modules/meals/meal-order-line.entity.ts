import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { DishTag } from '@linli/shared';
import { Dish } from './dish.entity';
import { MealOrder } from './meal-order.entity';

/** One line of a meal order, with the dish's name, price and tags as they were when ordered. */
@Entity({ name: 'meal_order_line' })
export class MealOrderLineRow {
  @PrimaryColumn({ name: 'order_id', type: 'varchar', length: 36 })
  orderId: string;

  @ManyToOne(() => MealOrder, (order) => order.lines, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'fk_meal_order_line_order' })
  order: Relation<MealOrder>;

  @PrimaryColumn({ name: 'dish_id', type: 'varchar', length: 36 })
  dishId: string;

  @ManyToOne(() => Dish, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'dish_id', foreignKeyConstraintName: 'fk_meal_order_line_dish' })
  dish: Relation<Dish>;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  @Column({ name: 'unit_price_fen', type: 'int' })
  unitPriceFen: number;

  @Column({ type: 'int' })
  quantity: number;

  @Column({ type: 'simple-array', nullable: true })
  tags: DishTag[] | null;
}
