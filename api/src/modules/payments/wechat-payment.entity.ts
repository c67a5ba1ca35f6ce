import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const WECHAT_PAYMENT_STATUSES = ['created', 'prepaid', 'paid', 'closed'] as const;
/**
 * `created`: the intent, written in the order's transaction before WeChat Pay is asked for anything; `prepaid`: a
 * prepay_id was obtained; `paid`: WeChat Pay confirmed the money (notification or query); `closed`: the order no longer
 * wants the payment (cancelled unpaid). A payment may still arrive for a closed one: it becomes `paid` and is
 * refunded in the same transaction (see WechatPayments.paymentArrived).
 */
export type WechatPaymentStatus = (typeof WECHAT_PAYMENT_STATUSES)[number];

export const WECHAT_PAYMENT_SUBJECT_KINDS = ['meal_order', 'meal_balance_top_up'] as const;
/** What a payment pays for; each kind is served by its own PaymentSubject (see WechatPayments.serve). */
export type WechatPaymentSubjectKind = (typeof WECHAT_PAYMENT_SUBJECT_KINDS)[number];

/**
 * One WeChat Pay JSAPI payment per subject (`subject_id`: a meal order or a balance top-up), amounts in fen. `paid_fen` is what WeChat Pay says it
 * received; together with the order's refunds it is the money ledger: paid − refunded = what the order keeps.
 */
@Entity({ name: 'wechat_payment' })
@Index('uq_wechat_payment_subject', ['subjectId'], { unique: true })
@Index('uq_wechat_payment_out_trade_no', ['outTradeNo'], { unique: true })
@Index('ix_wechat_payment_status', ['status', 'createdAt'])
export class WechatPayment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The meal order or top-up paid for. */
  @Column({ name: 'subject_id', type: 'varchar', length: 36 })
  subjectId: string;

  @Column({ name: 'subject_kind', type: 'simple-enum', enum: WECHAT_PAYMENT_SUBJECT_KINDS, default: 'meal_order' })
  subjectKind: WechatPaymentSubjectKind;

  /** 商户订单号: the order id without dashes (32 characters, WeChat Pay's limit). */
  @Column({ name: 'out_trade_no', type: 'varchar', length: 32 })
  outTradeNo: string;

  @Column({ name: 'amount_fen', type: 'int' })
  amountFen: number;

  @Column({ name: 'payer_openid', type: 'varchar', length: 64 })
  payerOpenid: string;

  @Column({ type: 'varchar', length: 127 })
  description: string;

  /** WeChat Pay refuses the payment after this (time_expire): the meal's cut-off. */
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ type: 'simple-enum', enum: WECHAT_PAYMENT_STATUSES })
  status: WechatPaymentStatus;

  @Column({ name: 'prepay_id', type: 'varchar', length: 64, nullable: true })
  prepayId: string | null;

  /** A prepay_id is valid for two hours; an older one is asked for again (the same out_trade_no gets the same order). */
  @Column({ name: 'prepaid_at', type: 'datetime', precision: 3, nullable: true })
  prepaidAt: Date | null;

  @Column({ name: 'transaction_id', type: 'varchar', length: 32, nullable: true })
  transactionId: string | null;

  @Column({ name: 'paid_fen', type: 'int', default: 0 })
  paidFen: number;

  @Column({ name: 'paid_at', type: 'datetime', precision: 3, nullable: true })
  paidAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
