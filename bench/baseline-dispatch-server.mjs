/**
 * Baselines for dispatch reads: bare Fastify + mysql2 on the same database, with none of Linli's layers (auth,
 * validation, ORM, audit). The worker is named by `?accountId=` instead of a token.
 * - GET /worker/offer: the worker by account id, then their open unexpired offer and, when there is one, the order
 *   with the names an offer view shows (service, centre, person) — the core of `GET /api/worker/offer`;
 * - GET /worker/pool: the worker by account id, then the pending orders of their skills and areas (grab-mode ones,
 *   unless the provider is in grab mode), soonest window first, at most 50, with the same joins, filtered by the
 *   same pure `workingHoursCover` from @linli/shared — the core of `GET /api/worker/pool`.
 * Usage: node bench/baseline-dispatch-server.mjs <mysql-or-mariadb-url> <port>
 */
import { createRequire } from 'node:module';
import Fastify from 'fastify';

const require = createRequire(import.meta.url);
const mysql = require('mysql2/promise');
const { workingHoursCover } = require('@linli/shared');
const [url, port] = process.argv.slice(2);
// Dates are stored in UTC by the API (TypeORM `timezone: 'Z'`): read and compare them the same way.
const pool = mysql.createPool({ uri: url.replace(/^mariadb:/, 'mysql:'), connectionLimit: 10, timezone: 'Z' });

const ORDER_COLUMNS = `o.id, o.status, o.dispatch_mode, o.address, o.latitude_e6, o.longitude_e6, o.window_starts_at, o.window_ends_at,
  o.description, o.created_at, o.updated_at, service.id AS service_id, service.name AS service_name, centre.id AS centre_id,
  centre.name AS centre_name, resident.id AS person_id, resident.name AS person_name`;
const ORDER_JOINS = `JOIN centre_service cs ON cs.id = o.centre_service_id JOIN centre ON centre.id = cs.centre_id
  JOIN community_service service ON service.id = cs.service_id JOIN resident ON resident.id = o.resident_id`;

const parse = (value) => (typeof value === 'string' ? JSON.parse(value) : value);
const view = (row) => ({
  id: row.id,
  status: row.status,
  dispatchMode: row.dispatch_mode,
  service: { id: row.service_id, name: row.service_name },
  centre: { id: row.centre_id, name: row.centre_name },
  person: { id: row.person_id, name: row.person_name },
  address: row.address,
  location: { latitude: row.latitude_e6 / 1e6, longitude: row.longitude_e6 / 1e6 },
  windowStartsAt: row.window_starts_at.toISOString(),
  windowEndsAt: row.window_ends_at.toISOString(),
  description: row.description,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

async function workerOf(accountId) {
  const [[worker]] = await pool.query(
    'SELECT w.id, w.working_hours, w.online, w.open_orders, w.max_open_orders, p.dispatch_mode FROM worker w JOIN provider p ON p.id = w.provider_id WHERE w.account_id = ?',
    [accountId],
  );
  return worker;
}

const app = Fastify();
app.get('/health', async () => ({ ok: true }));
app.get('/worker/offer', async (request, reply) => {
  const worker = await workerOf(request.query.accountId);
  if (!worker) return reply.code(404).send({ code: 'NOT_FOUND' });
  const now = new Date();
  const [[offer]] = await pool.query(
    "SELECT id, order_id, expires_at, distance_meters FROM dispatch_offer WHERE worker_id = ? AND status = 'open' ORDER BY offered_at DESC LIMIT 1",
    [worker.id],
  );
  if (!offer || offer.expires_at <= now) return { offer: null };
  const [[order]] = await pool.query(`SELECT ${ORDER_COLUMNS} FROM service_order o ${ORDER_JOINS} WHERE o.id = ?`, [offer.order_id]);
  if (!order) return { offer: null };
  return {
    offer: {
      id: offer.id,
      expiresAt: offer.expires_at.toISOString(),
      secondsLeft: Math.floor((offer.expires_at - now) / 1000),
      distanceMeters: offer.distance_meters,
      order: view(order),
    },
  };
});
app.get('/worker/pool', async (request, reply) => {
  const worker = await workerOf(request.query.accountId);
  if (!worker) return reply.code(404).send({ code: 'NOT_FOUND' });
  // Offline or at the cap: nothing they could take.
  if (!worker.online || worker.open_orders >= worker.max_open_orders) return { items: [] };
  const [orders] = await pool.query(
    `SELECT ${ORDER_COLUMNS} FROM service_order o ${ORDER_JOINS}
       JOIN worker_skill skill ON skill.service_id = o.service_id AND skill.worker_id = ?
       JOIN worker_area area ON area.region_id = o.community_id AND area.worker_id = ?
     WHERE o.status = 'pending_dispatch' ${worker.dispatch_mode === 'grab' ? '' : "AND o.dispatch_mode = 'grab'"}
     ORDER BY o.window_starts_at ASC LIMIT 50`,
    [worker.id, worker.id],
  );
  const hours = parse(worker.working_hours);
  return { items: orders.filter((order) => workingHoursCover(hours, order.window_starts_at, order.window_ends_at)).map(view) };
});
await app.listen({ port: Number(port), host: '127.0.0.1' });
