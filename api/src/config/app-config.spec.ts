import { ConfigError, DEFAULT_SQLITE_FILE, loadConfig, parseDatabaseUrl } from './app-config';

describe('loadConfig', () => {
  it('runs with no environment at all: SQLite under api/data, port 3000', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ dialect: 'sqlite', file: DEFAULT_SQLITE_FILE });
    expect(config.port).toBe(3000);
    expect(config.logLevel).toBe('info');
  });

  it.each([
    ['PORT', 'abc', /PORT must be a whole number/],
    ['PORT', '70000', /PORT must be between/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['MAX_BODY_BYTES', '10', /MAX_BODY_BYTES must be between/],
    ['DATABASE_URL', 'postgres://x@h/db', /DATABASE_URL has unsupported scheme/],
    ['DATABASE_URL', 'not a url', /DATABASE_URL is not a valid URL/],
    ['DATABASE_URL', 'mysql://root@127.0.0.1:3306', /DATABASE_URL must name a database/],
  ])('stops on a bad %s (%s) with a message naming it', (variable, value, message) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(message);
  });
});

describe('parseDatabaseUrl', () => {
  it('picks the driver from the scheme', () => {
    expect(parseDatabaseUrl('mysql://root@127.0.0.1:3306/linli')).toEqual({ dialect: 'mysql', url: 'mysql://root@127.0.0.1:3306/linli' });
    expect(parseDatabaseUrl('mariadb://root@127.0.0.1/linli').dialect).toBe('mariadb');
    expect(parseDatabaseUrl('sqlite:///tmp/a.sqlite')).toEqual({ dialect: 'sqlite', file: '/tmp/a.sqlite' });
  });
});
