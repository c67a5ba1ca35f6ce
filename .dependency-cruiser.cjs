// Architecture rules as code: `npm run boundaries` (dependency-cruiser). Each rule names the boundary it keeps;
// docs/architecture.md describes the modules and their public surfaces.
const SUBPACKAGES = '(staff|provider|home-service|outlets)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-runtime-cycle',
      severity: 'error',
      comment:
        'A cycle of runtime imports makes load order matter (a class is undefined where it is first needed). ' +
        'A cycle broken by an `import type` somewhere along it vanishes when compiled, so it is allowed.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'miniapp-not-to-api',
      severity: 'error',
      comment: 'The mini program talks to the API over HTTP only; what both need lives in shared/.',
      from: { path: '^miniapp/' },
      to: { path: '^api/' },
    },
    {
      name: 'api-not-to-miniapp',
      severity: 'error',
      comment: 'The API never depends on the mini program; what both need lives in shared/.',
      from: { path: '^api/' },
      to: { path: '^miniapp/' },
    },
    {
      name: 'module-through-its-index',
      severity: 'error',
      comment: "A module uses another module only through that module's public surface, modules/<name>/index.ts.",
      from: { path: '^api/src/modules/([^/]+)/', pathNot: '\\.entity\\.ts$' },
      to: { path: '^api/src/modules/([^/]+)/', pathNot: ['^api/src/modules/$1/', '^api/src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'entity-through-index-or-entity',
      severity: 'error',
      comment: "An entity may name another module's entity directly (TypeORM relations); anything else goes through its index.ts.",
      from: { path: '^api/src/modules/([^/]+)/.+\\.entity\\.ts$' },
      to: { path: '^api/src/modules/([^/]+)/', pathNot: ['^api/src/modules/$1/', '^api/src/modules/[^/]+/index\\.ts$', '\\.entity\\.ts$'] },
    },
    {
      name: 'shared-is-self-contained',
      severity: 'error',
      comment: 'shared/ runs in the mini program and in the API: no npm packages, no Node built-ins, nothing outside shared/src.',
      from: { path: '^shared/src/' },
      to: { pathNot: '^shared/src/' },
    },
    {
      name: 'main-package-not-to-subpackage',
      severity: 'error',
      comment: "WeChat loads a subpackage only when one of its pages opens: the main package can't depend on one.",
      from: { path: '^miniapp/src/', pathNot: `^miniapp/src/${SUBPACKAGES}/` },
      to: { path: `^miniapp/src/${SUBPACKAGES}/` },
    },
    {
      name: 'subpackage-not-to-other-subpackage',
      severity: 'error',
      comment: 'A subpackage may use the main package and itself, never another subpackage (WeChat would not have loaded it).',
      from: { path: `^miniapp/src/${SUBPACKAGES}/` },
      to: { path: `^miniapp/src/${SUBPACKAGES}/`, pathNot: '^miniapp/src/$1/' },
    },
    {
      name: 'resolvable',
      severity: 'error',
      comment: 'An import the cruiser cannot resolve would slip past every rule above.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Keep `import type` edges (they vanish when compiled) so the cycle rule can tell them apart.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'] },
  },
};
