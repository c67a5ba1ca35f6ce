import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { MealBalanceAccount } from './meal-balance-account.entity';
import { MealBalanceEntry } from './meal-balance-entry.entity';
import { MealBalanceTopUp } from './meal-balance-top-up.entity';

/** Elders' meal balance rows and their ledger. */
@Injectable()
export class MealBalancesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** Creates the elder's zero balance row unless it exists (INSERT … IGNORE: safe when two first top-ups race). */
  async ensureAccount(manager: EntityManager, residentId: string): Promise<void> {
    await manager.createQueryBuilder().insert().into(MealBalanceAccount).values({ residentId, balanceFen: 0, entryCount: 0 }).orIgnore().execute();
  }

  /**
   * Adds `deltaFen` (negative to take) to the running total and counts one more ledger row, only if the total stays
   * at or above 0. The UPDATE locks the row until the transaction ends, so concurrent movements of one elder queue
   * here. False when there is no row or not enough balance: nothing was changed.
   */
  async move(manager: EntityManager, residentId: string, deltaFen: number): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(MealBalanceAccount)
      .set({ balanceFen: () => 'balance_fen + :deltaFen', entryCount: () => 'entry_count + 1' })
      .where('resident_id = :residentId AND balance_fen + :deltaFen >= 0', { residentId, deltaFen })
      .execute();
    return result.affected === 1;
  }

  /** The row as this transaction sees it (after its own move, which holds the row's lock). */
  findAccount(residentId: string, manager?: EntityManager): Promise<MealBalanceAccount | null> {
    return this.manager(manager).getRepository(MealBalanceAccount).findOne({ where: { residentId } });
  }

  async insertEntry(manager: EntityManager, entry: Omit<MealBalanceEntry, 'resident'>): Promise<void> {
    await manager.getRepository(MealBalanceEntry).insert(entry);
  }

  findEntry(entryId: string): Promise<MealBalanceEntry | null> {
    return this.dataSource.getRepository(MealBalanceEntry).findOne({ where: { id: entryId } });
  }

  /** The balance: the sum of the elder's ledger (0 without one). */
  async ledgerSum(residentId: string, manager?: EntityManager): Promise<number> {
    const row = await this.manager(manager)
      .getRepository(MealBalanceEntry)
      .createQueryBuilder('entry')
      .select('COALESCE(SUM(entry.amount_fen), 0)', 'sum')
      .where('entry.resident_id = :residentId', { residentId })
      .getRawOne<{ sum: string | number }>();
    return Number(row?.sum ?? 0);
  }

  /** One page of the ledger, newest first, and how many rows there are in all. */
  listEntries(residentId: string, page: number, pageSize: number): Promise<[MealBalanceEntry[], number]> {
    return this.dataSource.getRepository(MealBalanceEntry).findAndCount({ where: { residentId }, order: { sequence: 'DESC' }, skip: (page - 1) * pageSize, take: pageSize });
  }

  async insertTopUp(manager: EntityManager, topUp: Omit<MealBalanceTopUp, 'resident'>): Promise<void> {
    await manager.getRepository(MealBalanceTopUp).insert(topUp);
  }

  findTopUp(topUpId: string, manager?: EntityManager): Promise<MealBalanceTopUp | null> {
    return this.manager(manager)
      .getRepository(MealBalanceTopUp)
      .findOne({ where: { id: topUpId } });
  }

  /** Marks a top-up credited unless it already is: true for exactly one of any number of racing payment messages. */
  async markTopUpCredited(manager: EntityManager, topUpId: string, at: Date): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(MealBalanceTopUp)
      .set({ status: 'credited', creditedAt: at })
      .where('id = :topUpId AND status = :status', { topUpId, status: 'awaiting_payment' })
      .execute();
    return result.affected === 1;
  }
}
