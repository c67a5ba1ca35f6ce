/**
 * The bench's outlet directory (bench/outlets.mjs, bench/profile.mjs): BENCH_OUTLETS (default 100,000) outlets of
 * random kinds, positions uniform over a 44 km × 45 km square around Hefei, hours a mix of day, split, overnight and
 * 24 h, loaded straight into a seeded database; random positions inside the square to search from; and the filtered
 * search's query: 药店 or 银行 open now, or with BENCH_OPEN_AT=HH:mm open at that Shanghai time today (the API's
 * `openAt`; the baseline checks the same instant), so a daytime run can measure the night.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { API_DIST } from './api-dist.mjs';

const require = createRequire(import.meta.url);
const { stableId } = require(join(API_DIST, 'seed/stable-id.js'));
const { cellNumberOf, instantOf, openHoursMask, OUTLET_KINDS, shanghaiDateOf } = require('@linli/shared');

export const OUTLETS = Number(process.env.BENCH_OUTLETS ?? 100_000);
const CITY = { south: 31.62, north: 32.02, west: 117.0, east: 117.48 };
const COMMUNITY = stableId('region', '340104001001');

const every = (ranges, weekdays = [1, 2, 3, 4, 5, 6, 7]) => JSON.stringify({ weekly: weekdays.map((weekday) => ({ weekday, ranges })), dated: [] });
const HOURS = [
  every([{ start: '08:00', end: '20:00' }]),
  every([{ start: '06:00', end: '10:30' }]),
  every(
    [
      { start: '08:00', end: '11:30' },
      { start: '13:30', end: '18:00' },
    ],
    [1, 2, 3, 4, 5],
  ),
  every([{ start: '18:00', end: '02:00' }]),
  every([{ start: '00:00', end: '24:00' }]),
];

let seed = 20261201;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const between = (low, high) => low + random() * (high - low);

export function outletRows() {
  return Array.from({ length: OUTLETS }, (_, index) => {
    const latitudeE6 = Math.round(between(CITY.south, CITY.north) * 1e6);
    const longitudeE6 = Math.round(between(CITY.west, CITY.east) * 1e6);
    const kind = OUTLET_KINDS[index % OUTLET_KINDS.length];
    return [
      stableId('outlet', `bench-${index}`),
      `网点${index}`,
      kind,
      COMMUNITY,
      '压测地址',
      latitudeE6,
      longitudeE6,
      cellNumberOf(latitudeE6, longitudeE6),
      '0551-65100000',
      HOURS[index % HOURS.length],
      openHoursMask(JSON.parse(HOURS[index % HOURS.length])),
      '["便民"]',
      '[]',
      '',
      null,
    ];
  });
}
const COLUMNS = [
  'id',
  'name',
  'kind',
  'region_id',
  'address',
  'latitude_e6',
  'longitude_e6',
  'cell',
  'phone',
  'hours',
  'open_hours_mask',
  'services',
  'photo_urls',
  'elder_features',
  'verified_on',
];

export async function loadOutlets(dialect, databaseUrl, rows) {
  if (dialect === 'sqlite') {
    const Database = require('better-sqlite3');
    const db = new Database(databaseUrl.slice('sqlite:'.length));
    const insert = db.prepare(`INSERT INTO outlet (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`);
    db.transaction(() => rows.forEach((row) => insert.run(...row)))();
    db.exec('ANALYZE');
    db.close();
    return;
  }
  const mysql = require('mysql2/promise');
  const db = await mysql.createConnection({ uri: databaseUrl.replace(/^mariadb:/, 'mysql:') });
  for (let start = 0; start < rows.length; start += 2000) await db.query(`INSERT INTO outlet (${COLUMNS.join(', ')}) VALUES ?`, [rows.slice(start, start + 2000)]);
  await db.query('ANALYZE TABLE outlet');
  await db.end();
}

/** `latitude=…&longitude=…` of a random point inside the square, away from its edges. */
export function randomPosition() {
  return `latitude=${between(CITY.south + 0.02, CITY.north - 0.02).toFixed(6)}&longitude=${between(CITY.west + 0.02, CITY.east - 0.02).toFixed(6)}`;
}

/** BENCH_OPEN_AT (`HH:mm`, Shanghai) or null: "open now". */
export const OPEN_AT = process.env.BENCH_OPEN_AT ?? null;

/** The filtered search's query string (ends with `&`), the same for the API and the baseline. */
export const FILTERED_QUERY = `kinds=pharmacy,bank&${OPEN_AT ? `openAt=${encodeURIComponent(instantOf(shanghaiDateOf(new Date()), OPEN_AT).toISOString())}` : 'openNow=true'}&`;
