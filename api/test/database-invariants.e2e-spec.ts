import { stableId } from '../src/seed/stable-id';
import { currentOffer, goOffline, goOnline, placeOrder, zhao } from './support/dispatch';
import { loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The CHECK constraints hold on this run's dialect even for a write that skips the services (a bug, a hand-made
 * fix in production): the database itself refuses the row. TypeORM does not create CHECKs on MySQL, so the MySQL
 * migrations add them by hand; this test is what proves they are there. The same for the triggers that keep every
 * open offer the current offer of an offered order (which SQLite drops whenever a migration rebuilds the table).
 */
describe('database invariants (CHECK constraints)', () => {
  let t: TestApp;
  let orderId: string;
  let workerId: string;
  const provider = stableId('provider', 'anxin');

  beforeAll(async () => {
    t = await startTestApp();
    await t.seed();
    const wang = await loginWithWechat(t, 'demo-openid-wang-xiuying');
    workerId = (await zhao(t)).id;
    orderId = (await placeOrder(t, wang, stableId('resident', 'wang-xiuying'))).id;
  });
  afterAll(() => t.close());

  const refused = (sql: string) => expect(t.dataSource.query(sql)).rejects.toThrow(/check|constraint/i);

  it('a worker never holds more unfinished orders than their cap, nor fewer than none', async () => {
    await refused(`UPDATE worker SET open_orders = max_open_orders + 1 WHERE id = '${workerId}'`);
    await refused(`UPDATE worker SET open_orders = -1 WHERE id = '${workerId}'`);
  });

  it('ratings add up: every rating is 1 to 5, so the sum lies between the count and five times it', async () => {
    await refused(`UPDATE worker SET rating_count = 1, rating_sum = 6 WHERE id = '${workerId}'`);
    await refused(`UPDATE worker SET rating_count = 2, rating_sum = 1 WHERE id = '${workerId}'`);
    await refused(
      `INSERT INTO order_rating (order_id, worker_id, provider_id, score, comment, rated_by_account_id, created_at) VALUES ('${orderId}', '${workerId}', '${provider}', 6, NULL, '${workerId}', '2026-11-27 10:00:00.000')`,
    );
  });

  it('an order window ends after it starts, and an order holds at most six photos', async () => {
    await refused(`UPDATE service_order SET window_ends_at = window_starts_at WHERE id = '${orderId}'`);
    await refused(`UPDATE service_order SET photo_count = 7 WHERE id = '${orderId}'`);
  });

  it('a home visit has its centre’s offering, its service and its person; a meal-delivery run has none of them', async () => {
    await refused(`UPDATE service_order SET resident_id = NULL WHERE id = '${orderId}'`);
    await refused(`UPDATE service_order SET kind = 'meal_delivery' WHERE id = '${orderId}'`);
  });

  it('only a pending application holds its applicant in the one-pending-application column', async () => {
    await refused(`UPDATE provider SET pending_applicant_id = '${workerId}' WHERE id = '${provider}'`);
  });

  it('an open offer is always the current offer of an offered order', async () => {
    const worker = await zhao(t);
    await goOnline(t, worker);
    const wang = await loginWithWechat(t, 'demo-openid-wang-xiuying');
    const offered = await placeOrder(t, wang, stableId('resident', 'wang-xiuying'));
    const offer = (await currentOffer(t, worker))!;
    await goOffline(t, worker);
    expect(offer.order.id).toBe(offered.id);
    // The order cannot leave `offered`, nor name another offer, while its offer is open.
    await refused(`UPDATE service_order SET status = 'cancelled', current_offer_id = NULL WHERE id = '${offered.id}'`);
    await refused(`UPDATE service_order SET current_offer_id = '${orderId}' WHERE id = '${offered.id}'`);
    // No open offer on an order that is not offered, and a closed offer never opens again.
    await refused(
      `INSERT INTO dispatch_offer (id, order_id, worker_id, status, distance_meters, offered_at, expires_at, responded_at, reason) VALUES ('${stableId('offer', 'stray')}', '${orderId}', '${workerId}', 'open', 100, '2026-11-27 10:00:00.000', '2026-11-27 10:05:00.000', NULL, NULL)`,
    );
    // Closing the offer first lets the order move on, as the services do it; then the offer stays closed.
    await t.dataSource.query(`UPDATE dispatch_offer SET status = 'withdrawn' WHERE id = '${offer.id}'`);
    await t.dataSource.query(`UPDATE service_order SET status = 'cancelled', current_offer_id = NULL WHERE id = '${offered.id}'`);
    await refused(`UPDATE dispatch_offer SET status = 'open' WHERE id = '${offer.id}'`);
  });

  it('lets valid rows through (the checks are not simply refusing everything)', async () => {
    await t.dataSource.query(`UPDATE worker SET open_orders = max_open_orders WHERE id = '${workerId}'`);
    await t.dataSource.query(`UPDATE worker SET open_orders = 0 WHERE id = '${workerId}'`);
  });
});
