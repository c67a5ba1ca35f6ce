import { CURRENT_PRIVACY_POLICY_VERSION } from '@linli/shared';
import { stableId } from '../src/seed/stable-id';
import { bearer, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

const ANDA = stableId('region', '340104001001');

/**
 * What a client can send to the real routes, on the real database: each answer is a clean 4xx in the one error
 * body (never a 500, never a silent success), and what should pass still does.
 */
describe('bad input on real routes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_IP: '10000' } });
    await t.seed();
  });
  afterAll(() => t.close());

  function expectError(response: { status: number; body: Record<string, unknown> }, status: number, code: string) {
    expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
    expect(response.body.requestId).toEqual(expect.any(String));
  }
  const fieldsOf = (response: { body: { details?: Array<{ field: string }> } }) => (response.body.details ?? []).map((violation) => violation.field).sort();

  describe('deeply nested JSON is refused by the body parser, before validation, on every JSON route', () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

    it.each([
      ['POST', '/api/auth/password/login', (deep: string) => `{"username":${deep},"password":"x"}`],
      ['POST', '/api/auth/refresh', (deep: string) => `{"refreshToken":${deep}}`],
      ['POST', '/api/home-orders', (deep: string) => `{"description":${deep}}`],
      ['PUT', '/api/worker/presence', (deep: string) => `{"online":${deep}}`],
    ])('%s %s with a field 5,000 arrays deep (10 KB) → 400 MALFORMED_BODY, not a stack overflow', async (method, path, body) => {
      const payload = body(nested(5000));
      expect(payload.length).toBeGreaterThan(10_000);
      const response = await t.http()[method.toLowerCase() as 'post' | 'put'](path).set('content-type', 'application/json').send(payload);
      expectError(response, 400, 'MALFORMED_BODY');
      expect(response.body.details).toEqual({ maxDepth: 32 });
    });
  });

  describe('an empty body with a JSON content type is no body (wx.request sends that type on DELETE)', () => {
    it('DELETE /api/household/members/:id with content-type application/json and nothing else → 204', async () => {
      const login = await loginWithWechat(t, 'bad-input-empty-delete');
      await t.http().post('/api/me/privacy-consent').set(bearer(login)).send({ version: CURRENT_PRIVACY_POLICY_VERSION }).expect(200);
      await t.http().put('/api/me/profile').set(bearer(login)).send({ name: '郑先生', communityId: ANDA }).expect(200);
      const member = await t.http().post('/api/household/members').set(bearer(login)).send({ name: '郑老太', relation: '母亲' }).expect(201);
      await t.http().delete(`/api/household/members/${member.body.id}`).set(bearer(login)).set('content-type', 'application/json').expect(204);
    });

    it('DELETE /api/me (注销账号) with content-type application/json and Content-Length: 0 → 204', async () => {
      const login = await loginWithWechat(t, 'bad-input-leaving');
      await t.http().delete('/api/me').set(bearer(login)).set('content-type', 'application/json').send('').expect(204);
    });

    it('a route that needs a body still says which fields are missing', async () => {
      const response = await t.http().post('/api/auth/password/login').set('content-type', 'application/json').send('');
      expectError(response, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(response)).toEqual(['password', 'username']);
    });
  });
});
