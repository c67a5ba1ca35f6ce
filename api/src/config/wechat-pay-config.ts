import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { ConfigError, readInteger, type Env } from './config-error';

export interface WechatPayConfig {
  /** 商户号. */
  mchId: string;
  /** The mini program's AppID the merchant is bound to (defaults to WECHAT_APPID). */
  appId: string;
  /** The APIv3 key (32 bytes) that decrypts notification resources. */
  apiV3Key: Buffer;
  /** The merchant API private key that signs requests and paySign, and its certificate's serial number. */
  merchantPrivateKey: KeyObject;
  merchantSerialNo: string;
  /** WeChat Pay's platform public key that signs responses and notifications, and its serial (Wechatpay-Serial). */
  platformPublicKey: KeyObject;
  platformSerialNo: string;
  /** https://api.mch.weixin.qq.com, or the fake WeChat Pay server; empty: no WeChat Pay reachable (answers 503). */
  baseUrl: string;
  /** Where WeChat Pay posts payment and refund notifications (our POST /api/payments/wechat-pay/notify). */
  notifyUrl: string;
  timeoutMs: number;
  /** How often each instance reconciles unanswered payments, retries refunds and cancels unpaid orders; 0 = off. */
  sweepSeconds: number;
  /** A payment without a notification this long after its prepay is queried by out_trade_no. */
  reconcileAfterSeconds: number;
  /** True when the keys were generated at start (development and tests): nothing can really be paid. */
  demo: boolean;
  /**
   * WECHATPAY_SIMULATE_PAYMENTS: the demo's 模拟支付 routes ask the fake WeChat Pay server to play the payer (the H5
   * build has no wx.requestPayment). Refused with NODE_ENV=production or a WeChat Pay base URL of weixin.qq.com.
   */
  simulatePayments: boolean;
}

const KEY_VARIABLES = [
  'WECHATPAY_MCHID',
  'WECHATPAY_APIV3_KEY',
  'WECHATPAY_MERCHANT_PRIVATE_KEY',
  'WECHATPAY_MERCHANT_SERIAL',
  'WECHATPAY_PLATFORM_PUBLIC_KEY',
  'WECHATPAY_PLATFORM_SERIAL',
] as const;

/** Environments often carry PEMs on one line with literal "\n". */
const pem = (raw: string) => raw.replace(/\\n/g, '\n');

function readPrivateKey(variable: string, raw: string): KeyObject {
  try {
    const key = createPrivateKey(pem(raw));
    if (key.asymmetricKeyType === 'rsa' && (key.asymmetricKeyDetails?.modulusLength ?? 0) >= 2048) return key;
  } catch {
    // reported below, without echoing the key
  }
  throw new ConfigError(variable, 'must be a PEM RSA private key of at least 2048 bits');
}

function readPublicKey(variable: string, raw: string): KeyObject {
  try {
    const key = createPublicKey(pem(raw));
    if (key.asymmetricKeyType === 'rsa') return key;
  } catch {
    // reported below
  }
  throw new ConfigError(variable, 'must be a PEM RSA public key (WeChat Pay 平台公钥)');
}

/** The demo's 模拟支付 switch: only against a fake WeChat Pay server, never in production. */
function readSimulatePayments(env: Env, baseUrl: string): boolean {
  const raw = env.WECHATPAY_SIMULATE_PAYMENTS ?? '';
  if (raw === '' || raw === 'false') return false;
  if (raw !== 'true') throw new ConfigError('WECHATPAY_SIMULATE_PAYMENTS', 'must be true or false');
  if (env.NODE_ENV === 'production') throw new ConfigError('WECHATPAY_SIMULATE_PAYMENTS', 'is for demo builds; it cannot be on when NODE_ENV=production');
  if (!baseUrl || /weixin\.qq\.com$/i.test(new URL(baseUrl).hostname))
    throw new ConfigError('WECHATPAY_SIMULATE_PAYMENTS', 'needs WECHATPAY_BASE_URL pointing at the fake WeChat Pay server');
  return true;
}

let demoKeys: { merchant: KeyObject; platform: KeyObject; apiV3Key: Buffer } | null = null;

/** Keys generated once per process for development and tests; they can sign and verify but pay nothing. */
function generatedDemoKeys() {
  demoKeys ??= {
    merchant: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey,
    platform: generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey,
    // An APIv3 key is 32 characters set by the merchant; 32 hex characters stand in.
    apiV3Key: Buffer.from(randomBytes(16).toString('hex'), 'utf8'),
  };
  return demoKeys;
}

/**
 * WeChat Pay's merchant settings, validated at boot. All six key settings together or none: with none, development
 * and tests get keys generated at start (demo), production refuses to start. Keys are never logged or echoed.
 */
export function readWechatPay(env: Env, wechatAppId: string): WechatPayConfig {
  const given = KEY_VARIABLES.filter((name) => env[name]);
  const common = {
    appId: env.WECHATPAY_APPID || wechatAppId,
    timeoutMs: readInteger(env, 'WECHATPAY_TIMEOUT_MS', 5_000, 100, 60_000),
    sweepSeconds: readInteger(env, 'WECHATPAY_SWEEP_SECONDS', 60, 0, 3600),
    reconcileAfterSeconds: readInteger(env, 'WECHATPAY_RECONCILE_AFTER_SECONDS', 120, 0, 24 * 3600),
  };
  const baseUrl = (env.WECHATPAY_BASE_URL ?? '').replace(/\/$/, '');
  if (baseUrl && !/^https?:\/\/[^/]+$/.test(baseUrl)) throw new ConfigError('WECHATPAY_BASE_URL', 'must be an http(s) origin without a path');
  const notifyUrl = env.WECHATPAY_NOTIFY_URL ?? '';
  const simulatePayments = readSimulatePayments(env, baseUrl);
  if (notifyUrl && !/^https?:\/\/[^/?#]+\/[^?#]*$/.test(notifyUrl)) throw new ConfigError('WECHATPAY_NOTIFY_URL', 'must be a URL without query string');

  if (given.length === 0) {
    if (env.NODE_ENV === 'production') throw new ConfigError('WECHATPAY_MCHID', 'and the other WeChat Pay keys are required when NODE_ENV=production');
    const keys = generatedDemoKeys();
    return {
      ...common,
      mchId: '1900000109',
      apiV3Key: keys.apiV3Key,
      merchantPrivateKey: keys.merchant,
      merchantSerialNo: 'DEMO-MERCHANT-SERIAL',
      platformPublicKey: keys.platform,
      platformSerialNo: 'DEMO-PLATFORM-SERIAL',
      baseUrl,
      notifyUrl: notifyUrl || 'http://127.0.0.1:3000/api/payments/wechat-pay/notify',
      demo: true,
      simulatePayments,
    };
  }
  const missing = KEY_VARIABLES.find((name) => !env[name]);
  if (missing) throw new ConfigError(missing, `is required when ${given[0]} is set (WeChat Pay needs all its keys)`);
  if (!/^\d{8,12}$/.test(env.WECHATPAY_MCHID!)) throw new ConfigError('WECHATPAY_MCHID', 'must be the 8-12 digit 商户号');
  const apiV3Key = Buffer.from(env.WECHATPAY_APIV3_KEY!, 'utf8');
  if (apiV3Key.length !== 32) throw new ConfigError('WECHATPAY_APIV3_KEY', 'must be the 32-character APIv3 key');
  if (env.NODE_ENV === 'production' && !notifyUrl.startsWith('https://')) throw new ConfigError('WECHATPAY_NOTIFY_URL', 'must be an https URL when NODE_ENV=production');
  return {
    ...common,
    mchId: env.WECHATPAY_MCHID!,
    apiV3Key,
    merchantPrivateKey: readPrivateKey('WECHATPAY_MERCHANT_PRIVATE_KEY', env.WECHATPAY_MERCHANT_PRIVATE_KEY!),
    merchantSerialNo: env.WECHATPAY_MERCHANT_SERIAL!,
    platformPublicKey: readPublicKey('WECHATPAY_PLATFORM_PUBLIC_KEY', env.WECHATPAY_PLATFORM_PUBLIC_KEY!),
    platformSerialNo: env.WECHATPAY_PLATFORM_SERIAL!,
    baseUrl: baseUrl || 'https://api.mch.weixin.qq.com',
    notifyUrl: notifyUrl || 'http://127.0.0.1:3000/api/payments/wechat-pay/notify',
    demo: false,
    simulatePayments,
  };
}
