import { fireEvent, render, screen, waitFor } from '@testing-library/react';

import { StaffSchedulePage } from '../src/staff/pages/schedule';
import { createFakeApi, meRoutes, signInTo } from './support/fake-api';
import { createFakeSchedule, scheduleRoutes } from './support/fake-schedule';
import { answer } from './support/fixture-server';
import { catalogueFixture, centresFixture, mediationDetail } from './support/fixtures';
import { findOne, typeInto } from './support/interact';
import { residentAccount } from './support/people';
import { servePerTest } from './support/serve';

import type { FakeSchedule } from './support/fake-schedule';

const serveRoutes = servePerTest();

const staffAccount = residentAccount({ id: 'account-zhang', role: 'staff', displayName: '张敏', regionId: 'c-yangguang', residentId: null });

async function openEditor(fake: FakeSchedule) {
  const api = createFakeApi({ account: staffAccount });
  signInTo(api);
  await serveRoutes({
    ...meRoutes(api),
    ...scheduleRoutes(api, fake),
    '/staff/centres': answer({ items: centresFixture }),
    '/catalogue': answer({ items: catalogueFixture }),
    '/services/svc-mediation': answer(mediationDetail),
  });
  const page = render(<StaffSchedulePage />);
  fireEvent.click(await findOne(page.container, '.staff-centre'));
  fireEvent.click(await findOne(page.container, '.staff-service-choice[data-value="svc-mediation"]'));
  await findOne(page.container, '.schedule-day--7');
  return { ...page, api };
}

const day = (container: HTMLElement, weekday: number) => container.querySelector<HTMLElement>(`.schedule-day--${weekday}`)!;

describe('StaffSchedulePage (开放时间)', () => {
  it('shows the weekly hours and saves a change with PUT', async () => {
    const fake = createFakeSchedule();
    const { container } = await openEditor(fake);

    expect(day(container, 1).querySelectorAll('.schedule-range')).toHaveLength(2);
    expect(day(container, 6).querySelector('.schedule-day__open--selected')!.textContent).toBe('休息');

    fireEvent.click(day(container, 6).querySelector('[data-value="open"]')!);
    await typeInto(day(container, 6), '.schedule-range--1 .schedule-range__end', '11:30');
    await typeInto(container, '.schedule-policy--bookingWindowDays', '14');
    fireEvent.click(container.querySelector('.schedule-save')!);

    expect(await screen.findByText('已保存，居民看到的时间已更新')).toBeTruthy();
    const sent = fake.saved[0] as { weekly: { weekday: number; ranges: unknown[] }[]; policy: { bookingWindowDays: number } };
    expect(sent.weekly.map((item) => item.weekday)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(sent.weekly[5].ranges).toEqual([{ start: '08:30', end: '11:30' }]);
    expect(sent.policy).toEqual({ bookingWindowDays: 14, minNoticeMinutes: 60, cancelCutoffMinutes: 120 });
  });

  it('checks the hours before sending and shows the problem next to the form', async () => {
    const fake = createFakeSchedule();
    const { container } = await openEditor(fake);

    await typeInto(day(container, 2), '.schedule-range--1 .schedule-range__end', '08:00');
    fireEvent.click(container.querySelector('.schedule-save')!);

    const problem = await findOne(container, '.staff-save-problem');
    expect(problem.textContent).toMatch(/^周二：/);
    expect(fake.saved).toHaveLength(0);
  });

  it("shows the server's validation messages", async () => {
    const fake = createFakeSchedule();
    const { container } = await openEditor(fake);

    fake.refuseWith = 'weekday 1: ranges overlap';
    fireEvent.click(container.querySelector('.schedule-save')!);
    expect(await screen.findByText('周一：ranges overlap')).toBeTruthy();
  });

  it('adds and removes a date exception', async () => {
    const fake = createFakeSchedule();
    const { container } = await openEditor(fake);

    expect(container.querySelector('.schedule-exception')!.textContent).toContain('闭馆：员工培训');

    await typeInto(container, '.schedule-exception-date', '2026-12-12');
    fireEvent.click(container.querySelector('.schedule-exception-kind[data-value="open"]')!);
    fireEvent.click(container.querySelector('.schedule-exception-add')!);
    expect(await screen.findByText('reason is required')).toBeTruthy();

    await typeInto(container, '.schedule-exception-reason', '周六加开');
    fireEvent.click(container.querySelector('.schedule-exception-add')!);
    await waitFor(() => expect(container.querySelectorAll('.schedule-exception')).toHaveLength(2));
    expect(container.querySelectorAll('.schedule-exception')[1].textContent).toContain('特殊开放 08:30–12:00');
    expect(fake.saved.at(-1)).toEqual({ kind: 'open', ranges: [{ start: '08:30', end: '12:00' }], slotMinutes: 30, seats: 1, reason: '周六加开' });

    fireEvent.click(container.querySelector('.schedule-exception-remove')!);
    await waitFor(() => expect(container.querySelectorAll('.schedule-exception')).toHaveLength(1));
    expect(fake.schedule.exceptions.map((item) => item.date)).toEqual(['2026-12-12']);
  });

  it('switches the service off at the centre with a note', async () => {
    const fake = createFakeSchedule();
    const { container } = await openEditor(fake);

    fireEvent.click(await findOne(container, '.schedule-switch__choice[data-value="off"]'));
    await typeInto(container, '.schedule-switch__notes', '12 月暂停，请到和平社区');
    fireEvent.click(container.querySelector('.schedule-switch__save')!);
    await screen.findByText('已保存');
    expect(fake.switches).toEqual([{ enabled: false, notes: '12 月暂停，请到和平社区' }]);
  });
});
