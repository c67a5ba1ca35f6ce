import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ORDER_STATUS_LABELS } from '@linli/shared';

import { HomeOrderPage } from '../src/home-service/pages/order';
import { ORDER_POLL_MS } from '../src/home-service/hooks/useHomeOrder';
import { OrdersPage } from '../src/pages/orders';
import { createFakeApi, meRoutes, signInTo } from './support/fake-api';
import { bookingRoutes, createFakeBookings } from './support/fake-bookings';
import { createFakeDispatch, dispatchRoutes, orderOf } from './support/fake-dispatch';
import { mediationDetail } from './support/fixtures';
import { findAll, findOne, typeInto, typeIntoArea } from './support/interact';
import { servePerTest } from './support/serve';
import { hidePage, imageStub, navigations, phoneStub, routeParams, showPage } from './support/taro-h5';

import type { FakeApi } from './support/fake-api';
import type { FakeDispatch } from './support/fake-dispatch';
import { fakeIntervalsOnly } from './support/fake-timers';

const serveRoutes = servePerTest();

function click(node: Element | null | undefined): void {
  if (!node) throw new Error('nothing to click');
  fireEvent.click(node);
}

/** Opens the page at the first of the fake's orders; `unmount` lets a test open the others in turn on the same server. */
async function open(fake: FakeDispatch): Promise<{ api: FakeApi; container: HTMLElement; unmount: () => void }> {
  const api = createFakeApi();
  signInTo(api);
  await serveRoutes({ ...meRoutes(api), ...bookingRoutes(api, createFakeBookings(mediationDetail)), ...dispatchRoutes(api, fake) });
  routeParams.id = fake.orders[0].id;
  const { container, unmount } = render(<HomeOrderPage />);
  await findOne(container, '.order-status');
  return { api, container, unmount };
}

const statusOf = (container: HTMLElement) => container.querySelector('.order-status')?.textContent;

const acceptedTimeline = [
  {
    event: 'offer' as const,
    label: '派单给服务人员',
    fromStatus: 'pending_dispatch' as const,
    toStatus: 'offered' as const,
    actor: 'system' as const,
    actorName: '系统',
    reason: null,
    at: '2026-11-26T01:00:00.000Z',
  },
  {
    event: 'accept' as const,
    label: '服务人员接单',
    fromStatus: 'offered' as const,
    toStatus: 'accepted' as const,
    actor: 'worker' as const,
    actorName: '赵师傅',
    reason: null,
    at: '2026-11-26T01:01:00.000Z',
  },
];

describe('the resident order page (HomeOrderPage)', () => {
  afterEach(() => jest.useRealTimers());

  it('shows the status big, the worker, the window, the address and the timeline; cancels with a picked reason', async () => {
    const fake = createFakeDispatch({ orders: [orderOf({ status: 'accepted', timeline: acceptedTimeline })] });
    const { container } = await open(fake);

    expect(statusOf(container)).toBe('已接单');
    expect(container.querySelector('.order-summary__hint')?.textContent).toBe('服务人员已接单，会在约定时间上门。');
    const text = container.textContent ?? '';
    for (const expected of [
      '服务人员：赵师傅',
      '服务机构：安心家政',
      '电话：137****0009',
      '明天',
      '09:00–12:00',
      '地址：东湖路 88 号 3 栋 201',
      '需要：打扫卫生',
      '订单进度',
      '服务人员已接单',
      '赵师傅',
    ]) {
      expect(text).toContain(expected);
    }
    // Accepted: only 取消订单 (before the worker sets out).
    expect(screen.queryByText('确认完成')).toBeNull();
    expect(screen.queryByText('投诉')).toBeNull();
    click(screen.getByText('取消订单'));
    // The read-back of what is given up comes first, with the reason asked under it.
    expect(container.querySelector('.home-cancel-step .read-back__sentence')!.textContent).toMatch(/^将取消 \S+ .+ 的 \S+，上门地址：.+$/);
    click(screen.getByText('确定取消'));
    expect(await screen.findByText('请先选一个原因')).toBeTruthy();

    click(screen.getByText('时间有变'));
    await typeInto(container, '.home-order__reason', '下午要去医院');
    click(screen.getByText('确定取消'));

    await waitFor(() => expect(statusOf(container)).toBe('已取消'));
    expect(await screen.findByText('订单已取消')).toBeTruthy();
    expect(fake.writes.at(-1)).toEqual({ call: 'POST /home-orders/order-1/cancel', body: { reason: '时间有变：下午要去医院' } });
    await waitFor(() => expect(container.textContent).toContain('原因：时间有变：下午要去医院'));
    expect(container.querySelector('.home-order__cancel')).toBeNull();
  });

  it('completed: 确认完成, then 评价 with stars and a comment; 投诉 with a reason', async () => {
    const fake = createFakeDispatch({ orders: [orderOf({ status: 'completed', completionNote: '厨房、卫生间已清洁' })] });
    const { container } = await open(fake);

    expect(statusOf(container)).toBe(ORDER_STATUS_LABELS.completed);
    expect(container.textContent).toContain('服务记录：厨房、卫生间已清洁');
    click(screen.getByText('确认完成'));
    await waitFor(() => expect(statusOf(container)).toBe('已完成'));
    expect(fake.writes.at(-1)?.call).toBe('POST /home-orders/order-1/confirm');

    click(screen.getByText('评价'));
    click(screen.getByText('提交评价'));
    expect(await screen.findByText('请先点星星打分（1 到 5 颗）')).toBeTruthy();
    const stars = await findAll(container, '.home-stars__star');
    expect(stars).toHaveLength(5);
    click(stars[3]);
    await typeIntoArea(container, '.home-order__comment', '很细心');
    click(screen.getByText('提交评价'));
    expect(await screen.findByText('谢谢您的评价')).toBeTruthy();
    expect(fake.writes.at(-1)).toEqual({ call: 'POST /home-orders/order-1/rating', body: { score: 4, comment: '很细心' } });
    await waitFor(() => expect(container.textContent).toContain('评价：★★★★☆ 很细心'));
    expect(screen.queryByText('评价')).toBeNull();

    click(screen.getByText('投诉'));
    click(screen.getByText('态度不好'));
    click(screen.getByText('提交投诉'));
    await waitFor(() => expect(statusOf(container)).toBe('投诉处理中'));
    expect(fake.writes.at(-1)).toEqual({ call: 'POST /home-orders/order-1/complaint', body: { reason: '态度不好' } });
  });

  it('拨打电话 once a worker holds the order: the number is asked for on the tap, then dialled and shown', async () => {
    const fake = createFakeDispatch({ orders: [orderOf({ status: 'en_route', timeline: acceptedTimeline })] });
    const { container } = await open(fake);

    const call = await findOne(container, '.order-worker .home-order__call');
    expect(call.textContent).toBe('拨打电话');
    // The number is not in the page before the tap.
    expect(container.textContent).not.toContain('13705510009');
    click(call);
    expect(await screen.findByText('正在拨打 13705510009，没有自动拨出时请用手机拨这个号码')).toBeTruthy();
    expect(phoneStub.dialled).toEqual(['13705510009']);
    expect(fake.writes.at(-1)?.call).toBe('POST /home-orders/order-1/call');
  });

  it('no 拨打电话 before a worker accepts or after the order ends; a refused call says why', async () => {
    const ended = (['pending_dispatch', 'escalated', 'confirmed', 'cancelled'] as const).map((status) => orderOf({ id: `order-${status}`, status }));
    // Finished an hour ago: still reachable; the API may refuse all the same (a day passed meanwhile).
    const justDone = orderOf({ id: 'order-done', status: 'completed', completedAt: new Date(Date.now() - 3600_000).toISOString() });
    const fake = createFakeDispatch({ orders: [...ended, justDone] });
    fake.next['call-worker'] = { status: 409, code: 'CALL_UNAVAILABLE', message: '订单已结束，不能再拨打电话；如有问题请联系社区工作人员' };
    const { container, unmount } = await open(fake);
    expect(container.querySelector('.home-order__call')).toBeNull();
    unmount();
    for (const order of ended.slice(1)) {
      routeParams.id = order.id;
      const page = render(<HomeOrderPage />);
      await findOne(page.container, '.order-status');
      expect(page.container.querySelector('.home-order__call')).toBeNull();
      page.unmount();
    }

    routeParams.id = justDone.id;
    const page = render(<HomeOrderPage />);
    click(await findOne(page.container, '.home-order__call'));
    expect(await screen.findByText('订单已结束，不能再拨打电话；如有问题请联系社区工作人员')).toBeTruthy();
    expect(phoneStub.dialled).toEqual([]);
  });

  it('an order staff are arranging reads in plain words: no dispatcher terms, no refusals', async () => {
    const staffTimeline = [
      {
        event: 'offer' as const,
        label: '派单给服务人员',
        fromStatus: 'pending_dispatch' as const,
        toStatus: 'offered' as const,
        actor: 'system' as const,
        actorName: '系统',
        reason: null,
        at: '2026-11-26T01:00:00.000Z',
      },
      {
        event: 'reject' as const,
        label: '服务人员拒单',
        fromStatus: 'offered' as const,
        toStatus: 'pending_dispatch' as const,
        actor: 'worker' as const,
        actorName: '钱师傅',
        reason: '距离太远',
        at: '2026-11-26T01:01:00.000Z',
      },
      {
        event: 'escalate' as const,
        label: '转社区人工派单',
        fromStatus: 'pending_dispatch' as const,
        toStatus: 'escalated' as const,
        actor: 'system' as const,
        actorName: '系统',
        reason: '暂无符合条件的在线服务人员',
        at: '2026-11-26T01:02:00.000Z',
      },
    ];
    const { container } = await open(createFakeDispatch({ orders: [orderOf({ status: 'escalated', timeline: staffTimeline })] }));

    expect(statusOf(container)).toBe('正在安排服务人员');
    const timeline = await findOne(container, '.order-timeline');
    expect([...timeline.querySelectorAll('.order-timeline__label')].map((label) => label.textContent)).toEqual(['正在为您联系服务人员', '正在为您安排服务人员']);
    const text = container.textContent ?? '';
    for (const jargon of ['派单', '符合条件', '在线服务人员', '拒单', '钱师傅', '距离太远']) expect(text).not.toContain(jargon);
  });

  it('with the live socket down: polls every ORDER_POLL_MS while shown and still moving; stops when hidden', async () => {
    fakeIntervalsOnly();
    const fake = createFakeDispatch({ orders: [orderOf({ status: 'pending_dispatch' })] });
    const { api, container } = await open(fake);
    expect(statusOf(container)).toBe('正在安排服务人员');
    expect(container.textContent).toContain('服务人员：正在安排');
    const gets = () => api.calls.filter((call) => call === 'GET /home-orders/order-1').length;
    expect(gets()).toBe(1);

    fake.orders = [orderOf({ status: 'en_route', timeline: acceptedTimeline })];
    act(() => void jest.advanceTimersByTime(ORDER_POLL_MS));
    await waitFor(() => expect(statusOf(container)).toBe('服务人员已出发'));
    expect(container.textContent).toContain('服务人员：赵师傅');
    expect(gets()).toBe(2);

    act(() => hidePage());
    act(() => void jest.advanceTimersByTime(ORDER_POLL_MS * 3));
    expect(gets()).toBe(2);
    act(() => showPage());
    act(() => void jest.advanceTimersByTime(ORDER_POLL_MS));
    await waitFor(() => expect(gets()).toBe(3));
  });

  it('photos of the work as thumbnails (absolute URLs under the API base); a tap opens all of them; none: no photo block', async () => {
    const photos = [
      { id: 'p1', path: '/order-photos/signed.p1' },
      { id: 'p2', path: '/order-photos/signed.p2' },
    ];
    const fake = createFakeDispatch({ orders: [orderOf({ status: 'completed', photos }), orderOf({ id: 'order-2', status: 'accepted' })] });
    const { container } = await open(fake);

    expect(container.querySelector('.order-photos__title')?.textContent).toBe('服务照片（2 张，点一下看大图）');
    const thumbs = await findAll(container, '.order-photos__thumb');
    const urls = thumbs.map((thumb) => thumb.getAttribute('src'));
    expect(urls).toEqual([expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/api\/order-photos\/signed\.p1$/), expect.stringMatching(/\/api\/order-photos\/signed\.p2$/)]);
    click(thumbs[1]);
    expect(imageStub.previewed).toEqual([{ urls, current: urls[1] }]);
  });

  it('an order without photos shows no photo block', async () => {
    const { container } = await open(createFakeDispatch({ orders: [orderOf({ status: 'completed' })] }));
    expect(container.querySelector('.order-photos')).toBeNull();
  });

  it('an unknown order says so, without 重试', async () => {
    const api = createFakeApi();
    signInTo(api);
    await serveRoutes({ ...meRoutes(api), ...dispatchRoutes(api, createFakeDispatch()) });
    routeParams.id = 'order-gone';
    render(<HomeOrderPage />);
    expect(await screen.findByText('没有找到这个订单，可能链接已过期')).toBeTruthy();
    expect(screen.queryByText('重试')).toBeNull();
  });
});

describe('订单 tab lists home orders', () => {
  it('shows them under 上门服务 with their status; a tap opens the order page', async () => {
    const api = createFakeApi();
    signInTo(api);
    const fake = createFakeDispatch({ orders: [orderOf({ status: 'offered' })] });
    await serveRoutes({ ...meRoutes(api), ...bookingRoutes(api, createFakeBookings(mediationDetail)), ...dispatchRoutes(api, fake) });
    const { container } = render(<OrdersPage />);

    const card = await findOne(container, '.order-card');
    expect(container.querySelector('.orders__heading')?.textContent).toBe('上门服务');
    expect(card.textContent).toContain('居家养老上门服务');
    expect(card.textContent).toContain('等待服务人员接单');
    expect(screen.queryByText('还没有预约。在“服务”里选一项服务，点“预约”即可。')).toBeNull();
    click(card);
    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/home-service/pages/order/index?id=order-1' }]);
  });
});
