import { ConfigError } from './config-error';
import { readSms } from './sms-config';

describe('readSms (SMS_GATEWAY_URL, SMS_GATEWAY_KEY, SMS_SIGNATURE)', () => {
  const configured = { SMS_GATEWAY_URL: 'https://sms.example.cn/', SMS_GATEWAY_KEY: 'key-1', SMS_SIGNATURE: '邻里生活' };

  it('is off without a gateway URL, whatever else is set', () => {
    expect(readSms({})).toBeNull();
    expect(readSms({ SMS_GATEWAY_URL: ' ', SMS_GATEWAY_KEY: 'key-1' })).toBeNull();
  });

  it('reads a configured gateway, without the trailing slash', () => {
    expect(readSms(configured)).toEqual({ gatewayUrl: 'https://sms.example.cn', gatewayKey: 'key-1', signature: '邻里生活', timeoutMs: 5000 });
    expect(readSms({ ...configured, SMS_TIMEOUT_MS: '800' })?.timeoutMs).toBe(800);
  });

  it('refuses a half-configured gateway at start-up', () => {
    expect(() => readSms({ ...configured, SMS_GATEWAY_URL: 'sms.example.cn' })).toThrow(ConfigError);
    expect(() => readSms({ ...configured, SMS_GATEWAY_KEY: '' })).toThrow(/SMS_GATEWAY_KEY/);
    expect(() => readSms({ ...configured, SMS_SIGNATURE: undefined })).toThrow(/SMS_SIGNATURE/);
    expect(() => readSms({ ...configured, SMS_SIGNATURE: '【邻里】' })).toThrow(/SMS_SIGNATURE/);
    expect(() => readSms({ ...configured, SMS_SIGNATURE: '邻' })).toThrow(/SMS_SIGNATURE/);
  });
});
