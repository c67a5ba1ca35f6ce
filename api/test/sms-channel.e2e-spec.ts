import { Like } from 'typeorm';
import { Clock } from '../src/common/time/clock';
import { NotificationChannels } from '../src/modules/notifications';
import { startFakeSmsServer, type FakeSmsServer } from '../src/modules/notifications/fake-sms-server';
import { NotificationDelivery } from '../src/modules/notifications/notification-delivery.entity';
import { NotificationRelay } from '../src/modules/notifications/notification-relay';
import { NotificationsRepository } from '../src/modules/notifications/notifications.repository';
import { OutboxMessage } from '../src/modules/outbox';
import { stableId } from '../src/seed/stable-id';
import { bearer, loginWithPassword } from './support/sessions';
import { startTestApp } from './support/test-app';

const ANDA = stableId('region', '340104001001');
const ANDA_CENTRE = stableId('centre', 'C340104001001');
const SOCIAL_INSURANCE = stableId('service', 'social_insurance');
const HOUR_MS = 3600_000;
const LEASE_SECONDS = 60;
const smsEnv = (fake: FakeSmsServer) => ({ SMS_GATEWAY_URL: fake.url, SMS_GATEWAY_KEY: fake.key, SMS_SIGNATURE: '邻里' });

/** An app on a fresh database with the staff of 安大社区 signed in, and the steps every test here takes. */
async function startWithStaff(env: Record<string, string>) {
  const t = await startTestApp({ env });
  await t.seed();
  const staff = await loginWithPassword(t, 'anda.staff');
  const relay = t.app.get(NotificationRelay);
  const clock = jest.spyOn(t.app.get(Clock), 'now');
  let phones = 0;
  let slotsTaken = 0;

  /** Staff register an elder who has no WeChat, with her daughter's phone, and switch SMS on or not. */
  async function registerElder(smsNotifications: boolean): Promise<{ id: string; phone: string }> {
    const phone = `1360000${String(7000 + ++phones)}`;
    const registered = await t
      .http()
      .post('/api/staff/residents')
      .set(bearer(staff))
      .send({ name: '冯奶奶', communityId: ANDA, phone, phoneOwner: 'relative', smsNotifications })
      .expect(201);
    return { id: registered.body.id as string, phone };
  }

  /** Staff book the next free 社保医保代办 slot more than a day ahead for her; the booking's confirmation message. */
  async function staffBooks(residentId: string): Promise<{ bookingId: string; startsAt: string; confirmation: OutboxMessage }> {
    const slots = (await t.http().get(`/api/centres/${ANDA_CENTRE}/services/${SOCIAL_INSURANCE}/slots`).expect(200)).body.items as { startsAt: string; remaining: number }[];
    const { startsAt } = slots.filter((slot) => slot.remaining > 0 && new Date(slot.startsAt).getTime() - Date.now() > 26 * HOUR_MS)[slotsTaken++];
    const booked = await t.http().post('/api/bookings').set(bearer(staff)).send({ centreId: ANDA_CENTRE, serviceId: SOCIAL_INSURANCE, startsAt, residentId }).expect(201);
    const [confirmation] = await t.dataSource.getRepository(OutboxMessage).find({ where: { topic: 'booking.confirmed' }, order: { createdAt: 'DESC' }, take: 1 });
    expect(confirmation.payload).toMatchObject({ bookingId: booked.body.id, residentId });
    return { bookingId: booked.body.id as string, startsAt, confirmation };
  }

  /** Relays until nothing is due at the clock's now. */
  async function drain(): Promise<void> {
    while ((await relay.relayDue()) > 0);
  }

  const message = (id: string) => t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id });
  const smsDeliveries = async (messageId: string) =>
    (await t.dataSource.getRepository(NotificationDelivery).find({ where: { messageId, channel: 'sms' } })).map((row) => [row.recipientId, row.outcome]);
  const reminderOf = async (bookingId: string, lead: 'day_before' | 'hour_before') =>
    t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ scheduleKey: Like(`booking-reminder:${bookingId}:${lead}`) });

  return { t, clock, registerElder, staffBooks, drain, message, smsDeliveries, reminderOf };
}

/**
 * SMS for an elder without WeChat (decision 0020), against the fake SMS gateway: staff switched it on, so her
 * booking's messages reach the phone on her record once each; switched off, nothing is texted; the gateway's
 * refusal is recorded and not retried, an unknown number sends the message to the dead letters, busy is retried,
 * and a reply lost after the text went out does not text her twice (the idempotency key).
 */
describe('notifications: SMS to an elder without WeChat', () => {
  let fake: FakeSmsServer;
  let app: Awaited<ReturnType<typeof startWithStaff>>;

  beforeAll(async () => {
    fake = await startFakeSmsServer({ key: 'test-sms-key' });
    app = await startWithStaff({ ...smsEnv(fake), NOTIFICATION_MAX_ATTEMPTS: '3', NOTIFICATION_LEASE_SECONDS: String(LEASE_SECONDS) });
  });
  afterAll(async () => {
    await app.t.close();
    await fake.close();
  });
  beforeEach(async () => {
    app.clock.mockImplementation(() => new Date());
    await app.drain();
  });
  const requestsTo = (phone: string) => fake.requests.filter((request) => request.phone === phone);

  it('her booking confirmation, then her reminder a day before, each reach her phone once, with her name on her daughter’s phone', async () => {
    const elder = await app.registerElder(true);
    const { bookingId, startsAt, confirmation } = await app.staffBooks(elder.id);
    await app.drain();
    expect(await app.message(confirmation.id)).toMatchObject({ state: 'done', attempts: 1 });
    expect(fake.messages.filter((sms) => sms.phone === elder.phone)).toEqual([
      {
        id: expect.any(String),
        phone: elder.phone,
        text: expect.stringMatching(/^【邻里】预约成功（冯奶奶）：您的预约已确认：\d+月\d+日 \d\d:\d\d，请按时到场。$/),
        idempotencyKey: `${confirmation.id}:${elder.id}`,
      },
    ]);
    expect(await app.smsDeliveries(confirmation.id)).toEqual([[elder.id, 'sent']]);

    const reminder = await app.reminderOf(bookingId, 'day_before');
    app.clock.mockImplementation(() => new Date(new Date(startsAt).getTime() - 24 * HOUR_MS + 1000));
    await app.drain();
    await app.drain();
    expect(await app.message(reminder.id)).toMatchObject({ state: 'done', attempts: 1 });
    expect(fake.sentCount(elder.phone)).toBe(2);
    expect(fake.messages.at(-1)).toMatchObject({ phone: elder.phone, text: expect.stringMatching(/^【邻里】明天有预约（冯奶奶）：提醒您：/) });
    expect(await app.smsDeliveries(reminder.id)).toEqual([[elder.id, 'sent']]);
    expect(requestsTo(elder.phone)).toHaveLength(2);
  });

  it('with SMS off nothing is texted: the channel records her as not reachable so', async () => {
    const elder = await app.registerElder(false);
    const { confirmation } = await app.staffBooks(elder.id);
    await app.drain();
    expect(await app.message(confirmation.id)).toMatchObject({ state: 'done' });
    expect(requestsTo(elder.phone)).toEqual([]);
    expect(await app.smsDeliveries(confirmation.id)).toEqual([[elder.id, 'refused']]);
  });

  it('a number whose owner opted out (the gateway refuses): recorded as refused, the message done, never asked again', async () => {
    const elder = await app.registerElder(true);
    fake.refuse(elder.phone);
    const { confirmation } = await app.staffBooks(elder.id);
    await app.drain();
    expect(await app.message(confirmation.id)).toMatchObject({ state: 'done', attempts: 1 });
    expect(await app.smsDeliveries(confirmation.id)).toEqual([[elder.id, 'refused']]);
    app.clock.mockImplementation(() => new Date(Date.now() + 2 * HOUR_MS));
    await app.drain();
    expect(requestsTo(elder.phone)).toHaveLength(1);
    expect(fake.sentCount(elder.phone)).toBe(0);
  });

  it('a number the carrier does not know (invalid_number): dead at once with the code, so staff see the number needs fixing', async () => {
    const elder = await app.registerElder(true);
    fake.markInvalid(elder.phone);
    const { confirmation } = await app.staffBooks(elder.id);
    await app.drain();
    const dead = await app.message(confirmation.id);
    expect(dead).toMatchObject({ state: 'dead', attempts: 1, lastError: 'sms: invalid_number' });
    expect(dead.lastError).not.toContain(elder.phone);
    expect(await app.smsDeliveries(confirmation.id)).toEqual([]);
  });

  it('busy: tried again later with backoff, and texted once', async () => {
    const elder = await app.registerElder(true);
    fake.failNext('busy');
    const { confirmation } = await app.staffBooks(elder.id);
    await app.drain();
    expect(await app.message(confirmation.id)).toMatchObject({ state: 'pending', attempts: 1, lastError: 'sms: SMS gateway answered 503 busy' });
    expect(fake.sentCount(elder.phone)).toBe(0);
    app.clock.mockImplementation(() => new Date(Date.now() + 31_000));
    await app.drain();
    expect(await app.message(confirmation.id)).toMatchObject({ state: 'done', attempts: 2 });
    expect(fake.sentCount(elder.phone)).toBe(1);
    expect(await app.smsDeliveries(confirmation.id)).toEqual([[elder.id, 'sent']]);
  });

  it('the instance dies between the text and its record: once the lease runs out another pass texts with the same key, and she is texted once', async () => {
    const elder = await app.registerElder(true);
    const { confirmation } = await app.staffBooks(elder.id);
    const relay = app.t.app.get(NotificationRelay);
    const claim = (await relay.claim(await app.message(confirmation.id)))!;
    // The gateway accepts the text, then the process is gone before the relay writes the SMS record (and never settles).
    const repository = app.t.app.get(NotificationsRepository);
    const insertDelivery = repository.insertDelivery.bind(repository);
    const dies = jest.spyOn(repository, 'insertDelivery').mockImplementation((manager, delivery) => {
      if (delivery.channel === 'sms') return Promise.reject(new Error('SIGKILL'));
      return insertDelivery(manager, delivery);
    });
    try {
      await relay.deliver(claim);
    } finally {
      dies.mockRestore();
    }
    expect(fake.sentCount(elder.phone)).toBe(1);
    expect(await app.smsDeliveries(confirmation.id)).toEqual([]);

    app.clock.mockImplementation(() => new Date(Date.now() + (LEASE_SECONDS + 1) * 1000));
    await app.drain();
    expect(await app.message(confirmation.id)).toMatchObject({ state: 'done', attempts: 2 });
    expect(await app.smsDeliveries(confirmation.id)).toEqual([[elder.id, 'sent']]);
    expect(requestsTo(elder.phone).map((request) => request.idempotencyKey)).toEqual([`${confirmation.id}:${elder.id}`, `${confirmation.id}:${elder.id}`]);
    expect(fake.sentCount(elder.phone)).toBe(1);
  });

  it('the text went out but its answer was lost (a crash between send and record): the repeat carries the same key, and she is texted once', async () => {
    const elder = await app.registerElder(true);
    fake.dropNextReply();
    const { confirmation } = await app.staffBooks(elder.id);
    await app.drain();
    expect(await app.message(confirmation.id)).toMatchObject({ state: 'pending', attempts: 1 });
    expect(await app.smsDeliveries(confirmation.id)).toEqual([]);
    expect(fake.sentCount(elder.phone)).toBe(1);
    app.clock.mockImplementation(() => new Date(Date.now() + 31_000));
    await app.drain();
    expect(await app.message(confirmation.id)).toMatchObject({ state: 'done', attempts: 2 });
    expect(await app.smsDeliveries(confirmation.id)).toEqual([[elder.id, 'sent']]);
    expect(requestsTo(elder.phone).map((request) => request.idempotencyKey)).toEqual([`${confirmation.id}:${elder.id}`, `${confirmation.id}:${elder.id}`]);
    expect(fake.sentCount(elder.phone)).toBe(1);
  });
});

describe('notifications: no SMS unless a gateway is configured', () => {
  let app: Awaited<ReturnType<typeof startWithStaff>>;

  beforeAll(async () => {
    app = await startWithStaff({});
  });
  afterAll(() => app.t.close());

  it('without SMS_GATEWAY_URL the SMS channel is not plugged in: an elder with SMS switched on is texted nothing', async () => {
    expect(app.t.config.sms).toBeNull();
    expect(
      app.t.app
        .get(NotificationChannels)
        .list()
        .map((channel) => channel.name),
    ).not.toContain('sms');
    const elder = await app.registerElder(true);
    const { confirmation } = await app.staffBooks(elder.id);
    await app.drain();
    expect(await app.message(confirmation.id)).toMatchObject({ state: 'done' });
    expect(await app.smsDeliveries(confirmation.id)).toEqual([]);
  });
});
