import { ConfigError, DEFAULT_SQLITE_FILE, loadConfig, parseDatabaseUrl } from './app-config';

describe('loadConfig', () => {
  it('runs with no environment at all: SQLite under api/data, port 3000', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ dialect: 'sqlite', file: DEFAULT_SQLITE_FILE });
    expect(config.port).toBe(3000);
    expect(config.logLevel).toBe('info');
    expect(config.dispatch.setOutLeadMinutes).toBe(120);
  });

  it.each([
    ['PORT', 'abc', /PORT must be a whole number/],
    ['PORT', '70000', /PORT must be between/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['MAX_BODY_BYTES', '10', /MAX_BODY_BYTES must be between/],
    ['DATABASE_URL', 'postgres://x@h/db', /DATABASE_URL has unsupported scheme/],
    ['DATABASE_URL', 'not a url', /DATABASE_URL is not a valid URL/],
    ['DATABASE_URL', 'mysql://root@127.0.0.1:3306', /DATABASE_URL must name a database/],
    ['TRUST_PROXY', 'everyone', /TRUST_PROXY must be/],
    ['WECHAT_APPID', 'not-an-appid', /WECHAT_APPID must look like/],
    ['JWT_SECRET', 'short', /JWT_SECRET must be at least 32 characters/],
    ['FIELD_ENCRYPTION_KEYS', 'k1:dG9vLXNob3J0', /FIELD_ENCRYPTION_KEYS keys must be 32 bytes/],
    ['DISPATCH_SET_OUT_LEAD_MINUTES', 'soon', /DISPATCH_SET_OUT_LEAD_MINUTES must be a whole number/],
    ['DISPATCH_SET_OUT_LEAD_MINUTES', '1441', /DISPATCH_SET_OUT_LEAD_MINUTES must be between/],
  ])('stops on a bad %s (%s) with a message naming it', (variable, value, message) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(message);
  });
});

describe('secrets and proxies', () => {
  it('refuses to start in production without explicit keys', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required when NODE_ENV=production/);
  });

  it('reads TRUST_PROXY as a flag, a hop count or a list of proxies', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
  });

  it('needs the secret with a real AppID, and demo mode without one', () => {
    expect(() => loadConfig({ WECHAT_APPID: 'wx1234567890abcdef' })).toThrow(/WECHAT_SECRET is required/);
    expect(loadConfig({}).wechat.demoMode).toBe(true);
    expect(loadConfig({ WECHAT_APPID: 'wx1234567890abcdef', WECHAT_SECRET: 's' }).wechat).toMatchObject({ demoMode: false, apiBaseUrl: 'https://api.weixin.qq.com' });
  });
});

describe('parseDatabaseUrl', () => {
  it('picks the driver from the scheme', () => {
    expect(parseDatabaseUrl('mysql://root@127.0.0.1:3306/linli')).toEqual({ dialect: 'mysql', url: 'mysql://root@127.0.0.1:3306/linli' });
    expect(parseDatabaseUrl('mariadb://root@127.0.0.1/linli').dialect).toBe('mariadb');
    expect(parseDatabaseUrl('sqlite:///tmp/a.sqlite')).toEqual({ dialect: 'sqlite', file: '/tmp/a.sqlite' });
  });
});
