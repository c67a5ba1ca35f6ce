#!/usr/bin/env node
/**
 * `npm run bench:meals` (needs `npm run build` and MariaDB/MySQL; not part of `npm test`): the elder-meals rush of
 * issue 13 — 5000 orders in the minute before the cut-off across 50 meal points — on two API instances sharing one
 * database, against two bare Fastify + mysql2 servers doing the same guarded updates (bench/baseline-meal-server.mjs)
 * in the same run.
 *
 * Seeded: the demo data (`npm run seed`: regions, the canteen provider 安大社区长者食堂 and its provider_admin, 蜀山区's
 * subsidy rules); then, directly in the database as a data load, 50 meal points of that canteen in 安大社区, each with
 * a lunch (the API's rush) and a dinner (the baseline's) of 55 meals for tomorrow (Shanghai), so the cut-off is
 * always ahead whatever the time of day, and the same menu for both: 红烧鸡腿套餐 (30 portions), 清蒸鲈鱼套餐 (40) and
 * unlimited 杂粮饭; and 5000 elders (aged 62–90, 安大社区), each with a resident account that has accepted the
 * privacy terms and one live session. Their access tokens are signed by the API's own `issueAccessToken` with the
 * JWT_SECRET this script gives the instances.
 *
 * The rush: every elder orders one lunch for themselves (100 per meal point; a set meal, one in seven for two, one in
 * three with rice; 到店付), each request with its own Idempotency-Key, BENCH_CONNECTIONS (default 50) in flight at
 * once, alternately to both instances. More is asked than cooked, so the answers are 201, 409 MEAL_SOLD_OUT and
 * 409 MEAL_POINT_FULL. Then 250 placed orders are sent again with their keys (a phone retrying after a lost answer):
 * each must answer 201 with the same order. The baseline gets the same 5000 orders for the dinner.
 *
 * Checked exactly, for both meals, against the database: the orders answered 201 are exactly the orders stored;
 * per meal point the counter equals the orders holding a meal and never exceeds the capacity; per dish the portions
 * taken (daily quantity − remaining) equal the sum of the order lines of those orders, and remaining is never below
 * 0; for the API, the kitchen counts (`GET /api/staff/meal-points/:id/kitchen-counts`, as the canteen) equal the same
 * sums; no 5xx and no answer but those three. The script exits 1 when any of it fails.
 *
 * BENCH_DATABASE_URL (default mariadb://root@127.0.0.1:3306/x: a scratch database is created on that server and
 * dropped afterwards), BENCH_CONNECTIONS (default 50).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { REPO_ROOT } from '../scripts/lib/run.mjs';
import { bearer, json, percentile, waitFor } from './lib/http.mjs';
import { describeLockWaits, innodbLockCounters, openMariadbRun } from './lib/mariadb-run.mjs';
import { API_DIST } from './lib/api-dist.mjs';

const require = createRequire(import.meta.url);
const { stableId } = require(join(API_DIST, 'seed/stable-id.js'));
const { issueAccessToken } = require(join(API_DIST, 'common/security/access-token.js'));
const { addDays, shanghaiDateOf, CURRENT_PRIVACY_POLICY_VERSION, MEAL_ORDER_PORTION_HOLDING_STATUSES } = require('@linli/shared');

const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const POINTS = 50;
const ORDERS = 5000;
const CAPACITY = 55;
const REPLAYS = 250;
const MENU = [
  { key: 'chicken', name: '红烧鸡腿套餐', kind: 'set_meal', priceFen: 1500, tags: 'low_salt', dailyQuantity: 30 },
  { key: 'fish', name: '清蒸鲈鱼套餐', kind: 'set_meal', priceFen: 1800, tags: 'low_oil,soft', dailyQuantity: 40 },
  { key: 'rice', name: '杂粮饭（糖尿病餐）', kind: 'single', priceFen: 300, tags: 'low_sugar', dailyQuantity: null },
];
const CANTEEN = stableId('provider', 'anda-canteen');
const COMMUNITY = stableId('region', '340104001001');
const DISTRICT = stableId('region', '340104');
const MEAL_DATE = addDays(shanghaiDateOf(new Date()), 1);
const JWT_SECRET = randomBytes(32).toString('hex');
const ACCEPTED = new Set(['201', '409 MEAL_SOLD_OUT', '409 MEAL_POINT_FULL']);

const run = await openMariadbRun({ JWT_SECRET });
const pointIds = Array.from({ length: POINTS }, (_, index) => stableId('meal-point', `bench-rush-${index}`));
const dishId = (point, mealKind, key) => stableId('dish', `bench-rush:${point}:${mealKind}:${key}`);

/** Rows in slices, so no statement outgrows max_allowed_packet. */
async function insertRows(db, table, columns, rows) {
  for (let start = 0; start < rows.length; start += 1000) {
    await db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ?`, [rows.slice(start, start + 1000)]);
  }
}

/** The 50 meal points with their lunch and dinner windows and menus, and the 5000 elders with accounts and sessions. */
async function seed(db) {
  await insertRows(
    db,
    'meal_point',
    ['id', 'provider_id', 'name', 'address', 'latitude_e6', 'longitude_e6', 'phone', 'region_id', 'district_id', 'fulfilments'],
    pointIds.map((id, index) => [
      id,
      CANTEEN,
      `压测助餐点${index}`,
      `蜀山区肥西路 ${index + 1} 号`,
      31_845_200 + index * 100,
      117_261_100,
      '0551-65101088',
      COMMUNITY,
      DISTRICT,
      'dine_in,pickup',
    ]),
  );
  await insertRows(
    db,
    'meal_point_community',
    ['meal_point_id', 'community_id'],
    pointIds.map((id) => [id, COMMUNITY]),
  );
  await insertRows(
    db,
    'meal_window',
    ['meal_point_id', 'meal_kind', 'serves_from', 'serves_until', 'cut_off_time', 'cut_off_days_before', 'capacity'],
    pointIds.flatMap((id) => [
      [id, 'lunch', '11:00', '12:30', '09:30', 0, CAPACITY],
      [id, 'dinner', '17:00', '18:30', '14:00', 0, CAPACITY],
    ]),
  );
  await insertRows(
    db,
    'dish',
    ['id', 'meal_point_id', 'meal_date', 'meal_kind', 'position', 'name', 'kind', 'price_fen', 'tags', 'daily_quantity', 'remaining'],
    pointIds.flatMap((id) =>
      ['lunch', 'dinner'].flatMap((mealKind) =>
        MENU.map((dish, position) => [
          dishId(id, mealKind, dish.key),
          id,
          MEAL_DATE,
          mealKind,
          position,
          dish.name,
          dish.kind,
          dish.priceFen,
          dish.tags,
          dish.dailyQuantity,
          dish.dailyQuantity,
        ]),
      ),
    ),
  );
  const now = new Date();
  const elders = Array.from({ length: ORDERS }, (_, index) => ({ residentId: randomUUID(), accountId: randomUUID(), sessionId: randomUUID(), index }));
  await insertRows(
    db,
    'resident',
    ['id', 'name', 'birth_date', 'community_id', 'created_at', 'updated_at'],
    elders.map((elder) => [elder.residentId, `压测长者${elder.index}`, `${1936 + (elder.index % 29)}-05-01`, COMMUNITY, now, now]),
  );
  await insertRows(
    db,
    'account',
    ['id', 'role', 'status', 'display_name', 'resident_id', 'created_at', 'updated_at'],
    elders.map((elder) => [elder.accountId, 'resident', 'active', `压测长者${elder.index}`, elder.residentId, now, now]),
  );
  await insertRows(
    db,
    'privacy_consent',
    ['id', 'account_id', 'version', 'accepted_at'],
    elders.map((elder) => [randomUUID(), elder.accountId, CURRENT_PRIVACY_POLICY_VERSION, now]),
  );
  await insertRows(
    db,
    'refresh_token',
    ['id', 'account_id', 'family_id', 'token_hash', 'expires_at', 'created_at'],
    elders.map((elder) => [randomUUID(), elder.accountId, elder.sessionId, createHash('sha256').update(randomUUID()).digest('hex'), new Date(now.getTime() + 86_400_000), now]),
  );
  for (const elder of elders) elder.token = issueAccessToken({ sub: elder.accountId, role: 'resident', sid: elder.sessionId }, Buffer.from(JWT_SECRET, 'utf8'), 86_400);
  return elders;
}

/** Elder i orders at point i mod 50: per point, 3 in 5 the chicken and 2 in 5 the fish, one in seven for two, one in three with rice. */
function orderOf(elder, mealKind) {
  const point = pointIds[elder.index % POINTS];
  const nth = Math.floor(elder.index / POINTS);
  const lines = [{ dishId: dishId(point, mealKind, nth % 5 < 3 ? 'chicken' : 'fish'), quantity: nth % 7 === 6 ? 2 : 1 }];
  if (nth % 3 === 0) lines.push({ dishId: dishId(point, mealKind, 'rice'), quantity: 1 });
  return { mealPointId: point, residentId: elder.residentId, mealDate: MEAL_DATE, mealKind, fulfilment: 'dine_in', paymentMethod: 'at_pickup', lines };
}

/** Sends every request, `connections` in flight at once; each answer with its status (and code), order id and time. */
async function rush(requests) {
  const answers = new Array(requests.length);
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < requests.length) {
        const index = next++;
        const { url, headers, body } = requests[index];
        const sent = Date.now();
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
        const answer = await response.json().catch(() => ({}));
        answers[index] = { outcome: response.status === 201 ? '201' : `${response.status} ${answer.code ?? ''}`.trim(), orderId: answer.id ?? null, ms: Date.now() - sent };
      }
    }),
  );
  return { answers, ms: Date.now() - started };
}

function summary(name, { answers, ms }) {
  const latencies = answers.map((answer) => answer.ms);
  const outcomes = {};
  for (const answer of answers) outcomes[answer.outcome] = (outcomes[answer.outcome] ?? 0) + 1;
  return {
    name,
    ms,
    perSecond: answers.length / (ms / 1000),
    placedPerSecond: (outcomes['201'] ?? 0) / (ms / 1000),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    outcomes,
    fiveHundreds: answers.filter((answer) => answer.outcome.startsWith('5')).length,
  };
}

/**
 * The exactness check of one meal: every problem found, none when the orders answered 201, the counters, the dishes'
 * portions and (for the API) the kitchen counts all agree with the order lines stored.
 */
async function problemsOf(db, mealKind, plan, answers, kitchenCountsOf) {
  const problems = [];
  const holding = [...MEAL_ORDER_PORTION_HOLDING_STATUSES];
  const [orders] = await db.query('SELECT id, meal_point_id FROM meal_order WHERE meal_date = ? AND meal_kind = ? AND status IN (?)', [MEAL_DATE, mealKind, holding]);
  const [counters] = await db.query('SELECT meal_point_id, ordered, capacity FROM meal_counter WHERE meal_date = ? AND meal_kind = ?', [MEAL_DATE, mealKind]);
  const [dishes] = await db.query(
    `SELECT d.id, d.meal_point_id, d.daily_quantity, d.remaining, COALESCE(SUM(held.quantity), 0) AS portions
       FROM dish d LEFT JOIN (SELECT l.dish_id, l.quantity FROM meal_order_line l JOIN meal_order o ON o.id = l.order_id WHERE o.status IN (?)) held ON held.dish_id = d.id
      WHERE d.meal_date = ? AND d.meal_kind = ? GROUP BY d.id, d.meal_point_id, d.daily_quantity, d.remaining`,
    [holding, MEAL_DATE, mealKind],
  );
  const placed = answers.filter((answer) => answer.outcome === '201').map((answer) => answer.orderId);
  const stored = new Set(orders.map((order) => order.id));
  if (new Set(placed).size !== placed.length || placed.length !== stored.size || placed.some((id) => !stored.has(id))) {
    problems.push(`${placed.length} answers 201 (${new Set(placed).size} distinct orders) but ${stored.size} orders stored`);
  }
  for (const point of pointIds) {
    const live = orders.filter((order) => order.meal_point_id === point).length;
    const placedHere = plan.filter((order, index) => order.mealPointId === point && answers[index].outcome === '201').length;
    const counter = counters.find((row) => row.meal_point_id === point);
    if (!counter || counter.ordered !== live || counter.ordered > counter.capacity || placedHere !== live) {
      problems.push(`point ${point}: counter ${counter?.ordered}/${counter?.capacity}, ${live} orders stored, ${placedHere} answered 201`);
    }
    const kitchen = kitchenCountsOf ? await kitchenCountsOf(point) : null;
    if (kitchen && kitchen.orders !== live) problems.push(`point ${point}: kitchen counts ${kitchen.orders} orders, ${live} stored`);
    for (const dish of dishes.filter((row) => row.meal_point_id === point)) {
      const portions = Number(dish.portions);
      const taken = dish.daily_quantity === null ? null : dish.daily_quantity - dish.remaining;
      if (taken !== null && (dish.remaining < 0 || taken !== portions)) problems.push(`dish ${dish.id}: ${taken} portions taken, ${dish.remaining} left, order lines ${portions}`);
      const cooked = kitchen ? (kitchen.dishes.find((row) => row.dishId === dish.id)?.portions ?? 0) : portions;
      if (cooked !== portions) problems.push(`dish ${dish.id}: kitchen counts ${cooked} portions, order lines ${portions}`);
    }
  }
  const unexpected = answers.filter((answer) => !ACCEPTED.has(answer.outcome)).length;
  if (unexpected) problems.push(`${unexpected} answers other than ${[...ACCEPTED].join(' / ')}`);
  return problems;
}

/** One line of the totals a meal ended with: orders, meals per point, portions of each limited dish. */
async function totalsOf(db, mealKind) {
  const [[row]] = await db.query(
    `SELECT (SELECT COUNT(*) FROM meal_order WHERE meal_date = ? AND meal_kind = ?) AS orders,
            (SELECT SUM(ordered) FROM meal_counter WHERE meal_date = ? AND meal_kind = ?) AS meals,
            (SELECT SUM(daily_quantity - remaining) FROM dish WHERE meal_date = ? AND meal_kind = ? AND daily_quantity IS NOT NULL) AS portions,
            (SELECT SUM(remaining = 0) FROM dish WHERE meal_date = ? AND meal_kind = ? AND daily_quantity IS NOT NULL) AS soldOut,
            (SELECT SUM(ordered = capacity) FROM meal_counter WHERE meal_date = ? AND meal_kind = ?) AS full`,
    Array.from({ length: 5 }, () => [MEAL_DATE, mealKind]).flat(),
  );
  return `${row.orders} orders stored, ${row.meals} meals counted (${row.full} of ${POINTS} points full), ${row.portions} limited portions taken (${row.soldOut} of ${POINTS * 2} limited dishes sold out)`;
}

try {
  run.seedDemoData();
  const db = await run.connect();
  const seedStarted = Date.now();
  const elders = await seed(db);
  console.log(`\nSeeded ${POINTS} meal points (lunch and dinner for ${MEAL_DATE}, ${CAPACITY} meals each) and ${ORDERS} elders with sessions in ${Date.now() - seedStarted} ms`);
  const instances = await run.startApiInstances([3931, 3932]);
  const baselines = [3933, 3934].map((port) => {
    run.spawnNode([join(REPO_ROOT, 'bench/baseline-meal-server.mjs'), run.databaseUrl, String(port)], { port });
    return `http://127.0.0.1:${port}`;
  });
  await Promise.all(baselines.map((base) => waitFor(`${base}/health`)));

  // 1. The API's rush, then the retries of a lost answer.
  const lunch = elders.map((elder) => orderOf(elder, 'lunch'));
  const apiRequests = elders.map((elder, index) => ({
    url: `${instances[index % 2]}/api/meal-orders`,
    headers: { ...bearer(elder.token), 'idempotency-key': `bench-rush-${elder.accountId}` },
    body: lunch[index],
  }));
  let locks = await innodbLockCounters(db);
  const apiRun = await rush(apiRequests);
  const apiLocks = describeLockWaits(locks, (locks = await innodbLockCounters(db)));
  const placedIndexes = apiRun.answers.flatMap((answer, index) => (answer.outcome === '201' ? [index] : []));
  const replayed = placedIndexes.filter((_, nth) => nth % Math.max(1, Math.floor(placedIndexes.length / REPLAYS)) === 0).slice(0, REPLAYS);
  const replays = await rush(replayed.map((index) => ({ ...apiRequests[index], url: `${instances[(index + 1) % 2]}/api/meal-orders` })));
  const replaysWrong = replays.answers.filter((answer, nth) => answer.outcome !== '201' || answer.orderId !== apiRun.answers[replayed[nth]].orderId).length;

  // 2. The baseline's rush, for the dinner.
  const dinner = elders.map((elder) => orderOf(elder, 'dinner'));
  const baselineRun = await rush(elders.map((elder, index) => ({ url: `${baselines[index % 2]}/meal-orders?accountId=${elder.accountId}`, headers: {}, body: dinner[index] })));
  const baselineLocks = describeLockWaits(locks, await innodbLockCounters(db));

  // 3. Exactness, against the database and the kitchen counts the canteen reads.
  const canteen = bearer(
    (await json(`${instances[0]}/api/auth/password/login`, { method: 'POST', body: JSON.stringify({ username: 'anda.canteen', password: 'Linli@2026' }) })).tokens.accessToken,
  );
  const kitchenCountsOf = (point) => json(`${instances[0]}/api/staff/meal-points/${point}/kitchen-counts?date=${MEAL_DATE}&mealKind=lunch`, { headers: canteen });
  const apiProblems = await problemsOf(db, 'lunch', lunch, apiRun.answers, kitchenCountsOf);
  if (replaysWrong) apiProblems.push(`${replaysWrong} of ${replayed.length} replays did not answer 201 with the first order`);
  const baselineProblems = await problemsOf(db, 'dinner', dinner, baselineRun.answers, null);

  const rows = [
    summary('baseline: bare Fastify + mysql2 ×2, guarded counter + dish updates, order + lines, one transaction', baselineRun),
    summary('Linli API ×2, POST /api/meal-orders', apiRun),
  ];
  console.log(`\nMeals rush: ${ORDERS} orders across ${POINTS} meal points, ${connections} in flight, alternately to two instances per side, node ${process.version}\n`);
  console.log('| case | wall s | orders/s answered | placed/s | p50 ms | p99 ms | 201 | 409 sold out | 409 point full | 5xx | ratio to baseline |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    const count = (outcome) => row.outcomes[outcome] ?? 0;
    console.log(
      `| ${row.name} | ${(row.ms / 1000).toFixed(1)} | ${Math.round(row.perSecond)} | ${Math.round(row.placedPerSecond)} | ${row.p50} | ${row.p99} | ${count('201')} | ${count('409 MEAL_SOLD_OUT')} | ${count('409 MEAL_POINT_FULL')} | ${row.fiveHundreds} | ${(row.perSecond / rows[0].perSecond).toFixed(2)} |`,
    );
  }
  for (const [row, locksLine, mealKind] of [
    [rows[1], apiLocks, 'lunch'],
    [rows[0], baselineLocks, 'dinner'],
  ]) {
    console.log(`\n${row.name}:\n  answers ${JSON.stringify(row.outcomes)}; InnoDB (whole server) ${locksLine}\n  ${mealKind}: ${await totalsOf(db, mealKind)}`);
  }
  console.log(`\nReplays: ${replayed.length} placed orders sent again with their Idempotency-Key: ${replayed.length - replaysWrong} answered 201 with the first order`);
  for (const [name, problems] of [
    ['API (lunch)', apiProblems],
    ['baseline (dinner)', baselineProblems],
  ]) {
    console.log(
      problems.length === 0
        ? `${name}: OK — orders answered 201 = orders stored; per point counter = orders ≤ capacity; per dish portions taken = order lines, none below 0${name.startsWith('API') ? '; kitchen counts = order lines; replays answered with the first order' : ''}; no 5xx`
        : `${name}: FAILED\n  ${problems.slice(0, 20).join('\n  ')}`,
    );
  }
  await db.end();
  process.exitCode = apiProblems.length === 0 && baselineProblems.length === 0 ? 0 : 1;
} finally {
  await run.close();
}
