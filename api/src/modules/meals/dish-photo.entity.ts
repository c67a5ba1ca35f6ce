import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { MealPoint } from './meal-point.entity';

export const DISH_PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type DishPhotoContentType = (typeof DISH_PHOTO_CONTENT_TYPES)[number];

/**
 * A photo of a dish, uploaded by those who run the meal point. The bytes live in the photo storage under the row's
 * id. Dishes point at it (`dish.photo_id`), so a menu published again, or copied to the next week, keeps the photo;
 * only dishes of the same meal point may use it. Never deleted: a past day's dish may still point at it.
 */
@Entity({ name: 'dish_photo' })
@Index('ix_dish_photo_meal_point', ['mealPointId'])
export class DishPhoto {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'meal_point_id', type: 'varchar', length: 36 })
  mealPointId: string;

  @ManyToOne(() => MealPoint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meal_point_id', foreignKeyConstraintName: 'fk_dish_photo_meal_point' })
  mealPoint: Relation<MealPoint>;

  @Column({ name: 'content_type', type: 'simple-enum', enum: DISH_PHOTO_CONTENT_TYPES })
  contentType: DishPhotoContentType;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes: number;

  @Column({ name: 'uploaded_by_account_id', type: 'varchar', length: 36 })
  uploadedByAccountId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
