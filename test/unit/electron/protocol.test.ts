import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../shared/ipc/csp';
import { APP_SCHEME_PRIVILEGES, createAppRequestHandler, mimeTypeFor } from '../../../electron/main/protocol';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'chorus-protocol-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Chorus</title>');
  await writeFile(path.join(root, 'assets', 'main.js'), 'console.log(1)');
  await writeFile(path.join(base, 'secret.txt'), 'outside the root');
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('app:// protocol handler', () => {
  it('serves files under the root with their type and the CSP header', async () => {
    const handle = createAppRequestHandler(root);
    const page = await handle(new Request('app://chorus/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Chorus</title>');
    const script = await handle(new Request('app://chorus/assets/main.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('answers 404 for missing files, folders and escapes from the root', async () => {
    const handle = createAppRequestHandler(root);
    for (const url of ['app://chorus/missing.js', 'app://chorus/assets', 'app://chorus/..%2fsecret.txt', 'app://chorus/..%5csecret.txt', 'app://other/index.html']) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).not.toContain('outside the root');
    }
  });

  it('refuses methods other than GET and HEAD, and HEAD has no body', async () => {
    const handle = createAppRequestHandler(root);
    expect((await handle(new Request('app://chorus/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    const head = await handle(new Request('app://chorus/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers 500 without detail when reading fails for another reason', async () => {
    const handle = createAppRequestHandler(root, () => Promise.reject(Object.assign(new Error('EIO: i/o error, read /secret/path'), { code: 'EIO' })));
    const response = await handle(new Request('app://chorus/index.html'));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('/secret/path');
  });

  it('registers app as a standard, secure scheme that does not bypass CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true, bypassCSP: false, allowServiceWorkers: false } });
    expect(mimeTypeFor('x.WASM')).toBe('application/wasm');
    expect(mimeTypeFor('x.exe')).toBe('application/octet-stream');
  });
});

describe('Content-Security-Policy', () => {
  it('names no remote origin and denies by default', () => {
    expect(CONTENT_SECURITY_POLICY.startsWith("default-src 'none'")).toBe(true);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/);
    for (const directive of ["script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'", "form-action 'none'", "base-uri 'none'", "worker-src 'self' blob:"]) {
      expect(CONTENT_SECURITY_POLICY).toContain(directive);
    }
  });
});
