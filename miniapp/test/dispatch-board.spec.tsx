import { fireEvent, render, screen, waitFor } from '@testing-library/react';

import { DispatchBoardPage } from '../src/staff/pages/dispatch';
import { DispatchOrderPage } from '../src/staff/pages/dispatch-order';
import { StaffHomePage } from '../src/staff/pages/index';
import { createFakeApi, meRoutes, signInTo } from './support/fake-api';
import { createFakeDispatch, dispatchRoutes, orderOf } from './support/fake-dispatch';
import { answer } from './support/fixture-server';
import { centresFixture } from './support/fixtures';
import { findAll, findOne, typeInto } from './support/interact';
import { residentAccount } from './support/people';
import { servePerTest } from './support/serve';
import { imageStub, navigations, routeParams } from './support/taro-h5';

import type { FakeDispatch } from './support/fake-dispatch';

const serveRoutes = servePerTest();

const staffAccount = residentAccount({ id: 'account-zhang', role: 'staff', displayName: '张敏', regionId: 'c-yangguang', regionName: '阳光社区', residentId: null });

function click(node: Element | null | undefined): void {
  if (!node) throw new Error('nothing to click');
  fireEvent.click(node);
}

const centres = [centresFixture[0], { ...centresFixture[0], id: 'centre-heping', name: '和平社区市民中心' }];

async function serve(fake: FakeDispatch) {
  const api = createFakeApi({ account: staffAccount });
  signInTo(api);
  await serveRoutes({ ...meRoutes(api), ...dispatchRoutes(api, fake), '/staff/centres': answer({ items: centres }) });
  return api;
}

const candidates = [
  { id: 'worker-zhao', name: '赵师傅', providerName: '安心家政', online: true, openOrders: 1, maxOpenOrders: 3, distanceMeters: 1200, averageRating: 4.5, notes: [] },
  {
    id: 'worker-sun',
    name: '孙阿姨',
    providerName: '安心家政',
    online: false,
    openOrders: 0,
    maxOpenOrders: 2,
    distanceMeters: null,
    averageRating: null,
    notes: ['不在线', '不在工作时间'],
  },
];

describe('派单看板 (staff)', () => {
  it('is linked from the staff workbench', async () => {
    await serve(createFakeDispatch());
    render(<StaffHomePage />);
    click(screen.getByText('派单看板'));
    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/staff/pages/dispatch/index' }]);
  });

  it('tabs with counts (人工派单 first); a card opens the order', async () => {
    const fake = createFakeDispatch({
      orders: [
        orderOf({ id: 'o-pending', status: 'pending_dispatch' }),
        orderOf({ id: 'o-escalated', status: 'escalated', overdue: true, address: '中南路 12 号' }),
        orderOf({ id: 'o-disputed', status: 'disputed' }),
      ],
    });
    const api = await serve(fake);
    const { container } = render(<DispatchBoardPage />);

    // All centres of the region first; one tap narrows the board to one centre.
    const centreChips = await findAll(container, '.staff-dispatch-centre');
    expect(centreChips.map((node) => node.textContent)).toEqual(['全部中心', '阳光社区市民中心', '和平社区市民中心']);
    click(centreChips[2]);
    await waitFor(() => expect(api.calls).toContain('GET /dispatch/board?centreId=centre-heping'));
    click(centreChips[0]);
    await waitFor(() => expect(api.calls.filter((call) => call === 'GET /dispatch/board')).toHaveLength(2));

    const tabs = await findAll(container, '.staff-dispatch-tab');
    await waitFor(() => expect(tabs.map((node) => node.textContent)).toEqual(['待派单 1', '待接单 0', '人工派单 1', '超时 1', '投诉 1']));
    expect(container.querySelector('.staff-dispatch-tab--selected')?.textContent).toBe('人工派单 1');
    const card = await findOne(container, '.order-card');
    expect(card.textContent).toContain('社区人工派单中');
    expect(card.textContent).toContain('已超时');

    click(container.querySelector('.staff-dispatch-tab--offered'));
    expect(await screen.findByText('没有待接单的订单')).toBeTruthy();
    click(container.querySelector('.staff-dispatch-tab--disputed'));
    click(await findOne(container, '.order-card'));
    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/staff/pages/dispatch-order/index?id=o-disputed' }]);
  });

  it('指派: candidates best first with why the dispatcher would skip them; a reason is required', async () => {
    const fake = createFakeDispatch({ orders: [orderOf({ id: 'o-escalated', status: 'escalated' })], candidates });
    await serve(fake);
    routeParams.id = 'o-escalated';
    const { container } = render(<DispatchOrderPage />);

    expect((await findOne(container, '.order-status')).textContent).toBe('社区人工派单中');
    // Escalated: 指派, 重新派单, 取消订单 (no 处理投诉).
    expect(screen.queryByText('处理投诉')).toBeNull();
    click(screen.getByText('指派'));
    const rows = await findAll(container, '.staff-candidate');
    expect(rows[0].textContent).toContain('赵师傅 · 安心家政');
    expect(rows[0].textContent).toContain('在线 · 手上 1/3 · 约 1.2 公里 · 评分 4.5');
    expect(rows[1].textContent).toContain('注意：不在线');
    expect(rows[1].textContent).toContain('注意：不在工作时间');

    click(screen.getByText('确定指派'));
    expect(await screen.findByText('请先选一位服务人员')).toBeTruthy();
    click(rows[1]);
    click(screen.getByText('确定指派'));
    expect(await screen.findByText('请填写原因（至少 2 个字）')).toBeTruthy();
    await typeInto(container, '.staff-order__reason', '电话确认过，孙阿姨可以去');
    click(screen.getByText('确定指派'));

    expect(await screen.findByText('已指派，服务人员会收到通知')).toBeTruthy();
    expect(fake.writes.at(-1)).toEqual({ call: 'POST /dispatch/orders/o-escalated/assign', body: { workerId: 'worker-sun', reason: '电话确认过，孙阿姨可以去' } });
    await waitFor(() => expect(container.querySelector('.order-status')?.textContent).toBe('已接单'));
    expect(container.textContent).toContain('服务人员：孙阿姨');
    await waitFor(() => expect(container.textContent).toContain('原因：电话确认过，孙阿姨可以去'));
  });

  it('处理投诉 with a reason; a disputed order offers nothing else', async () => {
    const fake = createFakeDispatch({ orders: [orderOf({ id: 'o-disputed', status: 'disputed' })] });
    await serve(fake);
    routeParams.id = 'o-disputed';
    const { container } = render(<DispatchOrderPage />);

    click(await screen.findByText('处理投诉'));
    expect(screen.queryByText('指派')).toBeNull();
    expect(screen.queryByText('取消订单')).toBeNull();
    await typeInto(container, '.staff-order__reason', '已上门回访，居民满意');
    click(screen.getByText('投诉已处理'));
    await waitFor(() => expect(container.querySelector('.order-status')?.textContent).toBe('已完成'));
    expect(fake.writes.at(-1)).toEqual({ call: 'POST /dispatch/orders/o-disputed/resolve', body: { reason: '已上门回访，居民满意' } });
  });

  it('重新派单 and 取消订单 on an escalated order, each with a reason', async () => {
    const fake = createFakeDispatch({ orders: [orderOf({ id: 'o-escalated', status: 'escalated' }), orderOf({ id: 'o-accepted', status: 'accepted' })] });
    await serve(fake);
    routeParams.id = 'o-escalated';
    const page = render(<DispatchOrderPage />);

    click(await screen.findByText('重新派单'));
    await typeInto(page.container, '.staff-order__reason', '已补充服务人员');
    click(screen.getByText('确定重新派单'));
    await waitFor(() => expect(page.container.querySelector('.order-status')?.textContent).toBe('等待派单'));
    expect(fake.writes.at(-1)).toEqual({ call: 'POST /dispatch/orders/o-escalated/requeue', body: { reason: '已补充服务人员' } });
    page.unmount();

    routeParams.id = 'o-accepted';
    const accepted = render(<DispatchOrderPage />);
    click(await screen.findByText('取消订单'));
    await typeInto(accepted.container, '.staff-order__reason', '居民电话要求取消');
    click(screen.getByText('确定取消'));
    await waitFor(() => expect(accepted.container.querySelector('.order-status')?.textContent).toBe('已取消'));
    expect(fake.writes.at(-1)).toEqual({ call: 'POST /dispatch/orders/o-accepted/cancel', body: { reason: '居民电话要求取消' } });
  });

  it('the order desk shows the photos of the work, tap to view them all; no block without photos', async () => {
    const photos = [{ id: 'p1', path: '/order-photos/signed.p1' }];
    const fake = createFakeDispatch({ orders: [orderOf({ id: 'o-disputed', status: 'disputed', photos }), orderOf({ id: 'o-bare', status: 'completed' })] });
    await serve(fake);
    routeParams.id = 'o-disputed';
    const page = render(<DispatchOrderPage />);

    const thumbs = await findAll(page.container, '.order-photos__thumb');
    expect(thumbs.map((thumb) => thumb.getAttribute('src'))).toEqual([expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/api\/order-photos\/signed\.p1$/)]);
    click(thumbs[0]);
    expect(imageStub.previewed).toEqual([{ urls: [thumbs[0].getAttribute('src')], current: thumbs[0].getAttribute('src') }]);
    page.unmount();

    routeParams.id = 'o-bare';
    const bare = render(<DispatchOrderPage />);
    await findOne(bare.container, '.order-status');
    expect(bare.container.querySelector('.order-photos')).toBeNull();
  });

  it('residents are sent to the staff login', async () => {
    const api = createFakeApi();
    signInTo(api);
    await serveRoutes({ ...meRoutes(api) });
    render(<DispatchBoardPage />);
    expect(screen.getByText('工作人员登录')).toBeTruthy();
  });
});
