#!/usr/bin/env node
/**
 * `npm test`: every test of the project, in the order a failure is cheapest to find, after installing whatever is
 * missing (as `npm start` does), so a fresh clone needs nothing else. Stops at the first failing step and exits
 * non-zero. `npm test -- <word>...` runs only the steps whose id contains one of the words.
 *
 * TEST_DATABASE_URL=mariadb://root@127.0.0.1:3306/test (or mysql://) adds the MySQL/MariaDB runs; under CI=true
 * it is required, so CI can never pass without testing the production database.
 */
import { installMissingDependencies } from './lib/install.mjs';
import { warnAboutNodeVersion } from './lib/node-version.mjs';
import { formatSeconds, run } from './lib/run.mjs';

const mysqlUrl = process.env.TEST_DATABASE_URL;
const inCi = process.env.CI === 'true';

if (mysqlUrl && !/^(mysql|mariadb):\/\//.test(mysqlUrl)) {
  console.error(`TEST_DATABASE_URL must be a mysql:// or mariadb:// URL, got "${mysqlUrl}"`);
  process.exit(1);
}
if (inCi && !mysqlUrl) {
  console.error('CI=true but TEST_DATABASE_URL is not set: the MySQL/MariaDB suite is required in CI.');
  process.exit(1);
}
if (!mysqlUrl) console.warn('TEST_DATABASE_URL not set: MySQL/MariaDB runs are skipped (set it to a mariadb:// URL to include them).');

warnAboutNodeVersion();
await installMissingDependencies();

const jestFlags = inCi ? ['--ci'] : [];
const steps = [
  {
    id: 'scripts',
    title: 'npm start/test scripts (node --test)',
    cmd: ['node', ['--test', 'scripts/lib/install.test.mjs', 'scripts/lib/node-version.test.mjs', 'scripts/check-architecture.test.mjs']],
  },
  { id: 'build:shared', title: 'build @linli/shared', cmd: ['npm', ['run', 'build', '-w', '@linli/shared']] },
  { id: 'typecheck', title: 'type checks (shared, api, miniapp, e2e)', cmd: ['npm', ['run', 'typecheck']] },
  { id: 'lint', title: 'ESLint (type-aware) over shared, api, miniapp, e2e, scripts, bench', cmd: ['npm', ['run', 'lint']] },
  { id: 'format', title: 'Prettier: every file formatted', cmd: ['npm', ['run', 'format:check']] },
  { id: 'boundaries', title: 'dependency-cruiser: no runtime cycles, module and package boundaries', cmd: ['npm', ['run', 'boundaries']] },
  { id: 'architecture', title: 'docs/architecture.md matches the code (module graph, modules, rule locations)', cmd: ['node', ['scripts/check-architecture.mjs']] },
  { id: 'shared', title: 'shared unit tests', cmd: ['npx', ['jest', '-c', 'shared/jest.config.js', ...jestFlags]] },
  { id: 'api:sqlite', title: 'API unit + e2e tests on SQLite', cmd: ['npx', ['jest', '-c', 'api/jest.config.js', ...jestFlags]] },
  mysqlUrl && {
    id: 'api:mysql',
    title: 'API e2e tests on MySQL/MariaDB',
    cmd: ['npx', ['jest', '-c', 'api/jest.config.js', '--selectProjects', 'e2e', ...jestFlags]],
    env: { E2E_DATABASE_URL: mysqlUrl },
  },
  { id: 'build:api', title: 'build @linli/api', cmd: ['npm', ['run', 'build', '-w', '@linli/api']] },
  { id: 'migrations', title: 'migration drift check (SQLite + MySQL)', cmd: ['node', ['api/dist/cli/migrate.js', 'check']] },
  { id: 'miniapp', title: 'mini program component tests', cmd: ['npm', ['run', 'test', '-w', '@linli/miniapp', '--', ...jestFlags]] },
  { id: 'weapp:build', title: 'taro build --type weapp', cmd: ['npm', ['run', 'build:weapp', '-w', '@linli/miniapp']] },
  { id: 'weapp:check', title: "package sizes + WeChat's offline compile (miniprogram-ci)", cmd: ['npm', ['run', 'check:weapp', '-w', '@linli/miniapp']] },
  { id: 'weapp:simulate', title: 'miniprogram-simulate on the built weapp', cmd: ['npm', ['run', 'test:weapp', '-w', '@linli/miniapp', '--', ...jestFlags]] },
  { id: 'h5:build', title: 'taro build --type h5', cmd: ['npm', ['run', 'build:h5', '-w', '@linli/miniapp']] },
  { id: 'system', title: 'system e2e: API process + H5 app in Chromium', cmd: ['npx', ['jest', '-c', 'e2e/jest.config.js', ...jestFlags]] },
].filter(Boolean);

const filters = process.argv.slice(2);
const selected = filters.length ? steps.filter((step) => filters.some((word) => step.id.includes(word))) : steps;
const timings = [];

for (const step of selected) {
  console.log(`\n▶ ${step.title}`);
  const started = Date.now();
  const [command, args] = step.cmd;
  const code = await run(command, args, { env: { ...(mysqlUrl ? { TEST_DATABASE_URL: mysqlUrl } : {}), ...step.env } });
  timings.push([step.id, Date.now() - started, code]);
  if (code !== 0) {
    console.error(`\n✖ ${step.title} failed (exit ${code}).`);
    break;
  }
}

console.log('\nstep                 time      result');
for (const [id, elapsed, code] of timings) console.log(`${id.padEnd(20)} ${formatSeconds(elapsed).padStart(8)}  ${code === 0 ? 'ok' : 'FAILED'}`);
const failed = timings.some(([, , code]) => code !== 0);
process.exit(failed ? 1 : 0);
