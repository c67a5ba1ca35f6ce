import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AccountPreferences } from '@linli/shared';
import { TransactionRunner } from '../../database/transaction-runner';
import { AccountPreference } from './account-preference.entity';

/** The `account_preference` rows: read one account's, write one account's whole, delete one account's. */
@Injectable()
export class AccountPreferencesRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  async findOfAccount(accountId: string): Promise<AccountPreferences | null> {
    const row = await this.dataSource.getRepository(AccountPreference).findOne({ where: { accountId } });
    return row ? { elderMode: row.elderMode } : null;
  }

  /** Insert or replace the account's row (the last write wins: these are one person's own settings). */
  save(accountId: string, preferences: AccountPreferences, now: Date): Promise<void> {
    return this.transactions.write(async (manager) => {
      await manager.createQueryBuilder().insert().into(AccountPreference).values({ accountId, elderMode: null, updatedAt: now }).orIgnore().execute();
      await manager
        .createQueryBuilder()
        .update(AccountPreference)
        .set({ elderMode: preferences.elderMode, updatedAt: now })
        .where('account_id = :accountId', { accountId })
        .execute();
    });
  }

  /** Deletes the account's row, inside the caller's transaction (the account's erasure). */
  async deleteOfAccount(manager: EntityManager, accountId: string): Promise<void> {
    await manager.delete(AccountPreference, { accountId });
  }
}
