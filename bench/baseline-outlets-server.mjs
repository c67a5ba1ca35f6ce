/**
 * The full-scan baseline of `npm run bench:outlets`: bare Fastify answering the nearest-20 question on the same
 * database the API uses, the way one would without a spatial index — every row (of the kinds asked) ordered by
 * distance in SQL (a flat-earth squared distance, exact enough to rank at city scale), opening hours checked on the
 * ordered rows until 20 are open. No Nest, no validation, no TypeORM: only the missing index is measured against it.
 *
 * A full scan reads every row: the database is told not to use `ix_outlet_kind_cell`, the API's index for searches
 * of some kinds, which would otherwise hand it just the rows of those kinds. `?index=kind` lets it: the scan of a
 * directory that has an index on the kind and no spatial one, the stronger baseline bench:outlets reports beside it.
 * `?openNow=true` checks the hours at the time of the request, `?openAt=<ISO instant>` at that instant (as the API).
 * Usage: node bench/baseline-outlets-server.mjs <sqlite:file | mariadb://…> <port>
 */
import { createRequire } from 'node:module';
import Fastify from 'fastify';

const require = createRequire(import.meta.url);
const { outletOpenState } = require('@linli/shared');

const [url, port] = process.argv.slice(2);
const LIMIT = 20;

const SQLITE = url.startsWith('sqlite:');

function orderedQuery(kinds, placeholder, kindIndex) {
  const where = kinds.length > 0 ? `WHERE kind IN (${kinds.map(() => placeholder).join(', ')})` : '';
  const table = kindIndex ? 'outlet' : SQLITE ? 'outlet NOT INDEXED' : 'outlet IGNORE INDEX (ix_outlet_kind_cell)';
  // cos(31.8°) ≈ 0.85: a degree of longitude is that share of a degree of latitude at Hefei.
  return `SELECT id, name, kind, latitude_e6, longitude_e6, hours FROM ${table} ${where}
    ORDER BY (latitude_e6 - ${placeholder}) * (latitude_e6 - ${placeholder}) + (longitude_e6 - ${placeholder}) * (longitude_e6 - ${placeholder}) * 0.7225`;
}

let nearest;
if (SQLITE) {
  const Database = require('better-sqlite3');
  const db = new Database(url.slice('sqlite:'.length), { readonly: true });
  nearest = async (kinds, latitudeE6, longitudeE6, openNow, kindIndex) =>
    db.prepare(orderedQuery(kinds, '?', kindIndex)).iterate(...kinds, latitudeE6, latitudeE6, longitudeE6, longitudeE6);
} else {
  const mysql = require('mysql2/promise');
  const pool = mysql.createPool({ uri: url.replace(/^mariadb:/, 'mysql:'), connectionLimit: 10 });
  nearest = async (kinds, latitudeE6, longitudeE6, openNow, kindIndex) => {
    const [rows] = await pool.query(`${orderedQuery(kinds, '?', kindIndex)} LIMIT ${openNow ? 400 : LIMIT}`, [...kinds, latitudeE6, latitudeE6, longitudeE6, longitudeE6]);
    return rows;
  };
}

const app = Fastify();
app.get('/nearest', async (request) => {
  const { latitude, longitude, kinds, openNow, openAt, index } = request.query;
  const checkOpen = openNow === 'true' || openAt !== undefined;
  const at = openAt === undefined ? new Date() : new Date(openAt);
  const items = [];
  for (const row of await nearest(kinds ? kinds.split(',') : [], Math.round(Number(latitude) * 1e6), Math.round(Number(longitude) * 1e6), checkOpen, index === 'kind')) {
    if (checkOpen && !outletOpenState(typeof row.hours === 'string' ? JSON.parse(row.hours) : row.hours, at).open) continue;
    items.push({ id: row.id, name: row.name, kind: row.kind });
    if (items.length === LIMIT) break;
  }
  return { items };
});
await app.listen({ port: Number(port), host: '127.0.0.1' });
