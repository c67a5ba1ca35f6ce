import { createHash } from 'node:crypto';

/**
 * A UUID (version 5 layout) derived from a kind and a code, so seeded rows keep the same id in every database
 * and demo links stay valid across re-seeding.
 */
export function stableId(kind: string, code: string): string {
  const hash = createHash('sha1').update(`linli:${kind}:${code}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
