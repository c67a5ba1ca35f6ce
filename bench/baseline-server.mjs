/**
 * The baseline the API is measured against: bare Fastify and better-sqlite3 answering the same community
 * query on the same database file, with none of Linli's layers (Nest, validation, TypeORM, logging).
 * Usage: node bench/baseline-server.mjs <sqlite-file> <port>
 */
import Database from 'better-sqlite3';
import Fastify from 'fastify';

const [file, port] = process.argv.slice(2);
const db = new Database(file, { readonly: true });
const communities = db.prepare(`
  SELECT c.id, c.name, s.name AS streetName, d.name AS districtName, COUNT(centre.id) AS centreCount
  FROM region c
  JOIN region s ON s.id = c.parent_id
  JOIN region d ON d.id = s.parent_id
  LEFT JOIN centre ON centre.region_id = c.id
  WHERE c.level = 'community'
  GROUP BY c.id, c.name, s.name, d.name, c.code
  ORDER BY c.code`);

const app = Fastify();
app.get('/api/regions/communities', async () => ({ items: communities.all() }));
await app.listen({ port: Number(port), host: '127.0.0.1' });
console.log('baseline ready');
