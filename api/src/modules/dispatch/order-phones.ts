import { Injectable } from '@nestjs/common';
import { phoneCallOpen, type OrderPhoneView, type OrderStatus } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { FieldCipher } from '../../common/security/field-cipher';
import { TransactionRunner } from '../../database/transaction-runner';
import { AccountsRepository } from '../accounts';
import { AuditService } from '../audit';
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
    const phoneCipher = order.resident.phoneCipher ?? (await this.ordererPhone(order));
    if (!phoneCipher) throw residentHasNoPhone();
    return this.reveal(auth, order, 'resident', phoneCipher);
  }

  private assertOpen(order: ServiceOrder): void {
    if (order.worker && phoneCallOpen(order.status, order.completedAt, new Date())) return;
    if (ORDER_WAITING_FOR_WORKER.includes(order.status)) throw callBeforeAcceptance(order.status);
    throw callAfterOrderClosed(order.status);
  }

  private async ordererPhone(order: ServiceOrder): Promise<string | null> {
    const orderer = await this.accounts.findAccountWithOwners(order.createdByAccountId);
    if (orderer?.role !== 'resident' || !orderer.resident) return null;
    return orderer.resident.phoneCipher;
  }

  private async reveal(auth: AuthContext, order: ServiceOrder, whose: 'worker' | 'resident', phoneCipher: string): Promise<OrderPhoneView> {
    await this.transactions.write((manager) =>
      this.audit.record(manager, auth, {
        action: `service_order.${whose}_phone_revealed`,
        targetType: 'service_order',
        targetId: order.id,
        regionPath: order.regionPath,
        details: { status: order.status },
      }),
    );
    return { phone: this.cipher.decrypt(phoneCipher) };
  }
}
