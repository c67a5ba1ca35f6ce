import { AuditEntry } from '../src/modules/audit/audit-entry.entity';
import { Booking } from '../src/modules/appointments/booking.entity';
import { NoShowsService } from '../src/modules/appointments/no-shows.service';
import { Slot } from '../src/modules/appointments/slot.entity';
import { stableId } from '../src/seed/stable-id';
import { insertConfirmedBooking } from './support/bookings';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

const HOUR = 3600 * 1000;
const SUN = stableId('resident', 'sun-guilan');
const ANDA_CENTRE = stableId('centre', 'C340104001001');

describe('no-shows', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { NO_SHOW_LIMIT: '3', NO_SHOW_RESTRICTION_DAYS: '30' } });
    await t.seed();
  });
  afterAll(() => t.close());

  it('two sweeps running at once (as in two API instances) mark each overdue booking exactly once', async () => {
    const ids = await Promise.all([3, 4, 5].map((hoursAgo) => insertConfirmedBooking(t, SUN, new Date(Date.now() - hoursAgo * 24 * HOUR))));
    const recent = await insertConfirmedBooking(t, SUN, new Date(Date.now() - 10 * 60_000)); // still within the grace period
    const sweeper = t.app.get(NoShowsService);
    const [a, b] = await Promise.all([sweeper.sweepNoShows(), sweeper.sweepNoShows()]);
    expect(a + b).toBe(3);

    const bookings = await t.dataSource.getRepository(Booking).findBy(ids.map((id) => ({ id })));
    expect(bookings.map((booking) => [booking.status, booking.activeResidentId])).toEqual(ids.map(() => ['no_show', null]));
    for (const id of ids) expect(await t.dataSource.getRepository(AuditEntry).countBy({ targetId: id, action: 'booking.mark_no_show' })).toBe(1);
    const slots = await t.dataSource.getRepository(Slot).findBy(bookings.map((booking) => ({ id: booking.slotId })));
    expect(slots.map((slot) => slot.booked)).toEqual([0, 0, 0]);
    expect((await t.dataSource.getRepository(Booking).findOneByOrFail({ id: recent })).status).toBe('confirmed');
    expect(await sweeper.sweepNoShows()).toBe(0);
  });

  it('after repeated no-shows online booking pauses with the date it resumes; staff can still book for the person', async () => {
    const sun = await loginWithWechat(t, 'demo-openid-sun-guilan');
    const [slot] = (
      await t
        .http()
        .get(`/api/centres/${ANDA_CENTRE}/services/${stableId('service', 'employment')}/slots`)
        .expect(200)
    ).body.items;
    const body = { centreId: ANDA_CENTRE, serviceId: stableId('service', 'employment'), startsAt: slot.startsAt, residentId: SUN };
    const refused = await t.http().post('/api/bookings').set(bearer(sun)).send(body).expect(409);
    expect(refused.body).toMatchObject({ code: 'BOOKING_RESTRICTED', details: { noShows: 3, until: expect.any(String) } });
    expect(refused.body.message).toContain('工作人员代为预约');
    const staff = await loginWithPassword(t, 'nanping.staff');
    await t.http().post('/api/bookings').set(bearer(staff)).send(body).expect(201);
  });
});
