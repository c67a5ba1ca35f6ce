/**
 * The baseline `npm run bench` measures the API's hot paths against (issue 17): bare Fastify on the same database
 * — better-sqlite3 for a `sqlite:<file>` URL, a mysql2 pool of 10 for `mariadb://`/`mysql://` — doing, per request,
 * the work correctness needs and none of Linli's own layers (Nest, validation, logging, the auth guard's read,
 * TypeORM, audit, the idempotency record):
 * - GET /health: the liveness JSON, no I/O (the API's pipeline alone is what the ratio shows);
 * - GET /catalogue, GET /centres: the same SQL as the API's public reads, grouped and shaped the same way;
 * - GET /me?accountId=: the account with its region, resident and provider, and whether the current privacy terms
 *   are accepted — what the answer of GET /api/me is made of (the caller comes from the query string, no token);
 * - GET /slots?centreId=&serviceId=: the offering, its opening rules, date exceptions and calendar rows, the same
 *   pure `generateSlots` from @linli/shared, and the slot rows' live seat counts — every request, no cache;
 * - POST /bookings: the slot row, then in one transaction the guarded seat update
 *   (`booked = booked + 1 WHERE booked < capacity`) and, if it took a seat, the booking insert; 409 when full
 *   (`accountId` in the body names who books, as the API's token would).
 * Usage: node bench/baseline-hot-paths.mjs <sqlite:file | mariadb://… | mysql://…> <port>
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import Fastify from 'fastify';
import { slotsFromRows } from './lib/slots-from-rows.mjs';

const require = createRequire(import.meta.url);
const { addDays, shanghaiDateOf, CURRENT_PRIVACY_POLICY_VERSION } = require('@linli/shared');
const [url, port] = process.argv.slice(2);
const sqlite = url.startsWith('sqlite:');

/** One query interface over both drivers: `all(sql, params)` answers rows; `transaction(fn)` runs fn(tx) atomically. */
function openDatabase() {
  if (sqlite) {
    const Database = require('better-sqlite3');
    const db = new Database(url.slice('sqlite:'.length));
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    const statements = new Map();
    const prepared = (sql) => {
      let statement = statements.get(sql);
      if (!statement) statements.set(sql, (statement = db.prepare(sql)));
      return statement;
    };
    const tx = {
      all: async (sql, params = []) => prepared(sql).all(...params),
      run: async (sql, params = []) => prepared(sql).run(...params).changes,
    };
    return {
      ...tx,
      // better-sqlite3 is synchronous: BEGIN IMMEDIATE … COMMIT around awaits that resolve at once.
      async transaction(fn) {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(tx);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        }
      },
      // TypeORM stores SQLite datetimes as UTC text 'YYYY-MM-DD HH:MM:SS.SSS'.
      datetime: (date) => date.toISOString().replace('T', ' ').replace('Z', ''),
      parseDatetime: (value) => new Date(`${String(value).replace(' ', 'T')}Z`),
    };
  }
  const mysql = require('mysql2/promise');
  const pool = mysql.createPool({ uri: url.replace(/^mariadb:/, 'mysql:'), connectionLimit: 10 });
  const on = (target) => ({
    all: async (sql, params = []) => (await target.query(sql, params))[0],
    run: async (sql, params = []) => (await target.query(sql, params))[0].affectedRows,
  });
  return {
    ...on(pool),
    async transaction(fn) {
      const connection = await pool.getConnection();
      try {
        await connection.beginTransaction();
        const result = await fn(on(connection));
        await connection.commit();
        return result;
      } catch (error) {
        await connection.rollback();
        throw error;
      } finally {
        connection.release();
      }
    },
    datetime: (date) => date,
    parseDatetime: (value) => new Date(value),
  };
}

const db = openDatabase();
const parse = (value) => (typeof value === 'string' ? JSON.parse(value) : value);

const app = Fastify();

app.get('/health', async () => ({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }));

app.get('/catalogue', async () => {
  const rows = await db.all(
    `SELECT c.id AS category_id, c.code AS category_code, c.name AS category_name,
        s.id, s.code, s.name, s.mode, s.dispatch_mode, s.offer_window_seconds, s.needs_review, s.description, s.materials, s.min_age,
        s.max_active_bookings_per_person
      FROM service_category c LEFT JOIN community_service s ON s.category_id = c.id
      ORDER BY c.sort_order, c.id, s.sort_order, s.id`,
  );
  const items = [];
  for (const row of rows) {
    let category = items[items.length - 1];
    if (category?.id !== row.category_id) items.push((category = { id: row.category_id, code: row.category_code, name: row.category_name, services: [] }));
    if (row.id === null) continue;
    category.services.push({
      id: row.id,
      code: row.code,
      name: row.name,
      mode: row.mode,
      dispatchMode: row.dispatch_mode,
      offerWindowSeconds: Number(row.offer_window_seconds),
      needsReview: Number(row.needs_review) === 1,
      description: row.description,
      materials: parse(row.materials),
      minAge: row.min_age === null ? null : Number(row.min_age),
      maxActiveBookingsPerPerson: Number(row.max_active_bookings_per_person),
    });
  }
  return { items };
});

app.get('/centres', async () => {
  const rows = await db.all(
    `SELECT c.id, c.name, c.address, c.phone, c.opening_hours, c.latitude_e6, c.longitude_e6, c.region_id, r.name AS region_name, r.level AS region_level
      FROM centre c JOIN region r ON r.id = c.region_id ORDER BY c.code`,
  );
  return {
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      address: row.address,
      phone: row.phone,
      openingHours: row.opening_hours,
      latitude: Number(row.latitude_e6) / 1e6,
      longitude: Number(row.longitude_e6) / 1e6,
      regionId: row.region_id,
      regionName: row.region_name,
      regionLevel: row.region_level,
    })),
  };
});

app.get('/me', async (request) => {
  const [row] = await db.all(
    `SELECT a.id, a.role, a.display_name, a.provider_id, a.resident_id, res.name AS resident_name, res.phone_cipher,
        COALESCE(a.region_id, res.community_id, p.region_id) AS region_id, COALESCE(r.name, rc.name, pr.name) AS region_name,
        EXISTS (SELECT 1 FROM privacy_consent pc WHERE pc.account_id = a.id AND pc.version = ?) AS consented
      FROM account a
      LEFT JOIN region r ON r.id = a.region_id
      LEFT JOIN resident res ON res.id = a.resident_id
      LEFT JOIN region rc ON rc.id = res.community_id
      LEFT JOIN provider p ON p.id = a.provider_id
      LEFT JOIN region pr ON pr.id = p.region_id
      WHERE a.id = ?`,
    [CURRENT_PRIVACY_POLICY_VERSION, request.query.accountId],
  );
  return {
    id: row.id,
    role: row.role,
    displayName: row.resident_name ?? row.display_name,
    regionId: row.region_id,
    regionName: row.region_name,
    providerId: row.provider_id,
    residentId: row.resident_id,
    consentRequired: row.role === 'resident' && Number(row.consented) !== 1,
    phoneBound: !!row.phone_cipher,
  };
});

app.get('/slots', async (request) => {
  const { centreId, serviceId } = request.query;
  const [offering] = await db.all(
    'SELECT id, booking_window_days, min_notice_minutes, cancel_cutoff_minutes FROM centre_service WHERE centre_id = ? AND service_id = ? AND enabled = 1',
    [centreId, serviceId],
  );
  const now = new Date();
  const today = shanghaiDateOf(now);
  const [rules, exceptions, calendar] = await Promise.all([
    db.all('SELECT weekday, ranges, slot_minutes, seats FROM opening_rule WHERE centre_service_id = ? ORDER BY weekday', [offering.id]),
    db.all('SELECT date, kind, ranges, slot_minutes, seats, reason FROM date_exception WHERE centre_service_id = ? AND date >= ? ORDER BY date', [offering.id, today]),
    db.all('SELECT date, kind, name, works_as FROM calendar_day WHERE date BETWEEN ? AND ? ORDER BY date', [today, addDays(today, offering.booking_window_days)]),
  ]);
  const slots = slotsFromRows({ offering, rules, exceptions, calendar, now });
  if (slots.length === 0) return { items: [] };
  const booked = await db.all('SELECT starts_at, capacity, booked FROM slot WHERE centre_service_id = ? AND starts_at BETWEEN ? AND ?', [
    offering.id,
    db.datetime(new Date(slots[0].startsAt)),
    db.datetime(new Date(slots.at(-1).startsAt)),
  ]);
  const byStart = new Map(booked.map((row) => [db.parseDatetime(row.starts_at).getTime(), row]));
  return {
    items: slots.map((slot) => {
      const row = byStart.get(new Date(slot.startsAt).getTime());
      const capacity = row?.capacity ?? slot.seats;
      return { date: slot.date, start: slot.start, end: slot.end, startsAt: slot.startsAt, endsAt: slot.endsAt, capacity, remaining: Math.max(0, capacity - (row?.booked ?? 0)) };
    }),
  };
});

app.post('/bookings', async (request, reply) => {
  const { centreId, serviceId, startsAt, residentId, accountId } = request.body;
  const [slot] = await db.all(
    'SELECT s.id, s.centre_service_id FROM slot s JOIN centre_service o ON o.id = s.centre_service_id WHERE o.centre_id = ? AND o.service_id = ? AND s.starts_at = ?',
    [centreId, serviceId, db.datetime(new Date(startsAt))],
  );
  if (!slot) return reply.code(404).send({ code: 'NOT_FOUND' });
  try {
    const id = await db.transaction(async (tx) => {
      if ((await tx.run('UPDATE slot SET booked = booked + 1 WHERE id = ? AND booked < capacity', [slot.id])) !== 1) return null;
      const id = randomUUID();
      const now = db.datetime(new Date());
      await tx.run(
        "INSERT INTO booking (id, slot_id, centre_service_id, resident_id, active_resident_id, status, booked_by_account_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'confirmed', ?, ?, ?)",
        [id, slot.id, slot.centre_service_id, residentId, residentId, accountId, now, now],
      );
      return id;
    });
    return id ? reply.code(201).send({ id }) : reply.code(409).send({ code: 'SLOT_FULL' });
  } catch (error) {
    if (error.code === 'ER_DUP_ENTRY' || String(error.code).startsWith('SQLITE_CONSTRAINT')) return reply.code(409).send({ code: 'ALREADY_BOOKED' });
    throw error;
  }
});

await app.listen({ port: Number(port), host: '127.0.0.1' });
