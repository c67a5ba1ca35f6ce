import { SUBSCRIBE_TEMPLATE_NAMES } from '@linli/shared';
import { ConfigError } from './config-error';
import { readSubscribeTemplates } from './wechat-subscribe-config';

describe('readSubscribeTemplates (WECHAT_SUBSCRIBE_TEMPLATE_<NAME>)', () => {
  const ID = 'E6fJ0w1jO3Zx0sE3w0bNn8c9Rk1y9L2p0q4uVz7A1bC';

  it('has a variable for every template in shared’s map, and leaves unset ones out', () => {
    const env = Object.fromEntries(SUBSCRIBE_TEMPLATE_NAMES.map((name, index) => [`WECHAT_SUBSCRIBE_TEMPLATE_${name.toUpperCase()}`, `${ID.slice(0, -2)}${index}x`]));
    expect(Object.keys(readSubscribeTemplates(env)).sort()).toEqual([...SUBSCRIBE_TEMPLATE_NAMES].sort());
    expect(readSubscribeTemplates({ WECHAT_SUBSCRIBE_TEMPLATE_BOOKING_RESULT: ` ${ID} ` })).toEqual({ booking_result: ID });
    expect(readSubscribeTemplates({ WECHAT_SUBSCRIBE_TEMPLATE_BOOKING_RESULT: '' })).toEqual({});
  });

  it('refuses an id WeChat would not have made, and one id for two templates', () => {
    expect(() => readSubscribeTemplates({ WECHAT_SUBSCRIBE_TEMPLATE_BOOKING_RESULT: 'not an id!' })).toThrow(ConfigError);
    expect(() => readSubscribeTemplates({ WECHAT_SUBSCRIBE_TEMPLATE_BOOKING_RESULT: ID, WECHAT_SUBSCRIBE_TEMPLATE_BOOKING_REMINDER: ID })).toThrow(/same template/);
  });
});
