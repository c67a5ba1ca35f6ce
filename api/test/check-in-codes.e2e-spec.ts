import { shanghaiDateOf, type LoginResponse, type SlotAvailability } from '@linli/shared';
import { BookingShortCode } from '../src/modules/appointments/booking-short-code.entity';
import { CheckInCodes } from '../src/modules/appointments/check-in-codes';
import { isDuplicateKey } from '../src/database/sql';
import { stableId } from '../src/seed/stable-id';
import { insertBookingHappeningNow } from './support/bookings';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

const ANDA_CENTRE = stableId('centre', 'C340104001001');
const STREET_CENTRE = stableId('centre', 'C340104001'); // 三里庵街道市民中心: outside 张敏's 安大社区
const NANPING_CENTRE = stableId('centre', 'C340111002001');
const service = (code: string) => stableId('service', code);
const WANG = stableId('resident', 'wang-xiuying');
const SUN = stableId('resident', 'sun-guilan');
const LI_JIANGUO = stableId('resident', 'li-jianguo');
const WRONG_CODE_LIMIT = 3;
const WRONG_CODE_WINDOW_SECONDS = 8;

/**
 * The six digits a person reads out at the desk: every booking gets them, unique per centre and day (the database
 * refuses a second), typed by staff of the centre on the day they check the booking in; wrong codes answer the same
 * whatever exists, and too many from one account at one centre answer 429 for a while.
 */
describe('short check-in codes', () => {
  let t: TestApp;
  let wang: LoginResponse;
  let sun: LoginResponse;
  let li: LoginResponse;
  let staff: LoginResponse; // 张敏, 安大社区
  let streetStaff: LoginResponse; // 陈刚, 三里庵街道: 安大社区 and the street's own centre
  let admin: LoginResponse; // 刘洋, 蜀山区

  beforeAll(async () => {
    t = await startTestApp({
      env: { LOGIN_MAX_ATTEMPTS_PER_IP: '10000', CHECK_IN_MAX_WRONG_CODES: String(WRONG_CODE_LIMIT), CHECK_IN_WRONG_CODE_WINDOW_SECONDS: String(WRONG_CODE_WINDOW_SECONDS) },
    });
    await t.seed();
    [wang, sun, li, staff, streetStaff, admin] = await Promise.all([
      loginWithWechat(t, 'demo-openid-wang-xiuying'),
      loginWithWechat(t, 'demo-openid-sun-guilan'),
      loginWithWechat(t, 'demo-openid-li-ming'),
      loginWithPassword(t, 'anda.staff'),
      loginWithPassword(t, 'sanlian.staff'),
      loginWithPassword(t, 'shushan.admin'),
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

  function book(login: LoginResponse, code: string, startsAt: string, residentId: string, extra: object = {}) {
    return t
      .http()
      .post('/api/bookings')
      .set(bearer(login))
      .send({ centreId: ANDA_CENTRE, serviceId: service(code), startsAt, residentId, ...extra });
  }

  async function codesOf(login: LoginResponse, bookingId: string): Promise<{ code: string; shortCode: string }> {
    return (await t.http().get(`/api/bookings/${bookingId}/check-in-code`).set(bearer(login)).expect(200)).body;
  }

  async function shortCodeRow(bookingId: string): Promise<BookingShortCode | null> {
    return t.dataSource.getRepository(BookingShortCode).findOne({ where: { bookingId } });
  }

  const checkIn = (login: LoginResponse, code: string, centreId = ANDA_CENTRE) => t.http().post('/api/staff/check-ins').set(bearer(login)).send({ code, centreId });
  /** The parts of an error answer that could tell one wrong code from another. */
  const answerOf = (response: { status: number; body: { code: string; message: string; details?: unknown } }) => ({
    status: response.status,
    code: response.body.code,
    message: response.body.message,
    details: response.body.details,
  });

  it('a new booking gets six digits beside its signed QR code, stored for its centre and day', async () => {
    const [slot] = await slots('social_insurance');
    const booked = await book(wang, 'social_insurance', slot.startsAt, WANG).expect(201);
    const codes = await codesOf(wang, booked.body.id);
    expect(codes.shortCode).toMatch(/^[1-9]\d{5}$/);
    expect(codes.code.length).toBeGreaterThan(60);
    expect(await shortCodeRow(booked.body.id)).toMatchObject({ centreId: ANDA_CENTRE, serviceDate: slot.date, code: codes.shortCode });
  });

  it('staff type the six digits the person reads out (spaces and all) and the booking is checked in, once', async () => {
    const today = await insertBookingHappeningNow(t, WANG);
    const { shortCode } = await codesOf(wang, today);
    const spoken = `${shortCode.slice(0, 3)} ${shortCode.slice(3)}`;

    const checkedIn = await checkIn(staff, spoken).expect(200);
    expect(checkedIn.body).toMatchObject({ id: today, status: 'checked_in', person: { name: '王秀英' } });
    expect((await checkIn(staff, shortCode).expect(409)).body.code).toBe('INVALID_TRANSITION');
  });

  it('a wrong code answers the same whether it is unused, another centre’s or another day’s', async () => {
    const today = await insertBookingHappeningNow(t, SUN);
    const { shortCode: todays } = await codesOf(sun, today);
    const [later] = (await slots('employment')).filter((slot) => slot.date !== shanghaiDateOf(new Date()));
    const laterBooking = await book(wang, 'employment', later.startsAt, WANG).expect(201);
    const { shortCode: laterDays } = await codesOf(wang, laterBooking.body.id);
    const unused = ['100000', '999999', '555555'].find((code) => code !== todays && code !== laterDays)!;

    // An admin of the district (a counter of their own) at each centre's desk.
    const answers = [
      answerOf(await checkIn(admin, unused)), // nobody's code
      answerOf(await checkIn(admin, laterDays)), // this centre, another day
      answerOf(await checkIn(admin, todays, STREET_CENTRE)), // today, another centre
    ];
    expect(answers[0]).toEqual({ status: 400, code: 'CHECK_IN_CODE_INVALID', message: '签到码不对或已过期，请让居民重新打开签到码，或按姓名查找', details: undefined });
    expect(answers).toEqual([answers[0], answers[0], answers[0]]);
    // The refusals are audited against the desk's centre, without the code typed.
    const refusals = await t.dataSource.query("SELECT target_id AS centre, details FROM audit_entry WHERE action = 'booking.check_in_code_refused' AND actor_account_id = ?", [
      admin.account.id,
    ]);
    expect(refusals.map((row: { centre: string }) => row.centre).sort()).toEqual([ANDA_CENTRE, ANDA_CENTRE, STREET_CENTRE].sort());
    expect(JSON.stringify(refusals)).not.toContain(unused);
  });

  it('staff cannot use a desk outside their area: 404, and nothing is counted', async () => {
    const today = await insertBookingHappeningNow(t, WANG);
    const { shortCode } = await codesOf(wang, today);
    const outsider = await loginWithPassword(t, 'nanping.staff');
    expect((await checkIn(outsider, shortCode).expect(404)).body.code).toBe('NOT_FOUND');
    expect((await checkIn(staff, shortCode, STREET_CENTRE).expect(404)).body.code).toBe('NOT_FOUND');
    expect((await checkIn(staff, shortCode, NANPING_CENTRE).expect(404)).body.code).toBe('NOT_FOUND');
    const counted = await t.dataSource.query("SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'booking.check_in_code_refused' AND actor_account_id IN (?, ?)", [
      outsider.account.id,
      staff.account.id,
    ]);
    expect(Number(counted[0].n)).toBe(0);
  });

  it('after too many wrong codes one account at one centre gets 429 with Retry-After, even for the right code, until the window frees', async () => {
    const today = await insertBookingHappeningNow(t, LI_JIANGUO);
    const { shortCode } = await codesOf(li, today);
    const wrong = shortCode === '123456' ? '654321' : '123456';
    for (let attempt = 0; attempt < WRONG_CODE_LIMIT; attempt++) await checkIn(streetStaff, wrong).expect(400);

    const limited = await checkIn(streetStaff, shortCode).expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WRONG_CODE_WINDOW_SECONDS);
    expect(limited.body.details).toEqual({ retryAfterSeconds: retryAfter });
    expect(limited.body.message).toContain('按姓名查找');
    // Counted per account and per centre: the same account elsewhere, and others here, still get plain answers.
    expect((await checkIn(streetStaff, wrong, STREET_CENTRE).expect(400)).body.code).toBe('CHECK_IN_CODE_INVALID');
    expect((await checkIn(staff, wrong).expect(400)).body.code).toBe('CHECK_IN_CODE_INVALID');

    // Once the oldest wrong code leaves the window, the right code works again.
    let answer = limited;
    while (answer.status === 429) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      answer = await checkIn(streetStaff, shortCode);
    }
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: today, status: 'checked_in' });
  });

  it('the database refuses a second booking with the same code at the same centre on the same day', async () => {
    const [first, second] = await Promise.all([insertBookingHappeningNow(t, SUN), insertBookingHappeningNow(t, WANG)]);
    const taken = (await shortCodeRow(first))!;
    const error = await t.transactions
      .write((manager) => manager.getRepository(BookingShortCode).update({ bookingId: second }, { code: taken.code }))
      .then(
        () => null,
        (caught: unknown) => caught,
      );
    expect(isDuplicateKey(error)).toBe(true);
    // The same digits on another day, or at another centre, are another code.
    await t.transactions.write((manager) => manager.getRepository(BookingShortCode).update({ bookingId: second }, { code: taken.code, serviceDate: '2099-01-01' }));
    expect((await shortCodeRow(second))!.code).toBe(taken.code);
  });

  it('a drawn code already in use that day is drawn again inside the booking transaction', async () => {
    const sameDay = (await slots('employment')).filter((slot, _, all) => slot.date === all[all.length - 1].date);
    const first = await book(sun, 'employment', sameDay[0].startsAt, SUN).expect(201);
    const { shortCode: taken } = await codesOf(sun, first.body.id);
    const draw = jest.spyOn(t.app.get(CheckInCodes), 'draw').mockReturnValueOnce(taken);
    try {
      const second = await book(wang, 'employment', sameDay[1].startsAt, WANG).expect(201);
      expect(draw).toHaveBeenCalledTimes(2);
      const { shortCode } = await codesOf(wang, second.body.id);
      expect(shortCode).toMatch(/^[1-9]\d{5}$/);
      expect(shortCode).not.toBe(taken);
    } finally {
      draw.mockRestore();
    }
  });

  it('a booking promoted from the waitlist gets a code; a reschedule to another day takes the code along; a cancelled booking keeps its code', async () => {
    const [hall] = await slots('council_hall');
    const held = await book(wang, 'council_hall', hall.startsAt, WANG, { groupSize: 4 }).expect(201);
    const waiting = await t
      .http()
      .post('/api/waitlist')
      .set(bearer(sun))
      .send({ centreId: ANDA_CENTRE, serviceId: service('council_hall'), startsAt: hall.startsAt, residentId: SUN, groupSize: 3 })
      .expect(201);
    await t.http().post(`/api/bookings/${held.body.id}/cancel`).set(bearer(wang)).expect(200);
    const promoted = (await t.http().get('/api/waitlist').set(bearer(sun)).expect(200)).body.items.find((entry: { id: string }) => entry.id === waiting.body.id);
    expect(promoted.status).toBe('promoted');
    expect(await shortCodeRow(promoted.bookingId)).toMatchObject({ centreId: ANDA_CENTRE, serviceDate: hall.date, code: expect.stringMatching(/^[1-9]\d{5}$/) });
    // Not handed on: the cancelled booking still holds its code, so an old screen can never check in someone else.
    const cancelledCode = (await shortCodeRow(held.body.id))!.code;
    expect((await shortCodeRow(promoted.bookingId))!.code).not.toBe(cancelledCode);

    const offered = await slots('employment');
    const from = offered[0];
    const to = offered.find((slot) => slot.date !== from.date)!;
    const moving = await book(li, 'employment', from.startsAt, LI_JIANGUO).expect(201);
    const before = (await shortCodeRow(moving.body.id))!;
    await t.http().post(`/api/bookings/${moving.body.id}/reschedule`).set(bearer(li)).send({ startsAt: to.startsAt }).expect(200);
    expect(await shortCodeRow(moving.body.id)).toMatchObject({ serviceDate: to.date, code: before.code });
  });
});
