import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import {
  MEAL_FULFILMENTS,
  MEAL_KINDS,
  MEAL_ORDER_STATUSES,
  MEAL_PAYMENT_METHODS,
  type AppliedMealSubsidy,
  type MealFulfilment,
  type MealKind,
  type MealOrderStatus,
  type MealPaymentMethod,
} from '@linli/shared';
import { Resident } from '../residents/resident.entity';
import { MealCounter } from './meal-counter.entity';
import { MealPoint } from './meal-point.entity';
import type { MealOrderLineRow } from './meal-order-line.entity';

/**
 * An elder's meal order. The price is stored whole when the order is placed (and again when the resident changes it
 * before the cut-off): gross, subsidy, payable, delivery, and every applied rule with its explanation, so a later
 * rule change never reprices it and settlement sums exactly what the receipt showed. Status changes are conditional
 * on the status read (see MealOrdersRepository.moveOrder).
 */
@Entity({ name: 'meal_order' })
@Index('ix_meal_order_resident', ['residentId', 'mealDate'])
@Index('ix_meal_order_meal', ['mealPointId', 'mealDate', 'mealKind'])
export class MealOrder {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'meal_point_id', type: 'varchar', length: 36 })
  mealPointId: string;

  @ManyToOne(() => MealPoint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meal_point_id', foreignKeyConstraintName: 'fk_meal_order_point' })
  mealPoint: Relation<MealPoint>;

  @Column({ name: 'counter_id', type: 'varchar', length: 36 })
  counterId: string;

  @ManyToOne(() => MealCounter, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'counter_id', foreignKeyConstraintName: 'fk_meal_order_counter' })
  counter: Relation<MealCounter>;

  @Column({ name: 'resident_id', type: 'varchar', length: 36 })
  residentId: string;

  @ManyToOne(() => Resident, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resident_id', foreignKeyConstraintName: 'fk_meal_order_resident' })
  resident: Relation<Resident>;

  @Column({ name: 'meal_date', type: 'varchar', length: 10 })
  mealDate: string;

  @Column({ name: 'meal_kind', type: 'simple-enum', enum: MEAL_KINDS })
  mealKind: MealKind;

  @Column({ type: 'simple-enum', enum: MEAL_FULFILMENTS })
  fulfilment: MealFulfilment;

  @Column({ type: 'simple-enum', enum: MEAL_ORDER_STATUSES })
  status: MealOrderStatus;

  @Column({ name: 'payment_method', type: 'simple-enum', enum: MEAL_PAYMENT_METHODS })
  paymentMethod: MealPaymentMethod;

  @Column({ name: 'gross_fen', type: 'int' })
  grossFen: number;

  @Column({ name: 'subsidy_fen', type: 'int' })
  subsidyFen: number;

  @Column({ name: 'payable_fen', type: 'int' })
  payableFen: number;

  @Column({ name: 'delivery_fee_gross_fen', type: 'int' })
  deliveryFeeGrossFen: number;

  @Column({ name: 'delivery_subsidy_fen', type: 'int' })
  deliverySubsidyFen: number;

  @Column({ name: 'delivery_fee_fen', type: 'int' })
  deliveryFeeFen: number;

  @Column({ name: 'total_fen', type: 'int' })
  totalFen: number;

  /** Every applied rule (id, cap group, fen, receipt line), in the order priceMeal applied them. */
  @Column({ name: 'applied_subsidies', type: 'simple-json' })
  appliedSubsidies: AppliedMealSubsidy[];

  /** Where a 送餐 meal goes (GCJ-02 × 10⁶), when ordered with a point on the map; null otherwise (the stop goes by address). */
  @Column({ name: 'delivery_latitude_e6', type: 'int', nullable: true })
  deliveryLatitudeE6: number | null;

  @Column({ name: 'delivery_longitude_e6', type: 'int', nullable: true })
  deliveryLongitudeE6: number | null;

  /** For the delivery worker at the door (敲门大声, 放门口), set when ordering; null when none was given. */
  @Column({ name: 'delivery_note', type: 'varchar', length: 100, nullable: true })
  deliveryNote: string | null;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 200, nullable: true })
  cancelReason: string | null;

  @Column({ name: 'collected_at', type: 'datetime', precision: 3, nullable: true })
  collectedAt: Date | null;

  @Column({ name: 'ordered_by_account_id', type: 'varchar', length: 36 })
  orderedByAccountId: string;

  @OneToMany('MealOrderLineRow', (line: MealOrderLineRow) => line.order)
  lines: Relation<MealOrderLineRow[]>;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
