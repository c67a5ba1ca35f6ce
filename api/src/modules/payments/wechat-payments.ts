import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { wechatRefundableFen, wechatRefundProgress, wechatRefundsComplete, type WechatPayRequest, type WechatRefundProgress } from '@linli/shared';
import { NotFoundError, ValidationFailedError } from '../../common/errors/domain-error';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { isDuplicateKey } from '../../database/sql';
import { TransactionRunner } from '../../database/transaction-runner';
import { AccountsRepository } from '../accounts';
import type { PaymentSubject } from './payment-subject';
import { PaymentsRepository } from './payments.repository';
import { WechatPayClient, type WechatPayNotification, type WechatRefundNotice, type WechatTransaction } from './wechat-pay.client';
import { notificationRejected, WechatPayError } from './wechat-pay.errors';
import type { WechatPayment, WechatPaymentSubjectKind } from './wechat-payment.entity';
import type { WechatRefundKind } from './wechat-refund.entity';

/** WeChat Pay's prepay_id lives two hours; ask again a little before. */
const PREPAY_TTL_MS = 110 * 60 * 1000;
/**
 * A payment is queried until this long after WeChat Pay stopped taking it (time_expire): a notification lost at the
 * last moment is still found, and WeChat Pay itself retries notifications for about a day.
 */
const RECONCILE_AFTER_EXPIRY_MS = 24 * 3600 * 1000;
const SWEEP_BATCH = 100;
/** A claimed refund is someone's for this long; then it is due again. */
const REFUND_LEASE_MS = 60 * 1000;
const REFUND_BACKOFF_MAX_MS = 60 * 60 * 1000;

export interface PaymentIntent {
  subjectKind: WechatPaymentSubjectKind;
  subjectId: string;
  amountFen: number;
  payerOpenid: string;
  /** 商品描述 the payer sees in WeChat. */
  description: string;
  expiresAt: Date;
}

/**
 * WeChat Pay for meal orders and balance top-ups: the intent written in the subject's transaction, the prepay asked
 * for after it commits, notifications and queries that mark a payment paid exactly once (a guarded update; the subject
 * then takes the money or, when cancelled meanwhile, it is refunded in the same transaction), and refunds — the
 * remainder when a subject gives its payment up, a part when it keeps less — written in the subject's transaction and
 * sent after commit, retried by the sweep until WeChat Pay accepts them. Network I/O never happens inside a transaction.
 */
@Injectable()
export class WechatPayments {
  private readonly logger = new Logger(WechatPayments.name);
  private readonly subjects = new Map<WechatPaymentSubjectKind, PaymentSubject>();
  private readonly reconcileAfterMs: number;
  private readonly simulatePayments: boolean;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly payments: PaymentsRepository,
    private readonly client: WechatPayClient,
    private readonly accounts: AccountsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.reconcileAfterMs = config.wechatPay.reconcileAfterSeconds * 1000;
    this.simulatePayments = config.wechatPay.simulatePayments;
  }

  /** The modules paying through WeChat Pay plug their subjects in here at start (see PaymentSubject). */
  serve(kind: WechatPaymentSubjectKind, subject: PaymentSubject): void {
    this.subjects.set(kind, subject);
  }

  private served(kind: WechatPaymentSubjectKind): PaymentSubject {
    const subject = this.subjects.get(kind);
    if (!subject) throw new Error(`No PaymentSubject of kind ${kind} registered with WechatPayments`);
    return subject;
  }

  /** The openid WeChat Pay charges: the paying account's WeChat identity. Accounts signed in without WeChat cannot pay with it. */
  async payerOpenid(accountId: string): Promise<string> {
    const openid = await this.accounts.findOpenidOf(accountId);
    if (!openid) throw new ValidationFailedError([{ field: 'paymentMethod', constraints: ['wechatIdentity'], message: '微信支付需使用微信登录的账号下单' }]);
    return openid;
  }

  /** The intent row, in the caller's transaction, before WeChat Pay is asked for anything: nothing is lost if the call fails. */
  async recordIntent(manager: EntityManager, intent: PaymentIntent): Promise<void> {
    await this.payments.insertPayment(manager, {
      id: randomUUID(),
      subjectKind: intent.subjectKind,
      subjectId: intent.subjectId,
      outTradeNo: intent.subjectId.replace(/-/g, ''),
      amountFen: intent.amountFen,
      payerOpenid: intent.payerOpenid,
      description: intent.description.slice(0, 127),
      expiresAt: intent.expiresAt,
      status: 'created',
      prepayId: null,
      prepaidAt: null,
      transactionId: null,
      paidFen: 0,
      paidAt: null,
    });
  }

  /**
   * The signed wx.requestPayment parameters of a subject's unpaid payment, asking WeChat Pay for a prepay_id when there
   * is none or it is about to expire (the same out_trade_no gets the same order back). Null when nothing is to be paid.
   */
  async requestPayment(subjectId: string, now = new Date()): Promise<WechatPayRequest | null> {
    const payment = await this.payments.findPaymentOf(subjectId);
    if (!payment || (payment.status !== 'created' && payment.status !== 'prepaid')) return null;
    let prepayId = payment.prepayId;
    if (!prepayId || !payment.prepaidAt || now.getTime() - payment.prepaidAt.getTime() > PREPAY_TTL_MS) {
      prepayId = await this.client.createJsapiPrepay({
        outTradeNo: payment.outTradeNo,
        description: payment.description,
        amountFen: payment.amountFen,
        openid: payment.payerOpenid,
        expiresAt: payment.expiresAt,
      });
      if (!(await this.payments.recordPrepay(payment.id, prepayId, now))) return null; // paid or cancelled meanwhile
    }
    return this.client.requestPayment(prepayId);
  }

  /**
   * In the cancelling transaction: a paid payment gets its remainder refund row (sent after commit by
   * `sendDueRefunds`), an unpaid one is closed (a payment arriving later is refunded). `refundingFen`: what goes back
   * now (what partial refunds have not already sent back or failed to); `complete`: every refund of the payment has
   * already reached the payer (nothing pending, nothing failed), so the subject is refunded at once — otherwise the
   * last refund to succeed tells it (`PaymentSubject.refunded`).
   */
  async cancelInTransaction(manager: EntityManager, subjectId: string, reason: string): Promise<{ refundingFen: number; complete: boolean }> {
    const payment = await this.payments.findPaymentOf(subjectId, manager);
    if (!payment) return { refundingFen: 0, complete: true };
    if (payment.status !== 'paid') {
      await this.payments.closePayment(manager, payment.id);
      return { refundingFen: 0, complete: true };
    }
    const refundingFen = await this.refundRemainder(manager, payment, reason);
    return { refundingFen, complete: wechatRefundsComplete(wechatRefundProgress(await this.payments.listRefundsOfPayment(manager, payment.id))) };
  }

  /** Where the refunds of each of these subjects stand; subjects without a refund are absent. */
  async refundProgressOf(subjectIds: string[]): Promise<Map<string, WechatRefundProgress>> {
    const refunds = await this.payments.listRefundsOfSubjects(subjectIds);
    const bySubject = new Map<string, typeof refunds>();
    for (const refund of refunds) bySubject.set(refund.subjectId, [...(bySubject.get(refund.subjectId) ?? []), refund]);
    return new Map([...bySubject].map(([subjectId, rows]) => [subjectId, wechatRefundProgress(rows)]));
  }

  /**
   * In the subject's transaction, which holds its lock (PaymentSubject.lock): part of a paid payment goes back (a meal
   * order changed to fewer portions). The row is written now and sent after commit (`sendDueRefunds`); its
   * out_refund_no is fixed here, so every resend is the same refund to WeChat Pay. Never more than is left.
   */
  async refundPart(manager: EntityManager, subjectId: string, amountFen: number, reason: string): Promise<void> {
    const payment = await this.payments.findPaymentOf(subjectId, manager);
    if (!payment || payment.status !== 'paid') throw new Error(`refundPart: the payment of ${subjectId} is not paid`);
    const refunds = await this.payments.listRefundsOfPayment(manager, payment.id);
    const left = wechatRefundableFen(payment.paidFen, refunds);
    if (!Number.isInteger(amountFen) || amountFen < 1 || amountFen > left) throw new RangeError(`refundPart: ${amountFen} fen of ${left} left on ${payment.id}`);
    const partNo = refunds.filter((refund) => refund.kind === 'partial').length + 1;
    await this.insertRefund(manager, payment, 'partial', `R${payment.outTradeNo}-${partNo}`, amountFen, reason);
  }

  /**
   * Demo builds only (WECHATPAY_SIMULATE_PAYMENTS, refused in production): asks the fake WeChat Pay server to play the
   * payer confirming in WeChat, as the H5 demo cannot call wx.requestPayment. The fake server then posts the
   * notification; the caller checks the payment as after a real wx.requestPayment.
   */
  async simulatePayment(subjectId: string): Promise<void> {
    this.assertSimulatingPayments();
    const payment = await this.payments.findPaymentOf(subjectId);
    // Only a payment WeChat Pay was asked for (requestPayment) exists on its side.
    if (!payment || payment.status !== 'prepaid') return;
    await this.client.simulatePayment(payment.outTradeNo);
  }

  /** 404 unless the demo's 模拟支付 is on: to everyone else the routes do not exist. */
  assertSimulatingPayments(): void {
    if (!this.simulatePayments) throw new NotFoundError('演示支付');
  }

  /** Verifies and applies one notification; a forged, tampered or undecryptable one changes nothing and is refused (401). */
  async handleNotification(headers: Record<string, string | string[] | undefined>, rawBody: string): Promise<void> {
    const notification = this.client.readNotification(headers, rawBody);
    if (!notification) {
      this.logger.warn('Refused a WeChat Pay notification that failed verification');
      throw notificationRejected();
    }
    await this.apply(notification);
  }

  /** Asks WeChat Pay about a subject's payment (a notification may never come) and applies the answer. */
  async reconcile(subjectId: string): Promise<void> {
    const payment = await this.payments.findPaymentOf(subjectId);
    if (!payment || payment.status === 'paid') return;
    const transaction = await this.client.queryByOutTradeNo(payment.outTradeNo);
    if (transaction) await this.paymentArrived(transaction);
  }

  /**
   * The sweep (every instance, see WechatPaySweeper): payments without word after WECHATPAY_RECONCILE_AFTER_SECONDS are
   * queried, refunds not yet accepted are sent again, and the subject cancels what is still unpaid at its cut-off.
   */
  async sweep(now = new Date()): Promise<void> {
    const unsettled = await this.payments.listUnsettledPayments(new Date(now.getTime() - this.reconcileAfterMs), new Date(now.getTime() - RECONCILE_AFTER_EXPIRY_MS), SWEEP_BATCH);
    for (const payment of unsettled) {
      try {
        const transaction = await this.client.queryByOutTradeNo(payment.outTradeNo);
        if (transaction) await this.paymentArrived(transaction);
      } catch (error) {
        if (!(error instanceof WechatPayError)) throw error;
      }
    }
    await this.sendDueRefunds(now);
    for (const subject of this.subjects.values()) await subject.cancelUnpaidPastCutOff(now);
  }

  /** Sends refunds that WeChat Pay has not accepted yet; a failure waits longer each time (the row keeps the error code). */
  async sendDueRefunds(now = new Date()): Promise<void> {
    for (const refund of await this.payments.listDueRefunds(now, SWEEP_BATCH)) {
      if (!(await this.payments.claimRefund(refund.id, now, new Date(now.getTime() + REFUND_LEASE_MS)))) continue;
      try {
        const answer = await this.client.refund({
          outTradeNo: refund.payment.outTradeNo,
          outRefundNo: refund.outRefundNo,
          amountFen: refund.amountFen,
          totalFen: refund.payment.paidFen,
          reason: refund.reason,
        });
        if (answer.status === 'SUCCESS') await this.refundSettled({ ...answer, refund_status: 'SUCCESS' });
        else if (answer.status === 'PROCESSING') await this.payments.moveRefund(undefined, refund.id, ['requested'], 'processing', { refundId: answer.refund_id });
        else await this.refundSettled({ ...answer, refund_status: answer.status });
      } catch (error) {
        if (!(error instanceof WechatPayError)) throw error;
        const backoff = Math.min(REFUND_BACKOFF_MAX_MS, 30_000 * 2 ** refund.attempts);
        await this.payments.recordRefundFailure(refund.id, (error.wechatPayCode ?? String(error.status ?? 'UNREACHABLE')).slice(0, 40), new Date(Date.now() + backoff));
        this.logger.warn(`WeChat Pay refund ${refund.id} not accepted (${error.wechatPayCode ?? error.status ?? 'unreachable'}); retried later`);
      }
    }
  }

  private async apply(notification: WechatPayNotification): Promise<void> {
    if (notification.eventType === 'TRANSACTION.SUCCESS') await this.paymentArrived(notification.transaction);
    else await this.refundSettled(notification.refund);
  }

  /**
   * WeChat Pay says the payer paid (notification or query). Exactly one caller marks the payment paid; in the same
   * transaction the subject takes the money, or — cancelled meanwhile — the refund row is written. Anything else
   * (a duplicate, a payment we never asked for) changes nothing.
   */
  private async paymentArrived(transaction: WechatTransaction): Promise<void> {
    if (transaction.trade_state !== 'SUCCESS' && transaction.trade_state !== 'REFUND') return;
    const payment = await this.payments.findPaymentByOutTradeNo(transaction.out_trade_no);
    if (!payment || payment.status === 'paid') return;
    const paidFen = transaction.amount?.total ?? payment.amountFen;
    if (paidFen !== payment.amountFen) this.logger.warn(`WeChat Pay payment ${payment.id} paid ${paidFen} fen, ${payment.amountFen} asked`);
    const subject = this.served(payment.subjectKind);
    const refundDue = await this.transactions.write(async (manager) => {
      await subject.lock(manager, payment.subjectId);
      const paidAt = transaction.success_time ? new Date(transaction.success_time) : new Date();
      if (!(await this.payments.markPaid(manager, payment.id, { transactionId: transaction.transaction_id ?? null, paidFen, paidAt }))) return false;
      if (await subject.takePayment(manager, payment.subjectId)) return false;
      await this.refundRemainder(manager, { ...payment, status: 'paid', paidFen }, '订单已取消，退回微信支付');
      return true;
    });
    if (refundDue) await this.sendDueRefunds();
  }

  /**
   * A refund's outcome (notification, or the refund answer itself): the first to say SUCCESS closes it and, when it
   * was the payment's last refund on its way and none failed, tells the subject (a cancelled order becomes refunded;
   * one still kept ignores it). Partial and remainder refunds of one payment may settle in any order. A failed refund
   * leaves the subject as it is, its money shown as failed for an operator to settle by hand.
   */
  private async refundSettled(notice: Pick<WechatRefundNotice, 'out_refund_no' | 'refund_id' | 'refund_status'>): Promise<void> {
    const refund = await this.payments.findRefundByOutRefundNo(notice.out_refund_no);
    if (!refund) return;
    if (notice.refund_status === 'PROCESSING') return;
    if (notice.refund_status !== 'SUCCESS') {
      if (await this.payments.moveRefund(undefined, refund.id, ['requested', 'processing'], 'failed', { refundId: notice.refund_id })) {
        this.logger.error(`WeChat Pay refund ${refund.id} ended ${notice.refund_status}: settle it by hand`);
      }
      return;
    }
    const subject = this.served(refund.payment.subjectKind);
    await this.transactions.write(async (manager) => {
      await subject.lock(manager, refund.payment.subjectId);
      if (!(await this.payments.moveRefund(manager, refund.id, ['requested', 'processing'], 'succeeded', { refundId: notice.refund_id }))) return;
      // Read under the subject's lock, as a cancel reads them: whichever of the two commits last sees every refund.
      const refunds = await this.payments.listRefundsOfPayment(manager, refund.paymentId);
      if (wechatRefundsComplete(wechatRefundProgress(refunds))) await subject.refunded(manager, refund.payment.subjectId);
    });
  }

  /**
   * The payment's remainder refund: what partial refunds have not sent back or failed to (a failed one is the
   * operator's to settle by hand, never sent again here), nothing when they covered it all. One per payment: its out_refund_no is the payment's, so the unique index refuses a second. The fen going back.
   */
  private async refundRemainder(manager: EntityManager, payment: WechatPayment, reason: string): Promise<number> {
    const refunds = await this.payments.listRefundsOfPayment(manager, payment.id);
    const existing = refunds.find((refund) => refund.kind === 'remainder');
    if (existing) return existing.amountFen;
    const left = wechatRefundableFen(payment.paidFen, refunds);
    if (left <= 0) return 0;
    try {
      await this.insertRefund(manager, payment, 'remainder', `R${payment.outTradeNo}`, left, reason);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    return left;
  }

  private insertRefund(manager: EntityManager, payment: WechatPayment, kind: WechatRefundKind, outRefundNo: string, amountFen: number, reason: string): Promise<void> {
    return this.payments.insertRefund(manager, {
      id: randomUUID(),
      paymentId: payment.id,
      outRefundNo,
      kind,
      amountFen,
      reason: reason.slice(0, 80),
      status: 'requested',
      refundId: null,
      attempts: 0,
      nextAttemptAt: new Date(),
      lastError: null,
    });
  }
}
