import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Resident } from '../residents/resident.entity';

/**
 * The row every movement of one elder's meal balance goes through. The ledger (MealBalanceEntry) is the truth and
 * the balance shown is its sum; `balanceFen` is the ledger's running total kept beside it in the same transaction,
 * so a debit is one guarded UPDATE (`… WHERE balance_fen >= amount`) that also locks the elder's balance until commit:
 * concurrent debits queue on this row and the balance never goes below 0 on either dialect.
 */
@Entity({ name: 'meal_balance_account' })
export class MealBalanceAccount {
  @PrimaryColumn({ name: 'resident_id', type: 'varchar', length: 36 })
  residentId: string;

  @OneToOne(() => Resident, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resident_id', foreignKeyConstraintName: 'fk_meal_balance_account_resident' })
  resident: Relation<Resident>;

  @Column({ name: 'balance_fen', type: 'int' })
  balanceFen: number;

  /** How many ledger rows the elder has: the next row's `sequence`, so the ledger has one order even within a millisecond. */
  @Column({ name: 'entry_count', type: 'int' })
  entryCount: number;
}
