// Checks the built WeChat package (dist/weapp) the way WeChat will, without WeChat's servers:
//   1. per-package sizes against WeChat's limits (2 MB per package; we warn early for the main package, which
//      every resident downloads before the first screen);
//   2. miniprogram-ci's code-quality rules and WeChat's own full compile (getCompiledResult).
// Exits non-zero on any failure. Run after `npm run build:weapp`.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const distDir = resolve(here, '..', 'dist', 'weapp');
// The repository root is the WeChat project: its project.config.json points miniprogramRoot at dist/weapp.
const rootProjectConfig = JSON.parse(readFileSync(resolve(here, '..', '..', 'project.config.json'), 'utf8'));

const KiB = 1024;
const PACKAGE_LIMIT = 2 * KiB * KiB;
const MAIN_WARN = 600 * KiB;
const TOTAL_LIMIT = 30 * KiB * KiB;

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

function sizeReport() {
  const appJson = JSON.parse(readFileSync(join(distDir, 'app.json'), 'utf8'));
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((pkg) => pkg.root.replace(/\/+$/, ''));
  const sizes = new Map([['main', 0], ...roots.map((root) => [root, 0])]);
  for (const file of listFiles(distDir)) {
    const path = relative(distDir, file).split(sep).join('/');
    const owner = roots.find((root) => path.startsWith(`${root}/`)) ?? 'main';
    sizes.set(owner, sizes.get(owner) + statSync(file).size);
  }

  const problems = [];
  const warnings = [];
  const rows = [...sizes].map(([name, bytes]) => {
    let verdict = 'ok';
    if (bytes > PACKAGE_LIMIT) {
      verdict = 'FAIL > 2 MB';
      problems.push(`package "${name}" is ${(bytes / KiB).toFixed(1)} KiB, over WeChat's 2 MB limit`);
    } else if (name === 'main' && bytes > MAIN_WARN) {
      verdict = 'warn > 600 KiB';
      warnings.push(`main package is ${(bytes / KiB).toFixed(1)} KiB; move code into subpackages`);
    }
    return { package: name, KiB: Number((bytes / KiB).toFixed(1)), verdict };
  });
  const total = [...sizes.values()].reduce((sum, bytes) => sum + bytes, 0);
  if (total > TOTAL_LIMIT) problems.push(`all packages together are ${(total / KiB).toFixed(1)} KiB, over 30 MB`);
  rows.push({ package: 'total', KiB: Number((total / KiB).toFixed(1)), verdict: total > TOTAL_LIMIT ? 'FAIL' : 'ok' });

  console.log(`Package sizes of ${relative(process.cwd(), distDir) || distDir}:`);
  console.table(rows);
  return { problems, warnings };
}

/**
 * miniprogram-ci reads compile settings (minify flags and so on) from project.config.json inside projectPath.
 * Pointing it at the repository root makes it scan the whole monorepo, node_modules included, and it never finishes;
 * so dist/weapp gets a copy of the root settings with itself as the root (which also lets DevTools open it alone).
 */
function writeDistProjectConfig() {
  const { miniprogramRoot: _root, ...rest } = rootProjectConfig;
  writeFileSync(join(distDir, 'project.config.json'), `${JSON.stringify(rest, null, 2)}\n`);
}

async function wechatChecks() {
  const ci = require('miniprogram-ci');
  writeDistProjectConfig();
  const project = new ci.Project({
    appid: rootProjectConfig.appid,
    type: 'miniProgram',
    projectPath: distDir,
    ignores: ['node_modules/**/*'],
    // Required by the constructor but only used to sign calls to WeChat's servers, which these checks never make.
    privateKey: 'offline-checks-sign-nothing',
    // Without this, miniprogram-ci asks WeChat's servers for the account's attributes (needs a key and network).
    attr: async () => ci.DefaultProjectAttr,
  });

  const problems = [];
  const quality = await ci.checkCodeQuality(project);
  console.log('miniprogram-ci checkCodeQuality:');
  console.table(quality.map((item) => ({ rule: item.name, ok: item.success, note: item.text ?? '' })));
  for (const item of quality.filter((entry) => !entry.success)) {
    problems.push(`quality rule "${item.name}" failed: ${item.text ?? ''} ${JSON.stringify(item.detail ?? '')}`);
  }

  const started = Date.now();
  const compiled = await ci.getCompiledResult({
    project,
    version: process.env.npm_package_version ?? '0.0.0',
    setting: rootProjectConfig.setting,
  });
  console.log(`WeChat compile (getCompiledResult): ${Object.keys(compiled).length} files in ${Date.now() - started} ms`);
  return problems;
}

const sizes = sizeReport();
let problems = [...sizes.problems];
try {
  problems = problems.concat(await wechatChecks());
} catch (error) {
  problems.push(`WeChat compile failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}

for (const warning of sizes.warnings) console.warn(`WARN ${warning}`);
for (const problem of problems) console.error(`FAIL ${problem}`);
// Exit explicitly: miniprogram-ci leaves a file watcher and a forked compiler running, which would keep Node alive.
if (problems.length > 0) process.exit(1);
console.log('check:weapp passed');
process.exit(0);
