import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRequire } from 'node:module';
import { waitFor } from './http.mjs';
import { API_DIST } from './api-dist.mjs';

const require = createRequire(import.meta.url);
const { createScratchDatabase } = require(join(API_DIST, 'database/scratch-database.js'));
const mysql = require('mysql2/promise');

/**
 * One benchmark run on MariaDB/MySQL (needs `npm run build`): a scratch database created on the server of
 * BENCH_DATABASE_URL (default mariadb://root@127.0.0.1:3306/x) and dropped by `close()`, the environment every
 * process of the run shares (`env`, which a script may extend before starting what reads it), and the child
 * processes it starts, stopped by `close()`.
 */
export async function openMariadbRun(extraEnv = {}) {
  const scratch = await createScratchDatabase(process.env.BENCH_DATABASE_URL ?? 'mariadb://root@127.0.0.1:3306/x', 'bench');
  const env = { ...process.env, DATABASE_URL: scratch.config.url, H5_DIR: 'off', LOG_LEVEL: 'info', LOGIN_MAX_ATTEMPTS_PER_IP: '10000', NO_SHOW_SWEEP_SECONDS: '0', ...extraEnv };
  const children = [];

  /** A Node process of the run; with a port, a server listening on 127.0.0.1 (its logs go to /dev/null). */
  function spawnNode(args, { port, stdio = ['ignore', 'ignore', 'inherit'] } = {}) {
    const child = spawn(process.execPath, args, { env: port === undefined ? env : { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio });
    children.push(child);
    return child;
  }

  return {
    env,
    databaseUrl: scratch.config.url,
    spawnNode,
    /** The demo data, as `npm run seed` writes it. */
    seedDemoData() {
      const seeded = spawnSync(process.execPath, [join(API_DIST, 'cli/seed.js')], { env, encoding: 'utf8' });
      if (seeded.status !== 0) throw new Error(seeded.stderr);
    },
    /** Built API instances on `ports`, all on the run's database; resolves with their base URLs once they are ready. */
    async startApiInstances(ports) {
      const instances = ports.map((port) => `http://127.0.0.1:${port}`);
      ports.forEach((port) => spawnNode([join(API_DIST, 'main.js')], { port }));
      await Promise.all(instances.map((base) => waitFor(`${base}/api/health/ready`)));
      return instances;
    },
    /** A direct connection to the run's database, for seeding what the API has no bulk route for and for checking. */
    connect(options = {}) {
      return mysql.createConnection({ uri: scratch.config.url.replace(/^mariadb:/, 'mysql:'), ...options });
    },
    async close() {
      children.forEach((child) => child.kill('SIGTERM'));
      await sleep(500);
      await scratch.drop();
    },
  };
}

/** InnoDB's row-lock and deadlock counters. They are server-wide: other databases on the same server count too. */
export async function innodbLockCounters(db) {
  const [rows] = await db.query("SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_row_lock_waits', 'Innodb_row_lock_time', 'Innodb_deadlocks')");
  return Object.fromEntries(rows.map((row) => [row.Variable_name, Number(row.Value)]));
}

/** What the counters of `innodbLockCounters` say happened between two readings, as one line. */
export function describeLockWaits(before, after) {
  return `${after.Innodb_row_lock_waits - before.Innodb_row_lock_waits} row-lock waits, ${after.Innodb_row_lock_time - before.Innodb_row_lock_time} ms waited, ${after.Innodb_deadlocks - before.Innodb_deadlocks} deadlocks`;
}
