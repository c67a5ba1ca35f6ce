import { createCipheriv, createDecipheriv, createSign, createVerify, randomBytes, type KeyObject } from 'node:crypto';

/*
 * The cryptography of WeChat Pay API v3, all of it Node's own crypto:
 * - requests are signed by the merchant (SHA256 with RSA over "METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n") and carry
 *   `Authorization: WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",signature="…",timestamp="…",serial_no="…"`;
 * - responses and notifications are signed by WeChat Pay's platform key over "TIMESTAMP\nNONCE\nBODY\n" and carry
 *   Wechatpay-Timestamp, Wechatpay-Nonce, Wechatpay-Signature and Wechatpay-Serial;
 * - a notification's resource is AEAD_AES_256_GCM with the merchant's APIv3 key (ciphertext = data + 16-byte tag);
 * - the mini program's wx.requestPayment takes paySign, the merchant's signature over
 *   "appId\ntimeStamp\nnonceStr\npackage\n".
 * The fake WeChat Pay server uses the same functions from the other side.
 */

export const AUTHORIZATION_SCHEME = 'WECHATPAY2-SHA256-RSA2048';

/** A notification or response older or newer than this is refused (WeChat's own guidance: 5 minutes). */
export const SIGNATURE_MAX_SKEW_SECONDS = 5 * 60;

const GCM_TAG_BYTES = 16;

export function nonce(): string {
  return randomBytes(16).toString('hex');
}

export function unixSeconds(at = Date.now()): string {
  return String(Math.floor(at / 1000));
}

/** Base64 SHA256-with-RSA signature of lines, each ended by "\n". */
export function signLines(privateKey: KeyObject, lines: readonly string[]): string {
  return createSign('RSA-SHA256')
    .update(lines.map((line) => `${line}\n`).join(''))
    .sign(privateKey, 'base64');
}

export function verifyLines(publicKey: KeyObject, lines: readonly string[], signature: string): boolean {
  try {
    return createVerify('RSA-SHA256')
      .update(lines.map((line) => `${line}\n`).join(''))
      .verify(publicKey, signature, 'base64');
  } catch {
    return false;
  }
}

export interface SignedMessage {
  timestamp: string;
  nonce: string;
  signature: string;
  serial: string;
}

/** The `Wechatpay-*` headers of a signed response or notification. */
export function signedMessageHeaders(message: SignedMessage): Record<string, string> {
  return { 'wechatpay-timestamp': message.timestamp, 'wechatpay-nonce': message.nonce, 'wechatpay-signature': message.signature, 'wechatpay-serial': message.serial };
}

export function readSignedMessage(headers: Record<string, string | string[] | undefined>): SignedMessage | null {
  const read = (name: string) => {
    const value = headers[name];
    return typeof value === 'string' && value ? value : null;
  };
  const [timestamp, nonceValue, signature, serial] = ['wechatpay-timestamp', 'wechatpay-nonce', 'wechatpay-signature', 'wechatpay-serial'].map(read);
  if (!timestamp || !nonceValue || !signature || !serial) return null;
  return { timestamp, nonce: nonceValue, signature, serial };
}

/** Signs a response or notification body as WeChat Pay's platform does. */
export function signMessage(privateKey: KeyObject, serial: string, body: string, at = Date.now()): SignedMessage {
  const timestamp = unixSeconds(at);
  const nonceValue = nonce();
  return { timestamp, nonce: nonceValue, serial, signature: signLines(privateKey, [timestamp, nonceValue, body]) };
}

/**
 * Whether a response or notification body was signed by the platform key we trust: the serial must be that key's,
 * the timestamp within SIGNATURE_MAX_SKEW_SECONDS, and the signature must verify over the exact bytes received.
 */
export function verifyMessage(publicKey: KeyObject, serial: string, message: SignedMessage | null, body: string, now = Date.now()): boolean {
  if (!message || message.serial !== serial || !/^\d{1,12}$/.test(message.timestamp)) return false;
  if (Math.abs(now / 1000 - Number(message.timestamp)) > SIGNATURE_MAX_SKEW_SECONDS) return false;
  return verifyLines(publicKey, [message.timestamp, message.nonce, body], message.signature);
}

/** The Authorization header of a merchant request; `url` is the path with its query string. */
export function authorization(privateKey: KeyObject, mchId: string, serial: string, method: string, url: string, body: string): string {
  const timestamp = unixSeconds();
  const nonceValue = nonce();
  const signature = signLines(privateKey, [method, url, timestamp, nonceValue, body]);
  return `${AUTHORIZATION_SCHEME} mchid="${mchId}",nonce_str="${nonceValue}",signature="${signature}",timestamp="${timestamp}",serial_no="${serial}"`;
}

export interface MerchantAuthorization {
  mchid: string;
  nonce_str: string;
  signature: string;
  timestamp: string;
  serial_no: string;
}

export function parseAuthorization(header: string | undefined): MerchantAuthorization | null {
  if (!header?.startsWith(`${AUTHORIZATION_SCHEME} `)) return null;
  const fields: Record<string, string> = {};
  for (const match of header.slice(AUTHORIZATION_SCHEME.length + 1).matchAll(/(\w+)="([^"]*)"/g)) fields[match[1]] = match[2];
  const { mchid, nonce_str, signature, timestamp, serial_no } = fields;
  return mchid && nonce_str && signature && timestamp && serial_no ? { mchid, nonce_str, signature, timestamp, serial_no } : null;
}

export interface EncryptedResource {
  algorithm: string;
  ciphertext: string;
  associated_data?: string;
  nonce: string;
  original_type?: string;
}

export function encryptResource(apiV3Key: Buffer, plaintext: string, associatedData: string, originalType: string): EncryptedResource {
  const resourceNonce = randomBytes(6).toString('hex'); // 12 characters, as WeChat Pay's
  const cipher = createCipheriv('aes-256-gcm', apiV3Key, Buffer.from(resourceNonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { algorithm: 'AEAD_AES_256_GCM', ciphertext: data.toString('base64'), associated_data: associatedData, nonce: resourceNonce, original_type: originalType };
}

/** The plaintext of a notification's resource, or null when it does not decrypt (wrong key, tampered, truncated). */
export function decryptResource(apiV3Key: Buffer, resource: EncryptedResource): string | null {
  try {
    if (resource.algorithm !== 'AEAD_AES_256_GCM') return null;
    const data = Buffer.from(resource.ciphertext, 'base64');
    if (data.length <= GCM_TAG_BYTES) return null;
    const decipher = createDecipheriv('aes-256-gcm', apiV3Key, Buffer.from(resource.nonce, 'utf8'));
    decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - GCM_TAG_BYTES));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - GCM_TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
