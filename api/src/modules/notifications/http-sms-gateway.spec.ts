import { readSms } from '../../config/sms-config';
import { startFakeSmsServer, type FakeSmsServer } from './fake-sms-server';
import { HttpSmsGateway } from './http-sms-gateway';

/** The HTTP adapter against the fake SMS gateway, over real HTTP: each of the gateway's answers as the channel needs it. */
describe('HttpSmsGateway', () => {
  const PHONE = '13900001111';
  const TEXT = '【邻里】明天有预约：提醒您：12月3日 09:00有预约，请按时到场。';
  let fake: FakeSmsServer;
  let gateway: HttpSmsGateway;

  const gatewayWith = (env: Record<string, string>) =>
    new HttpSmsGateway({ sms: readSms({ SMS_GATEWAY_URL: fake.url, SMS_GATEWAY_KEY: fake.key, SMS_SIGNATURE: '邻里', SMS_TIMEOUT_MS: '2000', ...env }) });

  beforeAll(async () => {
    fake = await startFakeSmsServer({ key: 'test-sms-key' });
    gateway = gatewayWith({});
  });
  afterAll(() => fake.close());

  it('sends the text with its idempotency key, and a repeat of the key texts nobody twice', async () => {
    await expect(gateway.send(PHONE, TEXT, 'message-1:resident-1')).resolves.toEqual({ kind: 'sent' });
    await expect(gateway.send(PHONE, TEXT, 'message-1:resident-1')).resolves.toEqual({ kind: 'sent' });
    expect(fake.messages.filter((sms) => sms.idempotencyKey === 'message-1:resident-1')).toEqual([
      { id: expect.any(String), phone: PHONE, text: TEXT, idempotencyKey: 'message-1:resident-1' },
    ]);
    expect(fake.requests.filter((request) => request.idempotencyKey === 'message-1:resident-1')).toHaveLength(2);
  });

  it('a number whose owner opted out is refused; a wrong number or text is invalid, with the code and never the number', async () => {
    fake.refuse('13900002222');
    await expect(gateway.send('13900002222', TEXT, 'message-2:resident-2')).resolves.toEqual({ kind: 'refused', reason: 'refused' });
    await expect(gateway.send('1390000', TEXT, 'message-3:resident-3')).resolves.toEqual({ kind: 'invalid', reason: 'invalid_number' });
    await expect(gateway.send(PHONE, 'no signature', 'message-4:resident-4')).resolves.toEqual({ kind: 'invalid', reason: 'invalid_text' });
  });

  it('busy, a wrong key and an unreachable gateway are thrown (retried later), and the error names no number', async () => {
    fake.failNext('busy');
    const busy = gateway.send(PHONE, TEXT, 'message-5:resident-5');
    await expect(busy).rejects.toThrow('SMS gateway answered 503 busy');
    await expect(gateway.send(PHONE, TEXT, 'message-5:resident-5')).resolves.toEqual({ kind: 'sent' });
    await expect(gatewayWith({ SMS_GATEWAY_KEY: 'wrong' }).send(PHONE, TEXT, 'message-6:resident-6')).rejects.toThrow('SMS gateway answered 401 unauthorised');
    await expect(gatewayWith({ SMS_GATEWAY_URL: 'http://127.0.0.1:1' }).send(PHONE, TEXT, 'message-7:resident-7')).rejects.toThrow(/^SMS gateway unreachable/);
    await busy.catch((error: Error) => expect(error.message).not.toContain(PHONE));
  });

  it('a reply lost on the way back is thrown; the send again with the same key is answered sent without a second text', async () => {
    fake.dropNextReply();
    await expect(gateway.send(PHONE, TEXT, 'message-8:resident-8')).rejects.toThrow(/^SMS gateway unreachable/);
    await expect(gateway.send(PHONE, TEXT, 'message-8:resident-8')).resolves.toEqual({ kind: 'sent' });
    expect(fake.messages.filter((sms) => sms.idempotencyKey === 'message-8:resident-8')).toHaveLength(1);
  });
});
