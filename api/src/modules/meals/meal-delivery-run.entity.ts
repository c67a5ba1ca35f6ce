import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { MEAL_KINDS, type MealKind } from '@linli/shared';
import { ServiceOrder } from '../dispatch/service-order.entity';
import { Region } from '../regions/region.entity';
import { MealPoint } from './meal-point.entity';
import type { MealDeliveryStop } from './meal-delivery-stop.entity';

/**
 * One committed delivery run of a meal (planDeliveryRuns after the cut-off): one community's stretch of stops, carried
 * by one worker as one dispatch order (`service_order` of kind meal_delivery). A meal may be committed again (an order
 * paid after the first commit, the stops of a cancelled run): later runs are numbered on, and run numbers are unique
 * per meal, so two commits at the same moment never write the same run twice.
 */
@Entity({ name: 'meal_delivery_run' })
@Index('uq_meal_delivery_run_number', ['mealPointId', 'mealDate', 'mealKind', 'runNumber'], { unique: true })
@Index('uq_meal_delivery_run_order', ['serviceOrderId'], { unique: true })
export class MealDeliveryRun {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'meal_point_id', type: 'varchar', length: 36 })
  mealPointId: string;

  @ManyToOne(() => MealPoint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meal_point_id', foreignKeyConstraintName: 'fk_meal_delivery_run_point' })
  mealPoint: Relation<MealPoint>;

  @Column({ name: 'meal_date', type: 'varchar', length: 10 })
  mealDate: string;

  @Column({ name: 'meal_kind', type: 'simple-enum', enum: MEAL_KINDS })
  mealKind: MealKind;

  @Column({ name: 'run_number', type: 'int' })
  runNumber: number;

  /** The community the run serves; null for elders without one on file. */
  @Column({ name: 'area_id', type: 'varchar', length: 36, nullable: true })
  areaId: string | null;

  @ManyToOne(() => Region, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'area_id', foreignKeyConstraintName: 'fk_meal_delivery_run_area' })
  area: Relation<Region> | null;

  @Column({ name: 'service_order_id', type: 'varchar', length: 36 })
  serviceOrderId: string;

  @ManyToOne(() => ServiceOrder, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'service_order_id', foreignKeyConstraintName: 'fk_meal_delivery_run_order' })
  serviceOrder: Relation<ServiceOrder>;

  @OneToMany('MealDeliveryStop', (stop: MealDeliveryStop) => stop.run)
  stops: Relation<MealDeliveryStop[]>;

  /** Who committed it; null when the cut-off sweep did (MealDeliverySweeper). */
  @Column({ name: 'committed_by_account_id', type: 'varchar', length: 36, nullable: true })
  committedByAccountId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
