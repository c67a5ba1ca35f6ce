import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { DISH_KINDS, MEAL_KINDS, type DishKind, type DishTag, type MealKind } from '@linli/shared';
import { DishPhoto } from './dish-photo.entity';
import { MealPoint } from './meal-point.entity';

/**
 * A dish on one meal of one day's menu. `remaining` only changes through guarded updates
 * (`remaining = remaining - q WHERE remaining >= q`), so a dish with a daily quantity is never oversold; it is null
 * when the dish is unlimited. Orders copy name, price and tags into their lines, so a dish edited later never
 * changes an order.
 */
@Entity({ name: 'dish' })
@Index('ix_dish_meal', ['mealPointId', 'mealDate', 'mealKind'])
@Index('ix_dish_photo', ['photoId'])
export class Dish {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'meal_point_id', type: 'varchar', length: 36 })
  mealPointId: string;

  @ManyToOne(() => MealPoint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meal_point_id', foreignKeyConstraintName: 'fk_dish_meal_point' })
  mealPoint: Relation<MealPoint>;

  /** Shanghai date, `YYYY-MM-DD`. */
  @Column({ name: 'meal_date', type: 'varchar', length: 10 })
  mealDate: string;

  @Column({ name: 'meal_kind', type: 'simple-enum', enum: MEAL_KINDS })
  mealKind: MealKind;

  /** Order on the menu. */
  @Column({ type: 'int', default: 0 })
  position: number;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  @Column({ type: 'simple-enum', enum: DISH_KINDS })
  kind: DishKind;

  @Column({ name: 'price_fen', type: 'int' })
  priceFen: number;

  @Column({ type: 'simple-array', nullable: true })
  tags: DishTag[] | null;

  @Column({ type: 'simple-array', nullable: true })
  allergens: string[] | null;

  /** A photo elsewhere on the web (https), as the operator typed it; null when none or when `photoId` is used. */
  @Column({ name: 'photo_url', type: 'varchar', length: 500, nullable: true })
  photoUrl: string | null;

  /** A photo uploaded for this meal point (DishPhoto); menu views give a signed path to it. */
  @Column({ name: 'photo_id', type: 'varchar', length: 36, nullable: true })
  photoId: string | null;

  @ManyToOne(() => DishPhoto, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'photo_id', foreignKeyConstraintName: 'fk_dish_photo' })
  photo: Relation<DishPhoto> | null;

  @Column({ name: 'daily_quantity', type: 'int', nullable: true })
  dailyQuantity: number | null;

  @Column({ type: 'int', nullable: true })
  remaining: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
