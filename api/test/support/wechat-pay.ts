import { createPublicKey, createVerify, generateKeyPairSync } from 'node:crypto';
import type { WechatPayRequest } from '@linli/shared';
import { startFakeWechatPayServer, type FakeNotification, type FakeWechatPayServer } from '../../src/modules/payments/fake-wechat-pay-server';
import type { TestApp } from './test-app';

const APP_ID = 'wxdemo00000000000';
const MCH_ID = '1900000109';
const MERCHANT_SERIAL = '3775B6A45ACD588826D15E583A95F5DD2E1E8B3D';
const PLATFORM_SERIAL = 'PUB_KEY_ID_0119000001092025010100000000';

/**
 * A merchant key, a platform key and an APIv3 key made for one test file, the fake WeChat Pay server holding the
 * other half of each, and the environment that points the API at it (sweeper timer off: tests sweep when they choose).
 */
export async function startWechatPay(): Promise<{ fake: FakeWechatPayServer; env: Record<string, string>; merchantPublicKeyPem: string }> {
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const apiV3Key = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
  const fake = await startFakeWechatPayServer({
    mchId: MCH_ID,
    appId: APP_ID,
    apiV3Key: Buffer.from(apiV3Key, 'utf8'),
    merchantPublicKey: merchant.publicKey,
    merchantSerialNo: MERCHANT_SERIAL,
    platformPrivateKey: platform.privateKey,
    platformSerialNo: PLATFORM_SERIAL,
  });
  const merchantPublicKeyPem = merchant.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return {
    fake,
    merchantPublicKeyPem,
    env: {
      WECHATPAY_MCHID: MCH_ID,
      WECHATPAY_APPID: APP_ID,
      WECHATPAY_APIV3_KEY: apiV3Key,
      WECHATPAY_MERCHANT_PRIVATE_KEY: merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      WECHATPAY_MERCHANT_SERIAL: MERCHANT_SERIAL,
      WECHATPAY_PLATFORM_PUBLIC_KEY: platform.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      WECHATPAY_PLATFORM_SERIAL: PLATFORM_SERIAL,
      WECHATPAY_BASE_URL: fake.url,
      WECHATPAY_SWEEP_SECONDS: '0',
      WECHATPAY_RECONCILE_AFTER_SECONDS: '0',
    },
  };
}

/** Posts a notification as WeChat Pay would, headers and exact bytes. */
export function postNotification(t: TestApp, notification: FakeNotification) {
  return t.http().post('/api/payments/wechat-pay/notify').set(notification.headers).send(notification.body);
}

/** Whether paySign is the merchant's signature over the four lines wx.requestPayment checks. */
export function paySignVerifies(request: WechatPayRequest, merchantPublicKeyPem: string): boolean {
  return createVerify('RSA-SHA256')
    .update(`${request.appId}\n${request.timeStamp}\n${request.nonceStr}\n${request.package}\n`)
    .verify(createPublicKey(merchantPublicKeyPem), request.paySign, 'base64');
}

export const outTradeNoOf = (orderId: string) => orderId.replace(/-/g, '');
export const outRefundNoOf = (orderId: string) => `R${outTradeNoOf(orderId)}`;
