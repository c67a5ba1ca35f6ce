import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The code behind a booking's QR: `<bookingId>.<expiry seconds>.<signature>`. Signed with a key derived from the
 * token secret (so it needs no key of its own), valid until shortly after the slot ends, so a screenshot cannot be
 * reused another day. It names a booking; it proves nothing about who carries it, which is why staff see the name.
 */
const SIGNATURE_LENGTH = 22;

function signingKey(secret: Buffer): Buffer {
  return createHmac('sha256', secret).update('linli:check-in-codes').digest();
}

function signature(secret: Buffer, bookingId: string, expiresAtSeconds: number): string {
  return createHmac('sha256', signingKey(secret)).update(`${bookingId}.${expiresAtSeconds}`).digest('base64url').slice(0, SIGNATURE_LENGTH);
}

export function issueCheckInCode(secret: Buffer, bookingId: string, expiresAt: Date): string {
  const seconds = Math.floor(expiresAt.getTime() / 1000);
  return `${bookingId}.${seconds}.${signature(secret, bookingId, seconds)}`;
}

/** The booking id a code names, or null when it is malformed, forged or expired. */
export function verifyCheckInCode(secret: Buffer, code: string, now = new Date()): string | null {
  const match = /^([0-9a-f-]{36})\.(\d{9,11})\.([A-Za-z0-9_-]{22})$/.exec(code.trim());
  if (!match) return null;
  const [, bookingId, secondsText, given] = match;
  const seconds = Number(secondsText);
  const expected = Buffer.from(signature(secret, bookingId, seconds));
  if (!timingSafeEqual(expected, Buffer.from(given))) return null;
  return seconds * 1000 > now.getTime() ? bookingId : null;
}
