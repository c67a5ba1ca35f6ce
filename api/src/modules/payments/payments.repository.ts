import { Injectable } from '@nestjs/common';
import { DataSource, LessThanOrEqual, type EntityManager } from 'typeorm';
import { WechatPayment, type WechatPaymentStatus } from './wechat-payment.entity';
import type { WechatRefundStatus } from '@linli/shared';
import { WechatRefund } from './wechat-refund.entity';

type NewPayment = Omit<WechatPayment, 'createdAt' | 'updatedAt'>;
type NewRefund = Omit<WechatRefund, 'payment' | 'createdAt' | 'updatedAt'>;

/** Payments still waiting for WeChat Pay's word: asked for, or closed by a cancel but perhaps paid meanwhile. */
const UNSETTLED: WechatPaymentStatus[] = ['created', 'prepaid', 'closed'];

/**
 * WeChat Pay payments and refunds. Every status change is conditional on the status read, with an affected-rows
 * check: the first notification, query or cancel to move a row wins and the others see that they lost.
 */
@Injectable()
export class PaymentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async insertPayment(manager: EntityManager, payment: NewPayment): Promise<void> {
    await manager.getRepository(WechatPayment).insert(payment);
  }

  findPaymentOf(subjectId: string, manager?: EntityManager): Promise<WechatPayment | null> {
    return this.m(manager).getRepository(WechatPayment).findOne({ where: { subjectId } });
  }

  findPaymentByOutTradeNo(outTradeNo: string): Promise<WechatPayment | null> {
    return this.dataSource.getRepository(WechatPayment).findOne({ where: { outTradeNo } });
  }

  /** Stores the prepay_id while the payment is still wanted (not paid, not closed meanwhile). */
  async recordPrepay(paymentId: string, prepayId: string, at: Date): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(WechatPayment)
      .set({ status: 'prepaid', prepayId, prepaidAt: at })
      .where('id = :paymentId AND status IN (:...statuses)', { paymentId, statuses: ['created', 'prepaid'] })
      .execute();
    return result.affected === 1;
  }

  /** Marks the payment paid unless it already is: true for exactly one of any number of racing notifications and queries. */
  async markPaid(manager: EntityManager, paymentId: string, paid: Pick<WechatPayment, 'transactionId' | 'paidFen' | 'paidAt'>): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(WechatPayment)
      .set({ status: 'paid', ...paid })
      .where('id = :paymentId AND status IN (:...statuses)', { paymentId, statuses: UNSETTLED })
      .execute();
    return result.affected === 1;
  }

  /** The order was cancelled before paying: a payment arriving later is refunded. False when it was paid first. */
  async closePayment(manager: EntityManager, paymentId: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(WechatPayment)
      .set({ status: 'closed' })
      .where('id = :paymentId AND status IN (:...statuses)', { paymentId, statuses: ['created', 'prepaid'] })
      .execute();
    return result.affected === 1;
  }

  /**
   * Payments without WeChat Pay's word, asked for before `askedBefore`, that could still have been paid: WeChat Pay takes
   * no payment after `expires_at` (time_expire), so those expired before `expiredAfter` are left alone.
   */
  listUnsettledPayments(askedBefore: Date, expiredAfter: Date, limit: number): Promise<WechatPayment[]> {
    return this.dataSource
      .getRepository(WechatPayment)
      .createQueryBuilder('payment')
      .where('payment.status IN (:...statuses)', { statuses: UNSETTLED })
      .andWhere('payment.created_at <= :askedBefore', { askedBefore })
      .andWhere('payment.expires_at >= :expiredAfter', { expiredAfter })
      .orderBy('payment.created_at', 'ASC')
      .take(limit)
      .getMany();
  }

  /** Throws a duplicate-key error when a refund with that out_refund_no exists (the payment's remainder refund, written twice). */
  async insertRefund(manager: EntityManager, refund: NewRefund): Promise<void> {
    await manager.getRepository(WechatRefund).insert(refund);
  }

  /** Every refund of a payment, oldest first (read in the subject's transaction, which holds its lock). */
  listRefundsOfPayment(manager: EntityManager, paymentId: string): Promise<WechatRefund[]> {
    return manager.getRepository(WechatRefund).find({ where: { paymentId }, order: { createdAt: 'ASC', outRefundNo: 'ASC' } });
  }

  findRefundByOutRefundNo(outRefundNo: string): Promise<WechatRefund | null> {
    return this.dataSource.getRepository(WechatRefund).findOne({ where: { outRefundNo }, relations: { payment: true } });
  }

  /** Refunds to send now (new, or failed before and due again), oldest first. */
  listDueRefunds(now: Date, limit: number): Promise<WechatRefund[]> {
    return this.dataSource
      .getRepository(WechatRefund)
      .find({ where: { status: 'requested', nextAttemptAt: LessThanOrEqual(now) }, relations: { payment: true }, order: { nextAttemptAt: 'ASC' }, take: limit });
  }

  /**
   * Takes a due refund for one sender: moves its next attempt to `leaseUntil` only while it is still due. Another
   * instance that read the same row loses here and skips it; a sender that dies leaves it due again at `leaseUntil`.
   */
  async claimRefund(refundId: string, now: Date, leaseUntil: Date): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(WechatRefund)
      .set({ nextAttemptAt: leaseUntil, attempts: () => 'attempts + 1' })
      .where('id = :refundId AND status = :status AND next_attempt_at <= :now', { refundId, status: 'requested', now })
      .execute();
    return result.affected === 1;
  }

  async recordRefundFailure(refundId: string, lastError: string, nextAttemptAt: Date): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(WechatRefund)
      .set({ lastError, nextAttemptAt })
      .where('id = :refundId AND status = :status', { refundId, status: 'requested' })
      .execute();
  }

  /** Moves a refund from one of `from` to `to`; false when it was not in any of them (another message moved it first). */
  async moveRefund(
    manager: EntityManager | undefined,
    refundId: string,
    from: WechatRefundStatus[],
    to: WechatRefundStatus,
    fields: Partial<Pick<WechatRefund, 'refundId'>> = {},
  ): Promise<boolean> {
    const result = await this.m(manager)
      .createQueryBuilder()
      .update(WechatRefund)
      .set({ status: to, ...fields })
      .where('id = :refundId AND status IN (:...from)', { refundId, from })
      .execute();
    return result.affected === 1;
  }

  /** Every refund of the given subjects' payments, with the subject each belongs to (for the order views). */
  async listRefundsOfSubjects(subjectIds: string[]): Promise<Array<{ subjectId: string; status: WechatRefundStatus; amountFen: number }>> {
    if (subjectIds.length === 0) return [];
    return this.dataSource
      .getRepository(WechatRefund)
      .createQueryBuilder('refund')
      .innerJoin('refund.payment', 'payment')
      .select('payment.subject_id', 'subjectId')
      .addSelect('refund.status', 'status')
      .addSelect('refund.amount_fen', 'amountFen')
      .where('payment.subject_id IN (:...subjectIds)', { subjectIds })
      .getRawMany<{ subjectId: string; status: WechatRefundStatus; amountFen: number | string }>()
      .then((rows) => rows.map((row) => ({ ...row, amountFen: Number(row.amountFen) })));
  }
}
