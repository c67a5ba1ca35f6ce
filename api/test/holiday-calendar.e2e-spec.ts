import type { HolidayCalendarStatus, LoginResponse, SlotList, SourcedCalendarDay } from '@linli/shared';
import { Clock } from '../src/common/time/clock';
import { OFFICIAL_CALENDAR_YEARS } from '../src/modules/appointments/official-holidays';
import { stableId } from '../src/seed/stable-id';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

const ANDA_CENTRE = stableId('centre', 'C340104001001');
const SOCIAL_INSURANCE = stableId('service', 'social_insurance');
const LAST_DATASET_YEAR = Math.max(...OFFICIAL_CALENDAR_YEARS.keys());
/** The first year without a notice in the dataset: provisional until imported (2027 with chinese-days 1.5.7). */
const NEXT = LAST_DATASET_YEAR + 1;

/** Monday 28 December 2026, 09:00 in Shanghai: New Year's Day 2027 is inside the 14-day booking window. */
const BEFORE_NEW_YEAR = new Date('2026-12-28T01:00:00Z');

describe('the holiday calendar: dataset, provisional years, admin imports and the warning', () => {
  let t: TestApp;
  let cityAdmin: LoginResponse;
  let districtAdmin: LoginResponse;
  let staff: LoginResponse;
  let resident: LoginResponse;
  let clock: jest.SpyInstance<Date, []>;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_IP: '10000' } });
    await t.seed();
    [cityAdmin, districtAdmin, staff, resident] = await Promise.all([
      loginWithPassword(t, 'city.admin'),
      loginWithPassword(t, 'shushan.admin'),
      loginWithPassword(t, 'anda.staff'),
      loginWithWechat(t, 'demo-openid-wang-xiuying'),
    ]);
    clock = jest.spyOn(t.app.get(Clock), 'now');
  });
  afterAll(async () => {
    clock.mockRestore();
    await t.close();
  });

  const standAt = (instant: Date | string) => clock.mockReturnValue(new Date(instant));

  async function slotList(): Promise<SlotList> {
    return (await t.http().get(`/api/centres/${ANDA_CENTRE}/services/${SOCIAL_INSURANCE}/slots`).expect(200)).body;
  }

  const status = async (): Promise<HolidayCalendarStatus> => (await t.http().get('/api/admin/calendar-status').set(bearer(cityAdmin)).expect(200)).body;

  function importYear(year: number, days: Array<Omit<SourcedCalendarDay, 'source'>>) {
    return t.http().put(`/api/admin/calendar/${year}`).set(bearer(cityAdmin)).send({ days });
  }

  it('the dataset is the calendar of the years it has, marked official', async () => {
    const days = (await t.http().get('/api/calendar/2026').expect(200)).body.items as SourcedCalendarDay[];
    expect(days).toContainEqual({ date: '2026-10-01', kind: 'holiday', name: '国庆节', source: 'official' });
    expect(days).toContainEqual({ date: '2026-01-04', kind: 'workday', name: '元旦调休上班', worksAs: 5, source: 'official' });
    expect(days.every((day) => day.source === 'official')).toBe(true);
  });

  it('a year the dataset lacks gets the law’s provisional holidays', async () => {
    const days = (
      await t
        .http()
        .get(`/api/calendar/${LAST_DATASET_YEAR + 1}`)
        .expect(200)
    ).body.items as SourcedCalendarDay[];
    expect(days).toContainEqual({ date: `${LAST_DATASET_YEAR + 1}-01-01`, kind: 'holiday', name: '元旦', source: 'provisional' });
    expect(days.every((day) => day.source === 'provisional' && day.kind === 'holiday')).toBe(true);
  });

  it('a slot list across New Year shows the centre closed on 1 January 2027, a provisional holiday', async () => {
    standAt(BEFORE_NEW_YEAR);
    const list = await slotList();
    const dates = new Set(list.items.map((slot) => slot.date));
    expect(dates.has('2026-12-31')).toBe(true);
    expect(dates.has('2027-01-01')).toBe(false);
    expect(dates.has('2027-01-04')).toBe(true);
    expect(list.calendar).toContainEqual({ date: '2027-01-01', kind: 'holiday', name: '元旦', source: NEXT <= 2027 ? 'provisional' : 'official' });
    expect(list.calendar.every((day) => day.date >= '2026-12-28' && day.date <= '2027-01-10')).toBe(true);
  });

  it('from 1 November a city admin is warned while next year’s official calendar is missing', async () => {
    standAt(`${LAST_DATASET_YEAR}-10-31T15:59:00Z`);
    expect(await status()).toEqual({ lastOfficialYear: LAST_DATASET_YEAR, missingOfficialYear: null });
    standAt(`${LAST_DATASET_YEAR}-10-31T16:00:00Z`);
    expect(await status()).toEqual({ lastOfficialYear: LAST_DATASET_YEAR, missingOfficialYear: NEXT });
  });

  it('only city-level admins see the calendar status', async () => {
    await t.http().get('/api/admin/calendar-status').set(bearer(districtAdmin)).expect(403);
    await t.http().get('/api/admin/calendar-status').set(bearer(staff)).expect(403);
    await t.http().get('/api/admin/calendar-status').set(bearer(resident)).expect(403);
    await t.http().get('/api/admin/calendar-status').expect(401);
  });

  it('an admin import replaces the provisional year, ends the warning and moves readiness; an empty import undoes it', async () => {
    standAt(`${LAST_DATASET_YEAR}-12-28T01:00:00Z`);
    const notice = [
      { date: `${NEXT}-01-01`, kind: 'holiday', name: '元旦' },
      { date: `${NEXT}-01-02`, kind: 'holiday', name: '元旦' },
      { date: `${NEXT}-01-03`, kind: 'holiday', name: '元旦' },
      { date: `${NEXT}-01-09`, kind: 'workday', name: '元旦调休上班', worksAs: 5 },
    ] as const;
    const imported = await importYear(NEXT, [...notice]).expect(200);
    expect(imported.body.items).toEqual(notice.map((day) => ({ ...day, source: 'admin' })));

    const list = await slotList();
    expect(list.calendar.filter((day) => day.date.startsWith(`${NEXT}-`))).toEqual(notice.map((day) => ({ ...day, source: 'admin' })));
    expect(list.items.some((slot) => slot.date === `${NEXT}-01-01`)).toBe(false);

    expect(await status()).toEqual({ lastOfficialYear: NEXT, missingOfficialYear: null });
    expect((await t.http().get('/api/health/ready').expect(200)).body.lastOfficialCalendarYear).toBe(NEXT);

    expect((await importYear(NEXT, []).expect(200)).body.items.every((day: SourcedCalendarDay) => day.source === 'provisional')).toBe(true);
    expect(await status()).toEqual({ lastOfficialYear: LAST_DATASET_YEAR, missingOfficialYear: NEXT });
    expect((await t.http().get('/api/health/ready').expect(200)).body.lastOfficialCalendarYear).toBe(LAST_DATASET_YEAR);
  });

  it('an import beats the dataset for its whole year', async () => {
    const imported = await importYear(2026, [{ date: '2026-12-31', kind: 'holiday', name: '市里的休息日' }]).expect(200);
    expect(imported.body.items).toEqual([{ date: '2026-12-31', kind: 'holiday', name: '市里的休息日', source: 'admin' }]);
    standAt(BEFORE_NEW_YEAR);
    expect((await slotList()).items.some((slot) => slot.date === '2026-12-31')).toBe(false);
    await importYear(2026, []).expect(200);
    expect((await t.http().get('/api/calendar/2026').expect(200)).body.items).toContainEqual({ date: '2026-10-01', kind: 'holiday', name: '国庆节', source: 'official' });
  });
});
