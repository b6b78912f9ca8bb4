import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));
const { serveAppRequest } = await import('../../electron/protocol.ts');
const { applySessionPolicy, isAllowedRequest, permissionAllowed } = await import('../../electron/session-policy.ts');

describe('app:// protocol', () => {
  let dir: string;
  let dist: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tresse-proto-'));
    dist = join(dir, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Tresse</title>');
    writeFileSync(join(dist, 'assets', 'style.css'), 'body{}');
    writeFileSync(join(dir, 'private.txt'), 'secret');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves the page with its CSP and assets with their type', async () => {
    const page = await serveAppRequest(new Request('app://tresse/index.html'), dist);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<title>Tresse</title>');
    const css = await serveAppRequest(new Request('app://tresse/assets/style.css'), dist);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('serves nothing outside dist/ nor for another host', async () => {
    for (const url of ['app://tresse/%2e%2e/private.txt', 'app://tresse/assets/..%2f..%2fprivate.txt', 'app://other/index.html']) {
      const r = await serveAppRequest(new Request(url), dist);
      expect(r.status, url).toBe(404);
      expect(await r.text()).not.toContain('secret');
    }
  });
});

describe('session policy', () => {
  it('lets the page load only its own files', () => {
    expect(isAllowedRequest('app://tresse/assets/app.js')).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequest('https://cdn.example.org/lib.js')).toBe(false);
    expect(isAllowedRequest('http://127.0.0.1:8080/')).toBe(false);
    expect(isAllowedRequest('file:///etc/passwd')).toBe(false);
    expect(isAllowedRequest('app://elsewhere/x.js')).toBe(false);
  });

  it('refuses every permission except clipboard writing by the app page', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'fullscreen']) {
      expect(permissionAllowed(p, 'app://tresse')).toBe(false);
    }
    expect(permissionAllowed('clipboard-sanitized-write', 'app://tresse')).toBe(true);
    expect(permissionAllowed('clipboard-sanitized-write', 'https://evil.example')).toBe(false);
  });

  it('installs the handlers on the session', () => {
    const handlers: Record<string, (...a: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: never) => (handlers.request = h),
      setPermissionCheckHandler: (h: never) => (handlers.check = h),
      setDevicePermissionHandler: (h: never) => (handlers.device = h),
      webRequest: {
        onBeforeRequest: (h: never) => (handlers.before = h),
        onHeadersReceived: (h: never) => (handlers.headers = h),
      },
    };
    applySessionPolicy(session as never);
    const decisions: boolean[] = [];
    const request = handlers.request as (c: unknown, p: string, cb: (ok: boolean) => void, d: { requestingUrl?: string }) => void;
    request({ getURL: () => 'app://tresse/index.html' }, 'media', (ok) => decisions.push(ok), { requestingUrl: 'app://tresse/index.html' });
    expect(decisions).toEqual([false]);
    const cancelled: boolean[] = [];
    const before = handlers.before as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void;
    before({ url: 'https://tracker.example/pixel.gif' }, (r) => cancelled.push(r.cancel));
    before({ url: 'app://tresse/index.html' }, (r) => cancelled.push(r.cancel));
    expect(cancelled).toEqual([true, false]);
    const headers = handlers.headers as (
      d: { responseHeaders: Record<string, string[]> },
      cb: (r: { responseHeaders: Record<string, string[]> }) => void,
    ) => void;
    let csp: string[] | undefined;
    headers({ responseHeaders: {} }, (r) => (csp = r.responseHeaders['Content-Security-Policy']));
    expect(csp?.[0]).toContain("default-src 'self'");
  });
});
