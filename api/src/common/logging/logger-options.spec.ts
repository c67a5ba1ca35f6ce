import { Writable } from 'node:stream';
import pino from 'pino';
import { buildLoggerOptions, maskUrl, redactSensitive } from './logger-options';

function captureLogs() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino(buildLoggerOptions('info'), sink), lines };
}

describe('log redaction', () => {
  it('never writes tokens, phone numbers, ID numbers or session keys', () => {
    const { logger, lines } = captureLogs();
    logger.info(
      {
        authorization: 'Bearer eyJhbGciOi.secret',
        body: { phone: '13800138000', idNumber: '110101199003071234', password: 'hunter2' },
        wechat: { reply: { session_key: 'tiHQ5fT1cnD5D3ePpsZ5vA==' } },
        refreshToken: 'r-123',
      },
      'login',
    );
    const written = lines.join('');
    for (const secret of ['eyJhbGciOi', '13800138000', '110101199003071234', 'hunter2', 'tiHQ5fT1cnD5D3ePpsZ5vA', 'r-123']) {
      expect(written).not.toContain(secret);
    }
    expect(written).toContain('[redacted]');
  });

  it('logs a failed query without the values bound to it (names, addresses and search terms are personal data)', () => {
    const { logger, lines } = captureLogs();
    const failed = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { query: 'SELECT * FROM resident WHERE name LIKE ?', parameters: ['%王秀英%'] });
    logger.error({ err: failed }, 'unexpected error while handling request');
    const written = lines.join('');
    expect(written).toContain('SELECT * FROM resident WHERE name LIKE ?');
    expect(written).not.toContain('王秀英');
  });

  it("redacts without touching the caller's objects, keeps an error's message, and passes a clean object through as it is", () => {
    const nested = { user: { phone: '13800138000', name: 'x' } };
    const error = Object.assign(new Error('boom'), { token: 't-1' });
    const out = redactSensitive({ nested, err: error, list: [{ idNumber: '110101199003071234' }] });
    expect(out.nested.user).toEqual({ phone: '[redacted]', name: 'x' });
    expect(nested.user.phone).toBe('13800138000');
    expect(out.err).toBeInstanceOf(Error);
    expect(out.err.message).toBe('boom');
    expect(out.err.token).toBe('[redacted]');
    expect(error.token).toBe('t-1');
    expect(out.list[0]).toEqual({ idNumber: '[redacted]' });
    const clean = { method: 'GET', route: '/api/health', status: 200 };
    expect(redactSensitive(clean)).toBe(clean);
    // Three levels down was never covered (nor by pino's paths before): the depth is the same as it was.
    expect(redactSensitive({ a: { b: { c: { phone: '1' } } } }).a.b.c.phone).toBe('1');
  });

  it('redacts child-logger bindings and error fields too', () => {
    const { logger, lines } = captureLogs();
    logger.child({ token: 'child-secret', 'set-cookie': 'c=child-cookie' }).error({ err: Object.assign(new Error('x'), { phone: '13912345678' }) }, 'failed');
    const written = lines.join('');
    expect(written).not.toContain('child-secret');
    expect(written).not.toContain('child-cookie');
    expect(written).not.toContain('13912345678');
    expect(written).toContain('"message":"x"');
  });

  it('masks sensitive query parameters in logged URLs', () => {
    expect(maskUrl('/api/x?phone=13800138000&page=2&token=abc')).toBe('/api/x?phone=[redacted]&page=2&token=[redacted]');
  });
});

describe('log timestamps', () => {
  afterEach(() => jest.useRealTimers());

  it('are the ISO instant of the line, formatted again whenever the millisecond moves on', () => {
    jest.useFakeTimers({ now: new Date('2026-12-02T05:00:00.000Z') });
    const { logger, lines } = captureLogs();
    logger.info('first');
    logger.info('same millisecond');
    jest.setSystemTime(new Date('2026-12-02T05:00:00.001Z'));
    logger.info('next millisecond');
    expect(lines.map((line) => (JSON.parse(line) as { time: string }).time)).toEqual(['2026-12-02T05:00:00.000Z', '2026-12-02T05:00:00.000Z', '2026-12-02T05:00:00.001Z']);
  });
});
