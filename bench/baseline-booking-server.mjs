/**
 * Baseline for booking: bare Fastify + mysql2 doing only the core of a booking on the same database — a guarded
 * seat update and, if it took a seat, the insert — with no auth, validation, slot rules, limits or audit.
 * Usage: node bench/baseline-booking-server.mjs <mysql-or-mariadb-url> <port>
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import Fastify from 'fastify';

const require = createRequire(import.meta.url);
const mysql = require('mysql2/promise');
const [url, port] = process.argv.slice(2);
const pool = mysql.createPool({ uri: url.replace(/^mariadb:/, 'mysql:'), connectionLimit: 10 });

const app = Fastify();
app.get('/health', async () => ({ ok: true }));
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
