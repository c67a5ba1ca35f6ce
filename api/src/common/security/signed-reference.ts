import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A record id that can travel without a session: `<id>.<expiry seconds>.<signature>`. Signed with a key derived
 * from the token secret and the reference's purpose (so it needs no key of its own, and a reference made for one
 * purpose is worthless for another), valid until its expiry. It names a record; it proves nothing about who carries
 * it, so it is only used where that is fine:
 * - a booking's check-in QR (valid until shortly after the slot, so a screenshot cannot be reused another day; staff
 *   see the name);
 * - an order photo's URL (an `<image>` cannot send a bearer token; the URL is handed only to those who may see the
 *   order, and lives for minutes);
 * - a meal order's pickup QR (minutes long, refreshed by the screen showing it; the canteen sees the elder's name);
 * - a dish photo's URL in a menu (an hour or two; menus are read by anyone signed in);
 * - a convenience outlet's photo URL (an hour or two; the directory is read by anyone signed in).
 */
export type SignedPurpose = 'check-in-codes' | 'order-photos' | 'meal-pickups' | 'dish-photos' | 'outlet-photos';

const SIGNATURE_LENGTH = 22;

function signingKey(secret: Buffer, purpose: SignedPurpose): Buffer {
  return createHmac('sha256', secret).update(`linli:${purpose}`).digest();
}

function signature(secret: Buffer, purpose: SignedPurpose, id: string, expiresAtSeconds: number): string {
  return createHmac('sha256', signingKey(secret, purpose)).update(`${id}.${expiresAtSeconds}`).digest('base64url').slice(0, SIGNATURE_LENGTH);
}

export function issueSignedReference(secret: Buffer, purpose: SignedPurpose, id: string, expiresAt: Date): string {
  const seconds = Math.floor(expiresAt.getTime() / 1000);
  return `${id}.${seconds}.${signature(secret, purpose, id, seconds)}`;
}

/** The id a reference names, or null when it is malformed, forged, made for another purpose or expired. */
export function verifySignedReference(secret: Buffer, purpose: SignedPurpose, reference: string, now = new Date()): string | null {
  const match = /^([0-9a-f-]{36})\.(\d{9,11})\.([A-Za-z0-9_-]{22})$/.exec(reference.trim());
  if (!match) return null;
  const [, id, secondsText, given] = match;
  const seconds = Number(secondsText);
  const expected = Buffer.from(signature(secret, purpose, id, seconds));
  if (!timingSafeEqual(expected, Buffer.from(given))) return null;
  return seconds * 1000 > now.getTime() ? id : null;
}

export const issueCheckInCode = (secret: Buffer, bookingId: string, expiresAt: Date) => issueSignedReference(secret, 'check-in-codes', bookingId, expiresAt);
export const verifyCheckInCode = (secret: Buffer, code: string, now = new Date()) => verifySignedReference(secret, 'check-in-codes', code, now);
