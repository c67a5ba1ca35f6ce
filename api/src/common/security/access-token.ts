import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Access tokens are compact JWTs signed with HS256 and nothing else. The header is compared byte for byte with
 * the one we issue, so `alg: none`, RS/HS confusion and unexpected header fields are rejected before any
 * signature work. See docs/decisions/0006-access-and-refresh-tokens.md.
 */
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

export interface AccessClaims {
  /** Account id. */
  sub: string;
  role: string;
  /** Refresh-token family this access token was issued with; logout revokes it. */
  sid: string;
  iat: number;
  exp: number;
}

export type TokenProblem = 'malformed' | 'bad_signature' | 'expired';

function sign(input: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(input).digest('base64url');
}

export function issueAccessToken(claims: Omit<AccessClaims, 'iat' | 'exp'>, secret: Buffer, ttlSeconds: number, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const payload = Buffer.from(JSON.stringify({ ...claims, iat, exp: iat + ttlSeconds })).toString('base64url');
  return `${HEADER}.${payload}.${sign(`${HEADER}.${payload}`, secret)}`;
}

export function verifyAccessToken(token: string, secret: Buffer, now = Date.now()): AccessClaims | TokenProblem {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) return 'malformed';
  const expected = Buffer.from(sign(`${parts[0]}.${parts[1]}`, secret));
  const actual = Buffer.from(parts[2]);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return 'bad_signature';
  let claims: AccessClaims;
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as AccessClaims;
  } catch {
    return 'malformed';
  }
  if (typeof claims.sub !== 'string' || typeof claims.role !== 'string' || typeof claims.sid !== 'string' || typeof claims.exp !== 'number') return 'malformed';
  return claims.exp * 1000 <= now ? 'expired' : claims;
}

/**
 * Access tokens this instance has verified, by their text: a signed-in client sends the same token on every request
 * until it refreshes it, and checking its HMAC each time was ~4 % of a request's CPU (bench/profile.mjs booking). Only
 * tokens whose signature verified are kept, so nothing but a token this API issued can take a place, and a changed
 * byte is a different text, verified afresh; expiry is still checked on every use. Revocation was never the token's
 * business: the guard reads the session on every request (decision 0018). Holds at most `capacity` tokens, then starts
 * afresh.
 */
export class VerifiedAccessTokens {
  private readonly verified = new Map<string, AccessClaims>();

  constructor(
    private readonly secret: Buffer,
    private readonly capacity = 10_000,
  ) {}

  verify(token: string, now = Date.now()): AccessClaims | TokenProblem {
    const known = this.verified.get(token);
    if (known) {
      if (known.exp * 1000 > now) return known;
      this.verified.delete(token);
      return 'expired';
    }
    const claims = verifyAccessToken(token, this.secret, now);
    if (typeof claims === 'string') return claims;
    if (this.verified.size >= this.capacity) this.verified.clear();
    this.verified.set(token, Object.freeze(claims));
    return claims;
  }
}
