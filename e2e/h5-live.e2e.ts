import { DataSource } from 'typeorm';
import { addDays, instantOf, shanghaiDateOf } from '@linli/shared';
import { stableId } from '../api/src/seed/stable-id';
import { callApi, waitFor } from './support/calls';
import { demoLogin, NEAR_ANDA, phonesPerTest, signInAs, workerZhaoGoesOnline } from './support/h5-harness';

import type { H5Harness } from './support/h5-harness';

const ANDA_CENTRE = stableId('centre', 'C340104001001');
const HOME_CLEANING = stableId('service', 'home_cleaning');
const SOCIAL_INSURANCE = stableId('service', 'social_insurance');
const WANG = stableId('resident', 'wang-xiuying');

/** `YYYY-MM-DD HH:MM:SS.mmm` in UTC, as the API's SQLite database stores datetimes. */
const sqliteDateTime = (instant: Date) => instant.toISOString().replace('T', ' ').replace('Z', '');

async function wangToken(harness: H5Harness): Promise<string> {
  const accounts = (await callApi<{ items: { id: string; displayName: string }[] }>(harness.api.baseUrl, 'GET', '/api/auth/demo/accounts', null)).items;
  return demoLogin(harness.api.baseUrl, accounts.find((account) => account.displayName.includes('王秀英'))!.id);
}

/**
 * Issue 15's live updates in the real H5 build in Chromium, against the real API process: the worker's workbench
 * receives an offer over its WebSocket (/api/live) without reloading — the page asks for the offer only after the
 * socket's `offer` frame arrived, never by a poll — and a resident's 消息 page lists the booking reminder the relay
 * delivered when it fell due.
 */
describe('H5: live updates', () => {
  const phones = phonesPerTest({ worker: { geolocation: NEAR_ANDA, permissions: ['geolocation'] }, resident: {} });

  phones.test('the worker’s workbench shows a new offer pushed by the socket, without reloading and without polling', async () => {
    const { harness } = phones;
    const { worker } = phones.pages;
    const frames: { at: number; payload: string }[] = [];
    const offerAsked: number[] = [];
    let loads = 0;
    worker.on('websocket', (socket) => {
      if (socket.url().endsWith('/api/live')) socket.on('framereceived', (frame) => frames.push({ at: Date.now(), payload: String(frame.payload) }));
    });
    worker.on('request', (request) => {
      if (request.method() === 'GET' && new URL(request.url()).pathname === '/api/worker/offer') offerAsked.push(Date.now());
    });
    worker.on('load', () => loads++);

    await workerZhaoGoesOnline(worker, harness.api.baseUrl);
    // Online: the socket signs in, and the page looks once for what was offered while it was not listening.
    await waitFor('the live socket to sign in', () => frames.some((frame) => frame.payload.includes('"type":"ready"')), Boolean);
    await waitFor(
      'the look after the socket came up',
      () => offerAsked.length,
      (count) => count > 0,
    );
    await worker.locator('.worker-presence__offline').first().waitFor();
    const loadsBefore = loads;
    await worker.evaluate(() => ((window as unknown as { stillThisPage: boolean }).stillThisPage = true));

    // 王秀英 asks for a home cleaning; the dispatcher offers it to 赵师傅, the only worker online near 安大社区.
    const placedAt = Date.now();
    const tomorrow = addDays(shanghaiDateOf(new Date()), 1);
    const order = await callApi<{ id: string }>(harness.api.baseUrl, 'POST', '/api/home-orders', await wangToken(harness), {
      centreId: ANDA_CENTRE,
      serviceId: HOME_CLEANING,
      residentId: WANG,
      address: '蜀山区肥西路 3 号院 5 栋 201',
      // Tomorrow morning, Shanghai time: within 赵师傅's working hours whatever the hour the test runs (a window a day
      // from now fell outside them in the evening, and the order went to staff instead of to him).
      windowStartsAt: instantOf(tomorrow, '09:00').toISOString(),
      windowEndsAt: instantOf(tomorrow, '12:00').toISOString(),
      description: '推送测试',
    });
    const offer = worker.locator('.worker-offer', { hasText: '家政保洁上门' }).first();
    await offer.waitFor({ timeout: 30_000 });
    expect(await offer.innerText()).toContain('蜀山区肥西路 3 号院 5 栋 201');

    const offerFrame = frames.find((frame) => frame.payload.includes('"type":"offer"') && frame.payload.includes(order.id));
    expect(offerFrame).toBeDefined();
    const askedSince = offerAsked.filter((at) => at >= placedAt);
    expect(askedSince.length).toBeGreaterThan(0);
    // Every look after the order was placed came after the frame: the socket brought it, not a poll.
    expect(askedSince.every((at) => at >= offerFrame!.at)).toBe(true);
    // The same page, never reloaded.
    expect(loads).toBe(loadsBefore);
    expect(await worker.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage)).toBe(true);
  });

  phones.test('a resident’s 消息 lists the booking reminder when it falls due', async () => {
    const { harness } = phones;
    const { resident } = phones.pages;
    const token = await wangToken(harness);
    const slots = (
      await callApi<{ items: { startsAt: string; remaining: number }[] }>(harness.api.baseUrl, 'GET', `/api/centres/${ANDA_CENTRE}/services/${SOCIAL_INSURANCE}/slots`, null)
    ).items;
    const free = slots.find((slot) => slot.remaining > 0 && new Date(slot.startsAt).getTime() - Date.now() > 26 * 3600_000)!;
    const booking = await callApi<{ id: string }>(harness.api.baseUrl, 'POST', '/api/bookings', token, {
      centreId: ANDA_CENTRE,
      serviceId: SOCIAL_INSURANCE,
      startsAt: free.startsAt,
      residentId: WANG,
    });

    // The day-before reminder is a row due a day before the slot: the day before has come (its due time moved to now).
    const database = await new DataSource({ type: 'better-sqlite3', database: harness.databaseUrl.replace(/^sqlite:/, ''), timeout: 5_000 }).initialize();
    try {
      const key = `booking-reminder:${booking.id}:day_before`;
      expect(await database.query<{ state: string }[]>('SELECT state FROM outbox_message WHERE schedule_key = ?', [key])).toEqual([{ state: 'pending' }]);
      await database.query('UPDATE outbox_message SET available_at = ? WHERE schedule_key = ?', [sqliteDateTime(new Date()), key]);
    } finally {
      await database.destroy();
    }
    // The relay (every 2 s) delivers it to her inbox.
    await waitFor(
      'the reminder in her inbox',
      async () => (await callApi<{ items: { title: string }[] }>(harness.api.baseUrl, 'GET', '/api/inbox', token)).items.map((item) => item.title),
      (titles) => titles.includes('明天有预约'),
    );

    await signInAs(resident, harness.api.baseUrl, '王秀英');
    await resident.locator('.profile-name').first().waitFor({ timeout: 20_000 });
    await resident.goto(`${harness.api.baseUrl}/#/pages/messages/index`);
    const reminder = resident.locator('.message-card', { hasText: '明天有预约' }).first();
    await reminder.waitFor({ timeout: 20_000 });
    expect(await reminder.innerText()).toContain('请按时到场');
    expect(await reminder.getAttribute('class')).toContain('message-card--unread');
  });
});
