import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Region } from '../regions/region.entity';
import { MealPoint } from './meal-point.entity';

/** A community a meal point serves: its residents see the point first in their list. */
@Entity({ name: 'meal_point_community' })
@Index('ix_meal_point_community_community', ['communityId'])
export class MealPointCommunity {
  @PrimaryColumn({ name: 'meal_point_id', type: 'varchar', length: 36 })
  mealPointId: string;

  @ManyToOne(() => MealPoint, (point) => point.communities, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meal_point_id', foreignKeyConstraintName: 'fk_meal_point_community_point' })
  mealPoint: Relation<MealPoint>;

  @PrimaryColumn({ name: 'community_id', type: 'varchar', length: 36 })
  communityId: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id', foreignKeyConstraintName: 'fk_meal_point_community_region' })
  community: Relation<Region>;
}
