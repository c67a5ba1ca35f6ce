import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, test } from 'node:test';
import { findMissingDependencies } from './install.mjs';

const checkouts = [];
afterEach(() => checkouts.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A checkout whose lockfile names `locked` packages and whose node_modules holds `installed` ones. */
function checkout(locked, installed) {
  const root = mkdtempSync(join(tmpdir(), 'linli-install-'));
  checkouts.push(root);
  writeFileSync(join(root, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: { '': { name: 'linli' }, api: { version: '0.1.0' }, ...locked } }));
  for (const [path, version] of Object.entries(installed)) {
    mkdirSync(join(root, path), { recursive: true });
    writeFileSync(join(root, path, 'package.json'), JSON.stringify({ version }));
  }
  return root;
}

const LOCKED = {
  'node_modules/jest': { version: '30.5.2' },
  'api/node_modules/typescript': { version: '6.0.3' },
  'node_modules/@swc/core-darwin-arm64': { version: '1.16.22', optional: true },
  'node_modules/@linli/api': { resolved: 'api', link: true },
};

test('a fresh clone, with no node_modules, is missing every locked package', () => {
  assert.deepEqual(findMissingDependencies(checkout(LOCKED, {})), ['node_modules/jest is not installed', 'api/node_modules/typescript is not installed']);
});

test('a package at another version than the lockfile is missing (a pulled lockfile, a half-finished install)', () => {
  const root = checkout(LOCKED, { 'node_modules/jest': '30.5.2', 'api/node_modules/typescript': '5.9.3' });
  assert.deepEqual(findMissingDependencies(root), ['api/node_modules/typescript is 5.9.3, lockfile says 6.0.3']);
});

test('nothing is missing when every locked package is installed; optional packages and workspace links may be absent', () => {
  assert.deepEqual(findMissingDependencies(checkout(LOCKED, { 'node_modules/jest': '30.5.2', 'api/node_modules/typescript': '6.0.3' })), []);
});

test('an unreadable lockfile is reported, not thrown', () => {
  const root = checkout(LOCKED, {});
  rmSync(join(root, 'package-lock.json'));
  assert.deepEqual(findMissingDependencies(root), ['package-lock.json is missing or unreadable']);
});

test('better-sqlite3 installed but not loadable in this Node (another Node version, or its build skipped) is missing', () => {
  const root = checkout({ 'node_modules/better-sqlite3': { version: '12.6.2' } }, { 'node_modules/better-sqlite3': '12.6.2' });
  writeFileSync(join(root, 'node_modules/better-sqlite3/index.js'), "throw new Error('was compiled against a different Node.js version');");
  mkdirSync(dirname(join(root, 'api/package.json')), { recursive: true });
  writeFileSync(join(root, 'api/package.json'), '{}');
  const [problem] = findMissingDependencies(root);
  assert.match(problem, /^better-sqlite3 does not load in Node v\d+.*different Node\.js version/);
});
