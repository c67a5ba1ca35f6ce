import { randomInt } from 'node:crypto';
import { isDuplicateKey } from '../../database/sql';

/**
 * Draws before giving up. 900 000 codes per desk and day against a few hundred bookings or meals: a second draw is
 * already rare, a tenth never happens unless something is wrong.
 */
const MAX_DRAWS = 10;

/** A random code from 100000 to 999999: no leading zero for a number field or a listener to drop. */
export function drawShortCode(): string {
  return String(randomInt(100_000, 1_000_000));
}

/**
 * Stores a six-digit code that a unique index holds unique per desk and day (check-in codes per centre, pickup codes
 * per meal point): `store(draw)` writes the code for that draw inside the caller's transaction, and a code another
 * row took — even a moment ago, in another transaction — is drawn again.
 */
export async function storeUniqueShortCode(what: string, store: (draw: number) => Promise<void>): Promise<void> {
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    try {
      await store(draw);
      return;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  throw new Error(`no free ${what} after ${MAX_DRAWS} draws`);
}
