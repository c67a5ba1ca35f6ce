import { ConflictError, DomainError } from './domain-error';

describe('DomainError', () => {
  it('captures no stack frames (an answer to the client, never logged with its stack) and leaves the limit as it was', () => {
    const limit = Error.stackTraceLimit;
    const error = new ConflictError('名额已满', { startsAt: '2026-12-03T01:00:00.000Z' });
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ name: 'ConflictError', code: 'CONFLICT', message: '名额已满', details: { startsAt: '2026-12-03T01:00:00.000Z' } });
    expect(error.stack ?? '').not.toContain('    at ');
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error('unexpected').stack).toContain('    at ');
  });
});
