import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { LoginResponse, SlotList } from '@linli/shared';
import { createApp } from '../src/app.factory';
import { AppointmentsRepository } from '../src/modules/appointments/appointments.repository';
import { stableId } from '../src/seed/stable-id';
import { bearer, loginWithPassword } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

const CENTRE = stableId('centre', 'C340104001001');
const SERVICE = stableId('service', 'volunteer_activity');
const COMMUNITY = stableId('region', '340104001001');
const policy = { bookingWindowDays: 14, minNoticeMinutes: 120, cancelCutoffMinutes: 60 };
const everyDay = (ranges: Array<{ start: string; end: string }>, slotMinutes: number, seats: number) =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, ranges, slotMinutes, seats }));

/**
 * The slot list caches generated slots per instance, keyed by the offering's schedule version (docs/decisions/0019):
 * two instances on one database; every kind of schedule write — weekly hours and seats, a date exception set and
 * removed, the holiday calendar imported and removed — is made through the first, and the very next slot list of
 * the second shows it. Seat counts are never cached: a booking on one instance shows at once on the other.
 */
describe('slot cache: a schedule change shows at once on every instance', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  let staff: LoginResponse;
  let cityAdmin: LoginResponse;
  const onSecond = () => request(second.getHttpServer());
  const slotsOnSecond = async (): Promise<SlotList> => (await onSecond().get(`/api/centres/${CENTRE}/services/${SERVICE}/slots`).expect(200)).body;
  const setWeekly = (weekly: ReturnType<typeof everyDay>) =>
    t.http().put(`/api/staff/centres/${CENTRE}/services/${SERVICE}/schedule`).set(bearer(staff)).send({ weekly, policy }).expect(200);

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_IP: '10000' } });
    await t.seed();
    second = await createApp(t.config);
    await second.getHttpAdapter().getInstance().ready();
    [staff, cityAdmin] = await Promise.all([loginWithPassword(t, 'anda.staff'), loginWithPassword(t, 'city.admin')]);
    await setWeekly(everyDay([{ start: '09:00', end: '11:00' }], 120, 5));
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  it('a repeated slot list reads the rules once; the seats still come live', async () => {
    const rules = jest.spyOn(second.get(AppointmentsRepository), 'listOpeningRules');
    try {
      const first = await slotsOnSecond();
      const again = await slotsOnSecond();
      expect(again).toEqual(first);
      expect(rules.mock.calls.length).toBeLessThanOrEqual(1);
      expect(first.items.length).toBeGreaterThan(0);
      expect(first.items.every((slot) => slot.capacity === 5 && slot.start === '09:00' && slot.end === '11:00')).toBe(true);
    } finally {
      rules.mockRestore();
    }
  });

  it('new weekly hours and seats set on one instance are the next slot list of the other', async () => {
    await slotsOnSecond();
    await setWeekly(everyDay([{ start: '14:00', end: '16:00' }], 60, 7));
    const list = await slotsOnSecond();
    expect(list.items.length).toBeGreaterThan(0);
    expect(new Set(list.items.map((slot) => `${slot.start}-${slot.end}/${slot.capacity}`))).toEqual(new Set(['14:00-15:00/7', '15:00-16:00/7']));
  });

  it('a date exception set, then removed, on one instance shows on the other at once', async () => {
    const before = await slotsOnSecond();
    const date = before.items.at(-1)!.date;
    await t.http().put(`/api/staff/centres/${CENTRE}/services/${SERVICE}/exceptions/${date}`).set(bearer(staff)).send({ kind: 'closed', reason: '场地检修' }).expect(200);
    expect((await slotsOnSecond()).items.some((slot) => slot.date === date)).toBe(false);
    await t.http().delete(`/api/staff/centres/${CENTRE}/services/${SERVICE}/exceptions/${date}`).set(bearer(staff)).expect(200);
    expect(await slotsOnSecond()).toEqual(before);
  });

  it('a holiday imported into the calendar on one instance closes that day on the other at once; removing the import opens it again', async () => {
    const before = await slotsOnSecond();
    const date = before.items.at(-1)!.date;
    const year = Number(date.slice(0, 4));
    await t
      .http()
      .put(`/api/admin/calendar/${year}`)
      .set(bearer(cityAdmin))
      .send({ days: [{ date, kind: 'holiday', name: '测试假日' }] })
      .expect(200);
    const during = await slotsOnSecond();
    expect(during.items.some((slot) => slot.date === date)).toBe(false);
    expect(during.calendar).toContainEqual({ date, kind: 'holiday', name: '测试假日', source: 'admin' });
    await t.http().put(`/api/admin/calendar/${year}`).set(bearer(cityAdmin)).send({ days: [] }).expect(200);
    expect((await slotsOnSecond()).items).toEqual(before.items);
  });

  it('a seat booked on one instance is one seat fewer in the other instance’s next slot list', async () => {
    const before = await slotsOnSecond();
    const slot = before.items[0];
    const residentId = (await t.dataSource.query('SELECT id FROM resident WHERE community_id = ? ORDER BY id LIMIT 1', [COMMUNITY]))[0].id as string;
    await t.http().post('/api/bookings').set(bearer(staff)).send({ centreId: CENTRE, serviceId: SERVICE, startsAt: slot.startsAt, residentId }).expect(201);
    const after = await slotsOnSecond();
    expect(after.items.find((item) => item.startsAt === slot.startsAt)!.remaining).toBe(slot.remaining - 1);
  });
});
