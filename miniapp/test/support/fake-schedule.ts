import { validateWeeklyOpenings } from '@linli/shared';

import type { BookingStatistics, DateException, ServiceSchedule, WeeklyOpening } from '@linli/shared';

import { authed } from './fake-api';
import { readJson, sendJson } from './fixture-server';

import type { FakeApi } from './fake-api';
import type { Handler } from './fixture-server';

/** What the fake staff schedule API remembers: one service's schedule at one centre, and the bodies it was sent. */
export interface FakeSchedule {
  schedule: ServiceSchedule;
  saved: unknown[];
  /** The service switch bodies. */
  switches: unknown[];
  /** A message the next weekly save is refused with, as the server's own check would. */
  refuseWith?: string;
}

export const weekdayHours = (weekday: WeeklyOpening['weekday']): WeeklyOpening => ({
  weekday,
  ranges: [
    { start: '08:30', end: '12:00' },
    { start: '14:00', end: '17:30' },
  ],
  slotMinutes: 30,
  seats: 2,
});

export function createFakeSchedule(): FakeSchedule {
  return {
    schedule: {
      weekly: [1, 2, 3, 4, 5].map((day) => weekdayHours(day as WeeklyOpening['weekday'])),
      policy: { bookingWindowDays: 7, minNoticeMinutes: 60, cancelCutoffMinutes: 120 },
      exceptions: [{ date: '2026-12-01', kind: 'closed', reason: '员工培训' }],
    },
    saved: [],
    switches: [],
  };
}

const SERVICE = '/staff/centres/:centreId/services/:serviceId';

export function scheduleRoutes(api: FakeApi, fake: FakeSchedule): Record<string, Handler> {
  return {
    // The national calendar the page lists below the exceptions: none in the coming weeks unless a test says so.
    '/calendar/:year': (_req, res) => sendJson(res, 200, { items: [] }),
    [`${SERVICE}/schedule`]: authed(api, async (_api, req, res) => {
      if (req.method === 'PUT') {
        const body = await readJson<Pick<ServiceSchedule, 'weekly' | 'policy'>>(req);
        fake.saved.push(body);
        const problems = fake.refuseWith ? [fake.refuseWith] : validateWeeklyOpenings(body.weekly);
        fake.refuseWith = undefined;
        if (problems.length > 0) {
          const details = problems.map((message) => ({ field: 'weekly', message }));
          sendJson(res, 400, { code: 'VALIDATION_FAILED', message: '填写有误', details, requestId: 'r' });
          return;
        }
        fake.schedule = { ...fake.schedule, ...body };
      }
      sendJson(res, 200, fake.schedule);
    }),
    [`${SERVICE}/exceptions/:date`]: authed(api, async (_api, req, res) => {
      const date = decodeURIComponent((req.url ?? '').split('?')[0].split('/').at(-1) ?? '');
      const others = fake.schedule.exceptions.filter((item) => item.date !== date);
      if (req.method === 'DELETE') {
        fake.schedule = { ...fake.schedule, exceptions: others };
      } else {
        const body = await readJson<Omit<DateException, 'date'>>(req);
        fake.saved.push(body);
        const added = { ...body, date } as DateException;
        fake.schedule = { ...fake.schedule, exceptions: [...others, added].sort((a, b) => a.date.localeCompare(b.date)) };
      }
      sendJson(res, 200, fake.schedule);
    }),
    [SERVICE]: authed(api, async (_api, req, res) => {
      const body = await readJson<{ enabled: boolean; notes: string | null }>(req);
      fake.switches.push(body);
      sendJson(res, 200, { centreId: 'centre-yangguang', serviceId: 'svc-mediation', ...body });
    }),
  };
}

export const statisticsFixture: BookingStatistics = {
  from: '2026-11-23',
  to: '2026-11-26',
  totals: { key: 'all', label: '合计', bookings: 40, noShows: 5, noShowRate: 0.125 },
  byCategory: [{ key: 'cat-legal', label: '法律服务', bookings: 40, noShows: 5, noShowRate: 0.125 }],
  byService: [
    { key: 'svc-mediation', label: '人民调解', bookings: 30, noShows: 5, noShowRate: 1 / 6 },
    { key: 'svc-day-care', label: '日间照料', bookings: 10, noShows: 0, noShowRate: 0 },
  ],
  byArea: [{ key: 'c-yangguang', label: '阳光社区', bookings: 40, noShows: 5, noShowRate: 0.125 }],
  byDay: [{ key: '2026-11-26', label: '11月26日', bookings: 3, noShows: 0, noShowRate: null }],
};
