// ESLint for the whole repository (`npm run lint`, or `npx eslint <folder>` for one area).
// TypeScript is linted with type information: each file is checked against the tsconfig.json nearest to it
// (projectService), so shared/, api/, miniapp/ and e2e/ keep their own compiler options.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const typeScriptSources = ['shared/src/**/*.ts', 'api/src/**/*.ts', 'api/test/**/*.ts', 'miniapp/src/**/*.{ts,tsx}', 'e2e/**/*.ts'];
const testFiles = ['**/*.spec.ts', '**/*.spec.tsx', '**/*.e2e-spec.ts', '**/*.e2e.ts', 'api/test/support/**', 'e2e/support/**'];

export default tseslint.config(
  {
    // Only the folders above and the Node scripts are ours to lint; configs of other tools, built output and the
    // mini program's own build scripts stay out.
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'docs/**',
      'miniapp/config/**',
      'miniapp/test/**',
      'miniapp/scripts/**',
      'miniapp/types/**',
      '**/*.config.js',
      '**/*.config.ts',
      'coverage/**',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  // Node scripts: scripts/, bench/ (ES modules, no type information).
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', 'eslint.config.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },

  // TypeScript, type-aware.
  {
    files: typeScriptSources,
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // Under emitDecoratorMetadata (api/tsconfig.json) the rule reads the tsconfig and leaves files with decorators
      // alone: there a constructor parameter's or DTO property's type is a runtime value Nest's DI and
      // class-validator need, and `import type` would silently turn it into `Object`.
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: testFiles,
    rules: {
      // expect(service.method).toHaveBeenCalled() passes a method without calling it: that is how Jest is used.
      '@typescript-eslint/unbound-method': 'off',
      // Tests read HTTP bodies (supertest's res.body, fetch's res.json()), which are `any`; the API suite checks every
      // response against the OpenAPI document at runtime, so a cast per body would add noise, not safety.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },

  // The API's modules read plain SQL through plainSelect: `dataSource.query()` runs on TypeORM's writer connection,
  // which on SQLite reads inside other requests' open transactions (api/src/database/plain-select.ts).
  {
    files: ['api/src/modules/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='query'][callee.object.property.name=/^(dataSource|manager)$/]",
          message: 'Read plain SQL with plainSelect (database/plain-select.ts): dataSource.query() reads uncommitted rows on SQLite.',
        },
      ],
    },
  },

  // The mini program: React hooks.
  {
    files: ['miniapp/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
