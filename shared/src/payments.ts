/**
 * WeChat Pay as the mini program sees it. The API creates the JSAPI order and signs these parameters; the mini program
 * passes them unchanged to wx.requestPayment. Whether the order is paid is decided by WeChat Pay's signed notification
 * (or the API's query), never by the mini program's success callback.
 */
export interface WechatPayRequest {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  /** `prepay_id=…` */
  package: string;
  signType: 'RSA';
  paySign: string;
}

/**
 * A WeChat Pay refund's life: `requested` (written with the cancel or change, not yet accepted by WeChat Pay),
 * `processing` (accepted), `succeeded` (the money reached the payer), `failed` (WeChat Pay closed it or found it
 * abnormal: operators settle it by hand).
 */
export const WECHAT_REFUND_STATUSES = ['requested', 'processing', 'succeeded', 'failed'] as const;
export type WechatRefundStatus = (typeof WECHAT_REFUND_STATUSES)[number];

/** Where the WeChat Pay refunds of one payment stand, in fen: what the resident and staff see on the order. */
export interface WechatRefundProgress {
  /** On its way: not yet accepted, or accepted and not yet with the payer. */
  pendingFen: number;
  /** With the payer. */
  refundedFen: number;
  /** Closed or abnormal at WeChat Pay: an operator settles it by hand; it is never sent again automatically. */
  failedFen: number;
}

export function wechatRefundProgress(refunds: ReadonlyArray<{ status: WechatRefundStatus; amountFen: number }>): WechatRefundProgress {
  const sum = (statuses: readonly WechatRefundStatus[]) => refunds.filter((refund) => statuses.includes(refund.status)).reduce((total, refund) => total + refund.amountFen, 0);
  return { pendingFen: sum(['requested', 'processing']), refundedFen: sum(['succeeded']), failedFen: sum(['failed']) };
}

/**
 * What may still be refunded of a payment: what was paid less every refund of it, failed ones included. A failed
 * refund's money is the operator's to settle by hand (operations.md), so refunding it again here would pay it twice.
 */
export function wechatRefundableFen(paidFen: number, refunds: ReadonlyArray<{ status: WechatRefundStatus; amountFen: number }>): number {
  const progress = wechatRefundProgress(refunds);
  return paidFen - progress.pendingFen - progress.refundedFen - progress.failedFen;
}

/** Every refund of a payment reached the payer (none pending, none failed): only then is a given-up order refunded. */
export function wechatRefundsComplete(progress: WechatRefundProgress): boolean {
  return progress.pendingFen === 0 && progress.failedFen === 0;
}
