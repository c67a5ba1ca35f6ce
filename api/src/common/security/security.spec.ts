import { createHmac } from 'node:crypto';
import { loadConfig } from '../../config/app-config';
import { issueAccessToken, VerifiedAccessTokens, verifyAccessToken } from './access-token';
import { issueCheckInCode, issueSignedReference, verifyCheckInCode, verifySignedReference } from './signed-reference';
import { FieldCipher } from './field-cipher';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from './password-hasher';

const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');
const env = { JWT_SECRET: 'x'.repeat(40), FIELD_ENCRYPTION_KEYS: `k1:${key(1)}`, FIELD_HMAC_KEY: key(9) };

describe('FieldCipher', () => {
  const cipher = new FieldCipher(loadConfig(env));

  it('round-trips and never produces the same ciphertext twice', () => {
    const a = cipher.encrypt('11010519491231002X');
    const b = cipher.encrypt('11010519491231002X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('11010519491231002X');
    expect(a.startsWith('k1.')).toBe(true);
    expect(cipher.decrypt(a)).toBe('11010519491231002X');
  });

  it('keeps decrypting old values after a key rotation, and writes with the new key', () => {
    const old = cipher.encrypt('secret');
    const rotated = new FieldCipher(loadConfig({ ...env, FIELD_ENCRYPTION_KEYS: `k1:${key(1)},k2:${key(2)}` }));
    expect(rotated.decrypt(old)).toBe('secret');
    expect(rotated.encrypt('secret').startsWith('k2.')).toBe(true);
  });

  it('refuses tampered ciphertexts and relabelled key ids', () => {
    const stored = cipher.encrypt('secret');
    const [id, iv, tag, body] = stored.split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] ^= 1;
    expect(() => cipher.decrypt([id, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
    const twoKeys = new FieldCipher(loadConfig({ ...env, FIELD_ENCRYPTION_KEYS: `k1:${key(1)},k2:${key(1)}` }));
    expect(() => twoKeys.decrypt(['k2', iv, tag, body].join('.'))).toThrow();
  });

  it('looks values up by a keyed hash, stable per key', () => {
    expect(cipher.lookupHash('a')).toBe(cipher.lookupHash('a'));
    expect(cipher.lookupHash('a')).not.toBe(createHmac('sha256', '').update('a').digest('base64url'));
  });
});

describe('passwords', () => {
  it('verifies the right password only', async () => {
    const stored = await hashPassword('正确的密码 123');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    await expect(verifyPassword('正确的密码 123', stored)).resolves.toBe(true);
    await expect(verifyPassword('wrong', stored)).resolves.toBe(false);
  });

  it('spends on unknown usernames the work of a real hash: same parameters, salt and hash lengths', async () => {
    const shape = (hash: string) => hash.split('$').map((part, index) => (index < 4 ? part : part.length));
    expect(shape(DUMMY_PASSWORD_HASH)).toEqual(shape(await hashPassword('any')));
    await expect(verifyPassword('any', DUMMY_PASSWORD_HASH)).resolves.toBe(false);
  });
});

describe('access tokens', () => {
  const secret = Buffer.from('s'.repeat(32));
  const claims = { sub: 'account-1', role: 'resident', sid: 'family-1' };

  it('verifies what it issued', () => {
    expect(verifyAccessToken(issueAccessToken(claims, secret, 60), secret)).toMatchObject(claims);
  });

  it('rejects expired, tampered, foreign-key and alg:none tokens', () => {
    const token = issueAccessToken(claims, secret, 60, Date.now() - 120_000);
    expect(verifyAccessToken(token, secret)).toBe('expired');
    const good = issueAccessToken(claims, secret, 60);
    const [header, payload, signature] = good.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin', iat: 0, exp: 9e9 })).toString('base64url');
    expect(verifyAccessToken(`${header}.${forged}.${signature}`, secret)).toBe('bad_signature');
    expect(verifyAccessToken(good, Buffer.from('t'.repeat(32)))).toBe('bad_signature');
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(verifyAccessToken(`${none}.${payload}.`, secret)).toBe('malformed');
    expect(verifyAccessToken('garbage', secret)).toBe('malformed');
  });

  it('remembers a verified token by its text: the same claims again, expiry still checked, forgeries and other keys never remembered', () => {
    const tokens = new VerifiedAccessTokens(secret, 2);
    const now = Date.now();
    const good = issueAccessToken(claims, secret, 60, now);
    const first = tokens.verify(good, now);
    expect(first).toMatchObject(claims);
    expect(tokens.verify(good, now + 1_000)).toBe(first);
    expect(tokens.verify(good, now + 61_000)).toBe('expired');
    const [header, payload, signature] = good.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin', iat: 0, exp: 9e9 })).toString('base64url');
    expect(tokens.verify(`${header}.${forged}.${signature}`, now)).toBe('bad_signature');
    expect(tokens.verify(`${header}.${payload}.${signature.slice(0, -1)}`, now)).toBe('bad_signature');
    expect(new VerifiedAccessTokens(Buffer.from('t'.repeat(32))).verify(good, now)).toBe('bad_signature');
    // Past its capacity it starts afresh, and still answers right.
    const other = issueAccessToken({ ...claims, sid: 'family-2' }, secret, 60, now);
    const third = issueAccessToken({ ...claims, sid: 'family-3' }, secret, 60, now);
    tokens.verify(good, now);
    tokens.verify(other, now);
    expect(tokens.verify(third, now)).toMatchObject({ sid: 'family-3' });
    expect(tokens.verify(good, now)).toMatchObject(claims);
  });
});

describe('check-in codes', () => {
  const secret = Buffer.from('s'.repeat(32));
  const bookingId = '0b3f7c1e-2a4d-4c5e-9f60-7a8b9c0d1e2f';

  it('names the booking until it expires', () => {
    const code = issueCheckInCode(secret, bookingId, new Date(Date.now() + 60_000));
    expect(verifyCheckInCode(secret, code)).toBe(bookingId);
    expect(verifyCheckInCode(secret, ` ${code} `)).toBe(bookingId);
    expect(verifyCheckInCode(secret, code, new Date(Date.now() + 120_000))).toBeNull();
  });

  it('refuses forged and malformed codes', () => {
    const code = issueCheckInCode(secret, bookingId, new Date(Date.now() + 60_000));
    const [, seconds, sig] = code.split('.');
    expect(verifyCheckInCode(secret, `${bookingId.replace('0b', '1b')}.${seconds}.${sig}`)).toBeNull();
    expect(verifyCheckInCode(secret, `${bookingId}.${Number(seconds) + 3600}.${sig}`)).toBeNull();
    expect(verifyCheckInCode(Buffer.from('t'.repeat(32)), code)).toBeNull();
    expect(verifyCheckInCode(secret, 'not a code')).toBeNull();
  });

  it('is worthless for another purpose (a check-in code is not a photo URL, and back)', () => {
    const code = issueCheckInCode(secret, bookingId, new Date(Date.now() + 60_000));
    expect(verifySignedReference(secret, 'order-photos', code)).toBeNull();
    const photo = issueSignedReference(secret, 'order-photos', bookingId, new Date(Date.now() + 60_000));
    expect(verifySignedReference(secret, 'order-photos', photo)).toBe(bookingId);
    expect(verifyCheckInCode(secret, photo)).toBeNull();
  });
});
