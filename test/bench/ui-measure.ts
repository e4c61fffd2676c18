/**
 * What the UI benches measure in the page, shared by ui.bench.ts (seeded data), ui-import.bench.ts
 * (data imported through the UI) and scale.bench.ts (half a million rows): long main-thread tasks
 * (PerformanceObserver 'longtask', installed before the app's scripts run) and the survey grid's
 * key latency.
 * Every page-side wait here has its own deadline.
 */
import type { Page } from 'playwright-core';
import { deadline } from './util';

/** Installed with page.addInitScript: every main-thread task over 50 ms, as {start, dur} in page time. */
export const OBSERVE_LONG_TASKS = `window.__name = (f) => f; window.__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push({ start: e.startTime, dur: e.duration }); }).observe({ type: 'longtask', buffered: true });`;

/** Longest main-thread task (ms) that overlapped [from, to] in page time (to: until now if left out), 0 if none. */
export const longest = (page: Page, from: number, to = Number.POSITIVE_INFINITY) =>
  page.evaluate(([a, b]) => Math.max(0, ...(window as unknown as { __lt: { start: number; dur: number }[] }).__lt.filter((t) => t.start + t.dur >= a! && t.start <= b!).map((t) => t.dur)), [from, to]);

export const now = (page: Page) => page.evaluate(() => performance.now());

/** Where the grid's selected row is: its position in the shown order (aria-rowindex − 2), or -1. */
export const selectedPosition = (page: Page) =>
  page.evaluate(() => {
    const r = document.querySelector('.grid-row--selected');
    return r ? Number(r.getAttribute('aria-rowindex')) - 2 : -1;
  });

/**
 * Per key, the time from a real key press (its keydown in the page) until the selection has moved
 * to the next row and a frame with it has been painted. Keys go one after another, each once the
 * previous one is painted.
 */
export async function keyLatencies(page: Page, key: 'ArrowDown' | 'ArrowUp', n: number): Promise<{ times: number[]; committed: number[]; t0: number; t1: number }> {
  const times: number[] = [];
  await page.evaluate(() => ((window as unknown as { __committed: number[] }).__committed = []));
  const t0 = await now(page);
  for (let i = 0; i < n; i++) {
    // Armed in one evaluate (awaited) and read in another: the key press cannot overtake the listener.
    await page.evaluate((key) => {
      const at = () => {
        const r = document.querySelector('.grid-row--selected');
        return r ? Number(r.getAttribute('aria-rowindex')) - 2 : -1;
      };
      const want = at() + (key === 'ArrowDown' ? 1 : -1);
      (window as unknown as { __key: Promise<number> }).__key = new Promise<number>((resolve) => {
        let start = 0;
        document.addEventListener('keydown', () => (start = performance.now()), { capture: true, once: true });
        // Watched as the DOM changes; timed to the end of the next frame (rAF, then a task after its paint).
        const grid = document.querySelector('.survey-grid')!;
        const done = (ms: number) => {
          observer.disconnect();
          clearTimeout(give);
          resolve(ms);
        };
        const observer = new MutationObserver(() => {
          if (start && at() === want) {
            observer.disconnect();
            (window as unknown as { __committed: number[] }).__committed.push(performance.now() - start);
            requestAnimationFrame(() => setTimeout(() => done(performance.now() - start)));
          }
        });
        observer.observe(grid, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
        const give = setTimeout(() => done(Number.POSITIVE_INFINITY), 10_000);
      });
    }, key);
    await page.keyboard.press(key);
    const armed = deadline(page.evaluate(() => (window as unknown as { __key: Promise<number> }).__key), 30_000, `grid key ${key}`);
    times.push(await armed);
    if (process.env.BENCH_DEBUG) console.log(`  ${key} → ${times[times.length - 1]!.toFixed(1)} ms, now at ${await selectedPosition(page)}, focus ${await page.evaluate(() => document.activeElement?.className)}`);
  }
  const committed = await page.evaluate(() => (window as unknown as { __committed: number[] }).__committed);
  return { times, committed, t0, t1: await now(page) };
}

export const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]!, max: s[s.length - 1]! };
};

/**
 * With BENCH_PROFILE naming `part` (comma-separated list), a CPU profile of the page from now; the
 * returned stop function prints the top functions by self time. Without it, both cost nothing.
 */
export async function profileIf(page: Page, part: string): Promise<() => Promise<void>> {
  if (!(process.env.BENCH_PROFILE ?? '').split(',').includes(part)) return async () => {};
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  return async () => {
    const { profile: p } = await cdp.send('Profiler.stop');
    const self = new Map<string, number>();
    const dt = new Map<number, number>();
    p.samples?.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (p.timeDeltas?.[i] ?? 0) / 1000));
    for (const n of p.nodes) {
      const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + (dt.get(n.id) ?? 0));
    }
    let total = 0;
    for (const v of self.values()) total += v;
    console.log(`  profile of ${part}: ${total.toFixed(0)} ms sampled on the main thread (idle included), top 15 by self time:`);
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  profile ${v.toFixed(0).padStart(6)} ms  ${k}`);
  };
}
