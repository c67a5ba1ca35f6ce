// Component and request-layer tests on Taro's H5 implementation, in jsdom. Taro and NutUI ship ESM, so
// node_modules are transformed too: with swc (fast); our own sources go through babel.config.js, the same
// transform as the real build (babel-preset-taro + per-component NutUI imports).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/test'],
  testMatch: ['<rootDir>/test/**/*.spec.ts?(x)'],
  testPathIgnorePatterns: ['<rootDir>/test/weapp/'],
  transform: {
    '/node_modules/.+\\.m?js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
    '^.+\\.[jt]sx?$': 'babel-jest',
  },
  transformIgnorePatterns: [],
  moduleNameMapper: {
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@tarojs/taro$': '<rootDir>/test/support/taro-h5.ts',
    '\\.(css|scss)$': '<rootDir>/test/support/style-stub.js',
    '\\.png$': '<rootDir>/test/support/image-stub.js',
  },
  // Build-time constants the Taro build would inject (Taro's runtime reads its ENABLE_* switches as globals).
  // Every test points the request layer at its own server, so the base URL here is never reached.
  globals: {
    LINLI_API_BASE_URL: 'http://127.0.0.1:9/api',
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: false,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    ENABLE_MUTATION_OBSERVER: true,
    DEPRECATED_ADAPTER_COMPONENT: false,
  },
  setupFiles: ['<rootDir>/test/support/taro-env.js'],
  setupFilesAfterEnv: ['<rootDir>/test/support/testing-library.ts'],
  cacheDirectory: '<rootDir>/.jest-cache',
  testTimeout: 15000,
};
