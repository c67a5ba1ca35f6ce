/**
 * Baselines for appointments: bare Fastify + mysql2 on the same database, with none of Linli's layers (auth,
 * validation, ORM, audit):
 * - POST /bookings: only the core of a booking — a guarded seat update and, if it took a seat, the insert;
 * - GET /slots: the same reads as the API's slot list (hours, exceptions, calendar, booked counts) and the same
 *   pure `generateSlots` from @linli/shared.
 * Usage: node bench/baseline-booking-server.mjs <mysql-or-mariadb-url> <port>
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import Fastify from 'fastify';
import { slotsFromRows } from './lib/slots-from-rows.mjs';

const require = createRequire(import.meta.url);
const mysql = require('mysql2/promise');
const [url, port] = process.argv.slice(2);
const pool = mysql.createPool({ uri: url.replace(/^mariadb:/, 'mysql:'), connectionLimit: 10 });

const { addDays, shanghaiDateOf } = require('@linli/shared');

const app = Fastify();
app.get('/health', async () => ({ ok: true }));
app.get('/slots', async (request) => {
  const { centreId, serviceId } = request.query;
  const [[offering]] = await pool.query(
    'SELECT id, booking_window_days, min_notice_minutes, cancel_cutoff_minutes FROM centre_service WHERE centre_id = ? AND service_id = ? AND enabled = 1',
    [centreId, serviceId],
  );
  const now = new Date();
  const today = shanghaiDateOf(now);
  const [[rules], [exceptions], [calendar], [booked]] = await Promise.all([
    pool.query('SELECT weekday, ranges, slot_minutes, seats FROM opening_rule WHERE centre_service_id = ?', [offering.id]),
    pool.query('SELECT date, kind, ranges, slot_minutes, seats, reason FROM date_exception WHERE centre_service_id = ? AND date >= ?', [offering.id, today]),
    pool.query('SELECT date, kind, name, works_as FROM calendar_day WHERE date BETWEEN ? AND ?', [today, addDays(today, offering.booking_window_days)]),
    pool.query('SELECT starts_at, capacity, booked FROM slot WHERE centre_service_id = ? AND starts_at >= ?', [offering.id, now]),
  ]);
  const slots = slotsFromRows({ offering, rules, exceptions, calendar, now });
  const byStart = new Map(booked.map((row) => [new Date(row.starts_at).getTime(), row]));
  return {
    items: slots.map((slot) => {
      const row = byStart.get(new Date(slot.startsAt).getTime());
      const capacity = row?.capacity ?? slot.seats;
      return { ...slot, capacity, remaining: Math.max(0, capacity - (row?.booked ?? 0)) };
    }),
  };
});
app.post('/bookings', async (request, reply) => {
  const { centreId, serviceId, startsAt, residentId } = request.body;
  const connection = await pool.getConnection();
  try {
    await connection.beginTransaction();
    const [[slot]] = await connection.query(
      'SELECT s.id, s.centre_service_id FROM slot s JOIN centre_service o ON o.id = s.centre_service_id WHERE o.centre_id = ? AND o.service_id = ? AND s.starts_at = ?',
      [centreId, serviceId, new Date(startsAt)],
    );
    const [taken] = await connection.query('UPDATE slot SET booked = booked + 1 WHERE id = ? AND booked < capacity', [slot.id]);
    if (taken.affectedRows !== 1) {
      await connection.rollback();
      return reply.code(409).send({ code: 'SLOT_FULL' });
    }
    const id = randomUUID();
    await connection.query(
      "INSERT INTO booking (id, slot_id, centre_service_id, resident_id, active_resident_id, status, booked_by_account_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'confirmed', ?, NOW(6), NOW(6))",
      [id, slot.id, slot.centre_service_id, residentId, residentId, residentId],
    );
    await connection.commit();
    return reply.code(201).send({ id });
  } catch (error) {
    await connection.rollback();
    if (error.code === 'ER_DUP_ENTRY') return reply.code(409).send({ code: 'ALREADY_BOOKED' });
    throw error;
  } finally {
    connection.release();
  }
});
await app.listen({ port: Number(port), host: '127.0.0.1' });
