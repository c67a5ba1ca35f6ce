import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { MealFulfilment } from '@linli/shared';
import { Provider } from '../providers/provider.entity';
import { Region } from '../regions/region.entity';
import type { MealPointCommunity } from './meal-point-community.entity';
import type { MealWindowRow } from './meal-window.entity';

/**
 * A meal point (助餐点) of a canteen provider: where elders eat or collect their meals, and where deliveries start.
 * Its region decides which staff oversee it; its district (the region's district, stored so pricing needs no walk up
 * the tree) decides which subsidy rules price its meals.
 */
@Entity({ name: 'meal_point' })
@Index('ix_meal_point_provider', ['providerId'])
@Index('ix_meal_point_region', ['regionId'])
export class MealPoint {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'provider_id', type: 'varchar', length: 36 })
  providerId: string;

  @ManyToOne(() => Provider, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'fk_meal_point_provider' })
  provider: Relation<Provider>;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  address: string;

  /** GCJ-02, millionths of a degree, like centres. */
  @Column({ name: 'latitude_e6', type: 'int' })
  latitudeE6: number;

  @Column({ name: 'longitude_e6', type: 'int' })
  longitudeE6: number;

  @Column({ type: 'varchar', length: 32 })
  phone: string;

  @Column({ name: 'region_id', type: 'varchar', length: 36 })
  regionId: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_meal_point_region' })
  region: Relation<Region>;

  @Column({ name: 'district_id', type: 'varchar', length: 36 })
  districtId: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'fk_meal_point_district' })
  district: Relation<Region>;

  /** Comma-separated MEAL_FULFILMENTS. */
  @Column({ type: 'simple-array' })
  fulfilments: MealFulfilment[];

  @Column({ name: 'delivery_radius_m', type: 'int', default: 0 })
  deliveryRadiusMeters: number;

  @Column({ name: 'delivery_fee_fen', type: 'int', default: 0 })
  deliveryFeeFen: number;

  @OneToMany('MealPointCommunity', (community: MealPointCommunity) => community.mealPoint)
  communities: Relation<MealPointCommunity[]>;

  @OneToMany('MealWindowRow', (window: MealWindowRow) => window.mealPoint)
  windows: Relation<MealWindowRow[]>;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
