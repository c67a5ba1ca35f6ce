/**
 * Baseline for the meals rush: bare Fastify + mysql2 on the same database, with none of Linli's layers (auth,
 * validation, idempotency record, the elder's row lock, closure check, subsidy pricing, pickup code, audit). The
 * ordering account is named by `?accountId=` instead of a token.
 * - POST /meal-orders: the body of `POST /api/meal-orders`. The same reads the API makes to refuse early (the
 *   meal's counter, created on the first order as the API does, and the dishes of the lines), then one transaction
 *   with the same guarded updates in the same order — `ordered = ordered + 1 WHERE ordered < capacity` on the
 *   counter, `remaining = remaining - q WHERE remaining >= q` on each dish with a daily quantity in dish-id order —
 *   and the order and its lines inserted, priced at the menu price with no subsidy. 409 MEAL_POINT_FULL /
 *   MEAL_SOLD_OUT as the API answers.
 * Usage: node bench/baseline-meal-server.mjs <mysql-or-mariadb-url> <port>
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import Fastify from 'fastify';

const require = createRequire(import.meta.url);
const mysql = require('mysql2/promise');
const [url, port] = process.argv.slice(2);
const pool = mysql.createPool({ uri: url.replace(/^mariadb:/, 'mysql:'), connectionLimit: 10 });

class Refused extends Error {
  constructor(code) {
    super(code);
    this.code = code;
  }
}

/** The meal's counter; the first order of a meal creates it (a concurrent first order may have just done so). */
async function counterOf(mealPointId, mealDate, mealKind) {
  const find = () => pool.query('SELECT id, capacity, ordered FROM meal_counter WHERE meal_point_id = ? AND meal_date = ? AND meal_kind = ?', [mealPointId, mealDate, mealKind]);
  const [[existing]] = await find();
  if (existing) return existing;
  await pool.query(
    'INSERT IGNORE INTO meal_counter (id, meal_point_id, meal_date, meal_kind, capacity, ordered) SELECT ?, meal_point_id, ?, meal_kind, capacity, 0 FROM meal_window WHERE meal_point_id = ? AND meal_kind = ?',
    [randomUUID(), mealDate, mealPointId, mealKind],
  );
  return (await find())[0][0];
}

const app = Fastify();
app.get('/health', async () => ({ ok: true }));
app.post('/meal-orders', async (request, reply) => {
  const { mealPointId, residentId, mealDate, mealKind, fulfilment, paymentMethod, lines } = request.body;
  const [dishes] = await pool.query(
    'SELECT id, name, price_fen, tags, daily_quantity, remaining FROM dish WHERE meal_point_id = ? AND meal_date = ? AND meal_kind = ? AND id IN (?)',
    [mealPointId, mealDate, mealKind, lines.map((line) => line.dishId)],
  );
  const ordered = lines.map((line) => ({ ...line, dish: dishes.find((dish) => dish.id === line.dishId) })).sort((a, b) => a.dishId.localeCompare(b.dishId));
  if (ordered.some((line) => !line.dish)) return reply.code(409).send({ code: 'MEAL_NOT_OFFERED' });
  if (ordered.some((line) => line.dish.remaining !== null && line.dish.remaining < line.quantity)) return reply.code(409).send({ code: 'MEAL_SOLD_OUT' });
  const counter = await counterOf(mealPointId, mealDate, mealKind);
  if (counter.ordered >= counter.capacity) return reply.code(409).send({ code: 'MEAL_POINT_FULL' });

  const id = randomUUID();
  const gross = ordered.reduce((sum, line) => sum + line.dish.price_fen * line.quantity, 0);
  const connection = await pool.getConnection();
  try {
    await connection.beginTransaction();
    const [taken] = await connection.query('UPDATE meal_counter SET ordered = ordered + 1 WHERE id = ? AND ordered < capacity', [counter.id]);
    if (taken.affectedRows !== 1) throw new Refused('MEAL_POINT_FULL');
    for (const line of ordered.filter((candidate) => candidate.dish.daily_quantity !== null)) {
      const [portions] = await connection.query('UPDATE dish SET remaining = remaining - ? WHERE id = ? AND remaining >= ?', [line.quantity, line.dishId, line.quantity]);
      if (portions.affectedRows !== 1) throw new Refused('MEAL_SOLD_OUT');
    }
    await connection.query(
      `INSERT INTO meal_order (id, meal_point_id, counter_id, resident_id, meal_date, meal_kind, fulfilment, status, payment_method, gross_fen, subsidy_fen,
         payable_fen, delivery_fee_gross_fen, delivery_subsidy_fen, delivery_fee_fen, total_fen, applied_subsidies, ordered_by_account_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'placed', ?, ?, 0, ?, 0, 0, 0, ?, '[]', ?)`,
      [id, mealPointId, counter.id, residentId, mealDate, mealKind, fulfilment, paymentMethod, gross, gross, gross, request.query.accountId],
    );
    await connection.query('INSERT INTO meal_order_line (order_id, dish_id, name, unit_price_fen, quantity, tags) VALUES ?', [
      ordered.map((line) => [id, line.dishId, line.dish.name, line.dish.price_fen, line.quantity, line.dish.tags]),
    ]);
    await connection.commit();
    return reply.code(201).send({ id });
  } catch (error) {
    await connection.rollback();
    if (error instanceof Refused) return reply.code(409).send({ code: error.code });
    throw error;
  } finally {
    connection.release();
  }
});
await app.listen({ port: Number(port), host: '127.0.0.1' });
