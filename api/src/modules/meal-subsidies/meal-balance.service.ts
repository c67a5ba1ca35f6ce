import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { MealBalanceEntryView, MealBalanceView, TopUpMealBalanceRequest } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { Idempotency } from '../../common/idempotency/idempotency';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit';
import type { MealBalanceEntry } from './meal-balance-entry.entity';
import { MealBalances, type MealBalanceMovement } from './meal-balances';
import { MealBalancesRepository } from './meal-balances.repository';
import { MealElderAccess } from './meal-elder-access';

const DEFAULT_PAGE_SIZE = 20;

/**
 * The prepaid meal balance as people see and fill it: the elder, their household and staff of the elder's region
 * read the balance (the ledger's sum) and its history; staff record money paid in at the desk. A retried top-up with
 * the same Idempotency-Key is recorded once (a double tap must not credit twice).
 */
@Injectable()
export class MealBalanceService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly idempotency: Idempotency,
    private readonly balances: MealBalances,
    private readonly ledger: MealBalancesRepository,
    private readonly elders: MealElderAccess,
    private readonly audit: AuditService,
  ) {}

  async view(auth: AuthContext, residentId: string, query: { page?: number; pageSize?: number }): Promise<MealBalanceView> {
    const elder = await this.elders.reach(auth, residentId);
    if (auth.role !== 'resident') {
      await this.transactions.write((manager) =>
        this.audit.record(manager, auth, { action: 'meal_balance.viewed', targetType: 'resident', targetId: residentId, regionPath: elder.regionPath }),
      );
    }
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const [[entries, total], balanceFen] = await Promise.all([this.ledger.listEntries(residentId, page, pageSize), this.ledger.ledgerSum(residentId)]);
    return { residentId, balanceFen, entries: entries.map(toEntryView), page, pageSize, total };
  }

  async topUp(auth: AuthContext, residentId: string, input: TopUpMealBalanceRequest, idempotencyKey?: string): Promise<MealBalanceEntryView> {
    const elder = await this.elders.reach(auth, residentId);
    return this.idempotency.run<{ entryId: string }, MealBalanceEntryView>(
      idempotencyKey ? { accountId: auth.accountId, key: idempotencyKey } : null,
      'meal_balance.top_up',
      { residentId, ...input },
      (remember) =>
        this.transactions.write(async (manager) => {
          const entryId = randomUUID();
          await remember(manager, { entryId });
          const entry = await this.balances.topUp(manager, {
            entryId,
            residentId,
            amountFen: input.amountFen,
            method: input.method,
            note: input.note ?? null,
            accountId: auth.accountId,
          });
          await this.audit.record(manager, auth, {
            action: 'meal_balance.topped_up',
            targetType: 'resident',
            targetId: residentId,
            regionPath: elder.regionPath,
            details: { entryId: entry.id, amountFen: entry.amountFen, method: input.method },
          });
          return toEntryView(entry);
        }),
      async ({ entryId }) => {
        const entry = await this.ledger.findEntry(entryId);
        return entry ? toEntryView(entry) : null;
      },
    );
  }
}

function toEntryView(entry: MealBalanceMovement | MealBalanceEntry): MealBalanceEntryView {
  return {
    id: entry.id,
    sequence: entry.sequence,
    kind: entry.kind,
    amountFen: entry.amountFen,
    balanceAfterFen: entry.balanceAfterFen,
    mealOrderId: entry.mealOrderId,
    method: entry.method,
    note: entry.note,
    createdAt: entry.createdAt.toISOString(),
  };
}
