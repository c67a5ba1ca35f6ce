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
    ['an empty JSON body', '', 'application/json', 400, 'MALFORMED_BODY'],
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
    const response = await t.http().post('/api/probe/echo').send({ ...valid, role: 'admin' }).expect(400);
    expectErrorShape(response.body, 'VALIDATION_FAILED');
    expect(response.body.details).toEqual([expect.objectContaining({ field: 'role', constraints: ['whitelistValidation'] })]);
  });

  it('unknown nested fields are rejected with their path', async () => {
    const response = await t.http().post('/api/probe/echo').send({ ...valid, address: { street: 'x', floor: 3 } }).expect(400);
    expect(response.body.details).toEqual([expect.objectContaining({ field: 'address.floor' })]);
  });

  it('wrong types and missing fields list every violation', async () => {
    const response = await t.http().post('/api/probe/echo').send({ name: 5, count: '2' }).expect(400);
    expectErrorShape(response.body, 'VALIDATION_FAILED');
    expect(response.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['address', 'count', 'name']);
  });

  it.each([['an array', [valid]], ['a bare string', '"hello"'], ['null', 'null']])('a JSON body that is %s → 400', async (_label, payload) => {
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

  it.each([
    ['GET', '/api/nothing-here'],
    ['DELETE', '/api/centres'],
  ])('%s %s → 404 NOT_FOUND in the same shape', async (method, path) => {
    const response = await t.http()[method.toLowerCase() as 'get' | 'delete'](path).expect(404);
    expectErrorShape(response.body, 'NOT_FOUND');
  });

  it('a missing or odd request id is replaced by a generated one', async () => {
    const response = await t.http().get('/api/health').set('x-request-id', 'bad id with spaces').expect(200);
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
