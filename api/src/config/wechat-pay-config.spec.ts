import { generateKeyPairSync } from 'node:crypto';
import { ConfigError } from './config-error';
import { readWechatPay } from './wechat-pay-config';

const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
const complete = {
  WECHATPAY_MCHID: '1900000109',
  WECHATPAY_APIV3_KEY: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  // One line with literal \n, as environments often carry PEMs.
  WECHATPAY_MERCHANT_PRIVATE_KEY: merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().replace(/\n/g, '\\n'),
  WECHATPAY_MERCHANT_SERIAL: '3775B6A45ACD588826D15E583A95F5DD2E1E8B3D',
  WECHATPAY_PLATFORM_PUBLIC_KEY: platform.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  WECHATPAY_PLATFORM_SERIAL: 'PUB_KEY_ID_0119000001092025010100000000',
};

describe('readWechatPay', () => {
  it('generates throwaway keys in development and tests when none are set', () => {
    const config = readWechatPay({}, 'wxdemo00000000000');
    expect(config).toMatchObject({ demo: true, appId: 'wxdemo00000000000', baseUrl: '' });
    expect(config.apiV3Key).toHaveLength(32);
  });

  it('refuses to start in production without the merchant keys', () => {
    expect(() => readWechatPay({ NODE_ENV: 'production' }, 'wx1234567890abcdef')).toThrow(/WECHATPAY_MCHID and the other WeChat Pay keys are required/);
  });

  it('takes all six key settings together and names the missing one', () => {
    const { WECHATPAY_PLATFORM_SERIAL: _serial, ...partial } = complete;
    expect(() => readWechatPay(partial, 'wx1')).toThrow(/WECHATPAY_PLATFORM_SERIAL is required/);
    const config = readWechatPay({ ...complete, WECHATPAY_NOTIFY_URL: 'https://linli.example.cn/api/payments/wechat-pay/notify' }, 'wx1');
    expect(config).toMatchObject({ demo: false, mchId: '1900000109', baseUrl: 'https://api.mch.weixin.qq.com' });
  });

  it('refuses bad keys without echoing them', () => {
    const badKey = '-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----';
    let error: unknown;
    try {
      readWechatPay({ ...complete, WECHATPAY_MERCHANT_PRIVATE_KEY: badKey }, 'wx1');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/WECHATPAY_MERCHANT_PRIVATE_KEY must be a PEM RSA private key/);
    expect((error as Error).message).not.toContain('bm90IGEga2V5');
    expect(() => readWechatPay({ ...complete, WECHATPAY_APIV3_KEY: 'short' }, 'wx1')).toThrow(/WECHATPAY_APIV3_KEY must be the 32-character APIv3 key/);
    expect(() => readWechatPay({ ...complete, NODE_ENV: 'production', WECHATPAY_NOTIFY_URL: 'http://linli.example.cn/notify' }, 'wx1')).toThrow(
      /WECHATPAY_NOTIFY_URL must be an https URL/,
    );
  });

  it('turns the demo 模拟支付 on only against a fake WeChat Pay server and never in production', () => {
    expect(readWechatPay({}, 'wx1').simulatePayments).toBe(false);
    expect(readWechatPay({ ...complete, WECHATPAY_BASE_URL: 'http://127.0.0.1:4100', WECHATPAY_SIMULATE_PAYMENTS: 'true' }, 'wx1').simulatePayments).toBe(true);
    expect(() => readWechatPay({ ...complete, WECHATPAY_SIMULATE_PAYMENTS: 'true' }, 'wx1')).toThrow(/WECHATPAY_SIMULATE_PAYMENTS needs WECHATPAY_BASE_URL/);
    expect(() => readWechatPay({ ...complete, WECHATPAY_BASE_URL: 'https://api.mch.weixin.qq.com', WECHATPAY_SIMULATE_PAYMENTS: 'true' }, 'wx1')).toThrow(
      /WECHATPAY_SIMULATE_PAYMENTS needs WECHATPAY_BASE_URL/,
    );
    expect(() =>
      readWechatPay(
        {
          ...complete,
          NODE_ENV: 'production',
          WECHATPAY_NOTIFY_URL: 'https://linli.example.cn/notify',
          WECHATPAY_BASE_URL: 'http://127.0.0.1:4100',
          WECHATPAY_SIMULATE_PAYMENTS: 'true',
        },
        'wx1',
      ),
    ).toThrow(/WECHATPAY_SIMULATE_PAYMENTS is for demo builds/);
    expect(() => readWechatPay({ WECHATPAY_SIMULATE_PAYMENTS: 'yes' }, 'wx1')).toThrow(/must be true or false/);
  });
});
