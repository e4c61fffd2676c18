/**
 * End-to-end harness: serves the built renderer (dist/renderer, from `npx vite build`) on
 * 127.0.0.1 with a tiny static server and drives the system Chromium through playwright-core,
 * each session with a fresh profile (so a fresh IndexedDB).
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM = '/usr/bin/chromium';
export const DIST = path.join(REPO_ROOT, 'dist/renderer');
export const SCREENSHOTS = path.join(REPO_ROOT, 'test/e2e/screenshots');
const AXE = path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js');
/** axe-core is served from the app's own origin, so the app's CSP (script-src 'self') stays on. */
const AXE_URL_PATH = '/__test__/axe.min.js';

/** Why the e2e tests cannot run here, or null when they can. */
export function skipReason(): string | null {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (install the Debian package "chromium")`;
  return null;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

/**
 * Serve `root` on 127.0.0.1 at a free port. Paths outside `root` are refused. `extra` serves
 * test-only scripts (by URL path, e.g. '/__test__/store.js'; a page if the path ends in .html)
 * from the app's own origin, so the app's CSP allows them; the production build has no test hook.
 */
/** `port`: 0 for any free one (a bench that keeps a browser profile serves its origin on the same port again). */
export async function serveStatic(root: string = DIST, extra: Record<string, string> = {}, port = 0): Promise<StaticServer> {
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${root}/index.html is missing: run \`npx vite build\` before the e2e tests`);
  }
  const server: Server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const script = extra[pathname];
    if (script !== undefined) {
      res.writeHead(200, { 'content-type': TYPES[path.extname(pathname)] ?? TYPES['.js']!, 'cache-control': 'no-store' }).end(script);
      return;
    }
    const file = pathname === AXE_URL_PATH ? AXE : path.join(root, pathname === '/' ? 'index.html' : pathname);
    if (file !== AXE && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
  close: () => Promise<void>;
}

/** Launch Chromium with a fresh profile and open `url`. */
export async function openApp(url: string): Promise<Session> {
  const profile = await mkdtemp(path.join(tmpdir(), 'chorus-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return {
    context,
    page,
    errors,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Run axe-core on the page (or only within the elements `include` selects); returns the serious and critical violations. */
export async function seriousA11yViolations(page: Page, include?: string): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: new URL(AXE_URL_PATH, page.url()).href });
  const violations = await page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document | string) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(include ?? document);
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, include);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Select characters [from, to) of an element's text with a real mouse drag (down, move, up),
 * as a user would.
 */
export async function dragSelect(page: Page, selector: string, from: number, to: number): Promise<void> {
  const box = await page.evaluate(
    ({ selector, from, to }) => {
      const el = document.querySelector(selector);
      const node = el?.firstChild;
      if (!node || node.nodeType !== Node.TEXT_NODE) throw new Error(`no text in ${selector}`);
      const rectAt = (i: number) => {
        const r = document.createRange();
        r.setStart(node, i);
        r.setEnd(node, i + 1);
        return r.getBoundingClientRect();
      };
      const a = rectAt(from);
      const b = rectAt(to - 1);
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
    },
    { selector, from, to },
  );
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
}

/**
 * The usual lifecycle for a describe block: one static server for the block, a fresh browser
 * profile per test (closed after it). `open()` starts the app in that test's browser.
 */
export function useApp(extra?: () => Promise<Record<string, string>>): { open: () => Promise<Session> } {
  let server: StaticServer | undefined;
  let session: Session | undefined;
  beforeAll(async () => {
    server = await serveStatic(DIST, extra ? await extra() : {});
  }, 120_000);
  afterAll(async () => server?.close());
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });
  return {
    async open() {
      if (!server) throw new Error('useApp(): the server has not started (call it inside a describe block)');
      session = await openApp(server.url);
      return session;
    },
  };
}
