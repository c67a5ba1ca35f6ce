import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ConflictError, DomainError, NotFoundError } from './domain-error';
import { RETRY_AFTER_SECONDS, toApiError } from './to-api-error';

describe('toApiError', () => {
  it('maps domain errors through the one status table, keeping message and details', () => {
    expect(toApiError(new ConflictError('名额已满', { left: 0 }))).toEqual({
      status: 409,
      body: { code: 'CONFLICT', message: '名额已满', details: { left: 0 } },
      unexpected: false,
      headers: {},
    });
    expect(toApiError(new NotFoundError('该地区')).body).toEqual({ code: 'NOT_FOUND', message: '该地区不存在' });
    expect(toApiError(new DomainError('SERVICE_UNAVAILABLE', '维护中')).status).toBe(503);
  });

  it('a RATE_LIMITED error that knows when to come back says so in Retry-After (whole seconds, at least 1)', () => {
    expect(toApiError(new DomainError('RATE_LIMITED', '太频繁', { retryAfterSeconds: 42 })).headers).toEqual({ 'retry-after': '42' });
    expect(toApiError(new DomainError('RATE_LIMITED', '太频繁', { retryAfterSeconds: 0.2 })).headers).toEqual({ 'retry-after': '1' });
    expect(toApiError(new DomainError('RATE_LIMITED', '太频繁')).headers).toEqual({});
    expect(toApiError(new DomainError('CONFLICT', '冲突', { retryAfterSeconds: 5 })).headers).toEqual({});
  });

  it('asks the client to come back later on every 503', () => {
    expect(toApiError(new DomainError('SERVICE_UNAVAILABLE', '维护中')).headers).toEqual({ 'retry-after': String(RETRY_AFTER_SECONDS) });
    expect(toApiError(new DomainError('WECHAT_UNAVAILABLE', '微信服务暂不可用')).headers).toEqual({ 'retry-after': String(RETRY_AFTER_SECONDS) });
  });

  it('answers a database outage 503 SERVICE_UNAVAILABLE with Retry-After, and still logs it', () => {
    const busy = new QueryFailedError('INSERT INTO login_attempt …', [], Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }));
    expect(toApiError(busy)).toEqual({
      status: 503,
      body: { code: 'SERVICE_UNAVAILABLE', message: expect.any(String) },
      headers: { 'retry-after': String(RETRY_AFTER_SECONDS) },
      unexpected: true,
    });
    expect(toApiError(busy).body.message).not.toMatch(/locked|INSERT/);
  });

  it("recognises Fastify's request errors, bare or wrapped by the Nest adapter", () => {
    const fastifyError = Object.assign(new Error('Body is too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 });
    expect(toApiError(fastifyError).status).toBe(413);
    expect(toApiError(new HttpException('x', 413, { cause: fastifyError })).body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('replaces framework messages with the Chinese default for the code', () => {
    expect(toApiError(new NotFoundException('Cannot GET /x')).body).toEqual({ code: 'NOT_FOUND', message: '请求的内容不存在' });
    expect(toApiError(new BadRequestException('Unexpected token')).body.code).toBe('MALFORMED_BODY');
  });

  it('turns anything else into an unexpected 500 that reveals nothing', () => {
    const translated = toApiError(new TypeError("Cannot read properties of undefined (reading 'id')"));
    expect(translated).toEqual({ status: 500, body: { code: 'INTERNAL_ERROR', message: expect.any(String) }, unexpected: true, headers: {} });
    expect(translated.body.message).not.toContain('undefined');
  });
});
