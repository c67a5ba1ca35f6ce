import { ProbeModule } from './support/probe.module';
import { startTestApp, type TestApp } from './support/test-app';

const valid = { name: '张阿姨', count: 2, address: { street: '长江西路' } };

describe('request pipeline: every bad request gets a clean 4xx in the one error shape', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ extraModules: [ProbeModule], env: { MAX_BODY_BYTES: '2048' } });
  });
  afterAll(() => t.close());

  function expectErrorShape(body: Record<string, unknown>, code: string) {
    expect(body.code).toBe(code);
    expect(typeof body.message).toBe('string');
    expect(body.requestId).toEqual(expect.any(String));
    expect(Object.keys(body).sort()).toEqual(expect.arrayContaining(['code', 'message', 'requestId']));
    expect(Object.keys(body).every((key) => ['code', 'message', 'details', 'requestId'].includes(key))).toBe(true);
  }

  it('accepts a valid body', async () => {
    const response = await t.http().post('/api/probe/echo').send(valid).expect(201);
    expect(response.body).toEqual(valid);
  });

  it.each([
    ['malformed JSON', '{"name": "张', 'application/json', 400, 'MALFORMED_BODY'],
    ['a __proto__ key (prototype poisoning)', '{"__proto__": {"admin": true}}', 'application/json', 400, 'MALFORMED_BODY'],
    ['plain text', 'name=x', 'text/plain', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a form body', 'name=x&count=1', 'application/x-www-form-urlencoded', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['XML', '<a/>', 'application/xml', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['an oversized body', JSON.stringify({ ...valid, name: 'x'.repeat(4096) }), 'application/json', 413, 'PAYLOAD_TOO_LARGE'],
  ])('%s → %i %s', async (_label, payload, contentType, status, code) => {
    const response = await t.http().post('/api/probe/echo').set('content-type', contentType).send(payload).expect(status);
    expectErrorShape(response.body, code);
  });

  it('unknown fields are rejected, not silently dropped', async () => {
    const response = await t
      .http()
      .post('/api/probe/echo')
      .send({ ...valid, role: 'admin' })
      .expect(400);
    expectErrorShape(response.body, 'VALIDATION_FAILED');
    expect(response.body.details).toEqual([expect.objectContaining({ field: 'role', constraints: ['whitelistValidation'] })]);
  });

  it('unknown nested fields are rejected with their path', async () => {
    const response = await t
      .http()
      .post('/api/probe/echo')
      .send({ ...valid, address: { street: 'x', floor: 3 } })
      .expect(400);
    expect(response.body.details).toEqual([expect.objectContaining({ field: 'address.floor' })]);
  });

  it('wrong types and missing fields list every violation', async () => {
    const response = await t.http().post('/api/probe/echo').send({ name: 5, count: '2' }).expect(400);
    expectErrorShape(response.body, 'VALIDATION_FAILED');
    expect(response.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['address', 'count', 'name']);
  });

  it.each([
    ['an array', [valid]],
    ['a bare string', '"hello"'],
    ['null', 'null'],
  ])('a JSON body that is %s → 400', async (_label, payload) => {
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    const response = await t.http().post('/api/probe/echo').set('content-type', 'application/json').send(body);
    expect(response.status).toBe(400);
    expect(['VALIDATION_FAILED', 'MALFORMED_BODY']).toContain(response.body.code);
  });

  it('a domain error maps to its status with its details', async () => {
    const response = await t.http().post('/api/probe/conflict').expect(409);
    expect(response.body).toMatchObject({ code: 'CONFLICT', message: '名额已满', details: { remaining: 0 } });
  });

  it('an unexpected error is a 500 with a request id and no internals', async () => {
    const response = await t.http().post('/api/probe/crash').set('x-request-id', 'trace-0123456789').expect(500);
    expectErrorShape(response.body, 'INTERNAL_ERROR');
    expect(response.body.requestId).toBe('trace-0123456789');
    expect(response.headers['x-request-id']).toBe('trace-0123456789');
    expect(JSON.stringify(response.body)).not.toMatch(/secret_table|SELECT|Error|at /);
  });

  it('a route without an access policy is closed (deny by default)', async () => {
    const response = await t.http().post('/api/probe/closed').expect(401);
    expectErrorShape(response.body, 'UNAUTHENTICATED');
  });

  it('an empty body with a JSON content type is no body: validation names the missing fields', async () => {
    const response = await t.http().post('/api/probe/echo').set('content-type', 'application/json').send('').expect(400);
    expectErrorShape(response.body, 'VALIDATION_FAILED');
    expect(response.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['address', 'count', 'name']);
  });

  describe('JSON nesting is capped at 32 levels by the body parser', () => {
    /** `{"name": [[…]]}` with `depth` levels of objects and arrays in all. */
    const nestedBody = (depth: number) => `{"name":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;

    it('32 levels reach validation', async () => {
      const response = await t.http().post('/api/probe/echo').set('content-type', 'application/json').send(nestedBody(32)).expect(400);
      expectErrorShape(response.body, 'VALIDATION_FAILED');
    });

    it.each([33, 1000])('%i levels → 400 MALFORMED_BODY with the limit', async (depth) => {
      const response = await t.http().post('/api/probe/echo').set('content-type', 'application/json').send(nestedBody(depth)).expect(400);
      expectErrorShape(response.body, 'MALFORMED_BODY');
      expect(response.body.details).toEqual({ maxDepth: 32 });
    });

    it('brackets inside strings are text, not nesting', async () => {
      const name = '[{'.repeat(10);
      const response = await t
        .http()
        .post('/api/probe/echo')
        .set('content-type', 'application/json')
        .send(JSON.stringify({ ...valid, name, address: { street: '"[[[[\\' } }))
        .expect(201);
      expect(response.body.name).toBe(name);
    });
  });

  it.each([
    ['GET', '/api/nothing-here'],
    ['POST', '/api/centres/nearby/more'],
  ])('%s %s → 404 NOT_FOUND in the same shape', async (method, path) => {
    const response = await t.http()[method.toLowerCase() as 'get' | 'post'](path).expect(404);
    expectErrorShape(response.body, 'NOT_FOUND');
  });

  it.each([
    ['DELETE', '/api/centres', 'GET, HEAD'],
    ['PUT', '/api/probe/echo', 'POST'],
    ['PATCH', '/api/staff/residents/6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'GET, HEAD, PUT'],
  ])('%s %s → 405 METHOD_NOT_ALLOWED with Allow: %s', async (method, path, allow) => {
    const response = await t.http()[method.toLowerCase() as 'delete' | 'put' | 'patch'](path).expect(405);
    expectErrorShape(response.body, 'METHOD_NOT_ALLOWED');
    expect(response.headers.allow).toBe(allow);
  });

  it('a path parameter longer than the router allows → 414 URI_TOO_LONG in the one body, path not echoed', async () => {
    const response = await t
      .http()
      .get(`/api/staff/residents/${'a'.repeat(500)}`)
      .set('x-request-id', 'trace-414-0123456')
      .expect(414);
    expectErrorShape(response.body, 'URI_TOO_LONG');
    expect(response.body.requestId).toBe('trace-414-0123456');
    expect(response.headers['x-request-id']).toBe('trace-414-0123456');
    expect(JSON.stringify(response.body)).not.toMatch(/aaaa|FST_|statusCode/);
  });

  it('the API document lists the router’s and the body parser’s answers on every operation they can reach', async () => {
    const document = (await t.http().get('/api/docs-json').expect(200)).body;
    const byId = document.paths['/api/staff/residents/{residentId}'];
    expect(byId.get.responses['414'].description).toContain('URI_TOO_LONG');
    expect(byId.put.responses['400'].description).toMatch(/VALIDATION_FAILED.*MALFORMED_BODY/);
    expect(Object.keys(byId.put.responses)).toEqual(expect.arrayContaining(['413', '414', '415']));
    expect(Object.keys(document.paths['/api/centres'].get.responses)).not.toContain('414');
  });

  it('a path that is not valid percent-encoding → 400 in the one body', async () => {
    const response = await t.http().get('/api/staff/residents/%c0').expect(400);
    expectErrorShape(response.body, 'MALFORMED_BODY');
    expect(JSON.stringify(response.body)).not.toMatch(/%c0|FST_|statusCode/);
  });

  it('a missing or odd request id is replaced by a generated one', async () => {
    const response = await t.http().get('/api/health').set('x-request-id', 'bad id with spaces').expect(200);
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
