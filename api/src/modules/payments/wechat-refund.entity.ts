import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { WECHAT_REFUND_STATUSES, type WechatRefundStatus } from '@linli/shared';
import { WechatPayment } from './wechat-payment.entity';

export const WECHAT_REFUND_KINDS = ['remainder', 'partial'] as const;
/**
 * `partial`: part of a payment whose subject keeps the rest (a meal order changed to fewer portions); `remainder`:
 * what is left of the payment once its subject gives it up (cancelled) — at most one per payment. The subject is told it
 * was refunded when every refund of its payment has succeeded, whichever settles last.
 */
export type WechatRefundKind = (typeof WECHAT_REFUND_KINDS)[number];

/**
 * A refund of a payment, whole or in part. `out_refund_no` is fixed when the row is written, so a retried request is
 * the same refund to WeChat Pay, and unique: the remainder refund's is `R` + out_trade_no, so a second cancel, a
 * duplicate notification or two sweeping instances can never write a second one; a partial refund's is
 * `R` + out_trade_no + `-` + its number among the payment's partial refunds, counted under the subject's lock.
 */
@Entity({ name: 'wechat_refund' })
@Index('ix_wechat_refund_payment', ['paymentId'])
@Index('uq_wechat_refund_out_refund_no', ['outRefundNo'], { unique: true })
@Index('ix_wechat_refund_due', ['status', 'nextAttemptAt'])
export class WechatRefund {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'payment_id', type: 'varchar', length: 36 })
  paymentId: string;

  @ManyToOne(() => WechatPayment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'payment_id', foreignKeyConstraintName: 'fk_wechat_refund_payment' })
  payment: Relation<WechatPayment>;

  @Column({ name: 'out_refund_no', type: 'varchar', length: 64 })
  outRefundNo: string;

  @Column({ type: 'simple-enum', enum: WECHAT_REFUND_KINDS, default: 'remainder' })
  kind: WechatRefundKind;

  @Column({ name: 'amount_fen', type: 'int' })
  amountFen: number;

  /** Shown to the payer in WeChat (at most 80 characters). */
  @Column({ type: 'varchar', length: 80 })
  reason: string;

  /**
   * `requested`: written in the cancelling or changing transaction, not yet accepted by WeChat Pay (the sweep retries
   * it); `processing`: accepted; `succeeded`: the refund notification (or answer) says the money reached the payer;
   * `failed`: WeChat Pay closed it or found it abnormal — operators settle it by hand (the row stays as the record), and
   * its amount is never refunded again automatically (`wechatRefundableFen`).
   */
  @Column({ type: 'simple-enum', enum: WECHAT_REFUND_STATUSES })
  status: WechatRefundStatus;

  @Column({ name: 'refund_id', type: 'varchar', length: 32, nullable: true })
  refundId: string | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** When the sweep may (re)send a `requested` refund; also the lease one instance takes before sending it. */
  @Column({ name: 'next_attempt_at', type: 'datetime', precision: 3 })
  nextAttemptAt: Date;

  /** WeChat Pay's error code of the last failed attempt (never a body or a signature). */
  @Column({ name: 'last_error', type: 'varchar', length: 40, nullable: true })
  lastError: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
