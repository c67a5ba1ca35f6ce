import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { WechatPayment } from './wechat-payment.entity';

export const WECHAT_REFUND_STATUSES = ['requested', 'processing', 'succeeded', 'failed'] as const;
/**
 * `requested`: written in the cancelling transaction, not yet accepted by WeChat Pay (the sweep retries it);
 * `processing`: accepted; `succeeded`: the refund notification (or answer) says the money reached the payer;
 * `failed`: WeChat Pay closed it or found it abnormal — operators settle it by hand (the row stays as the record).
 */
export type WechatRefundStatus = (typeof WECHAT_REFUND_STATUSES)[number];

/**
 * A whole-payment refund. One per payment (`uq_wechat_refund_payment`): a second cancel, a duplicate notification or
 * two sweeping instances can never refund a fen twice. `out_refund_no` is fixed when the row is written, so a retried
 * request is the same refund to WeChat Pay.
 */
@Entity({ name: 'wechat_refund' })
@Index('uq_wechat_refund_payment', ['paymentId'], { unique: true })
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

  @Column({ name: 'amount_fen', type: 'int' })
  amountFen: number;

  /** Shown to the payer in WeChat (at most 80 characters). */
  @Column({ type: 'varchar', length: 80 })
  reason: string;

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
