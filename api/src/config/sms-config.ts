import { ConfigError, readInteger, type Env } from './config-error';

export interface SmsConfig {
  /** The SMS gateway's base URL; the SMS channel is plugged in only when it is set. */
  gatewayUrl: string;
  /** Sent as `Authorization: Bearer <key>`. */
  gatewayKey: string;
  /** The signature a Chinese SMS must carry (【…】), as registered with the carrier. */
  signature: string;
  timeoutMs: number;
}

/** 2–12 characters, as carriers accept a signature; the brackets are added when the text is made. */
const SIGNATURE = /^[^【】[\]\s]{2,12}$/u;

/**
 * SMS to residents who have no WeChat (docs/notifications.md, SMS): off unless `SMS_GATEWAY_URL` is set; with it,
 * the key and the signature the carrier registered are required, so a half-configured gateway stops the API at
 * start-up instead of failing every message later.
 */
export function readSms(env: Env): SmsConfig | null {
  const gatewayUrl = env.SMS_GATEWAY_URL?.trim();
  if (!gatewayUrl) return null;
  if (!/^https?:\/\/[^/]+/.test(gatewayUrl)) throw new ConfigError('SMS_GATEWAY_URL', 'must be an http(s) URL');
  const gatewayKey = env.SMS_GATEWAY_KEY?.trim();
  if (!gatewayKey) throw new ConfigError('SMS_GATEWAY_KEY', 'is required when SMS_GATEWAY_URL is set');
  const signature = env.SMS_SIGNATURE?.trim() ?? '';
  if (!SIGNATURE.test(signature)) throw new ConfigError('SMS_SIGNATURE', 'is required when SMS_GATEWAY_URL is set: the registered signature, 2–12 characters, without 【】');
  return { gatewayUrl: gatewayUrl.replace(/\/$/, ''), gatewayKey, signature, timeoutMs: readInteger(env, 'SMS_TIMEOUT_MS', 5_000, 100, 60_000) };
}
