import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { MEAL_BALANCE_ENTRY_KINDS, MEAL_BALANCE_ENTRY_METHODS, type MealBalanceEntryKind, type MealBalanceEntryMethod } from '@linli/shared';
import { Resident } from '../residents/resident.entity';

/** One movement of an elder's meal balance, never updated or deleted: top-ups and refunds add, meal payments take. */
@Entity({ name: 'meal_balance_entry' })
@Index('uq_meal_balance_entry_resident_sequence', ['residentId', 'sequence'], { unique: true })
@Index('ix_meal_balance_entry_meal_order', ['mealOrderId'])
export class MealBalanceEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'resident_id', type: 'varchar', length: 36 })
  residentId: string;

  @ManyToOne(() => Resident, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resident_id', foreignKeyConstraintName: 'fk_meal_balance_entry_resident' })
  resident: Relation<Resident>;

  /** 1, 2, 3 … per elder, in the order the movements committed (MealBalanceAccount.entryCount). */
  @Column({ type: 'int' })
  sequence: number;

  @Column({ type: 'simple-enum', enum: MEAL_BALANCE_ENTRY_KINDS })
  kind: MealBalanceEntryKind;

  /** Signed fen: positive for top-ups and refunds, negative for meal payments. */
  @Column({ name: 'amount_fen', type: 'int' })
  amountFen: number;

  /** The balance right after this movement (the ledger's sum up to and including it). */
  @Column({ name: 'balance_after_fen', type: 'int' })
  balanceAfterFen: number;

  /** The meal order paid or refunded; null for top-ups. */
  @Column({ name: 'meal_order_id', type: 'varchar', length: 36, nullable: true })
  mealOrderId: string | null;

  /** How a top-up was paid (at the desk or WeChat Pay); null for other kinds. */
  @Column({ type: 'simple-enum', enum: MEAL_BALANCE_ENTRY_METHODS, nullable: true })
  method: MealBalanceEntryMethod | null;

  /** A refund's reason, or the staff note on a top-up (e.g. 女儿代缴); never personal data. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  note: string | null;

  /** The account that caused the movement: staff recording a top-up, the resident or staff ordering, the system refunding. */
  @Column({ name: 'recorded_by_account_id', type: 'varchar', length: 36, nullable: true })
  recordedByAccountId: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
