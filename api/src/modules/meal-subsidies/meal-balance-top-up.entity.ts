import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { MEAL_BALANCE_TOP_UP_STATUSES, type MealBalanceTopUpStatus } from '@linli/shared';
import { Resident } from '../residents/resident.entity';

/**
 * A top-up of an elder's meal balance paid online with WeChat Pay (the elder or a household member pays). Written
 * with its payment intent; credited once WeChat Pay confirms the money: the ledger row it becomes has the top-up's
 * id, so a duplicate notification, a query and a notification racing, or two sweeps can never credit it twice.
 */
@Entity({ name: 'meal_balance_top_up' })
@Index('ix_meal_balance_top_up_resident', ['residentId', 'createdAt'])
export class MealBalanceTopUp {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'resident_id', type: 'varchar', length: 36 })
  residentId: string;

  @ManyToOne(() => Resident, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resident_id', foreignKeyConstraintName: 'fk_meal_balance_top_up_resident' })
  resident: Relation<Resident>;

  @Column({ name: 'amount_fen', type: 'int' })
  amountFen: number;

  @Column({ type: 'simple-enum', enum: MEAL_BALANCE_TOP_UP_STATUSES })
  status: MealBalanceTopUpStatus;

  /** The account paying (its WeChat identity is the payer). */
  @Column({ name: 'requested_by_account_id', type: 'varchar', length: 36 })
  requestedByAccountId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'credited_at', type: 'datetime', precision: 3, nullable: true })
  creditedAt: Date | null;
}
