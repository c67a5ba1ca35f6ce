import { addDays, isoWeekdayOf, shanghaiDateOf, type LoginResponse, type SlotAvailability } from '@linli/shared';
import { Booking } from '../src/modules/appointments/booking.entity';
import { Slot } from '../src/modules/appointments/slot.entity';
import { stableId } from '../src/seed/stable-id';
import { insertBookingHappeningNow } from './support/bookings';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

const ANDA_CENTRE = stableId('centre', 'C340104001001');
const ANDA = stableId('region', '340104001001');
const service = (code: string) => stableId('service', code);
const WANG = stableId('resident', 'wang-xiuying');
const LI_MING = stableId('resident', 'li-ming');
const LI_JIANGUO = stableId('resident', 'li-jianguo');
const SUN = stableId('resident', 'sun-guilan');

describe('appointments: slots, booking rules and the booking state machine', () => {
  let t: TestApp;
  let wang: LoginResponse;
  let li: LoginResponse;
  let sun: LoginResponse;
  let staff: LoginResponse;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_IP: '10000' } });
    await t.seed();
    [wang, li, sun, staff] = await Promise.all([
      loginWithWechat(t, 'demo-openid-wang-xiuying'),
      loginWithWechat(t, 'demo-openid-li-ming'),
      loginWithWechat(t, 'demo-openid-sun-guilan'),
      loginWithPassword(t, 'anda.staff'),
    ]);
  });
  afterAll(() => t.close());

  async function slots(code: string): Promise<SlotAvailability[]> {
    return (
      await t
        .http()
        .get(`/api/centres/${ANDA_CENTRE}/services/${service(code)}/slots`)
        .expect(200)
    ).body.items;
  }

  /** Rooms and courts need the number of people using them; other services must not send it. */
  const VENUES = ['council_hall', 'activity_room', 'sports_venue'];

  function book(login: LoginResponse, code: string, startsAt: string, residentId: string, key?: string) {
    const request = t.http().post('/api/bookings').set(bearer(login));
    const groupSize = VENUES.includes(code) ? { groupSize: 4 } : {};
    return (key ? request.set('idempotency-key', key) : request).send({ centreId: ANDA_CENTRE, serviceId: service(code), startsAt, residentId, ...groupSize });
  }

  describe('slots', () => {
    it('offers weekday half-hour slots in Shanghai time, inside the booking window, after the minimum notice', async () => {
      const offered = await slots('social_insurance');
      expect(offered.length).toBeGreaterThan(0);
      const now = Date.now();
      const today = shanghaiDateOf(new Date());
      for (const slot of offered) {
        expect(isoWeekdayOf(slot.date)).toBeLessThanOrEqual(5);
        expect(new Date(slot.startsAt).getTime()).toBeGreaterThanOrEqual(now + 120 * 60_000 - 1_000);
        expect(slot.date <= addDays(today, 13)).toBe(true);
        expect([slot.capacity, slot.remaining]).toEqual([3, 3]);
        expect(new Date(slot.endsAt).getTime() - new Date(slot.startsAt).getTime()).toBe(30 * 60_000);
      }
      expect(offered[0].start >= '08:30' && offered[0].end <= '17:30').toBe(true);
    });

    it('a closed date exception removes that day; an open one adds a Sunday', async () => {
      const first = (await slots('employment'))[0];
      const path = `/api/staff/centres/${ANDA_CENTRE}/services/${service('employment')}/exceptions`;
      await t.http().put(`${path}/${first.date}`).set(bearer(staff)).send({ kind: 'closed', reason: '工作人员培训' }).expect(200);
      expect((await slots('employment')).some((slot) => slot.date === first.date)).toBe(false);
      await t.http().delete(`${path}/${first.date}`).set(bearer(staff)).expect(200);
      expect((await slots('employment')).some((slot) => slot.date === first.date)).toBe(true);

      const today = shanghaiDateOf(new Date());
      const sunday = [1, 2, 3, 4, 5, 6, 7].map((n) => addDays(today, n)).find((date) => isoWeekdayOf(date) === 7)!;
      await t
        .http()
        .put(`${path}/${sunday}`)
        .set(bearer(staff))
        .send({ kind: 'open', ranges: [{ start: '09:00', end: '10:00' }], slotMinutes: 30, seats: 2, reason: '周日便民服务' })
        .expect(200);
      expect((await slots('employment')).filter((slot) => slot.date === sunday).map((slot) => [slot.start, slot.capacity])).toEqual([
        ['09:00', 2],
        ['09:30', 2],
      ]);
    });

    it('refuses schedules that break the rules, naming the problem', async () => {
      const response = await t
        .http()
        .put(`/api/staff/centres/${ANDA_CENTRE}/services/${service('employment')}/schedule`)
        .set(bearer(staff))
        .send({
          weekly: [
            {
              weekday: 1,
              ranges: [
                { start: '09:00', end: '12:00' },
                { start: '11:00', end: '13:00' },
              ],
              slotMinutes: 30,
              seats: 3,
            },
          ],
          policy: { bookingWindowDays: 14, minNoticeMinutes: 60, cancelCutoffMinutes: 60 },
        })
        .expect(400);
      expect(response.body.details[0]).toMatchObject({ field: 'weekly', message: expect.stringContaining('overlap') });
    });

    it('only a city-level admin loads the holiday calendar', async () => {
      const body = {
        days: [
          { date: '2027-01-01', kind: 'holiday', name: '元旦' },
          { date: '2027-01-09', kind: 'workday', name: '调休上班', worksAs: 5 },
        ],
      };
      await t
        .http()
        .put('/api/admin/calendar/2027')
        .set(bearer(await loginWithPassword(t, 'shushan.admin')))
        .send(body)
        .expect(403);
      const loaded = await t
        .http()
        .put('/api/admin/calendar/2027')
        .set(bearer(await loginWithPassword(t, 'city.admin')))
        .send(body)
        .expect(200);
      expect(loaded.body.items).toEqual(body.days.map((day) => ({ ...day, source: 'admin' })));
      const outside = await t
        .http()
        .put('/api/admin/calendar/2028')
        .set(bearer(await loginWithPassword(t, 'city.admin')))
        .send(body)
        .expect(400);
      expect(outside.body.details[0].message).toContain('not in 2028');
    });
  });

  describe('booking', () => {
    it('a resident books for herself; the seat is taken and the booking is confirmed', async () => {
      const [slot] = await slots('social_insurance');
      const response = await book(wang, 'social_insurance', slot.startsAt, WANG).expect(201);
      expect(response.body).toMatchObject({
        status: 'confirmed',
        person: { id: WANG, name: '王秀英' },
        bookedFor: 'self',
        date: slot.date,
        start: slot.start,
        actions: ['cancel'],
      });
      expect((await slots('social_insurance'))[0].remaining).toBe(2);
      const mine = await t.http().get('/api/bookings').set(bearer(wang)).expect(200);
      expect(mine.body.items.map((b: { id: string }) => b.id)).toContain(response.body.id);
    });

    it('a son books day care for his father, but not for himself: he is under 60', async () => {
      const [slot] = await slots('elder_day_care');
      const forFather = await book(li, 'elder_day_care', slot.startsAt, LI_JIANGUO).expect(201);
      expect(forFather.body).toMatchObject({ bookedFor: 'household', person: { name: '李建国' } });
      const forHimself = await book(li, 'elder_day_care', slot.startsAt, LI_MING).expect(409);
      expect(forHimself.body).toMatchObject({ code: 'NOT_ELIGIBLE', details: { minAge: 60 } });
      const listed = await t.http().get('/api/bookings').set(bearer(li)).expect(200);
      expect(listed.body.items.map((b: { person: { name: string } }) => b.person.name)).toContain('李建国');
    });

    it('nobody books for a stranger', async () => {
      const [slot] = await slots('social_insurance');
      await book(sun, 'social_insurance', slot.startsAt, WANG).expect(404);
    });

    it('the same person cannot hold the same slot twice', async () => {
      const slot = (await slots('migrant_registration'))[0];
      await book(sun, 'migrant_registration', slot.startsAt, SUN).expect(201);
      const again = await book(sun, 'migrant_registration', slot.startsAt, SUN).expect(409);
      expect(again.body.code).toBe('ALREADY_BOOKED');
      expect(
        (
          await t.dataSource
            .getRepository(Slot)
            .findOneByOrFail({ startsAt: new Date(slot.startsAt), centreServiceId: stableId('centre-service', 'C340104001001:migrant_registration') })
        ).booked,
      ).toBe(1);
    });

    it('a full slot answers SLOT_FULL and the counter never passes capacity', async () => {
      const slot = (await slots('party_member_report'))[1];
      await book(wang, 'party_member_report', slot.startsAt, WANG).expect(201);
      await book(li, 'party_member_report', slot.startsAt, LI_MING).expect(201);
      await book(li, 'party_member_report', slot.startsAt, LI_JIANGUO).expect(201);
      const fourth = await book(sun, 'party_member_report', slot.startsAt, SUN).expect(409);
      expect(fourth.body.code).toBe('SLOT_FULL');
      expect((await slots('party_member_report'))[1].remaining).toBe(0);
    });

    it('stops slot hoarding at the per-service limit', async () => {
      const offered = await slots('government_errands');
      for (const slot of offered.slice(0, 3)) await book(sun, 'government_errands', slot.startsAt, SUN).expect(201);
      const fourth = await book(sun, 'government_errands', offered[3].startsAt, SUN).expect(409);
      expect(fourth.body).toMatchObject({ code: 'BOOKING_LIMIT_REACHED', details: { limit: 3 } });
    });

    it('asks venue bookings how many people will come, and only them', async () => {
      const [room] = await slots('activity_room');
      const missing = await t
        .http()
        .post('/api/bookings')
        .set(bearer(wang))
        .send({ centreId: ANDA_CENTRE, serviceId: service('activity_room'), startsAt: room.startsAt, residentId: WANG })
        .expect(400);
      expect(missing.body.details[0]).toMatchObject({ field: 'groupSize', message: '场地预约请填写使用人数' });
      const booked = await book(wang, 'activity_room', room.startsAt, WANG).expect(201);
      expect(booked.body.groupSize).toBe(4);
      await t.http().post(`/api/bookings/${booked.body.id}/cancel`).set(bearer(wang)).expect(200);
      const [desk] = await slots('employment');
      const stray = await t
        .http()
        .post('/api/bookings')
        .set(bearer(wang))
        .send({ centreId: ANDA_CENTRE, serviceId: service('employment'), startsAt: desk.startsAt, residentId: WANG, groupSize: 2 })
        .expect(400);
      expect(stray.body.details[0].field).toBe('groupSize');
    });

    it('refuses times that are not offered and home services', async () => {
      const [slot] = await slots('social_insurance');
      const offset = new Date(new Date(slot.startsAt).getTime() + 7 * 60_000).toISOString();
      expect((await book(wang, 'social_insurance', offset, WANG).expect(409)).body.code).toBe('SLOT_UNAVAILABLE');
      const past = await book(wang, 'social_insurance', '2020-01-06T01:00:00.000Z', WANG).expect(409);
      expect(past.body.code).toBe('SLOT_UNAVAILABLE');
      const home = await t
        .http()
        .post('/api/bookings')
        .set(bearer(wang))
        .send({ centreId: ANDA_CENTRE, serviceId: service('home_cleaning'), startsAt: slot.startsAt, residentId: WANG })
        .expect(409);
      expect(home.body.details).toEqual({ reason: 'home_service' });
    });

    it('an Idempotency-Key makes a retry return the same booking; reusing it for another request is refused', async () => {
      const [first, second] = await slots('community_course');
      const once = await book(wang, 'community_course', first.startsAt, WANG, 'retry-key-0001').expect(201);
      const retry = await book(wang, 'community_course', first.startsAt, WANG, 'retry-key-0001').expect(201);
      expect(retry.body.id).toBe(once.body.id);
      // Counted in this service's slot: other tests book 王秀英 into other services, whose first slot can start at the same time.
      const { slotId } = await t.dataSource.getRepository(Booking).findOneByOrFail({ id: once.body.id as string });
      expect(await t.dataSource.getRepository(Booking).countBy({ residentId: WANG, slotId })).toBe(1);
      const misuse = await book(wang, 'community_course', second.startsAt, WANG, 'retry-key-0001').expect(422);
      expect(misuse.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      const badKey = await book(wang, 'community_course', second.startsAt, WANG, 'short').expect(400);
      expect(badKey.body.details[0].field).toBe('Idempotency-Key');
    });

    it('six retries with one Idempotency-Key sent at once make one booking, and every answer is that booking', async () => {
      const [, , third] = await slots('community_course');
      const answers = await Promise.all(Array.from({ length: 6 }, () => book(wang, 'community_course', third.startsAt, WANG, 'burst-key-0001')));
      expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(201));
      expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
      expect(await t.dataSource.getRepository(Booking).countBy({ residentId: WANG, slot: { startsAt: new Date(third.startsAt) } })).toBe(1);
    });

    it('staff book for a phoneless resident of their region, and see the day’s list', async () => {
      const elder = await t
        .http()
        .post('/api/staff/residents')
        .set(bearer(staff))
        .send({ name: '吴奶奶', communityId: ANDA, phone: '13500001111', phoneOwner: 'relative' })
        .expect(201);
      const [slot] = await slots('resident_petition');
      const booked = await book(staff, 'resident_petition', slot.startsAt, elder.body.id).expect(201);
      expect(booked.body).toMatchObject({ bookedFor: 'staff', person: { name: '吴奶奶' }, actions: ['cancel', 'check_in', 'mark_no_show'] });
      const day = await t.http().get('/api/staff/bookings').set(bearer(staff)).query({ centreId: ANDA_CENTRE, date: slot.date }).expect(200);
      expect(day.body.items.map((b: { id: string }) => b.id)).toContain(booked.body.id);
      const outsider = await loginWithPassword(t, 'nanping.staff');
      await book(outsider, 'resident_petition', slot.startsAt, elder.body.id).expect(404);
      await t.http().get('/api/staff/bookings').set(bearer(outsider)).query({ centreId: ANDA_CENTRE }).expect(404);
    });
  });

  describe('staff reports', () => {
    it('exports a centre’s bookings as CSV for a spreadsheet, phones masked, and counts them per service, area and day', async () => {
      const [slot] = await slots('migrant_registration');
      const csv = await t.http().get('/api/staff/bookings/export').set(bearer(staff)).query({ centreId: ANDA_CENTRE, from: slot.date, to: slot.date }).expect(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      const lines = csv.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe('日期,开始,结束,服务,居民,联系电话,状态,预约时间');
      expect(lines.some((line) => line.includes('流动人口居住登记') && line.includes('孙桂兰') && line.includes('139****0003'))).toBe(true);
      expect(csv.text).not.toContain('13905510003');
      const tooLong = await t.http().get('/api/staff/bookings/export').set(bearer(staff)).query({ centreId: ANDA_CENTRE, from: '2026-01-01', to: '2026-03-01' }).expect(400);
      expect(tooLong.body.details[0].field).toBe('to');

      const stats = await t.http().get('/api/staff/statistics').set(bearer(staff)).query({ from: slot.date, to: slot.date }).expect(200);
      expect(stats.body.byService.find((c: { label: string }) => c.label === '流动人口居住登记')).toMatchObject({ bookings: 1, noShows: 0, noShowRate: null });
      expect(stats.body.byArea.map((c: { label: string }) => c.label)).toEqual(['安大社区']);
      expect(stats.body.byDay[0].key).toBe(slot.date);
      const outsider = await loginWithPassword(t, 'nanping.staff');
      const theirs = await t.http().get('/api/staff/statistics').set(bearer(outsider)).query({ from: slot.date, to: slot.date }).expect(200);
      expect(theirs.body.byArea.map((c: { label: string }) => c.label)).not.toContain('安大社区');
      await t.http().get('/api/staff/statistics').set(bearer(outsider)).query({ regionId: ANDA, from: slot.date, to: slot.date }).expect(404);
    });
  });

  describe('home services', () => {
    it('are requested with an address and a time window and go to dispatch (to staff when no worker is online)', async () => {
      const body = {
        centreId: ANDA_CENTRE,
        serviceId: service('home_elder_care'),
        residentId: LI_JIANGUO,
        address: '蜀山区肥西路 3 号院 2 栋 102',
        windowStartsAt: new Date(Date.now() + 26 * 3600_000).toISOString(),
        windowEndsAt: new Date(Date.now() + 28 * 3600_000).toISOString(),
        description: '每周助浴一次',
      };
      const created = await t.http().post('/api/home-orders').set(bearer(li)).send(body).expect(201);
      expect(created.body).toMatchObject({ kind: 'home_service', status: 'escalated', service: { name: '居家养老上门服务' }, person: { name: '李建国' } });
      const mine = await t.http().get('/api/home-orders').set(bearer(li)).expect(200);
      expect(mine.body.items.map((o: { id: string }) => o.id)).toContain(created.body.id);
      await t.http().post('/api/home-orders').set(bearer(sun)).send(body).expect(404);
      const backwards = await t
        .http()
        .post('/api/home-orders')
        .set(bearer(li))
        .send({ ...body, windowEndsAt: body.windowStartsAt })
        .expect(400);
      expect(backwards.body.details[0].field).toBe('windowStartsAt');
      // The same notice the form applies (HOME_VISIT_NOTICE_MINUTES): a window starting in half an hour is refused.
      const soon = { windowStartsAt: new Date(Date.now() + 30 * 60_000).toISOString(), windowEndsAt: new Date(Date.now() + 150 * 60_000).toISOString() };
      const tooSoon = await t
        .http()
        .post('/api/home-orders')
        .set(bearer(li))
        .send({ ...body, ...soon })
        .expect(400);
      expect(tooSoon.body.details[0]).toMatchObject({ field: 'windowStartsAt', constraints: ['notice'] });
      const deskService = await t
        .http()
        .post('/api/home-orders')
        .set(bearer(li))
        .send({ ...body, serviceId: service('social_insurance') })
        .expect(409);
      expect(deskService.body.details).toEqual({ reason: 'not_home_service' });
    });
  });

  describe('the state machine', () => {
    it('review services wait for staff; approve confirms, decline rejects and gives the seat back', async () => {
      const [slot] = await slots('mediation');
      const pending = await book(wang, 'mediation', slot.startsAt, WANG).expect(201);
      expect(pending.body.status).toBe('pending_review');
      const approved = await t.http().post(`/api/staff/bookings/${pending.body.id}/transitions`).set(bearer(staff)).send({ event: 'approve' }).expect(200);
      expect(approved.body.status).toBe('confirmed');

      const other = await book(sun, 'mediation', slot.startsAt, SUN).expect(201);
      expect((await slots('mediation'))[0].remaining).toBe(1);
      const declined = await t.http().post(`/api/staff/bookings/${other.body.id}/transitions`).set(bearer(staff)).send({ event: 'decline' }).expect(200);
      expect(declined.body.status).toBe('rejected');
      expect((await slots('mediation'))[0].remaining).toBe(2);
    });

    it('check-in then completion; every transition not in the diagram is a clean 409', async () => {
      const [slot] = await slots('disability_rehab');
      const booking = await book(wang, 'disability_rehab', slot.startsAt, WANG).expect(201);
      const move = (event: string) => t.http().post(`/api/staff/bookings/${booking.body.id}/transitions`).set(bearer(staff)).send({ event });
      expect((await move('complete').expect(409)).body).toMatchObject({ code: 'INVALID_TRANSITION', details: { status: 'confirmed', event: 'complete' } });
      expect((await move('approve').expect(409)).body.code).toBe('INVALID_TRANSITION');
      expect((await move('check_in').expect(200)).body.status).toBe('checked_in');
      expect((await move('check_in').expect(409)).body.code).toBe('INVALID_TRANSITION');
      expect((await move('mark_no_show').expect(409)).body.code).toBe('INVALID_TRANSITION');
      expect((await move('complete').expect(200)).body.status).toBe('completed');
      expect((await t.http().post(`/api/bookings/${booking.body.id}/cancel`).set(bearer(wang)).expect(409)).body.code).toBe('INVALID_TRANSITION');
      const unknown = await move('teleport').expect(400);
      expect(unknown.body.details[0].field).toBe('event');
    });

    it('residents cancel until the cut-off and get their seat back; after it only staff can', async () => {
      const [slot] = await slots('activity_room');
      const booking = await book(sun, 'activity_room', slot.startsAt, SUN).expect(201);
      const cancelled = await t.http().post(`/api/bookings/${booking.body.id}/cancel`).set(bearer(sun)).expect(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', actions: [] });
      expect((await slots('activity_room'))[0].remaining).toBe(1);
      expect((await t.http().post(`/api/bookings/${booking.body.id}/cancel`).set(bearer(sun)).expect(409)).body.code).toBe('INVALID_TRANSITION');

      // A week-long cut-off puts every slot in the window past it.
      const schedulePath = `/api/staff/centres/${ANDA_CENTRE}/services/${service('sports_venue')}/schedule`;
      const current = await t.http().get(schedulePath).set(bearer(staff)).expect(200);
      await t
        .http()
        .put(schedulePath)
        .set(bearer(staff))
        .send({ weekly: current.body.weekly, policy: { ...current.body.policy, cancelCutoffMinutes: 10080 } })
        .expect(200);
      const [venueSlot] = await slots('sports_venue');
      const late = await book(sun, 'sports_venue', venueSlot.startsAt, SUN).expect(201);
      expect(late.body.actions).toEqual([]);
      const refused = await t.http().post(`/api/bookings/${late.body.id}/cancel`).set(bearer(sun)).expect(409);
      expect(refused.body).toMatchObject({ code: 'CANCEL_TOO_LATE', details: { cancelCutoffMinutes: 10080 } });
      expect((await t.http().post(`/api/bookings/${late.body.id}/cancel`).set(bearer(staff)).expect(200)).body.status).toBe('cancelled');
    });

    it('rescheduling moves the seat atomically; a full target changes nothing', async () => {
      const [first, second, third] = await slots('party_relation_transfer');
      const booking = await book(wang, 'party_relation_transfer', first.startsAt, WANG).expect(201);
      const moved = await t.http().post(`/api/bookings/${booking.body.id}/reschedule`).set(bearer(wang)).send({ startsAt: second.startsAt }).expect(200);
      expect(moved.body).toMatchObject({ id: booking.body.id, start: second.start, date: second.date, status: 'confirmed' });
      const after = await slots('party_relation_transfer');
      expect([after[0].remaining, after[1].remaining]).toEqual([3, 2]);

      for (const [login, person] of [
        [li, LI_MING],
        [li, LI_JIANGUO],
        [sun, SUN],
      ] as const)
        await book(login, 'party_relation_transfer', third.startsAt, person).expect(201);
      const full = await t.http().post(`/api/bookings/${booking.body.id}/reschedule`).set(bearer(wang)).send({ startsAt: third.startsAt }).expect(409);
      expect(full.body.code).toBe('SLOT_FULL');
      const unchanged = await slots('party_relation_transfer');
      expect([unchanged[1].remaining, unchanged[2].remaining]).toEqual([2, 0]);
      const mine = await t.http().get('/api/bookings').set(bearer(wang)).expect(200);
      expect(mine.body.items.find((b: { id: string }) => b.id === booking.body.id).start).toBe(second.start);
    });

    it('a freed seat goes to the first person waiting, in the same transaction, with a message queued for them', async () => {
      const slot = (await slots('council_hall'))[0]; // a venue: one seat
      const taken = await book(wang, 'council_hall', slot.startsAt, WANG).expect(201);
      const notYet = await t
        .http()
        .post('/api/waitlist')
        .set(bearer(sun))
        .send({ centreId: ANDA_CENTRE, serviceId: service('elder_day_care'), startsAt: (await slots('elder_day_care'))[3].startsAt, residentId: SUN })
        .expect(409);
      expect(notYet.body.message).toContain('还有空位');

      const join = (login: LoginResponse, residentId: string) =>
        t
          .http()
          .post('/api/waitlist')
          .set(bearer(login))
          .send({ centreId: ANDA_CENTRE, serviceId: service('council_hall'), startsAt: slot.startsAt, residentId, groupSize: 6 });
      const sunWaits = await join(sun, SUN).expect(201);
      const liWaits = await join(li, LI_MING).expect(201);
      expect([sunWaits.body.position, liWaits.body.position]).toEqual([1, 2]);
      expect((await join(sun, SUN).expect(409)).body.code).toBe('ALREADY_BOOKED');
      expect((await join(wang, WANG).expect(409)).body.code).toBe('ALREADY_BOOKED');

      await t.http().post(`/api/bookings/${taken.body.id}/cancel`).set(bearer(wang)).expect(200);
      const sunsLine = await t.http().get('/api/waitlist').set(bearer(sun)).expect(200);
      const promoted = sunsLine.body.items.find((e: { id: string }) => e.id === sunWaits.body.id);
      expect(promoted).toMatchObject({ status: 'promoted', position: null, bookingId: expect.any(String) });
      const sunsBookings = await t.http().get('/api/bookings').set(bearer(sun)).expect(200);
      expect(sunsBookings.body.items.find((b: { id: string }) => b.id === promoted.bookingId)).toMatchObject({ status: 'confirmed', start: slot.start, groupSize: 6 });
      expect((await slots('council_hall'))[0].remaining).toBe(0);
      const lisLine = await t.http().get('/api/waitlist').set(bearer(li)).expect(200);
      expect(lisLine.body.items.find((e: { id: string }) => e.id === liWaits.body.id).position).toBe(1);
      const messages = await t.dataSource.query("SELECT topic, payload FROM outbox_message WHERE topic = 'booking.promoted_from_waitlist'");
      expect(messages.map((m: { payload: string | object }) => (typeof m.payload === 'string' ? JSON.parse(m.payload) : m.payload).bookingId)).toContain(promoted.bookingId);

      const left = await t.http().post(`/api/waitlist/${liWaits.body.id}/leave`).set(bearer(li)).expect(200);
      expect(left.body).toMatchObject({ status: 'left', position: null });
      expect((await t.http().post(`/api/waitlist/${liWaits.body.id}/leave`).set(bearer(li)).expect(409)).body.code).toBe('INVALID_TRANSITION');
    });

    it('check-in by the booking’s QR code: right centre, right day, once', async () => {
      const today = await insertBookingHappeningNow(t, WANG);
      const { body: qr } = await t.http().get(`/api/bookings/${today}/check-in-code`).set(bearer(wang)).expect(200);
      expect(new Date(qr.expiresAt).getTime()).toBeGreaterThan(Date.now());
      await t.http().get(`/api/bookings/${today}/check-in-code`).set(bearer(sun)).expect(404);

      // A desk outside the staff member's area is no desk of theirs; a district admin at another centre's desk is told where the booking is.
      await t
        .http()
        .post('/api/staff/check-ins')
        .set(bearer(staff))
        .send({ code: qr.code, centreId: stableId('centre', 'C340104001') })
        .expect(404);
      const admin = await loginWithPassword(t, 'shushan.admin');
      const wrongCentre = await t
        .http()
        .post('/api/staff/check-ins')
        .set(bearer(admin))
        .send({ code: qr.code, centreId: stableId('centre', 'C340104001') })
        .expect(409);
      expect(wrongCentre.body).toMatchObject({ code: 'WRONG_CENTRE', details: { centreName: '安大社区市民中心' } });
      const forged = await t
        .http()
        .post('/api/staff/check-ins')
        .set(bearer(staff))
        .send({ code: qr.code.slice(0, -2) + 'xx', centreId: ANDA_CENTRE })
        .expect(400);
      expect(forged.body.code).toBe('CHECK_IN_CODE_INVALID');
      const outsider = await loginWithPassword(t, 'nanping.staff');
      await t.http().post('/api/staff/check-ins').set(bearer(outsider)).send({ code: qr.code, centreId: ANDA_CENTRE }).expect(404);

      const checkedIn = await t.http().post('/api/staff/check-ins').set(bearer(staff)).send({ code: qr.code, centreId: ANDA_CENTRE }).expect(200);
      expect(checkedIn.body.status).toBe('checked_in');
      expect((await t.http().post('/api/staff/check-ins').set(bearer(staff)).send({ code: qr.code, centreId: ANDA_CENTRE }).expect(409)).body.code).toBe('INVALID_TRANSITION');
      expect((await t.http().get(`/api/bookings/${today}/check-in-code`).set(bearer(wang)).expect(409)).body.code).toBe('INVALID_TRANSITION');
    });

    it('a code for another day is refused with WRONG_DAY, and staff find people by name or phone tail', async () => {
      const [slot] = (await slots('social_insurance')).filter((candidate) => candidate.date !== shanghaiDateOf(new Date()));
      const later = await book(sun, 'social_insurance', slot.startsAt, SUN).expect(201);
      const { body: qr } = await t.http().get(`/api/bookings/${later.body.id}/check-in-code`).set(bearer(sun)).expect(200);
      const wrongDay = await t.http().post('/api/staff/check-ins').set(bearer(staff)).send({ code: qr.code, centreId: ANDA_CENTRE }).expect(409);
      expect(wrongDay.body).toMatchObject({ code: 'WRONG_DAY', details: { date: slot.date } });

      const list = (query: Record<string, string>) =>
        t
          .http()
          .get('/api/staff/bookings')
          .set(bearer(staff))
          .query({ centreId: ANDA_CENTRE, date: slot.date, ...query })
          .expect(200);
      expect((await list({ phoneTail: '0003' })).body.items.map((b: { id: string }) => b.id)).toContain(later.body.id);
      expect((await list({ name: '孙' })).body.items.map((b: { id: string }) => b.id)).toContain(later.body.id);
      expect((await list({ phoneTail: '9999' })).body.items).toEqual([]);
    });

    it('a resident cannot move a booking with staff events', async () => {
      const [slot] = await slots('employment');
      const booking = await book(wang, 'employment', slot.startsAt, WANG).expect(201);
      await t.http().post(`/api/staff/bookings/${booking.body.id}/transitions`).set(bearer(wang)).send({ event: 'check_in' }).expect(403);
    });
  });
});
