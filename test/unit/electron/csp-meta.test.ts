import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../vite.config';
import { CONTENT_SECURITY_POLICY } from '../../../shared/ipc/csp';

const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
type Handler = (html: string, ctx: { server?: unknown }) => string;
const handler = (contentSecurityPolicy().transformIndexHtml as { handler: Handler }).handler;
const metaPolicy = (out: string) => /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(out)![1]!;

describe('Content-Security-Policy in index.html', () => {
  it('is exactly the app policy in builds (less frame-ancestors, which <meta> cannot carry)', () => {
    const policy = metaPolicy(handler(html, {}));
    expect(policy).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
    expect(policy).not.toMatch(/https?:|ws:/);
  });

  it('adds only the loopback websocket for the dev server', () => {
    const policy = metaPolicy(handler(html, { server: {} }));
    expect(policy).toContain("connect-src 'self' ws://127.0.0.1:*");
    expect(policy).not.toMatch(/https?:/);
  });
});
