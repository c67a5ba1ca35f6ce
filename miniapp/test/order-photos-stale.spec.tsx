import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';

import { HomeOrderPage } from '../src/home-service/pages/order';
import { ProviderHomePage } from '../src/provider/pages/index';
import { PHOTO_FRESH_MS } from '../src/services/order-photos';
import { DispatchOrderPage } from '../src/staff/pages/dispatch-order';
import { createFakeApi, meRoutes, signInTo } from './support/fake-api';
import { createFakeDispatch, dispatchRoutes, orderOf } from './support/fake-dispatch';
import { findAll, findOne } from './support/interact';
import { residentAccount } from './support/people';
import { servePerTest } from './support/serve';
import { imageStub, pullDownRefresh, routeParams } from './support/taro-h5';

import type { SessionAccount } from '@linli/shared';
import type { FakeApi } from './support/fake-api';
import type { FakeDispatch } from './support/fake-dispatch';
import { fakeClockOnly } from './support/fake-timers';

const serveRoutes = servePerTest();

const twoPhotos = [
  { id: 'p1', path: '/order-photos/signed.p1.old' },
  { id: 'p2', path: '/order-photos/signed.p2.old' },
];

/** What the API does on every load: signs each photo's path anew. */
function resign(fake: FakeDispatch, stamp: string): void {
  fake.orders = fake.orders.map((order) => ({ ...order, photos: order.photos.map((photo) => ({ ...photo, path: `/order-photos/signed.${photo.id}.${stamp}` })) }));
}

async function openPage(fake: FakeDispatch, page: JSX.Element, account?: SessionAccount): Promise<{ api: FakeApi; container: HTMLElement }> {
  const api = createFakeApi(account ? { account } : {});
  signInTo(api);
  await serveRoutes({ ...meRoutes(api), ...dispatchRoutes(api, fake) });
  routeParams.id = fake.orders[0].id;
  const { container } = render(page);
  await findOne(container, '.order-photos__thumb');
  return { api, container };
}

const thumbPaths = (container: HTMLElement) =>
  [...container.querySelectorAll('.order-photos__thumb')].map((thumb) => new URL(thumb.getAttribute('src') ?? '').pathname.replace(/^\/api/, ''));

const loadsOf = (api: FakeApi, call: string) => api.calls.filter((made) => made === call).length;

describe('expired photo paths heal themselves (OrderPhotos onStale)', () => {
  afterEach(() => jest.useRealTimers());

  it('resident order page: thumbnails failing to load bring one quiet reload with fresh paths, not a loop', async () => {
    const fake = createFakeDispatch({ orders: [orderOf({ status: 'completed', photos: twoPhotos })] });
    const { api, container } = await openPage(fake, <HomeOrderPage />);
    expect(loadsOf(api, 'GET /home-orders/order-1')).toBe(1);

    resign(fake, 'new');
    const thumbs = await findAll(container, '.order-photos__thumb');
    // Both expired thumbnails fail together: one reload, and no loading screen meanwhile.
    fireEvent.error(thumbs[0]);
    fireEvent.error(thumbs[1]);
    expect(container.querySelector('.order-status')).not.toBeNull();
    await waitFor(() => expect(thumbPaths(container)).toEqual(['/order-photos/signed.p1.new', '/order-photos/signed.p2.new']));
    expect(loadsOf(api, 'GET /home-orders/order-1')).toBe(1 + 1);

    // A photo that is really broken fails again on its fresh path: no second reload (each would sign new paths).
    // Nothing to wait for when nothing should happen, so the resident then pulls to refresh: once that one load has
    // shown its paths, any reload the error had started (sent before the pull) would have been counted too.
    resign(fake, 'newer');
    fireEvent.error(container.querySelector('.order-photos__thumb')!);
    expect(thumbPaths(container)).toEqual(['/order-photos/signed.p1.new', '/order-photos/signed.p2.new']);
    act(() => pullDownRefresh());
    await waitFor(() => expect(thumbPaths(container)).toEqual(['/order-photos/signed.p1.newer', '/order-photos/signed.p2.newer']));
    expect(loadsOf(api, 'GET /home-orders/order-1')).toBe(2 + 1);
  });

  it('resident order page: the viewer opened after PHOTO_FRESH_MS reloads and asks for one more tap instead of showing dead paths', async () => {
    fakeClockOnly();
    const fake = createFakeDispatch({ orders: [orderOf({ status: 'completed', photos: twoPhotos })] });
    const { api, container } = await openPage(fake, <HomeOrderPage />);

    // Within the limit the viewer opens on the paths shown.
    fireEvent.click(container.querySelectorAll('.order-photos__thumb')[0]);
    expect(imageStub.previewed).toHaveLength(1);

    resign(fake, 'new');
    jest.setSystemTime(Date.now() + PHOTO_FRESH_MS + 1000);
    fireEvent.click(container.querySelectorAll('.order-photos__thumb')[1]);
    expect(imageStub.previewed).toHaveLength(1);
    expect(await screen.findByText('照片已更新，请再点一次')).toBeTruthy();
    await waitFor(() => expect(thumbPaths(container)).toEqual(['/order-photos/signed.p1.new', '/order-photos/signed.p2.new']));
    expect(loadsOf(api, 'GET /home-orders/order-1')).toBe(2);

    // The next tap opens the viewer on the fresh paths.
    const thumbs = container.querySelectorAll('.order-photos__thumb');
    fireEvent.click(thumbs[1]);
    const urls = [...thumbs].map((thumb) => thumb.getAttribute('src'));
    expect(imageStub.previewed.at(-1)).toEqual({ urls, current: urls[1] });
    expect(urls[1]).toMatch(/\/api\/order-photos\/signed\.p2\.new$/);
  });

  it('staff order desk: a failed thumbnail reloads the order quietly', async () => {
    const staff = residentAccount({ id: 'account-zhang', role: 'staff', displayName: '张敏', regionId: 'c-yangguang', regionName: '阳光社区', residentId: null });
    const fake = createFakeDispatch({ orders: [orderOf({ status: 'completed', photos: twoPhotos })] });
    const { api, container } = await openPage(fake, <DispatchOrderPage />, staff);

    resign(fake, 'new');
    fireEvent.error(container.querySelector('.order-photos__thumb')!);
    await waitFor(() => expect(thumbPaths(container)).toEqual(['/order-photos/signed.p1.new', '/order-photos/signed.p2.new']));
    expect(loadsOf(api, 'GET /dispatch/orders/order-1')).toBe(2);
  });

  it('worker workbench: a failed thumbnail under 当前订单 reloads the jobs quietly', async () => {
    const worker = residentAccount({ id: 'account-zhao', role: 'worker', displayName: '赵师傅', residentId: null, providerId: 'provider-anxin' });
    const fake = createFakeDispatch({ orders: [orderOf({ status: 'in_service', photos: twoPhotos })] });
    const { api, container } = await openPage(fake, <ProviderHomePage />, worker);
    const jobLoads = () => loadsOf(api, 'GET /worker/orders?state=active');
    expect(jobLoads()).toBe(1);

    resign(fake, 'new');
    fireEvent.error(container.querySelector('.order-photos__thumb')!);
    expect(container.querySelector('.order-card')).not.toBeNull();
    await waitFor(() => expect(thumbPaths(container)).toEqual(['/order-photos/signed.p1.new', '/order-photos/signed.p2.new']));
    expect(jobLoads()).toBe(2);
  });
});
