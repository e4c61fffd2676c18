#!/usr/bin/env node
/**
 * `npm test`: every check and every suite, then one totals line `N passed, N failed, N skipped`.
 *   1. type-check (shared/ with no DOM or Node types; the rest with both)
 *   2. architecture boundaries (dependency-cruiser)
 *   3. build the renderer (the end-to-end tests drive the built app in Chromium)
 *   4. vitest: projects shared, db, renderer and e2e (e2e skips itself without /usr/bin/chromium)
 * Checks 1–3 count as one test each. Exit status is non-zero if anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const results = join(root, 'test/.results');
mkdirSync(results, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };

function step(name, cmd, args) {
  const t0 = Date.now();
  process.stdout.write(`\n── ${name}: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  const ok = r.status === 0;
  process.stdout.write(`── ${name}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
  return ok;
}

const onlyArgs = process.argv.slice(2);
if (onlyArgs.length === 0) {
  for (const [name, cmd, args] of [
    ['type-check', 'npx', ['tsc', '-p', 'shared/tsconfig.json']],
    ['type-check', 'npx', ['tsc', '-p', 'tsconfig.json']],
    ['boundaries', 'npx', ['depcruise', '--config', '.dependency-cruiser.cjs', 'electron', 'renderer', 'shared']],
    ['build', 'npx', ['vite', 'build', '--logLevel', 'warn']],
  ]) {
    if (step(name, cmd, args)) totals.passed++;
    else totals.failed++;
  }
}

const report = join(results, 'vitest.json');
rmSync(report, { force: true });
step('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...onlyArgs]);
if (existsSync(report)) {
  const j = JSON.parse(readFileSync(report, 'utf8'));
  totals.passed += j.numPassedTests ?? 0;
  totals.failed += j.numFailedTests ?? 0;
  totals.skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  // a file that failed to load has no tests but must still fail the run
  const brokenFiles = (j.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0);
  for (const f of brokenFiles) process.stdout.write(`suite failed to run: ${f.name}\n${f.message ?? ''}\n`);
  totals.failed += brokenFiles.length;
} else {
  process.stdout.write('vitest wrote no report\n');
  totals.failed++;
}

const began = Number(process.env.CHORUS_CI_START ?? 0);
if (began) process.stdout.write(`\nCI time so far: ${Math.round(Date.now() / 1000 - began)} s\n`);
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exitCode = totals.failed > 0 ? 1 : 0;
