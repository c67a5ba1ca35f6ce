import { Writable } from 'node:stream';
import pino from 'pino';
import { buildLoggerOptions, maskUrl } from './logger-options';

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

  it('masks sensitive query parameters in logged URLs', () => {
    expect(maskUrl('/api/x?phone=13800138000&page=2&token=abc')).toBe('/api/x?phone=[redacted]&page=2&token=[redacted]');
  });
});
