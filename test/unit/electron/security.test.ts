import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { hardenSession, hardenWebContents } from '../../../electron/main/security';

type Listener = (...args: never[]) => unknown;

function fakeSession() {
  const hooks: { beforeRequest?: Listener; permissionRequest?: Listener; permissionCheck?: Listener } = {};
  const session = {
    webRequest: { onBeforeRequest: (listener: Listener) => void (hooks.beforeRequest = listener) },
    setPermissionRequestHandler: (handler: Listener) => void (hooks.permissionRequest = handler),
    setPermissionCheckHandler: (handler: Listener) => void (hooks.permissionCheck = handler),
  };
  return { session: session as unknown as Session, hooks };
}

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: Listener | undefined;
  const contents = {
    on: (event: string, listener: Listener) => void listeners.set(event, listener),
    setWindowOpenHandler: (handler: Listener) => void (openHandler = handler),
  };
  return { contents: contents as unknown as WebContents, listeners, openHandler: () => openHandler };
}

function navigationEvent(url: string) {
  const event = { url, prevented: false, preventDefault: () => void (event.prevented = true) };
  return event;
}

describe('hardenSession', () => {
  it('cancels every request that is not the app’s own', () => {
    const { session, hooks } = fakeSession();
    hardenSession(session);
    const decide = (url: string): unknown => {
      let answer: unknown;
      (hooks.beforeRequest as (d: { url: string }, cb: (r: unknown) => void) => void)({ url }, (r) => (answer = r));
      return answer;
    };
    expect(decide('https://example.com/track.gif')).toEqual({ cancel: true });
    expect(decide('file:///etc/passwd')).toEqual({ cancel: true });
    expect(decide('app://chorus/assets/main.js')).toEqual({ cancel: false });
  });

  it('refuses every permission request and check', () => {
    const { session, hooks } = fakeSession();
    hardenSession(session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      (hooks.permissionRequest as (c: unknown, p: string, cb: (g: boolean) => void) => void)({}, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
      expect((hooks.permissionCheck as (c: unknown, p: string) => boolean)({}, permission)).toBe(false);
    }
  });
});

describe('hardenWebContents', () => {
  it('blocks navigation, redirects and frame navigation away from the app', () => {
    const { contents, listeners } = fakeContents();
    hardenWebContents(contents);
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const listener = listeners.get(name) as ((e: ReturnType<typeof navigationEvent>) => void) | undefined;
      expect(listener, name).toBeDefined();
      const away = navigationEvent('https://example.com/');
      listener?.(away);
      expect(away.prevented, name).toBe(true);
      const home = navigationEvent('app://chorus/index.html');
      listener?.(home);
      expect(home.prevented, name).toBe(false);
    }
  });

  it('denies window.open and webview attachment', () => {
    const { contents, listeners, openHandler } = fakeContents();
    hardenWebContents(contents);
    expect((openHandler() as (d: { url: string }) => unknown)({ url: 'app://chorus/index.html' })).toEqual({ action: 'deny' });
    expect((openHandler() as (d: { url: string }) => unknown)({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    const attach = navigationEvent('');
    (listeners.get('will-attach-webview') as (e: typeof attach) => void)(attach);
    expect(attach.prevented).toBe(true);
  });
});
