import type { InboxPage, LoginResponse } from '@linli/shared';
import { Like } from 'typeorm';
import { Clock } from '../src/common/time/clock';
import { InboxMessage } from '../src/modules/notifications/inbox-message.entity';
import { InboxService } from '../src/modules/notifications/inbox.service';
import { NotificationChannels, type ChannelOutcome, type NotificationChannel, type OutgoingNotification } from '../src/modules/notifications';
import { NotificationDelivery } from '../src/modules/notifications/notification-delivery.entity';
import { NotificationRelay } from '../src/modules/notifications/notification-relay';
import { OutboxMessage, OutboxService, type OutboxMessages, type OutboxTopic } from '../src/modules/outbox';
import { stableId } from '../src/seed/stable-id';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

const ANDA_CENTRE = stableId('centre', 'C340104001001');
const ANDA = stableId('region', '340104001001');
const SOCIAL_INSURANCE = stableId('service', 'social_insurance');
const WANG = stableId('resident', 'wang-xiuying');
const LI_JIANGUO = stableId('resident', 'li-jianguo');
const account = (key: string) => stableId('account', key);
const HOUR_MS = 3600_000;
const LEASE_SECONDS = 120;
const MAX_ATTEMPTS = 3;

/**
 * A channel besides the inbox, standing in for WeChat: it records every send it is asked for and answers what the
 * test tells it to — sent, refused, invalid, or a failure after it has sent (the crash between a send and its record).
 */
class TestChannel implements NotificationChannel {
  readonly name = 'test';
  readonly reaches = 'account';
  readonly sends: OutgoingNotification[] = [];
  answer: (notification: OutgoingNotification) => ChannelOutcome | 'fail-after-sending' = () => ({ kind: 'sent' });

  send(notification: OutgoingNotification): Promise<ChannelOutcome> {
    this.sends.push(notification);
    const outcome = this.answer(notification);
    if (outcome === 'fail-after-sending') return Promise.reject(new Error('connection reset after the send'));
    return Promise.resolve(outcome);
  }

  sendsOf(messageId: string): string[] {
    return this.sends.filter((send) => send.messageId === messageId).map((send) => send.recipientId);
  }
}

describe('notifications: the outbox relay, who hears what, the inbox, reminders', () => {
  let t: TestApp;
  let relay: NotificationRelay;
  let clock: jest.SpyInstance<Date, []>;
  const channel = new TestChannel();
  let wang: LoginResponse;
  let li: LoginResponse;
  let staff: LoginResponse;
  let cityAdmin: LoginResponse;
  let districtAdmin: LoginResponse;
  let otherStaff: LoginResponse;

  beforeAll(async () => {
    t = await startTestApp({ env: { NOTIFICATION_LEASE_SECONDS: String(LEASE_SECONDS), NOTIFICATION_MAX_ATTEMPTS: String(MAX_ATTEMPTS) } });
    await t.seed();
    relay = t.app.get(NotificationRelay);
    t.app.get(NotificationChannels).add(channel);
    clock = jest.spyOn(t.app.get(Clock), 'now');
    [wang, li, staff, cityAdmin, districtAdmin, otherStaff] = await Promise.all([
      loginWithWechat(t, 'demo-openid-wang-xiuying'),
      loginWithWechat(t, 'demo-openid-li-ming'),
      loginWithPassword(t, 'anda.staff'),
      loginWithPassword(t, 'city.admin'),
      loginWithPassword(t, 'shushan.admin'),
      loginWithPassword(t, 'nanping.staff'),
    ]);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    clock.mockImplementation(() => new Date());
    channel.answer = () => ({ kind: 'sent' });
    await drain();
  });

  /** Relays until nothing is due at the clock's now (what the sweeper would do over a few ticks). */
  async function drain(): Promise<void> {
    while ((await relay.relayDue()) > 0);
  }

  function standAt(instant: Date): void {
    clock.mockImplementation(() => instant);
  }

  async function enqueue<Topic extends OutboxTopic>(topic: Topic, payload: OutboxMessages[Topic]): Promise<OutboxMessage> {
    const id = await t.transactions.write((manager) => t.app.get(OutboxService).enqueue(manager, topic, payload));
    return t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id });
  }

  /** 李建国's lunch at 安大社区's point, not taken in at the door (the order named by `orderKey`). */
  const liNotAtHome = (orderKey: string): OutboxMessages['meal_order.not_at_home'] => ({
    orderId: stableId('meal-order', orderKey),
    residentId: LI_JIANGUO,
    communityId: ANDA,
    mealPointId: stableId('meal-point', 'anda'),
    mealDate: '2026-12-02',
    mealKind: 'lunch',
    reportedAt: new Date().toISOString(),
  });
  const message = (id: string) => t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id });
  /** What the inbox and the test channel recorded (other channels plugged into the app, WeChat's, are theirs to test). */
  const deliveries = async (messageId: string) =>
    (await t.dataSource.getRepository(NotificationDelivery).find({ where: { messageId }, order: { recipientId: 'ASC', channel: 'ASC' } })).filter((row) =>
      ['inbox', channel.name].includes(row.channel),
    );
  const inboxRows = (sourceMessageId: string) => t.dataSource.getRepository(InboxMessage).findBy({ sourceMessageId });

  async function inbox(login: LoginResponse) {
    return (await t.http().get('/api/inbox').set(bearer(login)).expect(200)).body as InboxPage;
  }

  /** A free 社保医保代办 slot at 安大社区 starting more than `hoursAhead` from now (the day-before reminder is then still to come). */
  async function slotAfter(hoursAhead: number, skip = 0): Promise<string> {
    const slots = (await t.http().get(`/api/centres/${ANDA_CENTRE}/services/${SOCIAL_INSURANCE}/slots`).expect(200)).body.items as { startsAt: string; remaining: number }[];
    const later = slots.filter((slot) => slot.remaining > 0 && new Date(slot.startsAt).getTime() - Date.now() > hoursAhead * HOUR_MS);
    return later[skip].startsAt;
  }

  const pendingReminders = (bookingId: string) =>
    t.dataSource.getRepository(OutboxMessage).find({ where: { scheduleKey: Like(`booking-reminder:${bookingId}:%`), state: 'pending' }, order: { availableAt: 'ASC' } });

  describe('who hears what', () => {
    it("a booking made by 李明 for his father 李建国 (no phone of his own) reaches 李明 once, on every channel, and the father's reminder a day before reaches him too", async () => {
      const startsAt = await slotAfter(26);
      const booked = await t
        .http()
        .post('/api/bookings')
        .set(bearer(li))
        .send({ centreId: ANDA_CENTRE, serviceId: SOCIAL_INSURANCE, startsAt, residentId: LI_JIANGUO })
        .expect(201);
      const [confirmation] = await t.dataSource.getRepository(OutboxMessage).find({ where: { topic: 'booking.confirmed' }, order: { createdAt: 'DESC' }, take: 1 });
      expect(confirmation.payload).toMatchObject({ bookingId: booked.body.id, residentId: LI_JIANGUO });
      await drain();
      expect(await message(confirmation.id)).toMatchObject({ state: 'done', attempts: 1 });
      expect((await deliveries(confirmation.id)).map((row) => [row.recipientId, row.channel, row.outcome])).toEqual([
        [account('resident-li'), 'inbox', 'sent'],
        [account('resident-li'), 'test', 'sent'],
      ]);
      expect(channel.sendsOf(confirmation.id)).toEqual([account('resident-li')]);
      expect((await inbox(li)).items.filter((item) => item.topic === 'booking.confirmed')).toHaveLength(1);

      const reminders = await pendingReminders(booked.body.id);
      const start = new Date(startsAt).getTime();
      expect(reminders.map((row) => [row.payload.lead, row.availableAt.getTime()])).toEqual([
        ['day_before', start - 24 * HOUR_MS],
        ['hour_before', start - HOUR_MS],
      ]);
      await drain();
      expect(await pendingReminders(booked.body.id)).toHaveLength(2); // not due yet

      standAt(new Date(start - 24 * HOUR_MS + 1000));
      await drain();
      expect((await message(reminders[0].id)).state).toBe('done');
      expect((await pendingReminders(booked.body.id)).map((row) => row.payload.lead)).toEqual(['hour_before']);
      const reminded = (await inbox(li)).items.filter((item) => item.topic === 'booking.reminder');
      expect(reminded).toEqual([expect.objectContaining({ title: '明天有预约', read: false })]);
      expect(reminded[0].body).toContain('提醒您');
    });

    it('rescheduling moves the reminders with the booking; cancelling withdraws them, so none is ever sent', async () => {
      const [first, second] = [await slotAfter(26, 1), await slotAfter(50, 0)];
      const booked = await t
        .http()
        .post('/api/bookings')
        .set(bearer(wang))
        .send({ centreId: ANDA_CENTRE, serviceId: SOCIAL_INSURANCE, startsAt: first, residentId: WANG })
        .expect(201);
      expect((await pendingReminders(booked.body.id)).map((row) => row.availableAt.getTime())).toEqual([
        new Date(first).getTime() - 24 * HOUR_MS,
        new Date(first).getTime() - HOUR_MS,
      ]);

      await t.http().post(`/api/bookings/${booked.body.id}/reschedule`).set(bearer(wang)).send({ startsAt: second }).expect(200);
      const moved = await pendingReminders(booked.body.id);
      expect(moved.map((row) => [row.availableAt.getTime(), row.payload.slotStartsAt])).toEqual([
        [new Date(second).getTime() - 24 * HOUR_MS, second],
        [new Date(second).getTime() - HOUR_MS, second],
      ]);

      await t.http().post(`/api/bookings/${booked.body.id}/cancel`).set(bearer(wang)).expect(200);
      expect(await pendingReminders(booked.body.id)).toEqual([]);
      standAt(new Date(new Date(second).getTime() - HOUR_MS + 1000));
      await drain();
      expect(channel.sends.filter((send) => send.topic === 'booking.reminder' && send.payload.bookingId === booked.body.id)).toEqual([]);
    });

    it("a meal not taken in at the door reaches the elder's family and the community's staff, not the street's; an offer reaches its worker; a decision its applicant; a dispatcher's step nobody", async () => {
      const notAtHome = await enqueue('meal_order.not_at_home', liNotAtHome('notify-test'));
      const offer = await enqueue('order.offer', { orderId: stableId('order', 'notify-offer'), status: 'offered', residentId: WANG, workerId: stableId('worker', 'zhao') });
      const approval = await enqueue('provider.approve', {
        providerId: stableId('provider', 'kangle'),
        applicantAccountId: account('provider-kangle'),
        status: 'active',
        regionPath: '/340100/',
      });
      const refusal = await enqueue('order.reject', {
        orderId: stableId('order', 'notify-offer'),
        status: 'pending_dispatch',
        residentId: WANG,
        workerId: stableId('worker', 'zhao'),
      });
      await drain();

      const inboxOf = async (id: string) => (await deliveries(id)).filter((row) => row.channel === 'inbox').map((row) => row.recipientId);
      expect(await inboxOf(notAtHome.id)).toEqual([account('resident-li'), account('staff-anda')].sort());
      expect(await inboxOf(offer.id)).toEqual([account('worker-zhao')]);
      expect(await inboxOf(approval.id)).toEqual([account('provider-kangle')]);
      expect(await inboxOf(refusal.id)).toEqual([]);
      for (const id of [notAtHome.id, offer.id, approval.id, refusal.id]) expect((await message(id)).state).toBe('done');

      const seen = (await inbox(staff)).items.find((item) => item.topic === 'meal_order.not_at_home');
      expect(seen).toMatchObject({ title: '送餐时家中无人', body: expect.stringContaining('12月2日午餐') });
    });
  });

  describe('delivery: at least once, never twice', () => {
    it('a crash between the sends and marking the message done: the lease runs out, another instance takes it, and nobody hears twice', async () => {
      const sent = await enqueue('booking.no_show', { bookingId: stableId('booking', 'crash'), residentId: WANG, slotStartsAt: new Date().toISOString() });
      const [due] = (await t.dataSource.getRepository(OutboxMessage).findBy({ id: sent.id })).filter((row) => row.state === 'pending');
      const claim = await relay.claim(due);
      expect(claim).not.toBeNull();
      expect(await relay.claim(due)).toBeNull(); // a second instance cannot take a held row
      expect(await relay.deliver(claim!)).toEqual({ kind: 'delivered' });
      // …and the instance dies here, before settle().

      await drain(); // the lease still holds: nobody touches it
      expect(await message(sent.id)).toMatchObject({ state: 'pending', attempts: 1 });

      standAt(new Date(Date.now() + (LEASE_SECONDS + 1) * 1000));
      await drain();
      expect(await message(sent.id)).toMatchObject({ state: 'done', attempts: 2 });
      expect(channel.sendsOf(sent.id)).toEqual([account('resident-wang')]);
      expect(await inboxRows(sent.id)).toHaveLength(1);

      // The dead instance comes back, finishes its old delivery and tries to settle: everything is on record as sent,
      // so it sends nothing, and its claim holds nothing any more.
      expect(await relay.deliver(claim!)).toEqual({ kind: 'delivered' });
      expect(channel.sendsOf(sent.id)).toEqual([account('resident-wang')]);
      await relay.settle(claim!, { kind: 'failed', error: 'late' });
      expect(await message(sent.id)).toMatchObject({ state: 'done', lastError: null });
      // And two instances can never both put one send on record: (message, recipient, channel) is unique.
      await expect(
        t.dataSource.getRepository(NotificationDelivery).insert({
          id: stableId('delivery', 'twice'),
          messageId: sent.id,
          recipientId: account('resident-wang'),
          channel: 'test',
          outcome: 'sent',
          deliveredAt: new Date(),
        }),
      ).rejects.toThrow();
    });

    it('two relays (two instances) working the same queue at once: each message is claimed by one, and every person hears it exactly once', async () => {
      const sent: OutboxMessage[] = [];
      for (let index = 0; index < 12; index++) {
        sent.push(
          await enqueue('booking.no_show', { bookingId: stableId('booking', `race-${index}`), residentId: index % 2 ? WANG : LI_JIANGUO, slotStartsAt: new Date().toISOString() }),
        );
      }
      const passes = await Promise.all([relay.relayDue(), relay.relayDue(), relay.relayDue()]);
      await drain();
      expect(passes.reduce((sum, settled) => sum + settled, 0)).toBe(sent.length);
      for (const [index, row] of sent.entries()) {
        expect(await message(row.id)).toMatchObject({ state: 'done', attempts: 1 });
        const hearer = index % 2 ? account('resident-wang') : account('resident-li');
        expect(channel.sendsOf(row.id)).toEqual([hearer]);
        expect((await inboxRows(row.id)).map((inboxRow) => inboxRow.accountId)).toEqual([hearer]);
      }
    });

    it('a channel that fails after sending: the message is tried again later (backoff), and only on the channel that failed', async () => {
      const sent = await enqueue('booking.no_show', { bookingId: stableId('booking', 'flaky'), residentId: WANG, slotStartsAt: new Date().toISOString() });
      channel.answer = () => 'fail-after-sending';
      const now = new Date();
      standAt(now);
      await drain();
      const retried = await message(sent.id);
      expect(retried).toMatchObject({ state: 'pending', attempts: 1, lastError: 'test: connection reset after the send' });
      expect(retried.availableAt.getTime()).toBe(now.getTime() + 30_000);
      expect((await deliveries(sent.id)).map((row) => row.channel)).toEqual(['inbox']);

      channel.answer = () => ({ kind: 'sent' });
      standAt(new Date(now.getTime() + 30_000));
      await drain();
      expect(await message(sent.id)).toMatchObject({ state: 'done', attempts: 2 });
      expect(await inboxRows(sent.id)).toHaveLength(1);
      // The channel could not tell us it had sent: it was asked twice. WeChat's channel must live with that (docs/notifications.md).
      expect(channel.sendsOf(sent.id)).toEqual([account('resident-wang'), account('resident-wang')]);
    });

    it('a person WeChat refuses (no authorisation left) still has the inbox, and is not retried', async () => {
      const sent = await enqueue('booking.declined', { bookingId: stableId('booking', 'refused'), residentId: WANG, slotStartsAt: new Date().toISOString() });
      channel.answer = () => ({ kind: 'refused' });
      await drain();
      expect(await message(sent.id)).toMatchObject({ state: 'done', attempts: 1 });
      expect((await deliveries(sent.id)).map((row) => [row.channel, row.outcome])).toEqual([
        ['inbox', 'sent'],
        ['test', 'refused'],
      ]);
    });
  });

  describe('dead letters', () => {
    it('an invalid message is dead at once with its reason; a city admin sees it and retries it, and it is delivered where it was missing', async () => {
      const sent = await enqueue('booking.declined', { bookingId: stableId('booking', 'invalid'), residentId: WANG, slotStartsAt: new Date().toISOString() });
      channel.answer = () => ({ kind: 'invalid', reason: '47003 argument invalid: thing1.value' });
      await drain();
      expect(await message(sent.id)).toMatchObject({ state: 'dead', lastError: 'test: 47003 argument invalid: thing1.value' });

      const listed = await t.http().get('/api/admin/notifications/dead-letters').set(bearer(cityAdmin)).expect(200);
      expect(listed.body.items).toContainEqual(
        expect.objectContaining({ id: sent.id, topic: 'booking.declined', reason: 'test: 47003 argument invalid: thing1.value', state: 'dead' }),
      );
      // A booking's message names no region: only city admins see it; anyone else is answered as if it did not exist.
      for (const other of [districtAdmin, staff]) {
        const theirs = await t.http().get('/api/admin/notifications/dead-letters').set(bearer(other)).expect(200);
        expect(theirs.body.items.map((item: { id: string }) => item.id)).not.toContain(sent.id);
        await t.http().post(`/api/admin/notifications/dead-letters/${sent.id}/retry`).set(bearer(other)).expect(404);
      }

      channel.answer = () => ({ kind: 'sent' });
      const retried = await t.http().post(`/api/admin/notifications/dead-letters/${sent.id}/retry`).set(bearer(cityAdmin)).expect(200);
      expect(retried.body).toMatchObject({ id: sent.id, state: 'pending', attempts: 0 });
      await t.http().post(`/api/admin/notifications/dead-letters/${sent.id}/retry`).set(bearer(cityAdmin)).expect(404); // not dead any more
      await drain();
      expect(await message(sent.id)).toMatchObject({ state: 'done' });
      expect(await inboxRows(sent.id)).toHaveLength(1);
      expect(channel.sendsOf(sent.id)).toEqual([account('resident-wang'), account('resident-wang')]);
    });

    it("a dead message naming a community is seen and retried by that community's staff and the admins above it, not by another community's", async () => {
      const sent = await enqueue('meal_order.not_at_home', liNotAtHome('dead-anda'));
      channel.answer = () => ({ kind: 'invalid', reason: '47003 argument invalid: thing2.value' });
      await drain();
      expect((await message(sent.id)).state).toBe('dead');
      const idsSeenBy = async (login: LoginResponse) =>
        ((await t.http().get('/api/admin/notifications/dead-letters').set(bearer(login)).expect(200)).body.items as { id: string }[]).map((item) => item.id);
      expect(await idsSeenBy(staff)).toContain(sent.id);
      expect(await idsSeenBy(districtAdmin)).toContain(sent.id);
      expect(await idsSeenBy(cityAdmin)).toContain(sent.id);
      expect(await idsSeenBy(otherStaff)).not.toContain(sent.id);
      await t.http().post(`/api/admin/notifications/dead-letters/${sent.id}/retry`).set(bearer(otherStaff)).expect(404);

      channel.answer = () => ({ kind: 'sent' });
      await t.http().post(`/api/admin/notifications/dead-letters/${sent.id}/retry`).set(bearer(staff)).expect(200);
      await drain();
      expect(await message(sent.id)).toMatchObject({ state: 'done' });
      // The inbox already had it from the first try: the retry reached only the channel that had refused it.
      expect((await inboxRows(sent.id)).map((row) => row.accountId).sort()).toEqual([account('resident-li'), account('staff-anda')].sort());
      expect(channel.sendsOf(sent.id).sort()).toEqual([account('resident-li'), account('resident-li'), account('staff-anda'), account('staff-anda')].sort());
      const audit = await t.dataSource.query(`SELECT action, region_path FROM audit_entry WHERE target_id = '${sent.id}'`);
      expect(audit).toEqual([{ action: 'notification.retried', region_path: expect.stringContaining(ANDA) }]);
    });

    it('a message one send calls invalid while another failed for now is tried again, so the failed send is not lost; then dead', async () => {
      const sent = await enqueue('meal_order.not_at_home', liNotAtHome('dead-mixed'));
      // 李建国's send is refused as invalid (his number, say); the staff member's fails for now (WeChat busy).
      channel.answer = (notification) =>
        notification.recipientId === account('resident-li') ? { kind: 'invalid', reason: '47003 argument invalid: thing1.value' } : 'fail-after-sending';
      const now = Date.now();
      standAt(new Date(now));
      await drain();
      const first = await message(sent.id);
      expect(first).toMatchObject({ state: 'pending', lastError: 'test: connection reset after the send' });

      channel.answer = (notification) =>
        notification.recipientId === account('resident-li') ? { kind: 'invalid', reason: '47003 argument invalid: thing1.value' } : { kind: 'sent' };
      standAt(first.availableAt);
      await drain();
      expect(await message(sent.id)).toMatchObject({ state: 'dead', lastError: 'test: 47003 argument invalid: thing1.value' });
      expect(channel.sendsOf(sent.id).filter((recipient) => recipient === account('staff-anda'))).toHaveLength(2);
      expect((await deliveries(sent.id)).filter((row) => row.channel === 'test').map((row) => row.recipientId)).toEqual([account('staff-anda')]);
    });

    it(`a message that keeps failing is dead after ${MAX_ATTEMPTS} tries, waiting longer each time`, async () => {
      const sent = await enqueue('booking.declined', { bookingId: stableId('booking', 'failing'), residentId: WANG, slotStartsAt: new Date().toISOString() });
      channel.answer = () => 'fail-after-sending';
      let now = Date.now();
      const waits: number[] = [];
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        standAt(new Date(now));
        await drain();
        const row = await message(sent.id);
        if (row.state === 'pending') waits.push(row.availableAt.getTime() - now);
        now = row.availableAt.getTime();
      }
      expect(waits).toEqual([30_000, 60_000]);
      expect(await message(sent.id)).toMatchObject({
        state: 'dead',
        attempts: MAX_ATTEMPTS,
        lastError: `${MAX_ATTEMPTS} 次发送失败，最后一次：test: connection reset after the send`,
      });
    });
  });

  describe('the inbox', () => {
    it('lists the caller’s own messages newest first with the unread count; marks one or all read; another account’s message is not found', async () => {
      const first = await enqueue('booking.declined', { bookingId: stableId('booking', 'inbox-1'), residentId: WANG, slotStartsAt: '2026-12-03T01:00:00.000Z' });
      await drain();
      const second = await enqueue('booking.no_show', { bookingId: stableId('booking', 'inbox-2'), residentId: WANG, slotStartsAt: '2026-12-03T01:00:00.000Z' });
      await drain();
      await t.http().post('/api/inbox/read-all').set(bearer(wang)).expect(200);
      const third = await enqueue('booking.confirmed', { bookingId: stableId('booking', 'inbox-3'), residentId: WANG, slotStartsAt: '2026-12-03T01:00:00.000Z' });
      await drain();
      expect((await inboxRows(first.id)).concat(await inboxRows(second.id)).map((row) => row.readAt)).toEqual([expect.any(Date), expect.any(Date)]);

      const [newest] = await inboxRows(third.id);
      const listed = await inbox(wang);
      expect(listed.unread).toBe(1);
      expect(listed.items.find((item) => item.id === newest.id)).toEqual({
        id: newest.id,
        topic: 'booking.confirmed',
        title: '预约成功',
        body: '您的预约已确认：12月3日 09:00，请按时到场。',
        createdAt: newest.createdAt.toISOString(),
        read: false,
      });
      const times = listed.items.map((item) => item.createdAt);
      expect(times).toEqual([...times].sort().reverse());
      expect((await t.http().get('/api/inbox/unread-count').set(bearer(wang)).expect(200)).body).toEqual({ unread: 1 });

      await t.http().post(`/api/inbox/${newest.id}/read`).set(bearer(li)).expect(404);
      const read = await t.http().post(`/api/inbox/${newest.id}/read`).set(bearer(wang)).expect(200);
      expect(read.body).toMatchObject({ id: newest.id, read: true });
      expect((await t.http().get('/api/inbox/unread-count').set(bearer(wang)).expect(200)).body).toEqual({ unread: 0 });
    });

    it('keeps messages 90 days: older ones are no longer listed, and the sweep deletes them', async () => {
      const old = await enqueue('booking.declined', { bookingId: stableId('booking', 'old'), residentId: WANG, slotStartsAt: '2026-09-01T01:00:00.000Z' });
      await drain();
      const [row] = await inboxRows(old.id);
      expect((await inbox(wang)).items.map((item) => item.id)).toContain(row.id);

      standAt(new Date(row.createdAt.getTime() + 91 * 24 * HOUR_MS));
      expect((await inbox(wang)).items.map((item) => item.id)).not.toContain(row.id);
      expect(await t.app.get(InboxService).deleteExpired()).toBeGreaterThanOrEqual(1);
      expect(await inboxRows(old.id)).toEqual([]);
    });
  });
});
