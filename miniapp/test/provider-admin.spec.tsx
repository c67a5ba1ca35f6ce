import { fireEvent, render, screen, waitFor } from '@testing-library/react';

import { ProviderAdminPage } from '../src/provider/pages/admin';
import { draftOf, profileInputOf } from '../src/hooks/useProviderAdmin';
import { createFakeApi, meRoutes, signInTo } from './support/fake-api';
import { createFakeDispatch, dispatchRoutes, providerWorkerOf } from './support/fake-dispatch';
import { answer } from './support/fixture-server';
import { catalogueFixture } from './support/fixtures';
import { findAll, findOne, typeInto } from './support/interact';
import { residentAccount } from './support/people';
import { servePerTest } from './support/serve';

import type { FakeDispatch } from './support/fake-dispatch';

const serveRoutes = servePerTest();

const adminAccount = residentAccount({ id: 'account-qian', role: 'provider_admin', displayName: '钱经理', residentId: null, providerId: 'provider-anxin' });

function click(node: Element | null | undefined): void {
  if (!node) throw new Error('nothing to click');
  fireEvent.click(node);
}

async function openAdmin(fake: FakeDispatch) {
  const api = createFakeApi({ account: adminAccount });
  signInTo(api);
  await serveRoutes({ ...meRoutes(api), ...dispatchRoutes(api, fake), '/catalogue': answer({ items: catalogueFixture }) });
  const page = render(<ProviderAdminPage />);
  await findAll(page.container, '.provider-worker');
  return page;
}

const zhao = providerWorkerOf({ averageRating: 4.5, ratingCount: 4 });
const qian = providerWorkerOf({ id: 'worker-sun', name: '孙阿姨', wechatBound: false, online: false, openOrders: 0 });

describe('provider admin page', () => {
  it('lists workers with online state, load and rating; switches the dispatch mode', async () => {
    const fake = createFakeDispatch({ workers: [zhao, qian] });
    const { container } = await openAdmin(fake);

    const [first, second] = [...container.querySelectorAll<HTMLElement>('.provider-worker')];
    expect(first.textContent).toContain('赵师傅 · 在线');
    expect(first.textContent).toContain('手上订单：1/3 · 评分：4.5（4 次）');
    expect(second.textContent).toContain('孙阿姨 · 离线');
    expect(second.textContent).toContain('未绑定微信');
    // Only an unbound worker needs a code.
    expect(first.querySelector('.provider-worker__invite')).toBeNull();

    const assign = await findOne(container, '.provider-mode--assign');
    expect(assign.className).toContain('provider-mode--selected');
    click(container.querySelector('.provider-mode--grab'));
    expect(await screen.findByText('已改为抢单：新订单进入抢单池')).toBeTruthy();
    expect(fake.writes.at(-1)).toEqual({ call: 'PUT /providers/provider-anxin/dispatch-mode', body: { mode: 'grab' } });
    await waitFor(() => expect(container.querySelector('.provider-mode--grab')?.className).toContain('provider-mode--selected'));
  });

  it('adds a worker and shows their invitation code', async () => {
    const fake = createFakeDispatch({ workers: [zhao] });
    const { container } = await openAdmin(fake);

    click(screen.getByText('添加'));
    expect(await screen.findByText('请填写姓名')).toBeTruthy();
    await typeInto(container, '.provider-add__name', '孙阿姨');
    await typeInto(container, '.provider-add__phone', '13705510010');
    click(screen.getByText('添加'));
    expect(await screen.findByText('已添加 孙阿姨，点“生成邀请码”让他绑定微信')).toBeTruthy();
    expect(fake.writes.at(-1)).toEqual({ call: 'POST /providers/provider-anxin/workers', body: { name: '孙阿姨', phone: '13705510010' } });

    click(await findOne(container, '.provider-worker__invite'));
    const code = await findOne(container, '.provider-invitation__code');
    expect(code.textContent).toBe('W4K9P2QX');
  });

  it('edits a dispatch profile: home services, communities, weekdays, hours and cap', async () => {
    const fake = createFakeDispatch({ workers: [zhao] });
    const { container } = await openAdmin(fake);

    click(screen.getByText('接单设置'));
    // Skills offer only the home-mode services of the catalogue.
    const skills = await findAll(container, '.provider-skill');
    expect(skills.map((node) => node.textContent)).toEqual(['居家养老上门服务']);
    click(skills[0]);
    click((await findAll(container, '.provider-area'))[1]);
    const weekdays = await findAll(container, '.provider-weekday');
    expect(weekdays).toHaveLength(7);
    click(weekdays[0]);
    click(weekdays[2]);
    await typeInto(container, '.provider-profile__start', '09:00');
    await typeInto(container, '.provider-profile__end', '17:30');
    click(container.querySelector('.provider-profile__plus'));
    click(screen.getByText('保存接单设置'));

    expect(await screen.findByText('已保存 赵师傅 的接单设置')).toBeTruthy();
    expect(fake.writes.at(-1)).toEqual({
      call: 'PUT /providers/provider-anxin/workers/worker-zhao/dispatch-profile',
      body: {
        skillServiceIds: ['svc-home-care'],
        areaRegionIds: ['c-heping'],
        workingHours: [
          { weekday: 1, ranges: [{ start: '09:00', end: '17:30' }] },
          { weekday: 3, ranges: [{ start: '09:00', end: '17:30' }] },
        ],
        maxOpenOrders: 4,
      },
    });
    const card = await findOne(container, '.provider-worker');
    await waitFor(() => expect(card.textContent).toContain('时间：周一、周三 09:00–17:30'));
    expect(card.textContent).toContain('社区：和平社区');
  });

  it('checks hours and cap before saving', () => {
    const draft = { ...draftOf(zhao), weekdays: [1 as const], start: '18:00', end: '09:00' };
    expect(profileInputOf(draft)).toEqual({ ok: false, problems: ['下班时间要晚于上班时间'] });
    expect(profileInputOf({ ...draft, start: '9点', end: '18:00' })).toEqual({ ok: false, problems: ['时间请写成 08:00 这样的格式'] });
    expect(profileInputOf({ ...draft, start: '09:00', end: '18:00', maxOpenOrders: 11 })).toEqual({ ok: false, problems: ['同时最多接单数为 1 到 10'] });
    expect(profileInputOf({ ...draft, start: '09:00', end: '18:00' })).toEqual({ ok: true, workingHours: [{ weekday: 1, ranges: [{ start: '09:00', end: '18:00' }] }] });
  });

  it('someone else is sent to the administrator login', async () => {
    const api = createFakeApi();
    signInTo(api);
    await serveRoutes({ ...meRoutes(api) });
    render(<ProviderAdminPage />);
    expect(screen.getByText('您当前登录的不是服务机构管理员账号。')).toBeTruthy();
  });
});
