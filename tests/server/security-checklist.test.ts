// The Electron security checklist and the browser mode's defences, asserted against the real code.
// What tests/electron and tests/server already cover (the main webPreferences, window.open denied,
// navigation prevented, IPC sender checks, token/Host/Origin refusals, a few bad arguments) is not
// repeated; this file covers the rest: every contents hardened through app-wide hooks, the
// remaining webPreferences, permission checks and device requests, the CSP as a whole on every
// kind of response, a schema for every API method refusing a bad argument before the service runs,
// and cross-site requests that carry the token.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const appEvents = new Map<string, (...a: unknown[]) => void>();
const appCalls: string[] = [];
vi.mock('electron', () => ({
  app: {
    setName: () => appCalls.push('setName'),
    enableSandbox: () => appCalls.push('enableSandbox'),
    requestSingleInstanceLock: () => true,
    on: (name: string, listener: (...a: unknown[]) => void) => void appEvents.set(name, listener),
    // Never ready: the test looks at what is set up before any window exists.
    whenReady: () => new Promise(() => {}),
    quit: () => {},
  },
  protocol: { registerSchemesAsPrivileged: () => appCalls.push('registerSchemesAsPrivileged') },
  BrowserWindow: class {},
  dialog: {},
  ipcMain: {},
  Menu: {},
  session: {},
}));

const { CONTENT_SECURITY_POLICY } = await import('../../server/security-headers.ts');
const { serveAppRequest } = await import('../../electron/protocol.ts');
const { applySessionPolicy } = await import('../../electron/session-policy.ts');
const { windowOptions, APP_URL } = await import('../../electron/window.ts');
const { API_METHODS, contract, isApiMethod } = await import('../../service/contract/index.ts');
const { callMethod } = await import('../../service/contract/call.ts');
const { Workspace } = await import('../../service/workspace.ts');
const { startBrowserServer } = await import('../../server/browser-server.ts');
const { toWire, fromWire } = await import('../../service/contract/wire.ts');

const ROOT = resolve(import.meta.dirname, '../..');

/** The policy as directive -> sources. */
function parseCsp(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  );
}

function expectStrictPolicy(csp: string | null | undefined, where: string): void {
  expect(csp, where).toBeTruthy();
  const policy = parseCsp(csp!);
  expect(policy.get('script-src'), where).toEqual(["'self'"]);
  expect(policy.get('default-src'), where).toEqual(["'self'"]);
  expect(policy.get('object-src'), where).toEqual(["'none'"]);
  for (const [name, sources] of policy) {
    expect(sources, `${where}: ${name}`).not.toContain("'unsafe-eval'");
    expect(sources, `${where}: ${name}`).not.toContain("'wasm-unsafe-eval'");
    // Nothing from elsewhere: no wildcard, no scheme or host source other than data: and blob:.
    for (const s of sources) expect(s, `${where}: ${name}`).toMatch(/^('[a-z-]+'|data:|blob:)$/);
  }
}

describe('Electron: what every page and window gets', () => {
  it('loads the main process with the renderer sandbox enabled app-wide and hooks every new contents', async () => {
    await import('../../electron/main.ts');
    expect(appCalls).toContain('enableSandbox');
    const created = appEvents.get('web-contents-created');
    expect(created).toBeTypeOf('function');

    // Any contents ever created (a devtools page, a future second window) gets the same rules.
    const listeners = new Map<string, Array<(e: { url: string; preventDefault(): void }) => void>>();
    let openHandler: ((d: { url: string }) => { action: string }) | null = null;
    const contents = {
      setWindowOpenHandler: (h: typeof openHandler) => void (openHandler = h),
      on: (name: string, l: (e: { url: string; preventDefault(): void }) => void) => void listeners.set(name, [...(listeners.get(name) ?? []), l]),
    };
    created!({}, contents);
    expect(openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    const prevented = (name: string, url: string) => {
      let stopped = false;
      for (const l of listeners.get(name) ?? []) l({ url, preventDefault: () => (stopped = true) });
      return stopped;
    };
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(prevented('will-attach-webview', APP_URL)).toBe(true);
  });

  it('turns off the remaining risky webPreferences', () => {
    const prefs = windowOptions('/p.cjs').webPreferences!;
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    // Absent would mean Electron's default, which is safe, but the app states each one.
    for (const key of ['webSecurity', 'allowRunningInsecureContent', 'experimentalFeatures', 'contextIsolation', 'sandbox'] as const) {
      expect(prefs, key).toHaveProperty(key);
    }
    expect(prefs.webSecurity).not.toBe(false);
    expect(prefs.allowRunningInsecureContent).not.toBe(true);
  });

  it('answers permission checks and device requests with no, whatever the origin', () => {
    const handlers: Record<string, (...a: never[]) => unknown> = {};
    applySessionPolicy({
      setPermissionRequestHandler: (h: never) => (handlers.request = h),
      setPermissionCheckHandler: (h: never) => (handlers.check = h),
      setDevicePermissionHandler: (h: never) => (handlers.device = h),
      webRequest: { onBeforeRequest: () => {}, onHeadersReceived: () => {} },
    } as never);
    const check = handlers.check as (c: unknown, permission: string, origin: string) => boolean;
    for (const p of ['media', 'geolocation', 'notifications', 'midi', 'hid', 'serial', 'usb', 'clipboard-read']) {
      expect(check(null, p, 'app://tresse'), p).toBe(false);
    }
    expect(check(null, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
    expect((handlers.device as (d: unknown) => boolean)({ deviceType: 'usb', origin: 'app://tresse' })).toBe(false);
    // A request from a page that is not the app's is refused even for the one permission allowed.
    const answers: boolean[] = [];
    const request = handlers.request as (c: unknown, p: string, cb: (ok: boolean) => void, d: { requestingUrl?: string }) => void;
    request({ getURL: () => 'https://evil.example/' }, 'clipboard-sanitized-write', (ok) => answers.push(ok), { requestingUrl: 'https://evil.example/' });
    request({ getURL: () => APP_URL }, 'notifications', (ok) => answers.push(ok), { requestingUrl: APP_URL });
    expect(answers).toEqual([false, false]);
  });
});

describe('Content-Security-Policy', () => {
  it('allows scripts from the app only, never evaluated or inline, in the shared policy', () => {
    expectStrictPolicy(CONTENT_SECURITY_POLICY, 'security-headers.ts');
    expect(parseCsp(CONTENT_SECURITY_POLICY).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('the page itself carries no inline script and a policy as strict for scripts', () => {
    const html = readFileSync(join(ROOT, 'renderer', 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc=/);
      expect(body!.trim()).toBe('');
    }
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(parseCsp(meta!).get('script-src')).toEqual(["'self'"]);
    expect(meta).not.toContain('unsafe-eval');
  });

  it('is sent by the app:// protocol with pages, assets and refusals alike', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'tresse-csp-'));
    try {
      mkdirSync(join(dist, 'assets'));
      writeFileSync(join(dist, 'index.html'), '<!doctype html>');
      writeFileSync(join(dist, 'assets', 'app.js'), '');
      for (const url of ['app://tresse/index.html', 'app://tresse/assets/app.js', 'app://tresse/missing.js']) {
        const r = await serveAppRequest(new Request(url), dist);
        expectStrictPolicy(r.headers.get('content-security-policy'), url);
      }
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('every API method is guarded by a schema', () => {
  let dir: string;
  let ws: InstanceType<typeof Workspace>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tresse-schemas-'));
    ws = new Workspace({ configDir: join(dir, 'config'), lang: 'fr', autoBackup: false });
  });
  afterAll(() => {
    ws.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes only the contract’s own methods by name, nothing inherited from Object', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(isApiMethod(name), name).toBe(false);
      const r = await callMethod(name, {}, { ws, hooks: { shell: 'browser' } });
      expect(r, name).toMatchObject({ ok: false, error: { code: 'api.unknownMethod' } });
    }
    expect(API_METHODS.length).toBeGreaterThan(70);
  });

  it('refuses a bad argument to every method before its handler runs', async () => {
    const runs = API_METHODS.map((m) => vi.spyOn(contract[m] as unknown as { run: () => unknown }, 'run'));
    try {
      for (const method of API_METHODS) {
        for (const bad of [{ '¤unexpected': true }, 'x', 42, [1]]) {
          const result = await callMethod(method, bad, { ws, hooks: { shell: 'browser' } });
          expect(result, `${method} ${JSON.stringify(bad)}`).toMatchObject({ ok: false, error: { code: 'value.invalid' } });
        }
      }
      for (const [i, run] of runs.entries()) expect(run, API_METHODS[i]).not.toHaveBeenCalled();
    } finally {
      for (const run of runs) run.mockRestore();
    }
  });

  it('names backups by file name only: no path reaches the restore', async () => {
    const reached: unknown[] = [];
    const run = vi.spyOn(contract.restoreBackup, 'run').mockImplementation((a: unknown) => void reached.push(a) as never);
    const ctx = { ws, hooks: { shell: 'browser' as const } };
    try {
      for (const file of ['../autre.tresse', '/etc/passwd', 'C:\\\\autre.tresse', 'sub/etude.tresse', '.tresse', 'etude.sqlite']) {
        expect(await callMethod('restoreBackup', { file }, ctx), file).toMatchObject({ ok: false, error: { code: 'value.invalid' } });
      }
      expect(reached).toEqual([]);
      expect(await callMethod('restoreBackup', { file: 'etude-2026-11-23T09-30-00-000Z.tresse' }, ctx)).toMatchObject({ ok: true });
      expect(reached).toEqual([{ file: 'etude-2026-11-23T09-30-00-000Z.tresse' }]);
    } finally {
      run.mockRestore();
    }
  });
});

describe('browser mode: requests that carry the token but not the page’s intent', () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof startBrowserServer>>;
  let host: string;

  const post = (path: string, headers: Record<string, string>, body = toWire({ arg: { name: 'Intrus' } })) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((ok, fail) => {
      const req = request({ host: '127.0.0.1', port: server.port, method: 'POST', path, headers: { Host: host, ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', fail);
      req.end(body);
    });
  const cases = async () => {
    const r = await post('/api/listCases', { 'Content-Type': 'application/json', 'X-Tresse-Token': server.token }, toWire({}));
    return (fromWire(r.body) as { value: Array<{ name: string }> }).value.map((c) => c.name);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tresse-checklist-'));
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html>');
    server = await startBrowserServer({ port: 0, configDir: join(dir, 'config'), staticDir: join(dir, 'dist'), lang: 'fr' });
    server.workspace.create(join(dir, 'etude.tresse'), { grid: 'empty', coder: 'Test' });
    host = `127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a call a browser marks as cross-site, even with the token', async () => {
    for (const site of ['cross-site', 'same-site', 'none']) {
      const r = await post('/api/createCase', { 'Content-Type': 'application/json', 'X-Tresse-Token': server.token, 'Sec-Fetch-Site': site });
      expect(r.status, site).toBe(403);
    }
    expect(await cases()).not.toContain('Intrus');
  });

  it('refuses the bodies an HTML form can send (no JSON content type), so no form posts to the API', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const r = await post('/api/createCase', { 'Content-Type': type, 'X-Tresse-Token': server.token });
      expect(r.status, type).toBe(415);
    }
    expect(await cases()).not.toContain('Intrus');
  });

  it('takes the token from its header only: not from the address nor from a cookie', async () => {
    const inQuery = await post(`/api/createCase?token=${server.token}`, { 'Content-Type': 'application/json' });
    expect(inQuery.status).toBe(401);
    const inCookie = await post('/api/createCase', { 'Content-Type': 'application/json', Cookie: `token=${server.token}` });
    expect(inCookie.status).toBe(401);
    expect(await cases()).not.toContain('Intrus');
  });

  it('sends the strict policy with the page, API answers and refusals', async () => {
    const answers = [
      await post('/api/listCases', { 'Content-Type': 'application/json', 'X-Tresse-Token': server.token }, toWire({})),
      await post('/api/listCases', { 'Content-Type': 'application/json' }),
      await post('/api/listCases', { Host: `evil.example:${server.port}` }),
    ];
    for (const r of answers) expectStrictPolicy(r.headers['content-security-policy'] as string, `status ${r.status}`);
    expect(answers.map((r) => r.status)).toEqual([200, 401, 403]);
  });
});
