import { SUBSCRIBE_TEMPLATES, type BookingMessageContent, type LoginResponse, type SubscribeGrantsView, type SubscribeTemplatesView } from '@linli/shared';
import { WechatSubscribeMessages } from '../src/modules/wechat';
import { WechatSubscribeGrant } from '../src/modules/wechat/wechat-subscribe-grant.entity';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';
import { registerTestTemplates, SUBSCRIBE_TEMPLATES_ENV, testTemplateId } from './support/wechat';

/**
 * WeChat subscribe messages: the mini program reports what the user answered in requestSubscribeMessage, each 允许
 * is one message Linli may send, and a send spends it — or says why it could not: refused (43101, nothing left:
 * the inbox has it), invalid (47003 a field, 40037 the template: dead-letter with the reason) or worth another try.
 */
describe('WeChat subscribe messages', () => {
  let t: TestApp;
  let wang: LoginResponse;
  const WANG_OPENID = 'demo-openid-wang-xiuying';
  const result = testTemplateId('booking_result');
  const reminder = testTemplateId('booking_reminder');
  const booking: BookingMessageContent = { serviceName: '理发', centreName: '安大社区市民中心', startsAt: '2026-12-03T01:30:00.000Z' };

  beforeAll(async () => {
    t = await startTestApp({ env: SUBSCRIBE_TEMPLATES_ENV });
    await t.seed();
    registerTestTemplates(t);
    wang = await loginWithWechat(t, WANG_OPENID);
  });
  afterAll(() => t.close());

  const messages = () => t.app.get(WechatSubscribeMessages);
  const report = (login: LoginResponse, results: { templateId: string; result: string }[]) => t.http().post('/api/me/subscriptions').set(bearer(login)).send({ results });
  const storedGrant = async (templateId: string) => (await t.dataSource.getRepository(WechatSubscribeGrant).findOneBy({ accountId: wang.account.id, templateId }))?.remaining ?? 0;
  /** The user taps 允许 once: WeChat keeps one authorisation, and the mini program reports it. */
  const allowOnce = async (templateId: string) => {
    t.wechat.grantSubscription(WANG_OPENID, templateId);
    await report(wang, [{ templateId, result: 'accept' }]).expect(200);
  };

  it('tells the mini program the configured template ids to ask for at each moment', async () => {
    const worker = await loginWithWechat(t, 'demo-openid-worker-zhao');
    const { body } = await t.http().get('/api/wechat/subscribe-templates').set(bearer(worker)).expect(200);
    expect((body as SubscribeTemplatesView).moments).toMatchObject({ after_booking: [result, reminder], worker_online: [testTemplateId('home_order_offer')] });
  });

  it('counts each 允许 per template, ignores 取消, and refuses template ids that are not configured', async () => {
    const first = await report(wang, [
      { templateId: result, result: 'accept' },
      { templateId: reminder, result: 'reject' },
    ]).expect(200);
    expect((first.body as SubscribeGrantsView).grants).toEqual([
      { templateId: result, remaining: 1 },
      { templateId: reminder, remaining: 0 },
    ]);
    const second = await report(wang, [{ templateId: result, result: 'accept' }]).expect(200);
    expect((second.body as SubscribeGrantsView).grants).toEqual([{ templateId: result, remaining: 2 }]);

    const unknown = await report(wang, [{ templateId: 'someone-elses-template', result: 'accept' }]).expect(400);
    expect(unknown.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'results.0.templateId' }] });
    await report(wang, [
      { templateId: reminder, result: 'accept' },
      { templateId: reminder, result: 'accept' },
    ]).expect(400);
    await report(wang, [{ templateId: result, result: 'maybe' }]).expect(400);
    expect(await storedGrant(result)).toBe(2);
    expect(await storedGrant(reminder)).toBe(0);

    const staff = await loginWithPassword(t, 'anda.staff');
    await report(staff, [{ templateId: result, result: 'accept' }]).expect(403);
  });

  it('sends a booking result once per authorisation and spends it; with none left nothing reaches WeChat', async () => {
    await t.dataSource.getRepository(WechatSubscribeGrant).update({ accountId: wang.account.id }, { remaining: 0 });
    await allowOnce(result);
    const before = t.wechat.subscribeSentCount(WANG_OPENID, result);

    await expect(messages().send(wang.account.id, 'booking.confirmed', booking)).resolves.toEqual({ kind: 'sent' });
    expect(t.wechat.subscribeSentCount(WANG_OPENID, result) - before).toBe(1);
    const sent = t.wechat.subscribeMessages.at(-1);
    expect(sent).toMatchObject({ touser: WANG_OPENID, template_id: result, page: 'pages/orders/index' });
    expect(sent?.data).toMatchObject({ thing1: { value: '理发' }, time3: { value: '2026-12-03 09:30' }, phrase4: { value: '预约成功' } });
    expect(await storedGrant(result)).toBe(0);

    const calls = t.wechat.calls.length;
    await expect(messages().send(wang.account.id, 'booking.confirmed', booking)).resolves.toEqual({ kind: 'refused', reason: 'no_authorisation' });
    expect(t.wechat.calls.length).toBe(calls);
    expect(t.wechat.subscribeSentCount(WANG_OPENID, result) - before).toBe(1);
  });

  it('43101: WeChat has no authorisation left though Linli counted one — refused, not retried, and the count set to none', async () => {
    await report(wang, [{ templateId: result, result: 'accept' }]).expect(200); // reported, but WeChat never recorded it
    await expect(messages().send(wang.account.id, 'booking.promoted_from_waitlist', booking)).resolves.toEqual({ kind: 'refused', reason: 'refused_by_wechat' });
    expect(await storedGrant(result)).toBe(0);
  });

  it('47003: a field WeChat refuses makes the message invalid, naming the field; the authorisation stays the user’s', async () => {
    // The console's template took a different keyword kind than the map was written for: thing1 is a phrase there.
    t.wechat.registerTemplate(reminder, { ...keywordKinds('booking_reminder'), thing1: 'phrase' });
    try {
      await allowOnce(reminder);
      const outcome = await messages().send(wang.account.id, 'booking.reminder', { ...booking, serviceName: 'Haircut', lead: 'day_before' });
      expect(outcome).toEqual({ kind: 'invalid', reason: expect.stringContaining('data.thing1.value invalid') });
      expect(await storedGrant(reminder)).toBe(1);
    } finally {
      t.wechat.registerTemplate(reminder, keywordKinds('booking_reminder'));
    }
    await expect(messages().send(wang.account.id, 'booking.reminder', { ...booking, lead: 'hour_before' })).resolves.toEqual({ kind: 'sent' });
  });

  it('40001: the token WeChat refuses is refreshed once and the message sent with the new one', async () => {
    await allowOnce(result);
    t.wechat.invalidateAccessTokens();
    const stableTokens = t.wechat.calls.filter((path) => path === '/cgi-bin/stable_token').length;
    const sends = t.wechat.calls.filter((path) => path === '/cgi-bin/message/subscribe/send').length;
    await expect(messages().send(wang.account.id, 'booking.confirmed', booking)).resolves.toEqual({ kind: 'sent' });
    expect(t.wechat.calls.filter((path) => path === '/cgi-bin/stable_token').length - stableTokens).toBe(1);
    expect(t.wechat.calls.filter((path) => path === '/cgi-bin/message/subscribe/send').length - sends).toBe(2);
  });

  it('WeChat busy twice: worth another try later, and the authorisation is given back', async () => {
    await allowOnce(result);
    t.wechat.failNextSubscribeSends(-1, -1);
    await expect(messages().send(wang.account.id, 'booking.confirmed', booking)).resolves.toEqual({ kind: 'retryable', reason: 'WeChat errcode -1' });
    expect(await storedGrant(result)).toBe(1);
    await expect(messages().send(wang.account.id, 'booking.confirmed', booking)).resolves.toEqual({ kind: 'sent' });
  });

  it('sends nothing to an account without WeChat', async () => {
    const staff = await loginWithPassword(t, 'anda.staff');
    await expect(messages().send(staff.account.id, 'booking.confirmed', booking)).resolves.toEqual({ kind: 'refused', reason: 'no_wechat_identity' });
  });

  it('40037: a configured template id WeChat does not know makes the message invalid, naming it; a template not configured is neither asked for nor sent', async () => {
    const other = await startTestApp({ env: { WECHAT_SUBSCRIBE_TEMPLATE_BOOKING_RESULT: 'not-in-the-console' } });
    try {
      await other.seed();
      const login = await loginWithWechat(other, WANG_OPENID);
      const { body } = await other.http().get('/api/wechat/subscribe-templates').set(bearer(login)).expect(200);
      expect((body as SubscribeTemplatesView).moments).toMatchObject({ after_booking: ['not-in-the-console'], worker_online: [] });
      await other
        .http()
        .post('/api/me/subscriptions')
        .set(bearer(login))
        .send({ results: [{ templateId: 'not-in-the-console', result: 'accept' }] })
        .expect(200);
      const sends = other.app.get(WechatSubscribeMessages);
      await expect(sends.send(login.account.id, 'booking.confirmed', booking)).resolves.toEqual({ kind: 'invalid', reason: expect.stringContaining('not-in-the-console') });
      await expect(sends.send(login.account.id, 'booking.reminder', { ...booking, lead: 'day_before' })).resolves.toEqual({ kind: 'refused', reason: 'template_not_configured' });
    } finally {
      await other.close();
    }
  });
});

function keywordKinds(name: keyof typeof SUBSCRIBE_TEMPLATES): Record<string, string> {
  return Object.fromEntries(Object.entries(SUBSCRIBE_TEMPLATES[name].keywords).map(([key, [, kind]]) => [key, kind]));
}
