import { Injectable } from '@nestjs/common';
import { phoneCallOpen, type OrderPhoneView, type OrderStatus } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { FieldCipher } from '../../common/security/field-cipher';
import { TransactionRunner } from '../../database/transaction-runner';
import { AccountsRepository } from '../accounts';
import { AuditService } from '../audit';
import type { MealRunStopContact } from './meal-run-dispatch';
import type { ServiceOrder } from './service-order.entity';
import { callAfterOrderClosed, callBeforeAcceptance, residentHasNoPhone } from './dispatch.errors';

/** Nobody holds the order yet: there is no one to call. */
const ORDER_WAITING_FOR_WORKER: readonly OrderStatus[] = ['pending_dispatch', 'offered', 'escalated'];

/**
 * The one place a phone number of an order's resident or worker leaves the API in full: on demand, to the other
 * side of a live order (shared `phoneCallOpen`), with an audit record naming whose number was revealed (never the
 * number). Views only ever carry masked numbers. Callers check first that the order is the caller's to reach.
 */
@Injectable()
export class OrderPhones {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly accounts: AccountsRepository,
  ) {}

  /** The worker's number, for the resident (or household proxy) of the order. */
  async workerOf(auth: AuthContext, order: ServiceOrder): Promise<OrderPhoneView> {
    this.assertOpen(order);
    return this.reveal(auth, order, 'worker', order.worker!.phoneCipher);
  }

  /**
   * The resident's number, for the worker holding the order. A person registered without a phone is reached
   * through the resident who placed the order for them (a son ordering for his father).
   */
  async residentOf(auth: AuthContext, order: ServiceOrder): Promise<OrderPhoneView> {
    this.assertOpen(order);
    if (!order.resident) throw residentHasNoPhone();
    const phoneCipher = order.resident.phoneCipher ?? (await this.ordererPhone(order.createdByAccountId));
    if (!phoneCipher) throw residentHasNoPhone();
    return this.reveal(auth, order, 'resident', phoneCipher);
  }

  /** The elder at a stop of a meal run, for the worker holding the run: the same rules, the stop's orderer as fallback. */
  async elderAtStop(auth: AuthContext, order: ServiceOrder, stop: MealRunStopContact): Promise<OrderPhoneView> {
    this.assertOpen(order);
    const phoneCipher = stop.phoneCipher ?? (await this.ordererPhone(stop.orderedByAccountId));
    if (!phoneCipher) throw residentHasNoPhone();
    return this.reveal(auth, order, 'resident', phoneCipher, { mealOrderId: stop.mealOrderId });
  }

  private assertOpen(order: ServiceOrder): void {
    if (order.worker && phoneCallOpen(order.status, order.completedAt, new Date())) return;
    if (ORDER_WAITING_FOR_WORKER.includes(order.status)) throw callBeforeAcceptance(order.status);
    throw callAfterOrderClosed(order.status);
  }

  /** The phone of the resident who placed an order; null for anyone else, or an order the platform placed. */
  private async ordererPhone(accountId: string | null): Promise<string | null> {
    const orderer = accountId ? await this.accounts.findAccountWithOwners(accountId) : null;
    if (orderer?.role !== 'resident' || !orderer.resident) return null;
    return orderer.resident.phoneCipher;
  }

  private async reveal(auth: AuthContext, order: ServiceOrder, whose: 'worker' | 'resident', phoneCipher: string, about: { mealOrderId?: string } = {}): Promise<OrderPhoneView> {
    await this.transactions.write((manager) =>
      this.audit.record(manager, auth, {
        action: `service_order.${whose}_phone_revealed`,
        targetType: 'service_order',
        targetId: order.id,
        regionPath: order.regionPath,
        details: { status: order.status, ...about },
      }),
    );
    return { phone: this.cipher.decrypt(phoneCipher) };
  }
}
