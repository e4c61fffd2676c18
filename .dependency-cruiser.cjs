/**
 * Architecture boundaries (DESIGN.md §2), checked by `npm run depcheck` as part of `npm test`:
 * shared/ is pure; renderer/ and electron/ never import each other; only renderer/db touches Dexie;
 * renderer/workers never import renderer/features.
 */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      severity: 'error',
      comment: 'shared/ is the platform-independent core: no DOM, Node, Electron, React, Dexie or app code.',
      from: { path: '^shared/' },
      to: {
        pathNot: '^shared/',
        path: ['^renderer/', '^electron/', '^test/', 'node_modules/(electron|react|react-dom|dexie|dexie-react-hooks|playwright-core|jsdom)/'],
      },
    },
    {
      name: 'shared-no-node-builtins',
      severity: 'error',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-not-electron',
      severity: 'error',
      comment: 'The renderer reaches the Node side only through the preload bridge (renderer/platform).',
      from: { path: '^renderer/' },
      to: { path: ['^electron/', 'node_modules/electron/'] },
    },
    {
      name: 'renderer-no-node-builtins',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'electron-not-renderer',
      severity: 'error',
      from: { path: '^electron/' },
      to: { path: '^renderer/' },
    },
    {
      name: 'workers-not-features',
      severity: 'error',
      comment: 'Workers serve features and never import them: what both need (pure job -> result functions, models) lives in shared/.',
      from: { path: '^renderer/workers/' },
      to: { path: '^renderer/features/' },
    },
    {
      name: 'only-db-touches-dexie',
      severity: 'error',
      comment: 'renderer/db is the only code that touches IndexedDB.',
      from: { path: '^renderer/', pathNot: '^renderer/db/' },
      to: { path: 'node_modules/dexie/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist', '\\.d\\.ts$'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
