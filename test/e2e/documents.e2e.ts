/**
 * The Code workspace's Sources list at survey scale: 20,000 survey responses stored the way an
 * import stores them (a dataset), seeded with test/bench/ui-seed.ts. The seed module is bundled
 * with esbuild and served from this test's own server beside dist/renderer (same origin, so the
 * app's CSP allows it); the production build has no test hook.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { DIST, openApp, REPO_ROOT, screenshot, seriousA11yViolations, skipReason, type Session } from './harness';

const reason = skipReason();
if (reason) console.warn(`e2e tests skipped: ${reason}`);

const N = 20_000;
const QUESTION = 'What could we have done better?';
const title = (row: number) => `${String(row).padStart(6, '0')} – ${QUESTION}`;
const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.html': 'text/html; charset=utf-8', '.svg': 'image/svg+xml', '.wasm': 'application/wasm' };

/** dist/renderer, plus the seed module and axe-core under /__test__/. */
async function serve() {
  const bundle = await build({ entryPoints: [path.join(REPO_ROOT, 'test/bench/ui-seed.ts')], bundle: true, format: 'esm', write: false, platform: 'browser', target: 'chrome120', logLevel: 'error' });
  const seedJs = bundle.outputFiles[0]!.text;
  const axe = path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js');
  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (pathname === '/__test__/seed.js') return void res.writeHead(200, { 'content-type': TYPES['.js']! }).end(seedJs);
    const file = pathname === '/__test__/axe.min.js' ? axe : path.join(DIST, pathname === '/' ? 'index.html' : pathname);
    if (file !== axe && !file.startsWith(DIST + path.sep)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  if (!a || typeof a === 'string') throw new Error('the test server has no port');
  return { url: `http://127.0.0.1:${a.port}/`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const links = (page: Page) => page.locator('.document-list .doc-link');
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');
/** Titles of the document rows actually in the DOM. */
const renderedTitles = (page: Page) => page.evaluate(() => [...document.querySelectorAll('.document-list .doc-link')].map((e) => e.textContent ?? ''));

describe.skipIf(reason !== null)('Sources list with 20,000 survey responses (Chromium)', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  let s: Session;
  beforeAll(async () => {
    server = await serve();
    s = await openApp(server.url);
    await s.page.locator('.app-header').waitFor({ timeout: 60_000 });
    await s.page.addScriptTag({ url: new URL('/__test__/seed.js', server.url).href, type: 'module' });
    await s.page.waitForFunction(() => '__chorusBenchSeed' in window);
    await s.page.evaluate((n) => (window as unknown as { __chorusBenchSeed: { seedSurvey: (n: number, questions: 1 | 2) => Promise<string> } }).__chorusBenchSeed.seedSurvey(n, 1), N);
    await s.page.goto(new URL('#/code', server.url).href);
    await s.page.reload();
  }, 180_000);
  afterAll(async () => {
    await s?.close();
    await server?.close();
  });

  it('lists every response in a virtualised list, filters to one deep in the list and opens it', async () => {
    const { page } = s;
    await page.locator('.document-list__count', { hasText: /^20,000 documents$/ }).waitFor({ timeout: 60_000 });
    await links(page).first().waitFor();
    expect(await links(page).first().textContent()).toBe(title(1));
    const header = page.locator('.source-group__toggle').first();
    expect(await header.getAttribute('aria-expanded')).toBe('true');
    expect(await header.textContent()).toContain('survey · 20,000 documents');
    expect(await links(page).count()).toBeLessThan(200);
    await screenshot(page, 'documents-20k-top');

    const t0 = Date.now();
    await page.locator('#document-filter').fill('017345');
    await links(page).filter({ hasText: title(17_345) }).waitFor();
    const filterMs = Date.now() - t0;
    console.log(`filter 20,000 → 1 (fill → row shown, incl. Playwright round trips): ${filterMs} ms`);
    expect(await links(page).count()).toBe(1);
    expect(await header.textContent()).toContain('1 of 20,000');
    await page.locator('.document-list__count', { hasText: '1 of 20,000 documents match' }).waitFor();
    await links(page).first().click();
    await page.locator('.doc-header__title', { hasText: title(17_345) }).waitFor();
    expect(await links(page).first().getAttribute('aria-current')).toBe('page');
    await screenshot(page, 'documents-20k-filtered');

    // Clearing the filter keeps the open response in view, in its place among all 20,000.
    await page.locator('#document-filter').fill('');
    // (exactly: "1 of 20,000 documents match" also contains "20,000 documents", and is still shown
    // until the cleared filter's render, in which the current row is not yet drawn)
    await page.locator('.document-list__count', { hasText: /^20,000 documents$/ }).waitFor();
    const current = page.locator('.doc-link[aria-current="page"]');
    await current.waitFor();
    expect(await current.textContent()).toBe(title(17_345));
    expect(await current.isVisible()).toBe(true);
    const box = await current.boundingBox();
    const view = await page.locator('.document-list__scroll').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(view!.y);
    expect(box!.y + box!.height).toBeLessThanOrEqual(view!.y + view!.height);
    expect(await links(page).count()).toBeLessThan(200);
    await screenshot(page, 'documents-20k-current-in-view');
    expect(s.errors).toEqual([]);
  });

  it('scrolls through the list rendering only the rows near the view, and collapses and expands the source', async () => {
    const { page } = s;
    const counts: number[] = [];
    for (const f of [0, 0.25, 0.5, 0.9, 1]) {
      await page.locator('.document-list__scroll').evaluate((el, f) => {
        el.scrollTop = f * (el.scrollHeight - el.clientHeight);
      }, f);
      await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))));
      const titles = await renderedTitles(page);
      counts.push(titles.length);
      expect(titles.length).toBeGreaterThan(5);
      const rows = titles.map((t) => Number(t.slice(0, 6)));
      // Rows are consecutive responses near the scrolled fraction.
      expect(rows.every((r, i) => i === 0 || r === rows[i - 1]! + 1)).toBe(true);
      expect(Math.abs(rows[0]! / N - f)).toBeLessThan(0.02);
    }
    expect(Math.max(...counts)).toBeLessThan(200);
    await screenshot(page, 'documents-20k-end');

    // Deep in the list the source's header is pinned at the top; clicking it collapses the source.
    const pinned = page.locator('.source-group__pinned');
    expect(await pinned.textContent()).toContain('Bench survey 20000 source');
    const header = page.locator('.source-group__toggle').first();
    await pinned.getByRole('button', { includeHidden: true }).click();
    await expect.poll(() => header.getAttribute('aria-expanded')).toBe('false');
    expect(await pinned.count()).toBe(0);
    expect(await links(page).count()).toBe(0);
    await screenshot(page, 'documents-20k-collapsed');
    await header.click();
    expect(await header.getAttribute('aria-expanded')).toBe('true');
    await links(page).first().waitFor();
    expect(await links(page).first().textContent()).toBe(title(1));
  });

  it('is one tab stop, moved by the arrow keys, Home and End; Enter opens, Space toggles', async () => {
    const { page } = s;
    await page.locator('#document-filter').focus();
    await page.keyboard.press('Tab');
    // The tab stop is the open document (response 17,345) when it is in view, else the first row shown.
    expect(await page.evaluate(() => document.activeElement?.closest('.document-list__rows') !== null)).toBe(true);
    await page.keyboard.press('Home');
    expect(await focusedText(page)).toContain('survey · 20,000 documents');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focusedText(page)).toBe(title(3));
    await page.keyboard.press('ArrowUp');
    expect(await focusedText(page)).toBe(title(2));
    await page.keyboard.press('End');
    await expect.poll(() => focusedText(page)).toBe(title(N));
    await page.keyboard.press('PageUp');
    await expect.poll(() => focusedText(page)).toMatch(/^0199\d\d – /);
    await page.keyboard.press('End');
    await expect.poll(() => focusedText(page)).toBe(title(N));
    await page.keyboard.press('Enter');
    await page.locator('.doc-header__title', { hasText: title(N) }).waitFor();
    expect(await page.locator('.doc-link[aria-current="page"]').textContent()).toBe(title(N));
    expect(await page.locator('.document-list .doc-link[tabindex="0"]').textContent()).toBe(title(N));
    await screenshot(page, 'documents-20k-keyboard');
    expect(await links(page).count()).toBeLessThan(200);

    // Back to the top; Space on the source header collapses it, ArrowRight expands it again.
    await page.locator('.doc-link[aria-current="page"]').focus();
    await page.keyboard.press('ArrowLeft'); // to the source header, 20,000 rows up
    await expect.poll(() => focusedText(page)).toContain('survey · 20,000 documents');
    // (the toggle's re-render is awaited: a key's update need not be painted when press() returns)
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('.source-group__toggle').first().getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('.source-group__toggle').first().getAttribute('aria-expanded')).toBe('true');

    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
