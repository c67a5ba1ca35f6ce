import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { addDays, shanghaiDateOf } from '@linli/shared';

import type { HolidayCalendarStatus, SourcedCalendarDay } from '@linli/shared';

import { calendarRuns } from '../src/staff/hooks/useNationalHolidays';
import { StaffHomePage } from '../src/staff/pages/index';
import { StaffSchedulePage } from '../src/staff/pages/schedule';
import { createFakeApi, meRoutes, signInTo } from './support/fake-api';
import { createFakeSchedule, scheduleRoutes } from './support/fake-schedule';
import { answer, sendJson } from './support/fixture-server';
import { catalogueFixture, centresFixture, mediationDetail } from './support/fixtures';
import { findOne } from './support/interact';
import { residentAccount } from './support/people';
import { servePerTest } from './support/serve';

import type { Handler } from './support/fixture-server';

const serveRoutes = servePerTest();

const cityAdmin = residentAccount({ id: 'account-city', role: 'admin', displayName: '市级管理员', regionId: 'city', regionName: '合肥市', residentId: null });
const staff = residentAccount({ id: 'account-zhang', role: 'staff', displayName: '张敏', regionId: 'c-yangguang', regionName: '阳光社区', residentId: null });

const TODAY = shanghaiDateOf(new Date());
const day = (offset: number, kind: SourcedCalendarDay['kind'], name: string, source: SourcedCalendarDay['source']): SourcedCalendarDay => ({
  date: addDays(TODAY, offset),
  kind,
  name,
  source,
});

/** GET /calendar/:year answering the days of `days` in that year, as the real route would. */
function calendarRoute(days: SourcedCalendarDay[]): Handler {
  return (req, res) => {
    const year = (req.url ?? '').split('?')[0].split('/').at(-1)!;
    sendJson(res, 200, { items: days.filter((candidate) => candidate.date.startsWith(`${year}-`)) });
  };
}

async function openHome(account: typeof cityAdmin, status: HolidayCalendarStatus | 'forbidden') {
  const api = createFakeApi({ account });
  signInTo(api);
  await serveRoutes({
    ...meRoutes(api),
    '/admin/calendar-status': status === 'forbidden' ? answer({ code: 'FORBIDDEN', message: '只有市级管理员可以维护节假日安排', requestId: 'r' }, 403) : answer(status),
  });
  const page = render(<StaffHomePage />);
  await screen.findByText(`您好，${account.displayName}`);
  return page;
}

describe('the holiday calendar warning on the staff home', () => {
  it('tells a city admin which year’s official calendar is missing', async () => {
    const { container } = await openHome(cityAdmin, { lastOfficialYear: 2026, missingOfficialYear: 2027 });
    const warning = await findOne(container, '.holiday-calendar-warning');
    expect(warning.textContent).toContain('2027年的国务院节假日安排还没有录入');
    expect(warning.textContent).toContain('节假日安排以国务院通知为准');
    expect(warning.textContent).toContain('已有正式安排的最后一年：2026年');
  });

  it('says nothing when the calendar is complete', async () => {
    const api = await openHome(cityAdmin, { lastOfficialYear: 2027, missingOfficialYear: null });
    await waitFor(() => expect(api.container.querySelector('.staff-home__card')).not.toBeNull());
    expect(api.container.querySelector('.holiday-calendar-warning')).toBeNull();
  });

  it('says nothing to a district admin, whom the route refuses', async () => {
    const { container } = await openHome({ ...cityAdmin, regionName: '蜀山区' }, 'forbidden');
    expect(container.querySelector('.holiday-calendar-warning')).toBeNull();
  });
});

describe('the national holidays on the staff schedule page', () => {
  it('lists the coming holidays and make-up days with their source, and the caveat for provisional ones', async () => {
    const api = createFakeApi({ account: staff });
    signInTo(api);
    await serveRoutes({
      ...meRoutes(api),
      ...scheduleRoutes(api, createFakeSchedule()),
      '/staff/centres': answer({ items: centresFixture }),
      '/catalogue': answer({ items: catalogueFixture }),
      '/services/svc-mediation': answer(mediationDetail),
      '/calendar/:year': calendarRoute([
        day(3, 'holiday', '国庆节', 'official'),
        day(4, 'holiday', '国庆节', 'official'),
        day(9, 'workday', '国庆节调休上班', 'official'),
        day(40, 'holiday', '元旦', 'provisional'),
        day(90, 'holiday', '春节', 'provisional'),
      ]),
    });
    const { container } = render(<StaffSchedulePage />);
    fireEvent.click(await findOne(container, '.staff-centre'));
    fireEvent.click(await findOne(container, '.staff-service-choice[data-value="svc-mediation"]'));

    await findOne(container, '.schedule-holiday');
    const lines = [...container.querySelectorAll('.schedule-holiday')].map((node) => node.textContent);
    expect(lines).toEqual([
      expect.stringMatching(/ 至 .*国庆节 闭馆（国务院通知）$/),
      expect.stringMatching(/国庆节调休上班，按工作日开放（国务院通知）$/),
      expect.stringMatching(/元旦 闭馆（暂定）$/),
    ]);
    expect(container.querySelector('.schedule-holidays__provisional')?.textContent).toContain('节假日安排以国务院通知为准');
  });
});

describe('calendarRuns', () => {
  it.each([
    ['consecutive days of one festival are one run', [day(0, 'holiday', '元旦', 'official'), day(1, 'holiday', '元旦', 'official')], 1],
    ['a gap splits a run', [day(0, 'holiday', '春节', 'official'), day(2, 'holiday', '春节', 'official')], 2],
    ['another festival splits a run', [day(0, 'holiday', '国庆节', 'official'), day(1, 'holiday', '中秋节', 'official')], 2],
    ['another source splits a run', [day(0, 'holiday', '元旦', 'official'), day(1, 'holiday', '元旦', 'provisional')], 2],
  ])('%s', (_case, days, runs) => {
    expect(calendarRuns(days)).toHaveLength(runs);
  });
});
