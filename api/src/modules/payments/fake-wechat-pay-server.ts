import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FAKE_SIMULATE_PAYMENT_PATH } from './wechat-pay.client';
import { encryptResource, parseAuthorization, signedMessageHeaders, signMessage, SIGNATURE_MAX_SKEW_SECONDS, verifyLines } from './wechat-pay-signatures';

/**
 * A stand-in for api.mch.weixin.qq.com (WeChat Pay API v3) that speaks the same HTTP API: it checks the merchant's
 * request signatures, signs every answer with a platform key, answers errors as `{ code, message }` with the
 * official statuses, and writes payment and refund notifications encrypted with the APIv3 key and signed — so the
 * client, the notify route and the reconciliation run for real in tests (decision 0014, as 0008 for login).
 *
 * The payer is the test: `pay(outTradeNo)` is the elder confirming in WeChat, `completeRefund(outRefundNo)` the
 * money reaching them. Both return the notification WeChat Pay would post; the test posts it (twice, late, out of
 * order, or with `badSignature`) to the API's notify route. `failNext` makes the next calls of an operation fail
 * with an official code (SYSTEM_ERROR 500, NOT_ENOUGH 403, FREQUENCY_LIMITED 429, ORDER_NOT_EXIST 404…).
 *
 * For the demo (`npm start`, where no phone can pay) it also has an endpoint of its own, not WeChat Pay's:
 * `POST /fake-wechat-pay/simulate-payment/{out_trade_no}`, signed by the merchant like every call, pays as `pay` does
 * and posts the notification to the order's notify_url itself.
 */
export interface FakeWechatPayOptions {
  mchId: string;
  appId: string;
  apiV3Key: Buffer;
  merchantPublicKey: KeyObject;
  merchantSerialNo: string;
  platformPrivateKey: KeyObject;
  platformSerialNo: string;
  port?: number;
}

export type FakePayOperation = 'jsapi' | 'query' | 'refund' | 'simulate';

/** Official error codes and their statuses (WeChat Pay API v3 error-code table). */
export const WECHAT_PAY_ERROR_STATUS = {
  SYSTEM_ERROR: 500,
  NOT_ENOUGH: 403,
  FREQUENCY_LIMITED: 429,
  ORDER_NOT_EXIST: 404,
  RESOURCE_NOT_EXISTS: 404,
  INVALID_REQUEST: 400,
  PARAM_ERROR: 400,
  SIGN_ERROR: 401,
  ORDER_CLOSED: 400,
} as const;
export type WechatPayErrorCode = keyof typeof WECHAT_PAY_ERROR_STATUS;

export interface FakeNotification {
  headers: Record<string, string>;
  body: string;
}

export interface NotificationOptions {
  /** Signed by another key than the platform's (an attacker, or a misconfigured proxy). */
  badSignature?: boolean;
  /** When WeChat Pay signed it (a late redelivery, or a replay far in the past). */
  signedAt?: Date;
}

interface FakeTransaction {
  outTradeNo: string;
  transactionId: string;
  prepayId: string;
  total: number;
  openid: string;
  state: 'NOTPAY' | 'SUCCESS' | 'REFUND' | 'CLOSED';
  successTime: string | null;
  refunded: number;
  notifyUrl: string;
}

interface FakeRefund {
  outRefundNo: string;
  refundId: string;
  outTradeNo: string;
  refund: number;
  total: number;
  status: 'PROCESSING' | 'SUCCESS' | 'CLOSED' | 'ABNORMAL';
}

export interface FakeWechatPayServer {
  url: string;
  /** The elder pays: the transaction succeeds and its TRANSACTION.SUCCESS notification is returned. */
  pay(outTradeNo: string, options?: NotificationOptions): FakeNotification;
  /**
   * The refund reaches the payer (SUCCESS) or fails: ABNORMAL (the payer's account refused it; the merchant handles it
   * in 商户平台) or CLOSED (WeChat Pay gave up; the amount is the merchant's to refund again). Its REFUND.* notification.
   */
  completeRefund(outRefundNo: string, status?: 'SUCCESS' | 'ABNORMAL' | 'CLOSED', options?: NotificationOptions): FakeNotification;
  failNext(operation: FakePayOperation, code: WechatPayErrorCode, times?: number): void;
  transaction(outTradeNo: string): FakeTransaction | undefined;
  refunds(): FakeRefund[];
  /** `METHOD path` of every call, in order. */
  calls: string[];
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    return null;
  }
}

export async function startFakeWechatPayServer(options: FakeWechatPayOptions): Promise<FakeWechatPayServer> {
  const transactions = new Map<string, FakeTransaction>();
  const refunds = new Map<string, FakeRefund>();
  const failures = new Map<FakePayOperation, Array<WechatPayErrorCode>>();
  const calls: string[] = [];
  let strangerKey: KeyObject | null = null;
  const id = (prefix: string, length: number) =>
    `${prefix}${BigInt(`0x${randomBytes(12).toString('hex')}`)
      .toString()
      .padStart(length, '0')
      .slice(0, length - prefix.length)}`;
  const now = () => new Date().toISOString().replace(/\.\d+Z$/, '+00:00');

  function respond(response: ServerResponse, status: number, body: unknown): void {
    const text = body === undefined ? '' : JSON.stringify(body);
    const signed = signMessage(options.platformPrivateKey, options.platformSerialNo, text);
    response.writeHead(status, { 'content-type': 'application/json', 'request-id': randomBytes(8).toString('hex'), ...signedMessageHeaders(signed) });
    response.end(text);
  }

  const fail = (response: ServerResponse, code: WechatPayErrorCode, message: string) => respond(response, WECHAT_PAY_ERROR_STATUS[code], { code, message });

  function signedByMerchant(request: IncomingMessage, pathAndQuery: string, body: string): boolean {
    const auth = parseAuthorization(request.headers.authorization);
    if (!auth || auth.mchid !== options.mchId || auth.serial_no !== options.merchantSerialNo) return false;
    if (Math.abs(Date.now() / 1000 - Number(auth.timestamp)) > SIGNATURE_MAX_SKEW_SECONDS) return false;
    return verifyLines(options.merchantPublicKey, [request.method ?? '', pathAndQuery, auth.timestamp, auth.nonce_str, body], auth.signature);
  }

  function injected(operation: FakePayOperation): WechatPayErrorCode | undefined {
    return failures.get(operation)?.shift();
  }

  function transactionView(transaction: FakeTransaction) {
    return {
      appid: options.appId,
      mchid: options.mchId,
      out_trade_no: transaction.outTradeNo,
      ...(transaction.state === 'NOTPAY' || transaction.state === 'CLOSED' ? {} : { transaction_id: transaction.transactionId, success_time: transaction.successTime }),
      trade_type: 'JSAPI',
      trade_state: transaction.state,
      trade_state_desc: transaction.state === 'SUCCESS' ? '支付成功' : transaction.state,
      payer: { openid: transaction.openid },
      amount: { total: transaction.total, payer_total: transaction.state === 'NOTPAY' ? 0 : transaction.total, currency: 'CNY', payer_currency: 'CNY' },
    };
  }

  function refundView(refund: FakeRefund) {
    return {
      refund_id: refund.refundId,
      out_refund_no: refund.outRefundNo,
      transaction_id: transactions.get(refund.outTradeNo)!.transactionId,
      out_trade_no: refund.outTradeNo,
      channel: 'ORIGINAL',
      user_received_account: '支付用户零钱',
      create_time: now(),
      status: refund.status,
      amount: { total: refund.total, refund: refund.refund, payer_total: refund.total, payer_refund: refund.refund, currency: 'CNY' },
    };
  }

  function jsapi(response: ServerResponse, body: Record<string, unknown>): void {
    const amount = body.amount as { total?: unknown } | undefined;
    const payer = body.payer as { openid?: unknown } | undefined;
    const outTradeNo = body.out_trade_no;
    if (body.appid !== options.appId || body.mchid !== options.mchId) return fail(response, 'INVALID_REQUEST', 'appid和mch_id不匹配');
    if (typeof outTradeNo !== 'string' || !/^[A-Za-z0-9_*-]{6,32}$/.test(outTradeNo))
      return fail(response, 'PARAM_ERROR', '输入源“/body/out_trade_no”映射到值字段“商户订单号”字符串规则校验失败');
    if (typeof amount?.total !== 'number' || !Number.isInteger(amount.total) || amount.total < 1) return fail(response, 'PARAM_ERROR', '订单金额必须大于0');
    if (typeof payer?.openid !== 'string' || !payer.openid) return fail(response, 'PARAM_ERROR', '缺少参数 payer.openid');
    if (typeof body.notify_url !== 'string' || typeof body.description !== 'string') return fail(response, 'PARAM_ERROR', '缺少参数');
    const existing = transactions.get(outTradeNo);
    if (existing) {
      // The same out_trade_no with the same order gets the same prepay_id; a paid or changed one is refused.
      if (existing.state === 'SUCCESS' || existing.state === 'REFUND') return fail(response, 'INVALID_REQUEST', '该订单已支付');
      if (existing.total !== amount.total) return fail(response, 'INVALID_REQUEST', '201 商户订单号重复');
      return respond(response, 200, { prepay_id: existing.prepayId });
    }
    const transaction: FakeTransaction = {
      outTradeNo,
      transactionId: id('4200', 28),
      prepayId: `wx${randomBytes(16).toString('hex')}`,
      total: amount.total,
      openid: payer.openid,
      state: 'NOTPAY',
      successTime: null,
      refunded: 0,
      notifyUrl: body.notify_url,
    };
    transactions.set(outTradeNo, transaction);
    respond(response, 200, { prepay_id: transaction.prepayId });
  }

  function refund(response: ServerResponse, body: Record<string, unknown>): void {
    const amount = body.amount as { refund?: unknown; total?: unknown } | undefined;
    const transaction = typeof body.out_trade_no === 'string' ? transactions.get(body.out_trade_no) : undefined;
    if (!transaction) return fail(response, 'RESOURCE_NOT_EXISTS', '订单不存在');
    if (typeof body.out_refund_no !== 'string' || !body.out_refund_no) return fail(response, 'PARAM_ERROR', '缺少参数 out_refund_no');
    const existing = refunds.get(body.out_refund_no);
    if (existing) return respond(response, 200, refundView(existing)); // the same out_refund_no is the same refund
    if (transaction.state !== 'SUCCESS' && transaction.state !== 'REFUND') return fail(response, 'INVALID_REQUEST', '订单未支付，不能退款');
    if (typeof amount?.refund !== 'number' || amount.total !== transaction.total || amount.refund < 1 || transaction.refunded + amount.refund > transaction.total) {
      return fail(response, 'INVALID_REQUEST', '退款金额超过订单可退金额');
    }
    const created: FakeRefund = {
      outRefundNo: body.out_refund_no,
      refundId: id('5030', 29),
      outTradeNo: transaction.outTradeNo,
      refund: amount.refund,
      total: transaction.total,
      status: 'PROCESSING',
    };
    refunds.set(created.outRefundNo, created);
    transaction.refunded += created.refund;
    transaction.state = 'REFUND';
    respond(response, 200, refundView(created));
  }

  /** The payer confirms in WeChat; the notification goes to the notify_url as WeChat Pay's would (a failed post is not retried: the API's check and sweep query instead). */
  function simulatePayment(response: ServerResponse, outTradeNo: string): void {
    if (!transactions.has(outTradeNo)) return fail(response, 'ORDER_NOT_EXIST', '订单不存在');
    const paid = payTransaction(outTradeNo, {});
    void fetch(transactions.get(outTradeNo)!.notifyUrl, { method: 'POST', headers: paid.headers, body: paid.body }).catch(() => undefined);
    respond(response, 204, undefined);
  }

  function payTransaction(outTradeNo: string, notice: NotificationOptions): FakeNotification {
    const transaction = transactions.get(outTradeNo);
    if (!transaction) throw new Error(`fake WeChat Pay: no prepay for ${outTradeNo}`);
    if (transaction.state === 'NOTPAY') {
      transaction.state = 'SUCCESS';
      transaction.successTime = now();
    }
    return notification('TRANSACTION.SUCCESS', 'transaction', transactionView(transaction), notice);
  }

  function notification(eventType: string, originalType: 'transaction' | 'refund', resource: unknown, notice: NotificationOptions): FakeNotification {
    const associatedData = originalType;
    const body = JSON.stringify({
      id: randomBytes(18).toString('hex'),
      create_time: now(),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary: eventType.startsWith('REFUND') ? '退款成功' : '支付成功',
      resource: encryptResource(options.apiV3Key, JSON.stringify(resource), associatedData, originalType),
    });
    strangerKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const signingKey = notice.badSignature ? strangerKey : options.platformPrivateKey;
    const signed = signMessage(signingKey, options.platformSerialNo, body, notice.signedAt?.getTime());
    return { headers: { 'content-type': 'application/json', ...signedMessageHeaders(signed) }, body };
  }

  const server = createServer((request, response) => {
    void (async () => {
      const pathAndQuery = request.url ?? '/';
      const path = pathAndQuery.split('?')[0];
      calls.push(`${request.method} ${path}`);
      const text = await readBody(request);
      if (!signedByMerchant(request, pathAndQuery, text)) return fail(response, 'SIGN_ERROR', '签名错误');
      const body = parseJsonObject(text);
      if (!body) return fail(response, 'PARAM_ERROR', '请求体不是有效的JSON');
      const query = path.match(/^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/);
      const simulated = path.startsWith(`${FAKE_SIMULATE_PAYMENT_PATH}/`) ? decodeURIComponent(path.slice(FAKE_SIMULATE_PAYMENT_PATH.length + 1)) : null;
      const operation: FakePayOperation | null =
        request.method === 'POST' && path === '/v3/pay/transactions/jsapi'
          ? 'jsapi'
          : request.method === 'POST' && path === '/v3/refund/domestic/refunds'
            ? 'refund'
            : request.method === 'GET' && query
              ? 'query'
              : request.method === 'POST' && simulated
                ? 'simulate'
                : null;
      if (!operation) return fail(response, 'RESOURCE_NOT_EXISTS', '无效的请求路径');
      const failure = injected(operation);
      if (failure) return fail(response, failure, failure === 'SYSTEM_ERROR' ? '系统错误' : failure === 'NOT_ENOUGH' ? '基本账户余额不足，请充值后重新发起' : failure);
      if (operation === 'jsapi') return jsapi(response, body);
      if (operation === 'refund') return refund(response, body);
      if (operation === 'simulate') return simulatePayment(response, simulated!);
      const transaction = transactions.get(decodeURIComponent(query![1]));
      if (!transaction) return fail(response, 'ORDER_NOT_EXIST', '订单不存在');
      respond(response, 200, transactionView(transaction));
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    pay: (outTradeNo, notice = {}) => payTransaction(outTradeNo, notice),
    completeRefund(outRefundNo, status = 'SUCCESS', notice = {}) {
      const refundRow = refunds.get(outRefundNo);
      if (!refundRow) throw new Error(`fake WeChat Pay: no refund ${outRefundNo}`);
      // A closed refund never left the merchant: its amount may be refunded again (an abnormal one is in limbo, held).
      if (status === 'CLOSED' && refundRow.status !== 'CLOSED') transactions.get(refundRow.outTradeNo)!.refunded -= refundRow.refund;
      refundRow.status = status;
      const { status: refundStatus, ...view } = refundView(refundRow);
      return notification(`REFUND.${status}`, 'refund', { mchid: options.mchId, ...view, refund_status: refundStatus, success_time: now() }, notice);
    },
    failNext(operation, code, times = 1) {
      failures.set(operation, [...(failures.get(operation) ?? []), ...Array<WechatPayErrorCode>(times).fill(code)]);
    },
    transaction: (outTradeNo) => transactions.get(outTradeNo),
    refunds: () => [...refunds.values()],
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
