import { fireEvent, render, waitFor } from '@testing-library/react';
import { instantOf, shanghaiDateOf, wgs84ToGcj02 } from '@linli/shared';

import type { OutletReportView, OutletSearchItem, OutletView } from '@linli/shared';
import type { IncomingMessage } from 'node:http';

import { OutletsPage } from '../src/outlets/pages/index';
import { OutletPage } from '../src/outlets/pages/outlet';
import { StaffOutletsPage } from '../src/staff/pages/outlets';
import { authed, createFakeApi, signInTo } from './support/fake-api';
import { communitiesFixture } from './support/fixtures';
import { readJson, sendJson } from './support/fixture-server';
import { findAll, findOne, typeIntoArea } from './support/interact';
import { residentAccount } from './support/people';
import { servePerTest } from './support/serve';
import { locationStub, navigations, phoneStub, routeParams } from './support/taro-h5';

import type { FakeApi } from './support/fake-api';
import type { Handler } from './support/fixture-server';

const serveRoutes = servePerTest();

function click(node: Element | null | undefined): void {
  if (!node) throw new Error('nothing to click');
  fireEvent.click(node);
}

const breakfast: OutletSearchItem = {
  id: 'outlet-breakfast',
  source: 'directory',
  name: '安大老王早餐',
  kind: 'breakfast',
  address: '肥西路 5 号',
  latitude: 31.8451,
  longitude: 117.2625,
  phone: '0551-65100001',
  services: ['豆浆', '油条'],
  elderFeatures: ['senior_discount'],
  distanceMeters: 86,
  open: true,
  changesAt: instantOf(shanghaiDateOf(new Date()), '10:30').toISOString(),
};
const pharmacy: OutletSearchItem = {
  ...breakfast,
  id: 'outlet-pharmacy',
  name: '百姓大药房',
  kind: 'pharmacy',
  distanceMeters: 1240,
  open: false,
  changesAt: null,
  elderFeatures: [],
};

const breakfastView: OutletView = {
  id: breakfast.id,
  source: 'directory',
  name: breakfast.name,
  kind: 'breakfast',
  regionId: 'community-anda',
  regionName: '安大社区',
  address: breakfast.address,
  latitude: breakfast.latitude,
  longitude: breakfast.longitude,
  phone: breakfast.phone,
  hours: { weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday: weekday as 1, ranges: [{ start: '06:00', end: '10:30' }] })), dated: [] },
  services: breakfast.services,
  photoUrls: [],
  elderFeatures: breakfast.elderFeatures,
  verifiedOn: '2026-11-30',
};

const queryOf = (req: IncomingMessage) => new URL(req.url ?? '', 'http://x').searchParams;

function residentRoutes(api: FakeApi, reports: unknown[]): Record<string, Handler> {
  return {
    '/outlets': authed(api, (_state, req, res) => {
      const query = queryOf(req);
      const kinds = query.get('kinds')?.split(',') ?? [];
      const all = [breakfast, pharmacy].filter((item) => kinds.length === 0 || kinds.includes(item.kind)).filter((item) => query.get('openNow') !== 'true' || item.open);
      const page = Number(query.get('page'));
      sendJson(res, 200, { items: page === 1 ? all.slice(0, 1) : all.slice(1), more: page === 1 && all.length > 1 });
    }),
    '/outlets/:id': authed(api, (_state, req, res) =>
      req.url?.endsWith(breakfast.id) ? sendJson(res, 200, breakfastView) : sendJson(res, 404, { code: 'NOT_FOUND', message: '该网点不存在', requestId: 'r' }),
    ),
    '/outlets/:id/reports': authed(api, async (_state, req, res) => {
      reports.push(await readJson(req));
      sendJson(res, 201, {
        id: 'report-1',
        outletId: breakfast.id,
        outletSource: 'directory',
        outletName: breakfast.name,
        reason: 'wrong_hours',
        note: '',
        status: 'open',
        createdAt: new Date().toISOString(),
        resolvedAt: null,
        resolution: null,
      });
    }),
    '/regions/communities': (_req, res) => sendJson(res, 200, { items: communitiesFixture }),
  };
}

describe('便民网点 for residents', () => {
  it('lists the nearest outlets from the phone’s position with distance and open badge, filters by kind and open now, pages on and opens one', async () => {
    locationStub.answer = { latitude: 31.8444, longitude: 117.2622 };
    const api = createFakeApi();
    signInTo(api);
    await serveRoutes(residentRoutes(api, []));
    const { container } = render(<OutletsPage />);

    const first = await findOne(container, '.outlet-card');
    expect(first.textContent).toContain('安大老王早餐');
    expect(first.querySelector('.outlet-card__distance')!.textContent).toBe('约 90 米');
    expect(first.querySelector('.outlet-card__badge--open')!.textContent).toBe('营业中');
    expect(first.textContent).toContain('营业中，至 10:30');
    expect(api.calls[0]).toMatch(/^GET \/outlets\?latitude=31\.8444&longitude=117\.2622&openNow=false&page=1&pageSize=10/);

    click(await findOne(container, '.outlets__more'));
    await waitFor(() => expect(container.querySelectorAll('.outlet-card')).toHaveLength(2));
    expect(container.querySelectorAll('.outlet-card')[1].querySelector('.outlet-card__badge--closed')!.textContent).toBe('休息中');

    click(container.querySelector('[data-kind="breakfast"]'));
    click(container.querySelector('[data-switch="open-now"]'));
    await waitFor(() => expect(api.calls.at(-1)).toContain('kinds=breakfast'));
    expect(api.calls.at(-1)).toContain('openNow=true');
    await waitFor(() => expect(container.querySelectorAll('.outlet-card')).toHaveLength(1));

    click(await findOne(container, '.outlet-card'));
    expect(navigations.at(-1)!.url).toBe('/outlets/pages/outlet/index?id=outlet-breakfast');
  });

  it('in a browser (H5: WGS-84 only) measures from the browser’s position converted to GCJ-02', async () => {
    const browserPosition = { latitude: 31.84641, longitude: 117.25672 };
    locationStub.browser = true;
    locationStub.answer = browserPosition;
    const api = createFakeApi();
    signInTo(api);
    await serveRoutes(residentRoutes(api, []));
    const { container } = render(<OutletsPage />);

    await findOne(container, '.outlet-card');
    expect(locationStub.calls).toEqual([{ type: 'gcj02' }, { type: 'wgs84' }]);
    const gcj02 = wgs84ToGcj02(browserPosition);
    const query = new URLSearchParams(api.calls.find((call) => call.startsWith('GET /outlets?'))!.slice('GET /outlets?'.length));
    expect(Number(query.get('latitude'))).toBeCloseTo(gcj02.latitude, 9);
    expect(Number(query.get('longitude'))).toBeCloseTo(gcj02.longitude, 9);
    expect(container.textContent).not.toContain('没有获取到您的位置');
  });

  it('without a position asks for the community and measures from it', async () => {
    const api = createFakeApi();
    signInTo(api);
    await serveRoutes(residentRoutes(api, []));
    const { container } = render(<OutletsPage />);
    await waitFor(() => expect(container.textContent).toContain('没有获取到您的位置'));
    const [yangguang] = await findAll(container, '.outlets__communities .kind-chips__chip');
    click(yangguang);
    await findOne(container, '.outlet-card');
    expect(api.calls.find((call) => call.startsWith('GET /outlets?'))).toContain('communityId=c-yangguang');
  });

  it('the outlet page calls, shows the week’s hours and sends 信息有误', async () => {
    const api = createFakeApi();
    signInTo(api);
    const reports: unknown[] = [];
    await serveRoutes(residentRoutes(api, reports));
    routeParams.id = breakfast.id;
    const { container } = render(<OutletPage />);

    await waitFor(() => expect(container.textContent).toContain('安大老王早餐'));
    expect(container.querySelectorAll('.outlet__day')).toHaveLength(7);
    expect(container.querySelector('.outlet__day--today')!.textContent).toBe('今天06:00–10:30');
    click(container.querySelector('.outlet__call'));
    expect(phoneStub.dialled).toEqual(['0551-65100001']);

    click(container.querySelector('.outlet__report-open'));
    click(await findOne(container, '[data-reason="wrong_hours"]'));
    click(await findOne(container, '.outlet__report-send'));
    await waitFor(() => expect(container.textContent).toContain('谢谢！工作人员会核实并更正。'));
    expect(reports).toEqual([{ reason: 'wrong_hours' }]);
  });
});

describe('便民网点管理 for staff', () => {
  const staff = residentAccount({ id: 'account-staff', role: 'staff', displayName: '张敏', residentId: null });
  const report: OutletReportView = {
    id: 'report-1',
    outletId: breakfast.id,
    outletSource: 'directory',
    outletName: '安大老王早餐',
    reason: 'wrong_phone',
    note: '电话打不通',
    status: 'open',
    createdAt: '2026-11-30T01:00:00.000Z',
    resolvedAt: null,
    resolution: null,
  };

  it('imports a CSV: a file with a bad row is refused and each bad line shown; reports are resolved; coverage lists what is missing', async () => {
    const api = createFakeApi({ account: staff });
    signInTo(api);
    const resolved: unknown[] = [];
    await serveRoutes({
      '/staff/outlets': authed(api, (_state, _req, res) => sendJson(res, 200, { items: [breakfastView] })),
      '/staff/outlets/import': authed(api, (_state, _req, res) =>
        sendJson(res, 422, {
          code: 'OUTLET_IMPORT_INVALID',
          message: '有 1 行不正确，未导入任何网点',
          details: [{ field: 'line 3', constraints: ['outletCsvRow'], message: '类型“网吧”不是已知的网点类型' }],
          requestId: 'r',
        }),
      ),
      '/staff/outlet-reports': authed(api, (_state, _req, res) => sendJson(res, 200, { items: [report] })),
      '/staff/outlet-reports/:id/resolve': authed(api, async (_state, req, res) => {
        resolved.push(await readJson(req));
        sendJson(res, 200, { ...report, status: 'resolved', resolution: '已更正电话', resolvedAt: '2026-11-30T02:00:00.000Z' });
      }),
      '/staff/outlet-coverage': authed(api, (_state, _req, res) =>
        sendJson(res, 200, { items: [{ communityId: 'community-anda', communityName: '安大社区', covered: ['canteen', 'breakfast'], missing: ['bank', 'post'] }] }),
      ),
    });
    const { container } = render(<StaffOutletsPage />);

    expect((await findOne(container, '.staff-outlet')).textContent).toContain('安大老王早餐');

    click(container.querySelector('.outlets-section[data-value="import"]'));
    await typeIntoArea(container, '.outlet-import__text', '名称,类型\n甲,早餐店\n乙,网吧');
    click(await findOne(container, '.outlet-import__send'));
    const problem = await findOne(container, '.outlet-import__problem');
    expect(problem.textContent).toBe('第 3 行：类型“网吧”不是已知的网点类型');
    expect(problem.getAttribute('data-line')).toBe('3');
    expect(container.textContent).toContain('未导入任何网点');

    click(container.querySelector('.outlets-section[data-value="reports"]'));
    const row = await findOne(container, '.outlet-report');
    expect(row.textContent).toContain('电话不对：电话打不通');
    click(row.querySelector('.outlet-report__resolve'));
    await waitFor(() => expect(container.querySelector('.outlet-report')).toBeNull());
    expect(resolved).toEqual([{ resolution: '已核实处理' }]);

    click(container.querySelector('.outlets-section[data-value="coverage"]'));
    expect((await findOne(container, '.outlet-coverage')).textContent).toContain('安大社区：缺 2 类缺少：银行、邮政已有：社区食堂、早餐店');
  });
});
