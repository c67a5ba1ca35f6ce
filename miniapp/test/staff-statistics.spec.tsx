import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { addDays, shanghaiDateOf } from '@linli/shared';

import { StaffStatisticsPage } from '../src/staff/pages/statistics';
import { formatRate, presetRange } from '../src/staff/forms/statistics-form';
import { authed, createFakeApi, meRoutes, signInTo } from './support/fake-api';
import { statisticsFixture } from './support/fake-schedule';
import { answer } from './support/fixture-server';
import { centresFixture } from './support/fixtures';
import { findOne, typeInto } from './support/interact';
import { residentAccount } from './support/people';
import { servePerTest } from './support/serve';

const serveRoutes = servePerTest();

const staffAccount = residentAccount({ id: 'account-zhang', role: 'staff', displayName: '张敏', regionId: 'c-yangguang', residentId: null });

async function openStatistics(csv = '\uFEFF日期,姓名\n2026-11-26,王*英\n') {
  const api = createFakeApi({ account: staffAccount });
  signInTo(api);
  const queries: URLSearchParams[] = [];
  const exports: { query: URLSearchParams; auth?: string }[] = [];
  await serveRoutes({
    ...meRoutes(api),
    '/staff/centres': answer({ items: centresFixture }),
    '/staff/statistics': authed(api, (_api, req, res) => {
      queries.push(new URL(req.url ?? '', 'http://localhost').searchParams);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(statisticsFixture));
    }),
    '/staff/bookings/export': authed(api, (_api, req, res) => {
      exports.push({ query: new URL(req.url ?? '', 'http://localhost').searchParams, auth: req.headers.authorization });
      res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8' }).end(csv);
    }),
  });
  const page = render(<StaffStatisticsPage />);
  await findOne(page.container, '.stats-total');
  return { ...page, queries, exports };
}

describe('formatRate', () => {
  it('shows a percentage with at most one decimal, and a dash when nothing has passed', () => {
    expect([formatRate(0.125), formatRate(0), formatRate(1), formatRate(1 / 6), formatRate(null)]).toEqual(['12.5%', '0%', '100%', '16.7%', '—']);
  });
});

describe('StaffStatisticsPage (统计)', () => {
  it('shows totals and the four tables for this week', async () => {
    const { container, queries } = await openStatistics();
    const today = shanghaiDateOf(new Date());
    expect([queries[0].get('from'), queries[0].get('to')]).toEqual([presetRange('week', today).from, today]);

    expect(container.querySelector('.stats-total--bookings')!.textContent).toContain('40');
    expect(container.querySelector('.stats-total--no-shows')!.textContent).toContain('5');
    expect(container.querySelector('.stats-total--rate')!.textContent).toContain('12.5%');
    const services = [...container.querySelectorAll('.stats-by-service .stats-row')].map((row) => row.textContent);
    expect(services).toEqual(['人民调解30516.7%', '日间照料1000%']);
    expect(container.querySelector('.stats-by-day .stats-rate')!.textContent).toBe('—');
    expect(container.querySelector('.stats-by-category')!.textContent).toContain('法律服务');
    expect(container.querySelector('.stats-by-area')!.textContent).toContain('阳光社区');
  });

  it('asks again for 近30天 and for a typed range, and checks the typed dates', async () => {
    const { container, queries } = await openStatistics();
    const today = shanghaiDateOf(new Date());

    fireEvent.click(container.querySelector('.stats-range[data-value="last30"]')!);
    await waitFor(() => expect(queries.at(-1)!.get('from')).toBe(addDays(today, -29)));

    fireEvent.click(container.querySelector('.stats-range[data-value="custom"]')!);
    await typeInto(container, '.stats-from', '2026-11-30');
    await typeInto(container, '.stats-to', '2026-11-01');
    fireEvent.click(container.querySelector('.stats-apply')!);
    expect(await screen.findByText('开始日期不能晚于结束日期')).toBeTruthy();

    await typeInto(container, '.stats-from', '2026-10-01');
    fireEvent.click(container.querySelector('.stats-apply')!);
    await waitFor(() => expect(queries.at(-1)!.get('from')).toBe('2026-10-01'));
    expect(queries.at(-1)!.get('to')).toBe('2026-11-01');
  });

  it('exports a centre as CSV with the token and saves it through a download link (H5)', async () => {
    const saved: Blob[] = [];
    const clicks: string[] = [];
    Object.assign(URL, { createObjectURL: (blob: Blob) => (saved.push(blob), 'blob:csv'), revokeObjectURL: () => undefined });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    const { container, exports } = await openStatistics();

    fireEvent.click(container.querySelector('.stats-export .staff-centre')!);
    fireEvent.click(container.querySelector('.stats-export__button')!);
    expect(await screen.findByText('已导出，请在下载的文件中查看')).toBeTruthy();
    expect(exports[0].auth).toBe('Bearer access-1');
    expect(exports[0].query.get('centreId')).toBe('centre-yangguang');
    expect(clicks[0]).toMatch(/^预约-阳光社区市民中心-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(saved[0]);
    });
    expect(text).toContain('王*英');
    expect(saved[0].type).toBe('text/csv;charset=utf-8');
    click.mockRestore();
  });
});
