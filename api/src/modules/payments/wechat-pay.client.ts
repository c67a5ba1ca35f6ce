import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig, WechatPayConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { authorization, decryptResource, nonce, readSignedMessage, signLines, unixSeconds, verifyMessage, type EncryptedResource } from './wechat-pay-signatures';
import { WechatPayError } from './wechat-pay.errors';

/** trade_state of a transaction (查询订单). */
export type WechatTradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';
/** status / refund_status of a refund. */
export type WechatRefundStatus = 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';

export interface WechatTransaction {
  out_trade_no: string;
  transaction_id?: string;
  trade_state: WechatTradeState;
  success_time?: string;
  amount?: { total: number; payer_total?: number; currency?: string };
}

export interface WechatRefund {
  out_trade_no: string;
  out_refund_no: string;
  refund_id: string;
  status: WechatRefundStatus;
  amount: { total: number; refund: number };
}

/** The decrypted resource of a refund notification (its status is `refund_status`). */
export interface WechatRefundNotice {
  out_trade_no: string;
  out_refund_no: string;
  refund_id: string;
  refund_status: WechatRefundStatus;
  amount: { total: number; refund: number };
}

export type WechatPayNotification =
  { eventType: 'TRANSACTION.SUCCESS'; transaction: WechatTransaction } | { eventType: 'REFUND.SUCCESS' | 'REFUND.ABNORMAL' | 'REFUND.CLOSED'; refund: WechatRefundNotice };

/** What wx.requestPayment takes, signed with the merchant key. */
export interface RequestPaymentParams {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

/** The fake WeChat Pay server's demo endpoint (not part of WeChat Pay's API). */
export const FAKE_SIMULATE_PAYMENT_PATH = '/fake-wechat-pay/simulate-payment';

const NOTIFICATION_EVENTS = ['TRANSACTION.SUCCESS', 'REFUND.SUCCESS', 'REFUND.ABNORMAL', 'REFUND.CLOSED'];

/**
 * Real HTTP client of WeChat Pay API v3 (JSAPI prepay, query by out_trade_no, domestic refunds) against a
 * configurable base URL: api.mch.weixin.qq.com in production, the fake WeChat Pay server in tests. Every request is
 * signed with the merchant key; every answer and notification must carry the platform key's signature over the
 * exact bytes received, or it is treated as unreachable / refused. Keys, signatures, paySign and bodies are never
 * logged: only the operation and WeChat Pay's error code.
 */
@Injectable()
export class WechatPayClient {
  private readonly logger = new Logger(WechatPayClient.name);
  private readonly pay: WechatPayConfig;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.pay = config.wechatPay;
  }

  /** JSAPI 下单 (POST /v3/pay/transactions/jsapi): the prepay_id the mini program pays with. */
  async createJsapiPrepay(order: { outTradeNo: string; description: string; amountFen: number; openid: string; expiresAt: Date }): Promise<string> {
    const reply = await this.call<{ prepay_id?: string }>('jsapi', 'POST', '/v3/pay/transactions/jsapi', {
      appid: this.pay.appId,
      mchid: this.pay.mchId,
      description: order.description,
      out_trade_no: order.outTradeNo,
      time_expire: rfc3339Shanghai(order.expiresAt),
      notify_url: this.pay.notifyUrl,
      amount: { total: order.amountFen, currency: 'CNY' },
      payer: { openid: order.openid },
    });
    if (!reply?.prepay_id) throw new WechatPayError('jsapi', 200, null);
    return reply.prepay_id;
  }

  /** 查询订单 by out_trade_no; an order WeChat Pay never heard of (ORDER_NOT_EXIST) was never paid: null. */
  async queryByOutTradeNo(outTradeNo: string): Promise<WechatTransaction | null> {
    try {
      return (await this.call<WechatTransaction>('query', 'GET', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${this.pay.mchId}`))!;
    } catch (error) {
      if (error instanceof WechatPayError && error.wechatPayCode === 'ORDER_NOT_EXIST') return null;
      throw error;
    }
  }

  /** 申请退款 (POST /v3/refund/domestic/refunds): the whole payment back to the payer. */
  async refund(refund: { outTradeNo: string; outRefundNo: string; amountFen: number; totalFen: number; reason: string }): Promise<WechatRefund> {
    const reply = await this.call<WechatRefund>('refund', 'POST', '/v3/refund/domestic/refunds', {
      out_trade_no: refund.outTradeNo,
      out_refund_no: refund.outRefundNo,
      reason: refund.reason.slice(0, 80),
      notify_url: this.pay.notifyUrl,
      amount: { refund: refund.amountFen, total: refund.totalFen, currency: 'CNY' },
    });
    if (!reply?.status) throw new WechatPayError('refund', 200, null);
    return reply;
  }

  /**
   * Demo builds only: the fake WeChat Pay server's own endpoint that plays the payer confirming in WeChat (it then
   * posts the TRANSACTION.SUCCESS notification). api.mch.weixin.qq.com has no such path; WechatPayments calls it only
   * when WECHATPAY_SIMULATE_PAYMENTS is on, which production configuration refuses.
   */
  async simulatePayment(outTradeNo: string): Promise<void> {
    await this.call('simulate', 'POST', `${FAKE_SIMULATE_PAYMENT_PATH}/${encodeURIComponent(outTradeNo)}`, {});
  }

  /** The parameters of wx.requestPayment for a prepay_id, paySign by the merchant key. */
  requestPayment(prepayId: string): RequestPaymentParams {
    const timeStamp = unixSeconds();
    const nonceStr = nonce();
    const packageValue = `prepay_id=${prepayId}`;
    return {
      appId: this.pay.appId,
      timeStamp,
      nonceStr,
      package: packageValue,
      signType: 'RSA',
      paySign: signLines(this.pay.merchantPrivateKey, [this.pay.appId, timeStamp, nonceStr, packageValue]),
    };
  }

  /**
   * A notification's content when its signature verifies over the raw body with the platform key and its resource
   * decrypts with the APIv3 key; null otherwise (the caller answers 401 and WeChat Pay sends it again later).
   */
  readNotification(headers: Record<string, string | string[] | undefined>, rawBody: string): WechatPayNotification | null {
    if (!verifyMessage(this.pay.platformPublicKey, this.pay.platformSerialNo, readSignedMessage(headers), rawBody)) return null;
    let envelope: { event_type?: string; resource?: EncryptedResource };
    try {
      envelope = JSON.parse(rawBody) as typeof envelope;
    } catch {
      return null;
    }
    if (!envelope.event_type || !NOTIFICATION_EVENTS.includes(envelope.event_type) || !envelope.resource) return null;
    const plaintext = decryptResource(this.pay.apiV3Key, envelope.resource);
    if (plaintext === null) return null;
    try {
      const content = JSON.parse(plaintext) as Record<string, unknown>;
      if (envelope.event_type === 'TRANSACTION.SUCCESS') {
        const transaction = content as unknown as WechatTransaction;
        return transaction.out_trade_no && transaction.trade_state ? { eventType: 'TRANSACTION.SUCCESS', transaction } : null;
      }
      const refund = content as unknown as WechatRefundNotice;
      return refund.out_refund_no && refund.refund_status ? { eventType: envelope.event_type as 'REFUND.SUCCESS', refund } : null;
    } catch {
      return null;
    }
  }

  private async call<T>(operation: string, method: 'GET' | 'POST', pathAndQuery: string, body?: unknown): Promise<T | null> {
    if (!this.pay.baseUrl) throw new WechatPayError(operation, null, null);
    const text = body === undefined ? '' : JSON.stringify(body);
    let response: Response;
    try {
      response = await fetch(`${this.pay.baseUrl}${pathAndQuery}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          authorization: authorization(this.pay.merchantPrivateKey, this.pay.mchId, this.pay.merchantSerialNo, method, pathAndQuery, text),
        },
        body: body === undefined ? undefined : text,
        signal: AbortSignal.timeout(this.pay.timeoutMs),
      });
    } catch (error) {
      this.logger.warn(`WeChat Pay ${operation} unreachable: ${(error as Error).name}`);
      throw new WechatPayError(operation, null, null);
    }
    const replyText = await response.text().catch(() => '');
    if (!response.ok) {
      const code = errorCodeOf(replyText);
      this.logger.warn(`WeChat Pay ${operation} answered ${response.status} ${code ?? ''}`.trim());
      throw new WechatPayError(operation, response.status, code);
    }
    const headers = Object.fromEntries(response.headers.entries());
    if (!verifyMessage(this.pay.platformPublicKey, this.pay.platformSerialNo, readSignedMessage(headers), replyText)) {
      this.logger.warn(`WeChat Pay ${operation} answer failed signature verification`);
      throw new WechatPayError(operation, response.status, 'RESPONSE_SIGNATURE_INVALID');
    }
    if (response.status === 204 || replyText === '') return null;
    try {
      return JSON.parse(replyText) as T;
    } catch {
      throw new WechatPayError(operation, response.status, null);
    }
  }
}

/** The `code` of WeChat Pay's error body (SYSTEM_ERROR, NOT_ENOUGH, ORDER_NOT_EXIST…), if it has one. */
function errorCodeOf(replyText: string): string | null {
  try {
    const code = (JSON.parse(replyText) as { code?: unknown }).code;
    return typeof code === 'string' && code ? code : null;
  } catch {
    return null;
  }
}

/** time_expire in RFC 3339 on the Shanghai clock, as WeChat Pay writes times (2026-12-01T09:30:00+08:00). */
function rfc3339Shanghai(at: Date): string {
  const shanghai = new Date(at.getTime() + 8 * 3600_000);
  return `${shanghai.toISOString().slice(0, 19)}+08:00`;
}
