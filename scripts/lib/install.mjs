import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, run } from './run.mjs';

const SQLITE_DRIVER = 'better-sqlite3';

/**
 * Why a checkout cannot run yet, or an empty list when it can. Installed means: every package the lockfile names is
 * in its folder at the locked version (so a fresh clone, a pulled lockfile and a half-finished install all count as
 * missing), and the native SQLite driver loads in the running Node (it is compiled per Node version, so switching
 * Node between 20, 22 and 24 needs a fresh build). Optional packages are skipped: npm leaves out those for other
 * platforms, and workspace links point at our own sources.
 */
export function findMissingDependencies(root = REPO_ROOT) {
  let lock;
  try {
    lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  } catch {
    return ['package-lock.json is missing or unreadable'];
  }
  const missing = [];
  for (const [path, locked] of Object.entries(lock.packages ?? {})) {
    if (!path.includes('node_modules/') || locked.link || locked.optional) continue;
    const installedVersion = readVersion(join(root, path, 'package.json'));
    if (installedVersion !== locked.version) missing.push(`${path} ${installedVersion ? `is ${installedVersion}, lockfile says ${locked.version}` : 'is not installed'}`);
  }
  if (missing.length || !lock.packages[`node_modules/${SQLITE_DRIVER}`]) return missing;
  const driverProblem = sqliteDriverProblem(root);
  return driverProblem ? [driverProblem] : [];
}

function readVersion(packageJson) {
  try {
    return JSON.parse(readFileSync(packageJson, 'utf8')).version;
  } catch {
    return undefined;
  }
}

/**
 * npm 11 builds better-sqlite3 only because package.json approves it (allowScripts); a skipped build shows here. Loaded
 * in a child process: once a native module failed to load, a process keeps the old build mapped, so loading it again
 * after `npm ci` rebuilt it would still fail ("Module did not self-register").
 */
function sqliteDriverProblem(root) {
  const probe = `try { new (require('${SQLITE_DRIVER}'))(':memory:').close(); } catch (error) { process.stderr.write(String(error.message).replace(/\\s+/g, ' ').slice(0, 240)); process.exit(1); }`;
  const loaded = spawnSync(process.execPath, ['-e', probe], { cwd: join(root, 'api'), encoding: 'utf8' });
  return loaded.status === 0 ? null : `${SQLITE_DRIVER} does not load in Node ${process.version}: ${loaded.stderr || loaded.error?.message}`;
}

/**
 * The first step of `npm start` and `npm test`: if anything is missing, say what and run `npm ci`, then check again
 * so a build that npm skipped stops here with its reason instead of failing later in a test or at start-up.
 */
export async function installMissingDependencies() {
  const missing = findMissingDependencies();
  if (!missing.length) return;
  const shown = missing.slice(0, 3).join('; ') + (missing.length > 3 ? `; and ${missing.length - 3} more` : '');
  console.log(`\n▶ Installing dependencies (npm ci): ${shown}`);
  const code = await run('npm', ['ci', '--no-audit', '--no-fund']);
  const stillMissing = code === 0 ? findMissingDependencies() : [];
  if (code !== 0 || stillMissing.length) {
    console.error(`✖ Installing dependencies failed${code !== 0 ? ` (npm ci exit ${code})` : `: ${stillMissing.join('; ')}`}.`);
    process.exit(code || 1);
  }
}
