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
      comment: 'One exception: the CLI draws pack charts with the same DOM-injected d3 renderer as the app (renderer/charts, no React), through electron/cli/chart-svg.ts only.',
      from: { path: '^electron/', pathNot: '^electron/cli/chart-svg\\.ts$' },
      to: { path: '^renderer/' },
    },
    {
      name: 'cli-charts-only',
      severity: 'error',
      from: { path: '^electron/cli/chart-svg\\.ts$' },
      to: { path: '^renderer/', pathNot: '^renderer/charts/(?!Chart\\.tsx)' },
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
    {
      name: 'features-write-through-execute',
      severity: 'error',
      comment:
        'Features and the app shell change project data only with execute(): they import renderer/db/api.ts (reads, UI settings, execute), never the write shorthands (writes.ts), the repositories or the import commit.',
      from: { path: '^renderer/(features|app)/' },
      to: { path: '^renderer/db/', pathNot: '^renderer/db/api\\.ts$' },
    },
    {
      name: 'commands-executor-is-the-writer',
      severity: 'error',
      comment: 'Plans are applied only by the executors (renderer/db/execute.ts, shared/commands/memory.ts); nothing else in the renderer imports the plan internals.',
      from: { path: '^renderer/', pathNot: '^renderer/db/' },
      to: { path: '^shared/commands/(apply|memory)\\.ts$' },
    },
    {
      name: 'xlsx-only-in-parser-and-writer',
      severity: 'error',
      comment:
        'The xlsx package (prototype-pollution and ReDoS advisories, DESIGN.md §5) is used in two places only: the spreadsheet parser (run in a disposable worker) and the writer of our own tables.',
      from: { pathNot: ['^shared/import/spreadsheet\\.ts$', '^shared/export/table\\.ts$'] },
      to: { path: 'node_modules/xlsx/' },
    },
    {
      name: 'spreadsheets-parsed-only-in-workers',
      severity: 'error',
      comment: 'Untrusted spreadsheets (survey tables, codebooks) are parsed only in a disposable worker or the CLI\'s worker, never on the UI thread.',
      from: { path: '^renderer/', pathNot: '^renderer/workers/[^/]+\\.worker\\.ts$' },
      to: { path: '^shared/import/spreadsheet\\.ts$', reachable: true },
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
