import type { InboxPage, LoginResponse } from '@linli/shared';
import { NotificationDelivery } from '../src/modules/notifications/notification-delivery.entity';
import { NotificationRelay } from '../src/modules/notifications/notification-relay';
import { OutboxMessage } from '../src/modules/outbox';
import { stableId } from '../src/seed/stable-id';
import { bearer, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';
import { registerTestTemplates, SUBSCRIBE_TEMPLATES_ENV, testTemplateId } from './support/wechat';

const ANDA_CENTRE = stableId('centre', 'C340104001001');
const SOCIAL_INSURANCE = stableId('service', 'social_insurance');
const WANG = stableId('resident', 'wang-xiuying');
const WANG_OPENID = 'demo-openid-wang-xiuying';
const RESULT = testTemplateId('booking_result');
const HOUR_MS = 3600_000;

/**
 * The relay's WeChat channel against the fake WeChat server: a booking confirmation 王秀英 allowed reaches WeChat
 * once, however often the relay runs; WeChat's 43101 leaves her the inbox and is not retried; 47003 sends the
 * message to the dead letters with WeChat's reason; a token WeChat refuses (40001) is refreshed once and the
 * message still goes out once.
 */
describe('notifications: the WeChat subscribe channel', () => {
  let t: TestApp;
  let relay: NotificationRelay;
  let wang: LoginResponse;
  let slotsTaken = 0;

  beforeAll(async () => {
    t = await startTestApp({ env: SUBSCRIBE_TEMPLATES_ENV });
    await t.seed();
    registerTestTemplates(t);
    relay = t.app.get(NotificationRelay);
    wang = await loginWithWechat(t, WANG_OPENID);
    await drain();
  });
  afterAll(() => t.close());

  async function drain(): Promise<void> {
    while ((await relay.relayDue()) > 0);
  }

  /** 王秀英 books the next free 社保医保代办 slot at 安大社区 (then cancels it, so her booking limit is never reached). */
  async function wangBooks(): Promise<OutboxMessage> {
    const slots = (await t.http().get(`/api/centres/${ANDA_CENTRE}/services/${SOCIAL_INSURANCE}/slots`).expect(200)).body.items as { startsAt: string; remaining: number }[];
    const free = slots.filter((slot) => slot.remaining > 0 && new Date(slot.startsAt).getTime() - Date.now() > 26 * HOUR_MS);
    const booked = await t
      .http()
      .post('/api/bookings')
      .set(bearer(wang))
      .send({ centreId: ANDA_CENTRE, serviceId: SOCIAL_INSURANCE, startsAt: free[slotsTaken++].startsAt, residentId: WANG })
      .expect(201);
    const [confirmation] = await t.dataSource.getRepository(OutboxMessage).find({ where: { topic: 'booking.confirmed' }, order: { createdAt: 'DESC' }, take: 1 });
    expect(confirmation.payload).toMatchObject({ bookingId: booked.body.id });
    await drain();
    await t.http().post(`/api/bookings/${booked.body.id}/cancel`).set(bearer(wang)).send({}).expect(200);
    return confirmation;
  }

  /** She taps 允许 for 预约结果通知: WeChat keeps one authorisation, and the mini program reports it. */
  async function allows(): Promise<void> {
    t.wechat.grantSubscription(WANG_OPENID, RESULT);
    await t
      .http()
      .post('/api/me/subscriptions')
      .set(bearer(wang))
      .send({ results: [{ templateId: RESULT, result: 'accept' }] })
      .expect(200);
  }

  const message = (id: string) => t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id });
  const wechatDelivery = async (messageId: string) =>
    (await t.dataSource.getRepository(NotificationDelivery).findOneBy({ messageId, recipientId: wang.account.id, channel: 'wechat' }))?.outcome ?? null;
  const inboxHas = async (messageId: string) => {
    const page = (await t.http().get('/api/inbox').set(bearer(wang)).expect(200)).body as InboxPage;
    return (
      page.items.some((item) => item.topic === 'booking.confirmed') &&
      (await t.dataSource.query('SELECT 1 FROM inbox_message WHERE source_message_id = ?', [messageId])).length === 1
    );
  };
  const sent = () => t.wechat.subscribeSentCount(WANG_OPENID, RESULT);

  it('a booking confirmation she allowed reaches WeChat once, with the service, the centre and the time, and again never', async () => {
    await allows();
    const before = sent();
    const confirmation = await wangBooks();
    expect(await message(confirmation.id)).toMatchObject({ state: 'done', attempts: 1 });
    expect(sent() - before).toBe(1);
    expect(t.wechat.subscribeMessages.at(-1)).toMatchObject({
      touser: WANG_OPENID,
      template_id: RESULT,
      data: { thing2: { value: '安大社区市民中心' }, phrase4: { value: '预约成功' } },
    });
    expect(await wechatDelivery(confirmation.id)).toBe('sent');
    expect(await inboxHas(confirmation.id)).toBe(true);
    await drain();
    expect(sent() - before).toBe(1);
  });

  it('43101 (WeChat has no authorisation left): the inbox has it, nothing is retried', async () => {
    await t
      .http()
      .post('/api/me/subscriptions')
      .set(bearer(wang))
      .send({ results: [{ templateId: RESULT, result: 'accept' }] })
      .expect(200); // WeChat never recorded this one
    const before = sent();
    const confirmation = await wangBooks();
    expect(await message(confirmation.id)).toMatchObject({ state: 'done', attempts: 1 });
    expect(await wechatDelivery(confirmation.id)).toBe('refused');
    expect(await inboxHas(confirmation.id)).toBe(true);
    expect(sent()).toBe(before);
  });

  it('47003 (a field WeChat refuses): dead at once with WeChat’s reason; the inbox has it', async () => {
    t.wechat.registerTemplate(RESULT, { thing1: 'thing', thing2: 'phrase', time3: 'time', phrase4: 'phrase', thing5: 'thing' });
    try {
      await allows();
      const confirmation = await wangBooks();
      const dead = await message(confirmation.id);
      expect(dead.state).toBe('dead');
      expect(dead.lastError).toContain('data.thing2.value invalid');
      expect(await wechatDelivery(confirmation.id)).toBeNull();
      expect(await inboxHas(confirmation.id)).toBe(true);
    } finally {
      registerTestTemplates(t);
    }
  });

  it('40001 (the token WeChat refuses): refreshed once, and the message goes out once', async () => {
    await allows();
    t.wechat.invalidateAccessTokens();
    const stableTokens = t.wechat.calls.filter((path) => path === '/cgi-bin/stable_token').length;
    const before = sent();
    const confirmation = await wangBooks();
    expect(await message(confirmation.id)).toMatchObject({ state: 'done' });
    expect(await wechatDelivery(confirmation.id)).toBe('sent');
    expect(sent() - before).toBe(1);
    expect(t.wechat.calls.filter((path) => path === '/cgi-bin/stable_token').length - stableTokens).toBe(1);
  });
});
