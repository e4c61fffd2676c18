/** zod's eval probe (`new Function('')`) trips the CSP: every entry point turns zod's JIT off before any schema exists. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const ENTRIES = [
  'renderer/main.tsx',
  'renderer/workers/analysis.worker.ts',
  'renderer/workers/counts.worker.ts',
  'renderer/workers/detect.worker.ts',
  'renderer/workers/prescan.worker.ts',
  'renderer/workers/grid.worker.ts',
  'renderer/workers/project-file.worker.ts',
  'renderer/workers/import.worker.ts',
  'renderer/workers/search.worker.ts',
  'renderer/workers/spreadsheet.worker.ts',
  'renderer/workers/suggest.worker.ts',
  'electron/cli/main.ts',
  'electron/cli/spreadsheet-worker-entry.ts',
  'electron/main/index.ts',
];

describe('zod jitless', () => {
  it.each(ENTRIES)('%s imports shared/zod-jitless before anything else', (entry) => {
    const first = readFileSync(path.join(root, entry), 'utf8')
      .split('\n')
      .find((l) => l.startsWith('import '));
    expect(first).toMatch(/^import '(\.\.\/)+shared\/zod-jitless';/);
  });

  it('every worker file in renderer/workers is listed (a new worker cannot forget it)', async () => {
    const { readdirSync } = await import('node:fs');
    const workers = readdirSync(path.join(root, 'renderer/workers')).filter((f) => f.endsWith('.worker.ts'));
    for (const w of workers) expect(ENTRIES).toContain(`renderer/workers/${w}`);
  });

  it('with the module loaded first, building and parsing object schemas never calls Function (the probe)', async () => {
    vi.resetModules();
    const calls: unknown[] = [];
    const RealFunction = globalThis.Function;
    globalThis.Function = new Proxy(RealFunction, {
      construct(target, args) {
        calls.push(args);
        return Reflect.construct(target, args);
      },
      apply(target, self, args) {
        calls.push(args);
        return Reflect.apply(target, self, args);
      },
    });
    try {
      await import('../../../shared/zod-jitless');
      const { ProjectBundle } = await import('../../../shared/model');
      const { z } = await import('zod');
      const schema = z.object({ a: z.string(), b: z.object({ c: z.number() }) });
      expect(schema.parse({ a: 'x', b: { c: 1 } })).toEqual({ a: 'x', b: { c: 1 } });
      expect(ProjectBundle.safeParse({}).success).toBe(false);
    } finally {
      globalThis.Function = RealFunction;
    }
    expect(calls).toEqual([]);
  });
});
