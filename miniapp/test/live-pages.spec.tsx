import { act, render, waitFor } from '@testing-library/react';

import { LIVE_RELOAD_COALESCE_MS } from '../src/hooks/useLive';
import { ORDER_POLL_MS } from '../src/home-service/hooks/useHomeOrder';
import { HomeOrderPage } from '../src/home-service/pages/order';
import { OrdersPage } from '../src/pages/orders';
import { BOARD_POLL_MS } from '../src/staff/hooks/useDispatchBoard';
import { DispatchBoardPage } from '../src/staff/pages/dispatch';
import { createFakeApi, meRoutes, signInTo } from './support/fake-api';
import { bookingRoutes, createFakeBookings } from './support/fake-bookings';
import { createFakeDispatch, dispatchRoutes, orderOf } from './support/fake-dispatch';
import { answer } from './support/fixture-server';
import { centresFixture, mediationDetail } from './support/fixtures';
import { fakeIntervalsOnly } from './support/fake-timers';
import { findAll, findOne } from './support/interact';
import { residentAccount } from './support/people';
import { servePerTest } from './support/serve';
import { routeParams } from './support/taro-h5';

import type { LiveFrame, LiveListener } from '../src/services/live-socket';
import type { FakeDispatch } from './support/fake-dispatch';

/**
 * The live socket stood in for: the test says when it is up or down and pushes frames, as the API would. (The real
 * socket client is tested against the API in api/test/live.e2e-spec.ts and in the browser in e2e/h5-live.e2e.ts.)
 */
jest.mock('../src/services/live-socket', () => {
  const listeners = new Set<LiveListener>();
  const state = { up: false };
  return {
    liveSocket: {
      listen: (listener: LiveListener) => {
        listeners.add(listener);
        listener.status(state.up);
        return () => listeners.delete(listener);
      },
    },
    socketStandIn: {
      setUp: (up: boolean) => {
        state.up = up;
        for (const listener of [...listeners]) listener.status(up);
      },
      push: (frame: LiveFrame) => {
        for (const listener of [...listeners]) listener.frame(frame);
      },
      listening: () => listeners.size,
    },
  };
});
const socket = jest.requireMock<{ socketStandIn: { setUp: (up: boolean) => void; push: (frame: LiveFrame) => void; listening: () => number } }>(
  '../src/services/live-socket',
).socketStandIn;

const serveRoutes = servePerTest();
const staffAccount = residentAccount({ id: 'account-zhang', role: 'staff', displayName: '张敏', regionId: 'c-yangguang', regionName: '阳光社区', residentId: null });

afterEach(() => act(() => socket.setUp(false)));

/**
 * Counts the live reloads scheduled from now on (useLiveRefresh's coalescing timeout), so a test can tell at once that
 * a frame not for the page scheduled none, instead of waiting some time for a reload that should not come; the frame
 * for the page, pushed next, proves the count sees one.
 */
function countReloadsScheduled(): () => number {
  // spyOn answers the spy already there, with its calls so far: count from here.
  const scheduled = jest.spyOn(globalThis, 'setTimeout');
  const reloads = () => scheduled.mock.calls.filter(([, delay]) => delay === LIVE_RELOAD_COALESCE_MS).length;
  const before = reloads();
  return () => reloads() - before;
}

describe('live updates instead of polling: the staff dispatch board', () => {
  async function openBoard(fake: FakeDispatch) {
    const api = createFakeApi({ account: staffAccount });
    signInTo(api);
    await serveRoutes({ ...meRoutes(api), ...dispatchRoutes(api, fake), '/staff/centres': answer({ items: [centresFixture[0]] }) });
    const { container } = render(<DispatchBoardPage />);
    const boardGets = () => api.calls.filter((call) => call === 'GET /dispatch/board').length;
    await findAll(container, '.staff-dispatch-tab');
    // The board has loaded (its counts are drawn from the answer), so the fallback poll's timer is set: the tabs alone
    // are drawn before the answer, and a test that moved the clock then found no timer to fire (it failed once so).
    await waitFor(() => expect(tabTexts(container)).toContain('人工派单 1'));
    expect(boardGets()).toBe(1);
    return { api, container, boardGets };
  }
  const tabTexts = (container: HTMLElement) => [...container.querySelectorAll('.staff-dispatch-tab')].map((node) => node.textContent);

  it('socket up: never polled; a burst of board frames reloads it once, and the new order shows', async () => {
    fakeIntervalsOnly();
    const fake = createFakeDispatch({ orders: [orderOf({ id: 'o-1', status: 'escalated' })] });
    const { container, boardGets } = await openBoard(fake);
    act(() => socket.setUp(true));
    await waitFor(() => expect(boardGets()).toBe(2)); // the socket coming up: one look for what changed meanwhile
    act(() => void jest.advanceTimersByTime(BOARD_POLL_MS * 3));
    expect(boardGets()).toBe(2);

    // A resident's order frame is not the board's: no reload is even scheduled for it.
    const reloadsScheduled = countReloadsScheduled();
    act(() => socket.push({ type: 'order', orderId: 'o-2', status: 'escalated', event: 'escalate' }));
    expect(reloadsScheduled()).toBe(0);

    fake.orders = [...fake.orders, orderOf({ id: 'o-2', status: 'escalated' })];
    act(() => {
      socket.push({ type: 'board', orderId: 'o-2', status: 'pending_dispatch', event: 'create' });
      socket.push({ type: 'board', orderId: 'o-2', status: 'escalated', event: 'escalate' });
      socket.push({ type: 'board', orderId: 'o-2', status: 'escalated', event: 'escalate' });
    });
    expect(reloadsScheduled()).toBe(1); // the burst: one reload
    await waitFor(() => expect(tabTexts(container)).toContain('人工派单 2'));
    expect(boardGets()).toBe(3);
  });

  it('socket down: polled every BOARD_POLL_MS (60 s, slower than the 30 s before the socket), and not at 30 s', async () => {
    fakeIntervalsOnly();
    const fake = createFakeDispatch({ orders: [orderOf({ id: 'o-1', status: 'escalated' })] });
    const { boardGets } = await openBoard(fake);
    expect(BOARD_POLL_MS).toBe(60_000);
    act(() => void jest.advanceTimersByTime(30_000));
    expect(boardGets()).toBe(1);
    act(() => void jest.advanceTimersByTime(30_000));
    await waitFor(() => expect(boardGets()).toBe(2));
    // Up: polling stops; down again: it resumes.
    act(() => socket.setUp(true));
    await waitFor(() => expect(boardGets()).toBe(3));
    act(() => void jest.advanceTimersByTime(BOARD_POLL_MS * 2));
    expect(boardGets()).toBe(3);
    act(() => socket.setUp(false));
    act(() => void jest.advanceTimersByTime(BOARD_POLL_MS));
    await waitFor(() => expect(boardGets()).toBe(4));
  });
});

describe('live updates instead of polling: the resident’s order pages', () => {
  async function serveResident(fake: FakeDispatch) {
    const api = createFakeApi();
    signInTo(api);
    await serveRoutes({ ...meRoutes(api), ...bookingRoutes(api, createFakeBookings(mediationDetail)), ...dispatchRoutes(api, fake) });
    return api;
  }
  const statusOf = (container: HTMLElement) => container.querySelector('.order-status')?.textContent;

  it('an order’s page: no polling while the socket is up; its own order frame reloads it (another order’s does not); down: every ORDER_POLL_MS', async () => {
    fakeIntervalsOnly();
    const fake = createFakeDispatch({ orders: [orderOf({ id: 'order-1', status: 'pending_dispatch' }), orderOf({ id: 'order-2', status: 'pending_dispatch' })] });
    const api = await serveResident(fake);
    routeParams.id = 'order-1';
    const { container } = render(<HomeOrderPage />);
    await findOne(container, '.order-status');
    const gets = () => api.calls.filter((call) => call === 'GET /home-orders/order-1').length;
    expect(statusOf(container)).toBe('正在安排服务人员');

    act(() => socket.setUp(true));
    await waitFor(() => expect(gets()).toBe(2));
    act(() => void jest.advanceTimersByTime(ORDER_POLL_MS * 3));
    expect(gets()).toBe(2);

    const reloadsScheduled = countReloadsScheduled();
    act(() => socket.push({ type: 'order', orderId: 'order-2', status: 'accepted', event: 'accept' }));
    expect(reloadsScheduled()).toBe(0);

    fake.orders = [orderOf({ id: 'order-1', status: 'en_route' }), fake.orders[1]];
    act(() => socket.push({ type: 'order', orderId: 'order-1', status: 'en_route', event: 'set_out' }));
    expect(reloadsScheduled()).toBe(1);
    await waitFor(() => expect(statusOf(container)).toBe('服务人员已出发'));
    expect(gets()).toBe(3);

    act(() => socket.setUp(false));
    act(() => void jest.advanceTimersByTime(ORDER_POLL_MS));
    await waitFor(() => expect(gets()).toBe(4));
  });

  it('the 订单 tab: an order frame reloads the home-service orders; nothing is polled', async () => {
    fakeIntervalsOnly();
    const fake = createFakeDispatch({ orders: [orderOf({ id: 'order-1', status: 'pending_dispatch' })] });
    const api = await serveResident(fake);
    const { container } = render(<OrdersPage />);
    await waitFor(() => expect(container.textContent).toContain('正在安排服务人员'));
    const lists = () => api.calls.filter((call) => call === 'GET /home-orders').length;
    const before = lists();
    act(() => void jest.advanceTimersByTime(ORDER_POLL_MS * 3));
    expect(lists()).toBe(before);

    act(() => socket.setUp(true));
    await waitFor(() => expect(lists()).toBe(before + 1));
    fake.orders = [orderOf({ id: 'order-1', status: 'en_route' })];
    act(() => socket.push({ type: 'order', orderId: 'order-1', status: 'en_route', event: 'set_out' }));
    await waitFor(() => expect(container.textContent).toContain('服务人员已出发'));
    expect(lists()).toBe(before + 2);
  });
});
