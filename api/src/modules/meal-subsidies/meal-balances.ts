import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MealBalanceEntryKind, MealBalanceEntryMethod } from '@linli/shared';
import { MealBalancesRepository } from './meal-balances.repository';
import type { MealBalanceEntry } from './meal-balance-entry.entity';
import { balanceInsufficient } from './meal-subsidies.errors';

export interface MealBalanceDebit {
  residentId: string;
  amountFen: number;
  mealOrderId: string;
  /** The account paying: the resident ordering, or staff ordering for the elder. */
  accountId: string;
}

export interface MealBalanceCredit {
  residentId: string;
  amountFen: number;
  mealOrderId: string;
  /** Why the money goes back, in words the resident sees (e.g. 食堂停餐，订单已取消). */
  reason: string;
  /** The account refunding, or null when the system does (a closed day). */
  accountId: string | null;
}

export interface MealBalanceTopUp {
  /** The ledger row's id, chosen by the caller so that an idempotency record can name it before it is written. */
  entryId: string;
  residentId: string;
  amountFen: number;
  method: MealBalanceEntryMethod;
  note: string | null;
  accountId: string;
}

/**
 * The one way an elder's meal balance moves, always inside the caller's transaction: a guarded move of the elder's
 * balance row (which also locks it, so concurrent movements of one elder queue), then the ledger row. The balance is
 * the ledger's sum; the row's running total only guards it, and both change in the same transaction.
 */
@Injectable()
export class MealBalances {
  constructor(private readonly balances: MealBalancesRepository) {}

  /** Pays a meal from the balance; BALANCE_INSUFFICIENT (nothing taken) when it would go below 0. */
  async debit(manager: EntityManager, debit: MealBalanceDebit): Promise<MealBalanceMovement> {
    assertPositiveFen(debit.amountFen);
    if (!(await this.balances.move(manager, debit.residentId, -debit.amountFen))) {
      const account = await this.balances.findAccount(debit.residentId, manager);
      throw balanceInsufficient(account?.balanceFen ?? 0, debit.amountFen);
    }
    return this.appendEntry(manager, debit.residentId, 'meal_payment', -debit.amountFen, {
      id: randomUUID(),
      mealOrderId: debit.mealOrderId,
      method: null,
      note: null,
      recordedByAccountId: debit.accountId,
    });
  }

  /** Gives a meal's money back (a cancelled or refunded order). */
  async credit(manager: EntityManager, credit: MealBalanceCredit): Promise<MealBalanceMovement> {
    return this.add(manager, credit.residentId, 'refund', credit.amountFen, {
      id: randomUUID(),
      mealOrderId: credit.mealOrderId,
      method: null,
      note: credit.reason,
      recordedByAccountId: credit.accountId,
    });
  }

  /** Money paid in: at the desk (cash or transfer, recorded by staff) or online (WeChat Pay, credited when it confirms). */
  async topUp(manager: EntityManager, topUp: MealBalanceTopUp): Promise<MealBalanceMovement> {
    return this.add(manager, topUp.residentId, 'top_up', topUp.amountFen, {
      id: topUp.entryId,
      mealOrderId: null,
      method: topUp.method,
      note: topUp.note,
      recordedByAccountId: topUp.accountId,
    });
  }

  private async add(manager: EntityManager, residentId: string, kind: MealBalanceEntryKind, amountFen: number, fields: EntryFields): Promise<MealBalanceMovement> {
    assertPositiveFen(amountFen);
    await this.balances.ensureAccount(manager, residentId);
    if (!(await this.balances.move(manager, residentId, amountFen))) throw new Error(`meal balance row of ${residentId} missing after ensureAccount`);
    return this.appendEntry(manager, residentId, kind, amountFen, fields);
  }

  private async appendEntry(manager: EntityManager, residentId: string, kind: MealBalanceEntryKind, amountFen: number, fields: EntryFields): Promise<MealBalanceMovement> {
    // Read after the move: this transaction holds the row's lock, so these are the figures this entry ends on.
    const account = (await this.balances.findAccount(residentId, manager))!;
    const entry: MealBalanceMovement = {
      residentId,
      sequence: account.entryCount,
      kind,
      amountFen,
      balanceAfterFen: account.balanceFen,
      ...fields,
      createdAt: new Date(),
    };
    await this.balances.insertEntry(manager, entry);
    return entry;
  }
}

/** A ledger row as written. */
export type MealBalanceMovement = Omit<MealBalanceEntry, 'resident'>;

type EntryFields = Pick<MealBalanceEntry, 'id' | 'mealOrderId' | 'method' | 'note' | 'recordedByAccountId'>;

function assertPositiveFen(amountFen: number): void {
  // Callers pass prices and amounts the API computed or validated; anything else is a bug, not a user error.
  if (!Number.isInteger(amountFen) || amountFen < 1) throw new RangeError(`a meal balance movement must be a whole number of fen, 1 or more (got ${amountFen})`);
}
