// Whole-system tests: the built API as a real process, and the built H5 app in Debian's Chromium.
// They need `npm run build` output (npm test builds first).
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.e2e.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
  testTimeout: 60_000,
  maxWorkers: 1,
  cacheDirectory: '<rootDir>/../.jest-cache/e2e',
};
