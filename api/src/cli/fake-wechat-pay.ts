/**
 * Runs the fake WeChat Pay server on its own (used by `npm start` when no WeChat Pay merchant is configured). It makes
 * a merchant key, a platform key and an APIv3 key for this run, keeps the halves WeChat Pay would hold, and prints
 * `fake wechat pay listening on <url>` and then one `fake wechat pay env <json>` line: the WECHATPAY_* settings that
 * point the API at it (keys included — throwaway, for the demo only; start.mjs reads them from the pipe and never
 * prints them). FAKE_WECHATPAY_PORT picks the port (default: any free one).
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { loadConfig } from '../config/app-config';
import { startFakeWechatPayServer } from '../modules/payments/fake-wechat-pay-server';

const MCH_ID = '1900000109';
const MERCHANT_SERIAL = 'DEMO-MERCHANT-SERIAL';
const PLATFORM_SERIAL = 'DEMO-PLATFORM-SERIAL';

async function main(): Promise<void> {
  const { wechat } = loadConfig();
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const apiV3Key = randomBytes(16).toString('hex');
  const server = await startFakeWechatPayServer({
    mchId: MCH_ID,
    appId: wechat.appId,
    apiV3Key: Buffer.from(apiV3Key, 'utf8'),
    merchantPublicKey: merchant.publicKey,
    merchantSerialNo: MERCHANT_SERIAL,
    platformPrivateKey: platform.privateKey,
    platformSerialNo: PLATFORM_SERIAL,
    port: Number(process.env.FAKE_WECHATPAY_PORT ?? 0),
  });
  const env = {
    WECHATPAY_MCHID: MCH_ID,
    WECHATPAY_APPID: wechat.appId,
    WECHATPAY_APIV3_KEY: apiV3Key,
    WECHATPAY_MERCHANT_PRIVATE_KEY: merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    WECHATPAY_MERCHANT_SERIAL: MERCHANT_SERIAL,
    WECHATPAY_PLATFORM_PUBLIC_KEY: platform.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    WECHATPAY_PLATFORM_SERIAL: PLATFORM_SERIAL,
    WECHATPAY_BASE_URL: server.url,
    WECHATPAY_SIMULATE_PAYMENTS: 'true',
  };
  console.log(`fake wechat pay listening on ${server.url}`);
  console.log(`fake wechat pay env ${JSON.stringify(env)}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
