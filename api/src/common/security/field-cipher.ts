import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig, SecretsConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

const IV_BYTES = 12;

/**
 * Per-field encryption for sensitive personal data (ID numbers, full phone numbers): AES-256-GCM with a fresh IV
 * per value, stored as `<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts) so keys can rotate: new writes use the
 * active key, old values still decrypt with the key their id names. Lookups go through `lookupHash`, a keyed
 * HMAC, so the plain value is never stored or queried.
 */
@Injectable()
export class FieldCipher {
  private readonly secrets: SecretsConfig;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.secrets = config.secrets;
  }

  encrypt(plain: string): string {
    const keyId = this.secrets.activeFieldKeyId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.secrets.fieldKeys.get(keyId)!, iv);
    // The key id is authenticated too: a ciphertext moved under another key id fails to decrypt.
    cipher.setAAD(Buffer.from(keyId));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [keyId, iv, cipher.getAuthTag(), body].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  }

  decrypt(stored: string): string {
    const [keyId, iv, tag, body] = stored.split('.');
    const key = this.secrets.fieldKeys.get(keyId);
    if (!key || !iv || !tag || body === undefined) throw new Error(`field ciphertext uses unknown key "${keyId}" or is malformed`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(keyId));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** Deterministic keyed hash for equality lookups (e.g. "is this ID number already registered?"). */
  lookupHash(plain: string): string {
    return createHmac('sha256', this.secrets.fieldHmacKey).update(plain).digest('base64url');
  }
}
