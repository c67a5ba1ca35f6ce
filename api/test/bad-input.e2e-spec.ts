import { CURRENT_PRIVACY_POLICY_VERSION, type LoginResponse } from '@linli/shared';
import { stableId } from '../src/seed/stable-id';
import { ANDA_CENTRE, ANDA_POINT, HOME_CLEANING, zhao, type TestWorker } from './support/dispatch';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

const ANDA = stableId('region', '340104001001');
const WANG = stableId('resident', 'wang-xiuying');
/** A real place, south and east of China's bounding box: no GCJ-02 client sends it, a forged request can. */
const SYDNEY = { latitude: -33.8688, longitude: 151.2093 };

/**
 * What a client can send to the real routes, on the real database: each answer is a clean 4xx in the one error
 * body (never a 500, never a silent success), and what should pass still does.
 */
describe('bad input on real routes', () => {
  let t: TestApp;
  let staff: LoginResponse;
  let worker: TestWorker;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_IP: '10000' } });
    await t.seed();
    staff = await loginWithPassword(t, 'anda.staff');
    worker = await zhao(t);
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

  describe('search terms with control characters are refused on both dialects', () => {
    it.each([
      ['NUL', '\u0000'],
      ['a name then NUL', '王\u0000'],
      ['unit separator U+001F', '\u001f'],
      ['DEL U+007F', '\u007f'],
      ['next line U+0085', '\u0085'],
    ])('GET /api/staff/residents?name=<%s> → 400 naming the field', async (_label, name) => {
      const response = await t.http().get('/api/staff/residents').set(bearer(staff)).query({ name });
      expectError(response, 400, 'VALIDATION_FAILED');
      expect(response.body.details).toEqual([expect.objectContaining({ field: 'name', constraints: ['isSearchText'] })]);
    });

    it('the staff booking list and the community picker use the same rule', async () => {
      const bookings = await t.http().get('/api/staff/bookings').set(bearer(staff)).query({ centreId: ANDA_CENTRE, name: '\u0000' });
      expectError(bookings, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(bookings)).toEqual(['name']);
      const communities = await t.http().get('/api/regions/communities').query({ keyword: '安\u0000' });
      expectError(communities, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(communities)).toEqual(['keyword']);
    });

    it('ordinary search terms still find people, spaces and punctuation included', async () => {
      const found = await t.http().get('/api/staff/residents').set(bearer(staff)).query({ name: '王' }).expect(200);
      expect(found.body.items.map((resident: { name: string }) => resident.name)).toContain('王秀英');
      const none = await t.http().get('/api/staff/residents').set(bearer(staff)).query({ name: '王 %_!' }).expect(200);
      expect(none.body.items).toEqual([]);
      const communities = await t.http().get('/api/regions/communities').query({ keyword: '安大' }).expect(200);
      expect(communities.body.items.map((community: { name: string }) => community.name)).toContain('安大社区');
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

  describe('a position is both coordinates, within China, or none', () => {
    const presence = (body: object) => t.http().put('/api/worker/presence').set(bearer(worker.login)).send(body);

    it.each([
      ['latitude null, longitude given', { latitude: null, longitude: 10 }, ['latitude', 'longitude']],
      ['longitude null, latitude given', { latitude: ANDA_POINT.latitude, longitude: null }, ['longitude']],
      ['only a longitude', { longitude: ANDA_POINT.longitude }, ['latitude']],
      ['only a latitude', { latitude: ANDA_POINT.latitude }, ['longitude']],
      ['both null', { latitude: null, longitude: null }, ['latitude', 'longitude']],
      ['a point outside China', SYDNEY, ['latitude', 'longitude']],
      ['a latitude as text', { latitude: '31.84', longitude: ANDA_POINT.longitude }, ['latitude']],
    ])('PUT /api/worker/presence with %s → 400', async (_label, position, fields) => {
      const response = await presence({ online: true, ...position });
      expectError(response, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(response)).toEqual(fields);
    });

    it('both coordinates in China, or none, are accepted', async () => {
      await presence({ online: true, ...ANDA_POINT }).expect(200);
      await presence({ online: false }).expect(200);
    });

    it('every other route that takes a position applies the same rule', async () => {
      const position = await t.http().put('/api/worker/position').set(bearer(worker.login)).send(SYDNEY);
      expectError(position, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(position)).toEqual(['latitude', 'longitude']);

      const nearby = await t.http().get('/api/centres/nearby').query({ latitude: '31.845', longitude: '2.35' });
      expectError(nearby, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(nearby)).toEqual(['longitude']);

      const wang = await loginWithWechat(t, 'demo-openid-wang-xiuying');
      const order = await t
        .http()
        .post('/api/home-orders')
        .set(bearer(wang))
        .send({
          centreId: ANDA_CENTRE,
          serviceId: HOME_CLEANING,
          residentId: WANG,
          address: '蜀山区肥西路 3 号院 5 栋 201',
          windowStartsAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
          windowEndsAt: new Date(Date.now() + 27 * 3600_000).toISOString(),
          description: '厨房保洁',
          latitude: null,
          longitude: ANDA_POINT.longitude,
        });
      expectError(order, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(order)).toEqual(['latitude']);

      const admin = await loginWithPassword(t, 'shushan.admin');
      const centre = await t
        .http()
        .put(`/api/admin/centres/${ANDA_CENTRE}`)
        .set(bearer(admin))
        .send({
          name: '安大社区市民中心',
          regionId: ANDA,
          address: '蜀山区肥西路 3 号',
          phone: '0551-65101011',
          openingHours: '周一至周五 8:30-17:30',
          ...SYDNEY,
        });
      expectError(centre, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(centre)).toEqual(['latitude', 'longitude']);
    });
  });
});
