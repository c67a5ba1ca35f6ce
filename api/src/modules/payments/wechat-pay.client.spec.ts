import { generateKeyPairSync } from 'node:crypto';
import type { AppConfig } from '../../config/app-config';
import { readWechatPay } from '../../config/wechat-pay-config';
import { startFakeWechatPayServer, type FakeWechatPayServer } from './fake-wechat-pay-server';
import { WechatPayClient } from './wechat-pay.client';
import { WechatPayError } from './wechat-pay.errors';

/** The client against the fake WeChat Pay server: signed both ways, and nothing trusted that the platform key did not sign. */
describe('WechatPayClient', () => {
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const impostor = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const apiV3Key = '0123456789abcdef0123456789abcdef';
  let fake: FakeWechatPayServer;

  const clientTrusting = (platformPublicKey: string, merchantPrivateKey = merchant.privateKey) =>
    new WechatPayClient({
      wechatPay: readWechatPay(
        {
          WECHATPAY_MCHID: '1900000109',
          WECHATPAY_APPID: 'wxdemo00000000000',
          WECHATPAY_APIV3_KEY: apiV3Key,
          WECHATPAY_MERCHANT_PRIVATE_KEY: merchantPrivateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
          WECHATPAY_MERCHANT_SERIAL: 'MERCHANT-SERIAL',
          WECHATPAY_PLATFORM_PUBLIC_KEY: platformPublicKey,
          WECHATPAY_PLATFORM_SERIAL: 'PLATFORM-SERIAL',
          WECHATPAY_BASE_URL: fake.url,
        },
        'wxdemo00000000000',
      ),
    } as AppConfig);
  const pem = (key: typeof platform.publicKey) => key.export({ type: 'spki', format: 'pem' }).toString();
  const prepay = (client: WechatPayClient, outTradeNo: string) =>
    client.createJsapiPrepay({ outTradeNo, description: '测试午餐', amountFen: 500, openid: 'o-test', expiresAt: new Date(Date.now() + 3600_000) });

  beforeAll(async () => {
    fake = await startFakeWechatPayServer({
      mchId: '1900000109',
      appId: 'wxdemo00000000000',
      apiV3Key: Buffer.from(apiV3Key, 'utf8'),
      merchantPublicKey: merchant.publicKey,
      merchantSerialNo: 'MERCHANT-SERIAL',
      platformPrivateKey: platform.privateKey,
      platformSerialNo: 'PLATFORM-SERIAL',
    });
  });
  afterAll(() => fake.close());

  it('creates a prepay, reads a verified notification, and queries the paid order', async () => {
    const client = clientTrusting(pem(platform.publicKey));
    const prepayId = await prepay(client, 'order0000000000000000000000001');
    expect(prepayId).toMatch(/^wx/);
    const notification = fake.pay('order0000000000000000000000001');
    expect(client.readNotification(notification.headers, notification.body)).toMatchObject({
      eventType: 'TRANSACTION.SUCCESS',
      transaction: { out_trade_no: 'order0000000000000000000000001', trade_state: 'SUCCESS', amount: { total: 500 } },
    });
    expect(await client.queryByOutTradeNo('order0000000000000000000000001')).toMatchObject({ trade_state: 'SUCCESS' });
    expect(await client.queryByOutTradeNo('order-never-asked-for-000000001')).toBeNull(); // ORDER_NOT_EXIST
  });

  it('refuses answers and notifications not signed by the configured platform key', async () => {
    const fooled = clientTrusting(pem(impostor.publicKey));
    await expect(prepay(fooled, 'order0000000000000000000000002')).rejects.toMatchObject({ code: 'WECHAT_PAY_UNAVAILABLE', wechatPayCode: 'RESPONSE_SIGNATURE_INVALID' });
    const client = clientTrusting(pem(platform.publicKey));
    await prepay(client, 'order0000000000000000000000003');
    const notification = fake.pay('order0000000000000000000000003');
    expect(fooled.readNotification(notification.headers, notification.body)).toBeNull();
    expect(client.readNotification({ ...notification.headers, 'wechatpay-serial': 'ANOTHER' }, notification.body)).toBeNull();
    const resource = JSON.parse(notification.body) as { resource: { ciphertext: string } };
    resource.resource.ciphertext = `A${resource.resource.ciphertext.slice(1)}`;
    expect(client.readNotification(notification.headers, JSON.stringify(resource))).toBeNull();
  });

  it('is refused (SIGN_ERROR) when its own signature is not the merchant key WeChat Pay holds, and maps official error codes', async () => {
    await expect(prepay(clientTrusting(pem(platform.publicKey), impostor.privateKey), 'order0000000000000000000000004')).rejects.toMatchObject({
      status: 401,
      wechatPayCode: 'SIGN_ERROR',
    });
    const client = clientTrusting(pem(platform.publicKey));
    fake.failNext('jsapi', 'SYSTEM_ERROR');
    const failure = await prepay(client, 'order0000000000000000000000005').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WechatPayError);
    expect(failure).toMatchObject({ status: 500, wechatPayCode: 'SYSTEM_ERROR' });
  });

  it('signs wx.requestPayment parameters with the merchant key', () => {
    const request = clientTrusting(pem(platform.publicKey)).requestPayment('wx201410272009395522657a690389285100');
    expect(request).toMatchObject({ appId: 'wxdemo00000000000', package: 'prepay_id=wx201410272009395522657a690389285100', signType: 'RSA' });
    expect(request.timeStamp).toMatch(/^\d{10}$/);
  });
});
