import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, isAllowedRequest, isTrustedSender, resolveAppPath } from '../../../electron/main/guards';

const root = path.resolve('/srv/chorus/dist/renderer');
const inside = (p: string | null): boolean => p !== null && p.startsWith(root + path.sep);

describe('resolveAppPath', () => {
  it('maps app://chorus/ URLs onto files under the root', () => {
    expect(resolveAppPath(root, 'app://chorus/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://chorus/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://chorus/assets/main-1a2b.js?v=3#top')).toBe(path.join(root, 'assets', 'main-1a2b.js'));
    expect(resolveAppPath(root, 'app://chorus/assets/My%20Font.woff2')).toBe(path.join(root, 'assets', 'My Font.woff2'));
  });

  it('refuses other origins and schemes', () => {
    for (const url of [
      'file:///etc/passwd',
      'https://chorus/index.html',
      'app://evil/index.html',
      'app://chorus.evil/index.html',
      'app://chorus@evil/index.html',
      'app://user:pw@chorus/index.html',
      'app://chorus:8080/index.html',
      'not a url',
      '',
    ]) {
      expect(resolveAppPath(root, url), url).toBeNull();
    }
  });

  it('refuses encoded traversal, backslashes, NULs, drive letters and bad escapes', () => {
    for (const url of [
      'app://chorus/a%2f..%2f..%2f..%2fetc%2fpasswd',
      'app://chorus/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'app://chorus/..%2f..%2fsecret',
      'app://chorus/..%5c..%5csecret',
      'app://chorus/assets%5c..%5c..%5csecret',
      'app://chorus/index.html%00.png',
      'app://chorus/%00',
      'app://chorus/C:/Windows/win.ini',
      'app://chorus/C%3a%5cWindows%5cwin.ini',
      'app://chorus/%E0%A4%A',
      'app://chorus/%',
    ]) {
      expect(resolveAppPath(root, url), url).toBeNull();
    }
  });

  it('keeps dot-segments the URL parser normalises inside the root', () => {
    // The WHATWG parser folds ../ and %2e%2e/ before we see the path, so these cannot climb out.
    for (const url of ['app://chorus/../../../etc/passwd', 'app://chorus/%2e%2e/%2e%2e/etc/passwd', 'app://chorus/.%2E/.%2e/etc/passwd']) {
      expect(resolveAppPath(root, url), url).toBe(path.join(root, 'etc', 'passwd'));
    }
  });

  it('never resolves outside the root, whatever follows app://chorus/ (property)', () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2E.', '..%2f', '..%5c', '%00', '%2f', '%5c', '', 'C:', '~'),
      fc.string({ maxLength: 6 }),
      fc.string({ maxLength: 6 }).map(encodeURIComponent),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const result = resolveAppPath(root, `app://chorus/${segments.join('/')}`);
        expect(result === null || inside(result)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('isAllowedRequest', () => {
  it('allows only the app itself, DevTools, data: and the app’s own blobs', () => {
    const allowed = [
      'app://chorus/index.html',
      'app://chorus/assets/worker.js',
      'devtools://devtools/bundled/inspector.html',
      'data:image/png;base64,iVBORw0KGgo=',
      'blob:app://chorus/0b6f8c2e-9a0e-4a47-8d7e-1f0c6f5b1a2b',
    ];
    const refused = [
      'https://example.com/',
      'http://127.0.0.1:5317/',
      'ws://localhost:5173/',
      'wss://example.com/socket',
      'file:///etc/passwd',
      'ftp://example.com/x',
      'app://other/index.html',
      'app://chorus@evil/x',
      'blob:https://example.com/0b6f8c2e',
      'chrome-extension://abc/x.js',
      'javascript:alert(1)',
      'garbage',
    ];
    for (const url of allowed) expect(isAllowedRequest(url), url).toBe(true);
    for (const url of refused) expect(isAllowedRequest(url), url).toBe(false);
  });

  it('refuses every web URL (property)', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['http', 'https', 'ws', 'wss', 'ftp'] }), (url) => {
        expect(isAllowedRequest(url)).toBe(false);
        expect(isAllowedNavigation(url)).toBe(false);
      }),
    );
  });
});

describe('isAllowedNavigation', () => {
  it('allows navigation only within app://chorus/', () => {
    expect(isAllowedNavigation('app://chorus/index.html')).toBe(true);
    expect(isAllowedNavigation('app://chorus/index.html#/coding')).toBe(true);
    for (const url of ['https://example.com', 'file:///C:/x.html', 'devtools://devtools/x', 'data:text/html,<p>x', 'app://evil/', 'about:blank']) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });
});

describe('isTrustedSender', () => {
  it('trusts only frames served from app://chorus/', () => {
    expect(isTrustedSender('app://chorus/index.html')).toBe(true);
    for (const url of [null, undefined, '', 'about:blank', 'https://chorus/', 'app://chorus.evil/', 'app://evil/?app://chorus/', 'data:text/html,x', 'file:///index.html']) {
      expect(isTrustedSender(url), String(url)).toBe(false);
    }
  });
});
