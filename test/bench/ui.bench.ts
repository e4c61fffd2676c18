/**
 * UI benchmarks measured in Chromium (DESIGN.md §6: "the UI never freezes"). Expects `npx vite
 * build` to have been run (it builds nothing of the app itself) and the system Chromium.
 *
 * Seeding: the bench bundles test/bench/ui-seed.ts with esbuild and serves it from the e2e
 * harness's static server beside dist/renderer (same origin, so the app's CSP allows it), then injects it
 * into the running app page. It writes rows with the app's own schema class; the production
 * build carries no test hook or debug route. Figures come from performance.now() in the page and
 * a PerformanceObserver for 'longtask' (main-thread tasks over 50 ms).
 *
 *   npx vite build && npx tsx test/bench/ui.bench.ts      (BENCH_GRID_N=20000 for a quicker run)
 *   npx tsx test/bench/ui.bench.ts --only grid             (only the survey grid part; or BENCH_ONLY=grid)
 *   npx tsx test/bench/ui.bench.ts --only apply             (only the apply-a-code latency; also grid / long)
 *   npx tsx test/bench/ui.bench.ts --only keys              (arrow-key latency in the grid; `npm run bench -- grid-keys`)
 */
import path from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { DIST as BUILT, openApp, REPO_ROOT, serveStatic, skipReason } from '../e2e/harness';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { deadline } from './util';
import { keyLatencies, longest, now, OBSERVE_LONG_TASKS, profileIf, selectedPosition, stats } from './ui-measure';

/** The built renderer to serve (CHORUS_E2E_DIST overrides, e.g. a private copy while others rebuild). */
const DIST = process.env.CHORUS_E2E_DIST || BUILT;
const GRID_N = Number(process.env.BENCH_GRID_N ?? 100_000);
const TRIALS = 7;

type Win = Window & { __lt: { start: number; dur: number }[]; __chorusBenchSeed: { seedSurvey: (n: number) => Promise<string>; seedLong: () => Promise<string>; seedCodedSurvey: (n: number) => Promise<string> } };


const fmt = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;
const line = (label: string, value: string, note = '') => console.log(`${label.padEnd(52)} ${value}${note ? `  ${note}` : ''}`);
const verdict = (task: number) => (task <= 100 ? 'ok (≤ 100 ms)' : 'OVER TARGET (100 ms)');

/** Scroll an element in steps, one per animation frame; returns [t0, t1] in page time. */
const scripted = (page: Page, selector: string, steps: number, by: number) =>
  deadline(page.evaluate(
    async ([selector, steps, by]) => {
      const el = document.querySelector(selector as string)!;
      const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
      const t0 = performance.now();
      for (let i = 0; i < (steps as number); i++) {
        el.scrollTop += by as number;
        await frame();
      }
      for (const f of [0.5, 0.25, 1, 0]) {
        el.scrollTop = f * el.scrollHeight;
        await frame();
        await frame();
      }
      return [t0, performance.now()] as const;
    },
    [selector, steps, by] as const,
  ), 120_000, `scrolling ${selector}`);

/** With BENCH_PROFILE=<part> (grid, grid-scroll, apply), a CPU profile of the page; the stop function prints the top functions by self time. */
function profile(page: Page, part: 'grid' | 'grid-scroll' | 'apply' | 'keys' | 'codeview'): Promise<() => Promise<void>> {
  return profileIf(page, part);
}

/** With BENCH_TRACE=1, a devtools timeline trace: total time per event name (style, layout, paint, script). */
async function trace(page: Page): Promise<() => Promise<void>> {
  if (!process.env.BENCH_TRACE) return async () => {};
  const cdp = await page.context().newCDPSession(page);
  const events: { name: string; dur?: number; tdur?: number; ph: string; ts: number; tid: number; pid: number; args?: { name?: string; data?: { functionName?: string; url?: string; lineNumber?: number } } }[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as typeof events)));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  return async () => {
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await done;
    const by = new Map<string, [number, number]>();
    for (const e of events) if (e.ph === 'X' && e.dur) {
      const v = by.get(e.name) ?? [0, 0];
      by.set(e.name, [v[0] + e.dur / 1000, Math.max(v[1], e.dur / 1000)]);
    }
    for (const [k, [t, m]] of [...by].sort((a, b) => b[1][0] - a[1][0]).slice(0, 14)) console.log(`  trace ${t.toFixed(0).padStart(6)} ms (max ${m.toFixed(0)})  ${k}`);
    // what the main thread's long tasks (≥ 40 ms) were made of: time per event directly inside each
    const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur);
    const cpu = Math.max(0, ...onMain.filter((e) => e.name === 'RunTask').map((e) => e.tdur ?? 0)) / 1000;
    console.log(`  longest main-thread task by CPU time (not waiting for a core): ${cpu.toFixed(0)} ms`);
    for (const task of onMain.filter((e) => e.name === 'RunTask' && e.dur! >= 40_000)) {
      const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur!);
      const parts = new Map<string, number>();
      for (const e of inside) {
        const fn = e.args?.data?.functionName ? ` ${e.args.data.functionName} ${(e.args.data.url ?? '').split('/').pop()}:${e.args.data.lineNumber ?? ''}` : '';
        parts.set(e.name + fn, (parts.get(e.name + fn) ?? 0) + e.dur! / 1000);
      }
      console.log(`  long task ${(task.dur! / 1000).toFixed(0)} ms (CPU ${((task.tdur ?? 0) / 1000).toFixed(0)} ms): ${[...parts].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${v.toFixed(0)}`).join('; ')}`);
    }
  };
}

async function seed(page: Page, url: string, what: 'survey' | 'long' | 'coded'): Promise<number> {
  await page.addScriptTag({ url: new URL('/__bench__/seed.js', url).href, type: 'module' });
  await page.waitForFunction(() => '__chorusBenchSeed' in window);
  const t0 = Date.now();
  await page.evaluate(([what, n]) => {
    const s = (window as unknown as Win).__chorusBenchSeed;
    return what === 'survey' ? s.seedSurvey(n as number) : what === 'coded' ? s.seedCodedSurvey(n as number) : s.seedLong();
  }, [what, GRID_N] as const);
  return Date.now() - t0;
}

async function gridBench(page: Page, url: string) {
  line(`Seeding ${GRID_N.toLocaleString('en-GB')} responses (IndexedDB, not the UI)`, fmt(await seed(page, url, 'survey')), '(context)');
  await page.goto(new URL('#/grid', url).href);
  const stopProfile = await profile(page, 'grid');
  await page.reload();
  const shown = `Showing ${GRID_N.toLocaleString('en-GB')} of ${GRID_N.toLocaleString('en-GB')} responses`;
  await page.waitForFunction((shown) => document.querySelector('.grid-count')?.textContent === shown && document.querySelector('.grid-row'), shown, { timeout: 120_000 });
  const ready = await now(page);
  await stopProfile();
  line('Grid: navigation → rows painted', fmt(ready), '(context)');
  const firstTask = await longest(page, 0, ready);
  if (process.env.BENCH_DEBUG) console.log('  long tasks:', JSON.stringify(await page.evaluate(() => (window as unknown as Win).__lt.map((t) => [Math.round(t.start), Math.round(t.dur)]))));
  line('Grid: longest task during first render', fmt(firstTask), verdict(firstTask));
  await page.waitForTimeout(500);
  const stopScrollProfile = await profile(page, 'grid-scroll');
  const [s0, s1] = await scripted(page, '.grid-scroll', 60, 1200);
  await stopScrollProfile();
  const scrollTask = await longest(page, s0, s1);
  line(`Grid: longest task, scripted scroll (${((s1 - s0) / 1000).toFixed(1)} s)`, fmt(scrollTask), verdict(scrollTask));
  // Sort by an attribute and apply a code with a key: reported for context.
  const t0 = await now(page);
  await page.getByRole('button', { name: 'Area', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('th[aria-sort="ascending"]'));
  const t1 = await now(page);
  line('Grid: sort 100,000 rows by Area (click → sorted)', fmt(t1 - t0), `longest task ${fmt(await longest(page, t0, t1))} (context)`);
  await page.locator('.grid-row').first().click();
  const count = () => page.locator('.grid-palette__count').first().textContent();
  const before = await count();
  const k0 = await now(page);
  await page.keyboard.press('1');
  await page.waitForFunction((before) => document.querySelector('.grid-palette__count')?.textContent !== before, before, { timeout: 60_000 });
  const k1 = await now(page);
  line('Grid: press 1 → count updated', fmt(k1 - k0), `longest task ${fmt(await longest(page, k0, k1))} (context)`);
}


/** Arrow-key latency in the survey grid at GRID_N responses, and a burst of keys coding the row it shows as selected. */
async function keysBench(page: Page, url: string) {
  line(`Seeding ${GRID_N.toLocaleString('en-GB')} responses (IndexedDB, not the UI)`, fmt(await seed(page, url, 'survey')), '(context)');
  await page.goto(new URL('#/grid', url).href);
  await page.reload();
  const shown = `Showing ${GRID_N.toLocaleString('en-GB')} of ${GRID_N.toLocaleString('en-GB')} responses`;
  await page.waitForFunction((shown) => document.querySelector('.grid-count')?.textContent === shown && document.querySelector('.grid-row td.grid-cell--answer'), shown, { timeout: 120_000 });
  line('Grid: navigation → answers painted', fmt(await now(page)), '(context)');
  if (process.env.BENCH_DEBUG) console.log('  clicking the first answer');
  await page.locator('.grid-row td.grid-cell--answer').first().click();
  await page.locator('.survey-grid').focus();
  await page.waitForFunction(() => document.querySelector('.grid-row--selected'));
  if (process.env.BENCH_DEBUG) console.log(`  selected ${await selectedPosition(page)}`);
  await page.waitForTimeout(500);
  line('Machine load (1-minute load average, cores)', `${loadavg()[0]!.toFixed(1)} on ${cpus().length}`.padStart(9), '(context: figures grow with it)');
  const report = (label: string, r: { times: number[]; committed: number[]; t0: number; t1: number }, task: number) => {
    const { median, p95, max } = stats(r.times);
    const c = stats(r.committed);
    line(`${label}: key → selection in the DOM, median / p95 / max`, `${fmt(c.median)} / ${fmt(c.p95).trim()} / ${fmt(c.max).trim()}`, c.max <= 50 ? 'ok (≤ 50 ms)' : 'OVER TARGET (50 ms)');
    line(`${label}: key → frame painted, median / p95 / max`, `${fmt(median)} / ${fmt(p95).trim()} / ${fmt(max).trim()}`, max <= 50 ? 'ok (≤ 50 ms)' : Number.isFinite(max) ? 'OVER TARGET (50 ms)' : 'OVER TARGET: A KEY DID NOT MOVE THE SELECTION');
    line(`${label}: longest task`, fmt(task), '(context)');
  };
  const stopProfile = await profile(page, 'keys');
  const top = await keyLatencies(page, 'ArrowDown', 40);
  await stopProfile();
  report(`Grid keys, top of ${GRID_N.toLocaleString('en-GB')} rows (ArrowDown ×40)`, top, await longest(page, top.t0, top.t1));
  await page.keyboard.press('End');
  await page.waitForFunction((n) => document.querySelector('.grid-row--selected')?.getAttribute('aria-rowindex') === String(n + 1), GRID_N, { timeout: 30_000 });
  await page.waitForTimeout(500);
  const bottom = await keyLatencies(page, 'ArrowUp', 40);
  report('Grid keys, bottom of the list (ArrowUp ×40)', bottom, await longest(page, bottom.t0, bottom.t1));
  // Sorted by an attribute: the order is an arbitrary permutation of the rows.
  await page.getByRole('button', { name: 'Area', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('th[aria-sort="ascending"]') && document.querySelector('.survey-grid')?.getAttribute('aria-busy') === 'false', undefined, { timeout: 60_000 });
  await page.keyboard.press('Home');
  await page.waitForTimeout(500);
  const sorted = await keyLatencies(page, 'ArrowDown', 40);
  report('Grid keys, sorted by Area (ArrowDown ×40)', sorted, await longest(page, sorted.t0, sorted.t1));

  // A fast typist: 25 × Down then 1, sent as fast as the browser takes them.
  const target = await selectedPosition(page);
  const status = page.locator('p.status');
  const b0 = await now(page);
  for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('1');
  const b1 = await now(page);
  await status.filter({ hasText: /^(Coded|Removed)/ }).waitFor({ timeout: 30_000 });
  const said = (await status.textContent()) ?? '';
  const shownRow = await page.locator('.grid-row--selected th').textContent();
  const landed = await selectedPosition(page);
  const right = landed === target + 25 && said.includes(`${shownRow} – `);
  line('Grid keys: 25 × Down then 1, as fast as sent', fmt(b1 - b0), right ? `coded ${shownRow}, the row shown selected: ok` : `OVER TARGET: WRONG ROW: selected ${landed} (want ${target + 25}), status “${said}”`);
}

async function openDocument(page: Page, title: string): Promise<{ ms: number; t0: number; t1: number }> {
  await page.locator('.doc-link', { hasText: title }).first().waitFor({ timeout: 60_000 });
  return deadline(page.evaluate(async (title) => {
    const link = [...document.querySelectorAll<HTMLElement>('.doc-link')].find((l) => l.textContent?.includes(title))!;
    const t0 = performance.now();
    link.click();
    await new Promise<void>((resolve) => {
      const check = () => (document.querySelector('.doc-header__title')?.textContent === title && document.querySelector('.text-pane span[data-start]') ? resolve() : requestAnimationFrame(check));
      check();
    });
    await new Promise((r) => requestAnimationFrame(r));
    const t1 = performance.now();
    return { ms: t1 - t0, t0, t1 };
  }, title), 120_000, `opening document ${title}`);
}

/** Median time from the Enter that applies a code to the new highlight painted, over TRIALS words. */
async function applyLatency(page: Page, title: string): Promise<number> {
  await openDocument(page, title);
  if (process.env.BENCH_DEBUG) console.log(`  opened ${title}`);
  await page.locator('.text-pane').focus();
  const times: number[] = [];
  for (let i = 0; i < TRIALS; i++) {
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const input = page.getByRole('combobox', { name: /Apply a code/ });
    await input.waitFor();
    await input.fill('Bench target');
    const armed = deadline(page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let t0 = 0;
          const n0 = document.querySelectorAll('.text-pane span[title*="Bench target"]').length;
          document.addEventListener('keydown', (e) => { if (e.key === 'Enter') t0 = performance.now(); }, { capture: true, once: true });
          const check = () => {
            if (t0 && document.querySelectorAll('.text-pane span[title*="Bench target"]').length > n0) requestAnimationFrame(() => resolve(performance.now() - t0));
            else requestAnimationFrame(check);
          };
          check();
        }),
    ), 30_000, 'applying a code');
    await page.waitForTimeout(50);
    await input.press('Enter');
    times.push(await armed);
    await page.locator('.text-pane').focus();
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function longDocBench(page: Page, url: string) {
  line('Seeding long documents (IndexedDB, not the UI)', fmt(await seed(page, url, 'long')), '(context)');
  await page.goto(new URL('#/code', url).href);
  await page.reload();
  await openLongDocument(page);
  await applyBench(page);
}

async function openLongDocument(page: Page) {
  const open = await openDocument(page, 'Huge 500,000 words');
  line('500,000-word document: click → text painted', fmt(open.ms), '(context)');
  const openTask = await longest(page, open.t0, open.t1);
  line('500,000-word document: longest task while opening', fmt(openTask), verdict(openTask));
  line('500,000-word document: spans in the DOM', String(await page.locator('.text-pane span[data-start]').count()).padStart(9), '(context)');
  await page.waitForTimeout(500);
  const [s0, s1] = await scripted(page, '.text-pane', 40, 2500);
  const scrollTask = await longest(page, s0, s1);
  line('500,000-word document: longest task, scripted scroll', fmt(scrollTask), verdict(scrollTask));
}

async function applyBench(page: Page) {
  const empty = await applyLatency(page, 'Empty no codings');
  const stop = await profile(page, 'apply');
  const dense = await applyLatency(page, 'Dense 5,000 codings');
  await stop();
  if (process.env.BENCH_DEBUG) console.log(`  coding list items in the DOM: ${await page.locator('.coding-list__item').count()} of ${await page.locator('#coding-list-title .count').textContent()}`);
  line('Apply a code → painted, document without codings', fmt(empty), `median of ${TRIALS}`);
  line('Apply a code → painted, document with 5,000 codings', fmt(dense), `median of ${TRIALS}`);
  const ratio = dense / empty;
  line('  ratio (target ≤ 1.5)', ratio.toFixed(2).padStart(9), ratio <= 1.5 ? 'ok' : 'OVER TARGET');
}

/** Only the apply-a-code latency (seeds the long documents; skips opening and scrolling the 500,000-word one). */
async function applyOnlyBench(page: Page, url: string) {
  line('Seeding long documents (IndexedDB, not the UI)', fmt(await seed(page, url, 'long')), '(context)');
  await page.goto(new URL('#/code', url).href);
  await page.reload();
  await applyBench(page);
}

/**
 * The Code view listing every segment of one code at GRID_N segments (every response's first
 * answer coded with "Theme 1"): from the click on "View coded segments" to the rows painted, then
 * a scripted scroll through the list; the longest main-thread task in each must stay ≤ 100 ms.
 */
async function codeViewBench(page: Page, url: string) {
  line(`Seeding ${GRID_N.toLocaleString('en-GB')} coded responses (IndexedDB, not the UI)`, fmt(await seed(page, url, 'coded')), '(context)');
  await page.goto(new URL('#/code', url).href);
  await page.reload();
  const code = page.locator('.code-tree [role="treeitem"]', { hasText: 'Theme 1' }).first();
  await code.waitFor({ timeout: 120_000 });
  // select the code first, then let the workspace finish loading (no long task for 3 s): only the Code view is measured
  await code.locator('.code-row').click();
  await page.waitForFunction(() => {
    const lt = (window as unknown as Win).__lt;
    const last = lt.length ? Math.max(...lt.map((t) => t.start + t.dur)) : 0;
    return performance.now() - last > 3000;
  }, undefined, { timeout: 300_000, polling: 500 });
  const stopOpenProfile = await profile(page, 'codeview-open' as 'codeview');
  const stopOpenTrace = await trace(page);
  const t0 = await now(page);
  await page.getByRole('button', { name: 'View coded segments' }).click();
  const want = `${GRID_N.toLocaleString('en-GB')} segments`;
  await page.waitForFunction((want) => document.querySelector('[data-testid="segment-count"]')?.textContent === want && document.querySelector('.code-view .segment__body'), want, { timeout: 300_000 });
  const t1 = await now(page);
  await stopOpenTrace();
  await stopOpenProfile();
  if (process.env.BENCH_DEBUG) console.log('  long tasks:', JSON.stringify(await page.evaluate(([a, b]) => (window as unknown as Win).__lt.filter((t) => t.start + t.dur >= a! && t.start <= b!).map((t) => [Math.round(t.start - a!), Math.round(t.dur)]), [t0, t1])));
  if (process.env.BENCH_DEBUG) console.log(`  JS heap in use: ${await page.evaluate(() => Math.round(((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1e6))} MB`);
  if (process.env.BENCH_DEBUG) console.log(`  elements in the page: ${await page.evaluate(() => document.getElementsByTagName('*').length)}, in the Code view: ${await page.evaluate(() => document.querySelector('.code-view')?.getElementsByTagName('*').length ?? 0)}`);
  line(`Code view: click → ${want} listed and painted`, fmt(t1 - t0), '(context)');
  const openTask = await longest(page, t0, t1);
  line('Code view: longest task while listing', fmt(openTask), verdict(openTask));
  await page.waitForTimeout(500);
  const stopProfile = await profile(page, 'codeview');
  const stopTrace = await trace(page);
  const [s0, s1] = await scripted(page, '.code-view__scroll', 60, 1500);
  await stopTrace();
  await stopProfile();
  if (process.env.BENCH_DEBUG) console.log('  long tasks:', JSON.stringify(await page.evaluate(([a, b]) => (window as unknown as Win).__lt.filter((t) => t.start + t.dur >= a! && t.start <= b!).map((t) => [Math.round(t.start - a!), Math.round(t.dur)]), [s0, s1])));
  // the rows at the end of the scroll arrive from the worker
  await page.waitForFunction(() => document.querySelector('.code-view .segment__body'), undefined, { timeout: 60_000 });
  const scrollTask = await longest(page, s0, s1);
  line(`Code view: longest task, scripted scroll (${((s1 - s0) / 1000).toFixed(1)} s)`, fmt(scrollTask), verdict(scrollTask));
  const f0 = await now(page);
  await page.getByRole('checkbox', { name: 'Reverse' }).check();
  await page.waitForFunction((want) => document.querySelector('[data-testid="segment-count"]')?.textContent === want && document.querySelector('.code-view .segment__body'), want, { timeout: 300_000 });
  const f1 = await now(page);
  const sortTask = await longest(page, f0, f1);
  line('Code view: reverse the order → repainted', fmt(f1 - f0), `longest task ${fmt(sortTask).trim()} ${verdict(sortTask)}`);
}

/** `--only grid|long|apply` (or BENCH_ONLY) picks one part; default: the grid and the long documents. */
function onlyArg(): string | undefined {
  const i = process.argv.indexOf('--only');
  return (i >= 0 ? process.argv[i + 1] : undefined) ?? process.env.BENCH_ONLY;
}

async function main() {
  const reason = skipReason() ?? (existsSync(path.join(DIST, 'index.html')) ? null : `${DIST}/index.html is missing: run \`npx vite build\` first`);
  if (reason) {
    console.log(`ui bench skipped: ${reason}`);
    return;
  }
  const bundle = await build({ entryPoints: [path.join(REPO_ROOT, 'test/bench/ui-seed.ts')], bundle: true, format: 'esm', write: false, platform: 'browser', target: 'chrome120', logLevel: 'error' });
  const server = await serveStatic(DIST, { '/__bench__/seed.js': bundle.outputFiles[0]!.text });
  const started = Date.now();
  const only = onlyArg();
  const parts = only === 'apply' ? [applyOnlyBench] : only === 'keys' ? [keysBench] : only === 'codeview' ? [codeViewBench] : [gridBench, longDocBench].filter((f) => !only || f.name.toLowerCase().startsWith(only));
  for (const run of parts) {
    const s = await openApp(server.url);
    try {
      await s.page.addInitScript(OBSERVE_LONG_TASKS);
      if (process.env.BENCH_DEBUG) s.page.on('crash', () => console.log(`  page crashed; errors so far: ${s.errors.join(' | ')}`));
      await s.page.locator('.app-header').waitFor({ timeout: 60_000 });
      await run(s.page, server.url);
      if (s.errors.length) console.log(`page errors: ${s.errors.join(' | ')}`);
    } finally {
      await s.close();
    }
  }
  await server.close();
  line('Total bench time', fmt(Date.now() - started));
}

await main();
