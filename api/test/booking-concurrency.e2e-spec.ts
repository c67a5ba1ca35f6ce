import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { Booking } from '../src/modules/appointments/booking.entity';
import { Slot } from '../src/modules/appointments/slot.entity';
import { Resident } from '../src/modules/residents/resident.entity';
import { stableId } from '../src/seed/stable-id';
import { bearer, loginWithPassword } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

const ANDA_CENTRE = stableId('centre', 'C340104001001');
const SERVICE = stableId('service', 'community_course');
const CAPACITY = 20;
const REQUESTS = 300;

/**
 * The double-booking storm: 300 requests at once for one slot of 20 seats. Exactly 20 bookings must exist
 * afterwards, every other request must be a clean 409, and the seat counter must equal the live bookings.
 */
describe('booking under concurrency', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await t.seed();
  });
  afterAll(() => t.close());

  it(`${REQUESTS} concurrent requests for a ${CAPACITY}-seat slot: exactly ${CAPACITY} bookings, the rest 409, counter consistent`, async () => {
    const staff = await loginWithPassword(t, 'anda.staff');
    const schedulePath = `/api/staff/centres/${ANDA_CENTRE}/services/${SERVICE}/schedule`;
    const weekly = ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, ranges: [{ start: '09:00', end: '11:00' }], slotMinutes: 120, seats: CAPACITY }));
    await t
      .http()
      .put(schedulePath)
      .set(bearer(staff))
      .send({ weekly, policy: { bookingWindowDays: 14, minNoticeMinutes: 120, cancelCutoffMinutes: 60 } })
      .expect(200);
    const [slot] = (await t.http().get(`/api/centres/${ANDA_CENTRE}/services/${SERVICE}/slots`).expect(200)).body.items;

    // 250 different people (staff book for residents of their community), and 50 repeats of the first 50.
    const community = stableId('region', '340104001001');
    const people = Array.from({ length: REQUESTS - 50 }, (_, index) => ({ id: randomUUID(), name: `居民${index}` }));
    await t.transactions.write((manager) =>
      manager.getRepository(Resident).insert(
        people.map((person) => ({
          ...person,
          communityId: community,
          phoneCipher: null,
          phoneHash: null,
          phoneOwner: null,
          idNumberCipher: null,
          idNumberHash: null,
          birthDate: null,
          address: null,
          createdByAccountId: staff.account.id,
          erasedAt: null,
        })),
      ),
    );
    const targets = [...people, ...people.slice(0, 50)];

    const responses = await Promise.all(
      targets.map((person) =>
        t.http().post('/api/bookings').set(bearer(staff)).send({ centreId: ANDA_CENTRE, serviceId: SERVICE, startsAt: slot.startsAt, residentId: person.id }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(CAPACITY);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    const refusals = responses.filter((response) => response.status !== 201);
    expect(new Set(refusals.map((response) => `${response.status} ${response.body.code}`))).toEqual(
      new Set(['409 SLOT_FULL', ...(refusals.some((r) => r.body.code === 'ALREADY_BOOKED') ? ['409 ALREADY_BOOKED'] : [])]),
    );

    const slotRow = await t.dataSource
      .getRepository(Slot)
      .findOneByOrFail({ startsAt: new Date(slot.startsAt), centreServiceId: stableId('centre-service', 'C340104001001:community_course') });
    const live = await t.dataSource.getRepository(Booking).countBy({ slotId: slotRow.id, status: In(['pending_review', 'confirmed', 'checked_in', 'completed']) });
    expect([slotRow.booked, live, slotRow.capacity]).toEqual([CAPACITY, CAPACITY, CAPACITY]);
  }, 120_000);
});
