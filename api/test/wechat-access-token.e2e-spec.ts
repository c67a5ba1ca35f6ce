import { Clock } from '../src/common/time/clock';
import { FieldCipher } from '../src/common/security/field-cipher';
import { WechatClient } from '../src/modules/wechat';
import { WechatAccessTokenRow } from '../src/modules/wechat/wechat-access-token.entity';
import { startTestApp, type TestApp } from './support/test-app';
import { startSecondInstance, type SecondWechatInstance } from './support/wechat';

/**
 * The WeChat access token comes from one refresher shared by every instance through the database: two instances
 * needing it at once, or both finding it in its last minutes, or both told by WeChat that it is invalid, make WeChat
 * hand out a token once.
 */
describe('WeChat access token (one refresher for every instance)', () => {
  let t: TestApp;
  let second: SecondWechatInstance;

  beforeAll(async () => {
    t = await startTestApp();
    second = await startSecondInstance(t);
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  const stableTokenCalls = () => t.wechat.calls.filter((path) => path === '/cgi-bin/stable_token').length;
  const clients = () => [t.app.get(WechatClient), second.client];
  /** Both instances look up phones at once, ten each: every call needs the access token. */
  const lookUpPhonesOnBoth = () =>
    Promise.all(
      clients().flatMap((client) =>
        Array.from({ length: 10 }, (_, index) => client.phoneNumber(t.wechat.mintPhoneCode(`1390000${String(index).padStart(4, '0')}`)).then((phone) => phone.purePhoneNumber)),
      ),
    );
  const storedRow = () => t.dataSource.getRepository(WechatAccessTokenRow).findOneByOrFail({ appId: t.config.wechat.appId });

  it('is fetched from WeChat once when two instances need it at the same moment, and stored encrypted', async () => {
    const before = stableTokenCalls();
    const phones = await lookUpPhonesOnBoth();
    expect(phones).toHaveLength(20);
    expect(stableTokenCalls() - before).toBe(1);
    const row = await storedRow();
    const token = t.wechat.issuedAccessTokens.at(-1) ?? '';
    expect(row.tokenCipher).not.toContain(token);
    expect(t.app.get(FieldCipher).decrypt(row.tokenCipher ?? '')).toBe(token);
    expect({ holder: row.refreshHolder, lease: row.refreshLeaseUntil }).toEqual({ holder: null, lease: null });
  });

  it('is refreshed ahead of its expiry by one instance, and both then use the new token', async () => {
    await lookUpPhonesOnBoth();
    const before = stableTokenCalls();
    const issued = t.wechat.issuedAccessTokens.length;
    // Both instances stand 2 hours later, in the token's last minutes; WeChat hands out a new one then.
    const shiftMs = 7200 * 1000 - 4 * 60 * 1000;
    const clocks = [t.app.get(Clock), second.clock].map((clock) => jest.spyOn(clock, 'now').mockImplementation(() => new Date(Date.now() + shiftMs)));
    t.wechat.ageAccessToken(4 * 60);
    try {
      await lookUpPhonesOnBoth();
      expect(stableTokenCalls() - before).toBe(1);
      expect(t.wechat.issuedAccessTokens).toHaveLength(issued + 1);
      expect(t.app.get(FieldCipher).decrypt((await storedRow()).tokenCipher ?? '')).toBe(t.wechat.issuedAccessTokens.at(-1));
    } finally {
      for (const clock of clocks) clock.mockRestore();
    }
  });

  it('is refreshed once when WeChat refuses it (40001) on both instances, and each call is retried once', async () => {
    await lookUpPhonesOnBoth();
    t.wechat.invalidateAccessTokens(); // as another system's force_refresh would
    const before = { stable: stableTokenCalls(), calls: t.wechat.calls.length };
    const phones = await lookUpPhonesOnBoth();
    expect(phones).toHaveLength(20);
    expect(stableTokenCalls() - before.stable).toBe(1);
    // Each of the 20 lookups: at most one refusal and one retry.
    expect(t.wechat.calls.slice(before.calls).filter((path) => path === '/wxa/business/getuserphonenumber').length).toBeLessThanOrEqual(40);
  });

  it('is refreshed by another instance once a crashed refresher’s lease runs out', async () => {
    await lookUpPhonesOnBoth();
    // An instance claimed the refresh and died: its lease still holds for a moment, the token has expired.
    await t.transactions.write((manager) =>
      manager
        .getRepository(WechatAccessTokenRow)
        .update({ appId: t.config.wechat.appId }, { expiresAt: new Date(Date.now() - 1000), refreshHolder: 'crashed', refreshLeaseUntil: new Date(Date.now() + 300) }),
    );
    const fresh = await startSecondInstance(t); // no token in memory: it must read the row
    try {
      const before = stableTokenCalls();
      await expect(fresh.client.phoneNumber(t.wechat.mintPhoneCode('13900002222'))).resolves.toMatchObject({ purePhoneNumber: '13900002222' });
      expect(stableTokenCalls() - before).toBe(1);
      expect((await storedRow()).refreshHolder).toBeNull();
    } finally {
      await fresh.close();
    }
  });

  it('answers WeChat’s stable_token errors (40125 wrong AppSecret) as WeChat unavailable and leaves the lease free for the next try', async () => {
    await t.transactions.write((manager) => manager.getRepository(WechatAccessTokenRow).update({ appId: t.config.wechat.appId }, { expiresAt: new Date(Date.now() - 1000) }));
    const misconfigured = await startSecondInstance(t, { appSecret: 'not-the-secret' });
    try {
      await expect(misconfigured.client.phoneNumber(t.wechat.mintPhoneCode('13900003333'))).rejects.toMatchObject({
        code: 'WECHAT_UNAVAILABLE',
        details: { operation: 'stable_token', wechatErrcode: 40125 },
      });
      expect((await storedRow()).refreshHolder).toBeNull();
      await expect(t.app.get(WechatClient).phoneNumber(t.wechat.mintPhoneCode('13900003333'))).resolves.toMatchObject({ purePhoneNumber: '13900003333' });
    } finally {
      await misconfigured.close();
    }
  });
});
