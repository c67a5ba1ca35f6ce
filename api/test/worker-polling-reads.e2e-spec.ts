import type { LoginResponse, ServiceOrderView } from '@linli/shared';
import { OrderPhoto } from '../src/modules/dispatch/order-photo.entity';
import { OrderRating } from '../src/modules/dispatch/order-rating.entity';
import { ServiceOrder } from '../src/modules/dispatch/service-order.entity';
import { stableId } from '../src/seed/stable-id';
import { addWorker, ANXIN, currentOffer, goOffline, goOnline, HOME_REPAIR, placeOrder, zhao, type TestWorker } from './support/dispatch';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

const WANG = stableId('resident', 'wang-xiuying');

/** A view without its signed photo paths (they carry their own expiry, so two reads a moment apart differ). */
const comparable = ({ photos, ...view }: ServiceOrderView) => ({ ...view, photoIds: photos.map((photo) => photo.id) });

/**
 * The worker's polling reads — GET /api/worker/offer and GET /api/worker/pool — are read with plain queries of the
 * view's columns (issue 17). Their views must be the views every other route builds from the hydrated order, and
 * they must show a worker only their own live offer and the pool they could take from.
 */
describe("the worker's polling reads: the current offer and the grab pool", () => {
  let t: TestApp;
  let wang: LoginResponse;
  let staff: LoginResponse;
  let zhaoWorker: TestWorker;
  let sun: TestWorker;

  const get = (login: LoginResponse, path: string) => t.http().get(path).set(bearer(login));
  const cancel = (orderId: string) => t.http().post(`/api/dispatch/orders/${orderId}/cancel`).set(bearer(staff)).send({ reason: '测试结束' }).expect(200);
  /** The order as staff see it: built from the hydrated order (OrderViews.detail), the timeline aside. */
  const staffView = async (orderId: string): Promise<ServiceOrderView> => {
    const { timeline: _timeline, ...view } = (await get(staff, `/api/dispatch/orders/${orderId}`).expect(200)).body;
    return view;
  };
  const poolOf = async (worker: TestWorker): Promise<ServiceOrderView[]> => (await get(worker.login, '/api/worker/pool').expect(200)).body.items;
  /** Runs `check` once without each of what puts an order in the worker's pool — the skill, the area, the hours — putting each back after. */
  const withEachPoolConditionRemoved = async (worker: TestWorker, check: () => Promise<void>) => {
    const community = stableId('region', '340104001001');
    const hours = (await t.dataSource.query(`SELECT working_hours AS hours FROM worker WHERE id = '${worker.id}'`))[0].hours;
    const changes = [
      [`DELETE FROM worker_skill WHERE worker_id = ? AND service_id = '${HOME_REPAIR}'`, `INSERT INTO worker_skill (worker_id, service_id) VALUES (?, '${HOME_REPAIR}')`],
      [`DELETE FROM worker_area WHERE worker_id = ? AND region_id = '${community}'`, `INSERT INTO worker_area (worker_id, region_id) VALUES (?, '${community}')`],
      [`UPDATE worker SET working_hours = '[]' WHERE id = ?`, `UPDATE worker SET working_hours = '${typeof hours === 'string' ? hours : JSON.stringify(hours)}' WHERE id = ?`],
    ];
    for (const [remove, restore] of changes) {
      await t.dataSource.query(remove, [worker.id]);
      await check();
      await t.dataSource.query(restore, [worker.id]);
    }
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_IP: '10000' } });
    await t.seed();
    wang = await loginWithWechat(t, 'demo-openid-wang-xiuying');
    staff = await loginWithPassword(t, 'anda.staff');
    zhaoWorker = await zhao(t);
    sun = await addWorker(t, '孙二师傅', 'polling-worker-sun');
  });
  afterAll(() => t.close());

  it("shows the worker their live offer with the order's full view, rating and photos included, and never once it has expired", async () => {
    await goOnline(t, zhaoWorker);
    const order = await placeOrder(t, wang, WANG);
    const offer = await currentOffer(t, zhaoWorker);
    expect(offer).toMatchObject({ order: { id: order.id, status: 'offered' } });
    expect((offer!.order as ServiceOrderView).rating).toBeNull();
    expect((offer!.order as ServiceOrderView).photos).toEqual([]);
    expect(comparable(offer!.order as ServiceOrderView)).toEqual(comparable(await staffView(order.id)));
    expect(await currentOffer(t, sun)).toBeNull(); // another worker never sees it

    // An offered order has no rating or photos in the flow; written here directly, they show as in every other view.
    const now = new Date();
    await t.dataSource
      .getRepository(OrderRating)
      .insert({ orderId: order.id, workerId: zhaoWorker.id, providerId: ANXIN, score: 4, comment: '准时', ratedByAccountId: wang.account.id, createdAt: now });
    const photoId = stableId('order-photo', order.id);
    await t.dataSource.getRepository(OrderPhoto).insert({ id: photoId, orderId: order.id, workerId: zhaoWorker.id, contentType: 'image/png', sizeBytes: 10, createdAt: now });
    await t.dataSource.getRepository(ServiceOrder).update(order.id, { photoCount: 1 });
    const withBoth = (await currentOffer(t, zhaoWorker))!.order as ServiceOrderView;
    expect(withBoth).toMatchObject({ rating: { score: 4, comment: '准时', createdAt: now.toISOString() }, photos: [{ id: photoId }] });
    expect(withBoth.photos[0].path).toMatch(/^\/order-photos\//);
    expect(comparable(withBoth)).toEqual(comparable(await staffView(order.id)));

    // Past its expiry but not swept yet: still `open` in the database, and no longer shown.
    await t.dataSource.query(`UPDATE dispatch_offer SET expires_at = '2020-01-01 00:00:00.000' WHERE id = '${offer!.id}'`);
    expect(await currentOffer(t, zhaoWorker)).toBeNull();
    await cancel(order.id);
    await goOffline(t, zhaoWorker);
  });

  it('lists the pool as every other view shows its orders, soonest first, only to workers of its skill, area and hours', async () => {
    await t.dataSource.query(`UPDATE community_service SET dispatch_mode = 'grab' WHERE id = '${HOME_REPAIR}'`);
    await goOnline(t, sun);
    const orders = [await placeOrder(t, wang, WANG, HOME_REPAIR), await placeOrder(t, wang, WANG, HOME_REPAIR)];
    // The second order's window comes first.
    const earlier = new Date(Date.now() + 20 * 3600_000);
    await t.dataSource.getRepository(ServiceOrder).update(orders[1].id, { windowStartsAt: earlier, windowEndsAt: new Date(earlier.getTime() + 3600_000) });

    const pool = (await poolOf(sun)).filter((view) => orders.some((order) => order.id === view.id));
    expect(pool.map((view) => view.id)).toEqual([orders[1].id, orders[0].id]);
    for (const view of pool) expect(comparable(view)).toEqual(comparable(await staffView(view.id)));

    // Without the skill, outside the area or off hours, the same worker sees none of them.
    await withEachPoolConditionRemoved(sun, async () => expect((await poolOf(sun)).filter((view) => orders.some((order) => order.id === view.id))).toEqual([]));
    expect((await poolOf(sun)).map((view) => view.id)).toEqual(expect.arrayContaining(orders.map((order) => order.id)));

    for (const order of orders) await cancel(order.id);
    await goOffline(t, sun);
    await t.dataSource.query(`UPDATE community_service SET dispatch_mode = 'assign' WHERE id = '${HOME_REPAIR}'`);
  });

  it("decides a grab from the same facts as the pool (404 outside skill, area or hours, or for no order) and answers the winner with the order's full view", async () => {
    await t.dataSource.query(`UPDATE community_service SET dispatch_mode = 'grab' WHERE id = '${HOME_REPAIR}'`);
    await goOnline(t, sun);
    const order = await placeOrder(t, wang, WANG, HOME_REPAIR);
    const grab = (orderId: string) => t.http().post(`/api/worker/pool/${orderId}/grab`).set(bearer(sun.login));

    await withEachPoolConditionRemoved(sun, async () => {
      await grab(order.id)
        .expect(404)
        .expect((r) => expect(r.body.code).toBe('NOT_FOUND'));
    });
    await grab(stableId('service-order', 'no-such-order')).expect(404);

    const won = (await grab(order.id).expect(200)).body as ServiceOrderView;
    expect(won).toMatchObject({ id: order.id, status: 'accepted', worker: { id: sun.id } });
    expect(comparable(won)).toEqual(comparable(await staffView(order.id)));
    await grab(order.id)
      .expect(409)
      .expect((r) => expect(r.body.code).toBe('ORDER_TAKEN'));

    await cancel(order.id);
    await goOffline(t, sun);
    await t.dataSource.query(`UPDATE community_service SET dispatch_mode = 'assign' WHERE id = '${HOME_REPAIR}'`);
  });

  it('answers 404 on both reads and to a grab for a worker account whose worker record is unbound', async () => {
    await t.dataSource.query(`UPDATE worker SET account_id = NULL WHERE id = ?`, [zhaoWorker.id]);
    await get(zhaoWorker.login, '/api/worker/offer').expect(404);
    await get(zhaoWorker.login, '/api/worker/pool').expect(404);
    await t
      .http()
      .post(`/api/worker/pool/${stableId('service-order', 'any')}/grab`)
      .set(bearer(zhaoWorker.login))
      .expect(404);
    await t.dataSource.query(`UPDATE worker SET account_id = ? WHERE id = ?`, [zhaoWorker.login.account.id, zhaoWorker.id]);
    await get(zhaoWorker.login, '/api/worker/offer').expect(200);
  });
});
