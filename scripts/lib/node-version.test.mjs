import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { satisfiesEngines } from './node-version.mjs';

const engines = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).engines.node;

test('the declared Node lines are 20.19+, 22.13+ and 24.11+ (the newest minimum of any dependency in each line)', () => {
  for (const supported of ['20.19.0', '20.20.2', '22.13.0', '22.22.1', '24.11.0', '24.15.0']) assert.ok(satisfiesEngines(supported, engines), supported);
  for (const unsupported of ['18.20.8', '20.18.3', '21.7.3', '22.12.0', '23.11.1', '24.10.0', '25.2.1', '26.0.0']) assert.ok(!satisfiesEngines(unsupported, engines), unsupported);
});

test('a leading v is accepted, as process.version has it', () => {
  assert.ok(satisfiesEngines('v22.13.0', '^22.13.0'));
});

test('a range in another form is refused rather than guessed', () => {
  assert.throws(() => satisfiesEngines('22.13.0', '>=22'), /not of the form \^x\.y\.z/);
});
