// Renders the BUILT WeChat package (dist/weapp, run `npm run build:weapp` first) with miniprogram-simulate and
// WeChat's own WXML compiler (miniprogram-compiler). Kept apart from jest.config.js so `npm test` stays fast and
// needs no build.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/test/weapp'],
  testMatch: ['<rootDir>/test/weapp/**/*.spec.ts'],
  transform: { '^.+\\.ts$': 'babel-jest' },
  // The build output is already ES5 for WeChat; run it exactly as built.
  transformIgnorePatterns: ['/node_modules/', '/dist/'],
  cacheDirectory: '<rootDir>/.jest-cache',
  testTimeout: 30000,
};
