// Smoke test of the desktop app as users get it: the BUILT main process (dist-electron/main.cjs)
// runs under Node in a child process with a stand-in 'electron' module (stand-in-electron.cjs),
// and the test plays the page's part against what the app registered: the window and its rules,
// the session policy, the app:// protocol serving the built page, the IPC handler behind every
// API method, the BUILT preload, and a project created and coded in a real SQLite file.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../server/security-headers.ts';
import type { ApiResult } from '../../service/contract/index.ts';
import { API_METHODS, contract } from '../../service/contract/index.ts';
import { makePdf, PDF_PAGES } from '../fixtures/import/make.ts';
import { CALL_CHANNEL } from '../../service/contract/bridge.ts';

const repo = join(import.meta.dirname, '..', '..');
const BUILT = {
  page: join(repo, 'dist', 'index.html'),
  main: join(repo, 'dist-electron', 'main.cjs'),
  worker: join(repo, 'dist-electron', 'import-worker.cjs'),
  preload: join(repo, 'dist-electron', 'preload.cjs'),
};
const STAND_IN = join(import.meta.dirname, 'stand-in-electron.cjs');
// Records the worker threads the app starts (TRESSE_WORKER_LOG): imports parse in the bundle's own.
const WORKER_RECORDER = join(import.meta.dirname, '..', 'helpers', 'worker-recorder.cjs');
// The Node build npm made: the stand-in runs the bundle under Node, not Electron.
const NODE_BINDING = join(repo, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const APP_URL = 'app://tresse/index.html';

interface Recorded {
  appName: string | null;
  sandboxEnabled: boolean;
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[];
  windows: { options: { webPreferences: Record<string, unknown> } & Record<string, unknown>; loaded: string[] }[];
  menus: MenuItemConstructorOptions[][];
  ipcChannels: string[];
  protocolSchemes: string[];
  errorBoxes: string[];
  exits: (number | string)[];
}

interface StandIn {
  call<T>(op: string, params?: Record<string, unknown>): Promise<T>;
  ipc<T = unknown>(method: string, arg?: unknown, frameUrl?: string): Promise<ApiResult<T>>;
  quit(): Promise<void>;
}

const homes: string[] = [];
const launched: StandIn[] = [];
afterAll(async () => {
  for (const s of launched) await s.quit();
  for (const h of homes) rmSync(h, { recursive: true, force: true });
});

function requireBuild(): void {
  const missing = Object.values(BUILT).filter((p) => !existsSync(p));
  if (missing.length > 0) {
    throw new Error(`This test loads the built app and ${missing.map((p) => relative(repo, p)).join(', ')} is missing: run \`npm run build\` first.`);
  }
}

/** Starts `mainCjs` under Node with the stand-in, in a fresh settings folder. */
function launch(mainCjs: string): StandIn {
  const home = mkdtempSync(join(tmpdir(), 'tresse-smoke-'));
  homes.push(home);
  const child = spawn(process.execPath, ['--require', STAND_IN, '--require', WORKER_RECORDER, mainCjs], {
    cwd: home,
    env: { ...process.env, STAND_IN_HOME: home, TRESSE_NATIVE_BINDING: NODE_BINDING, TRESSE_WORKER_LOG: join(home, 'workers.log') },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextId = 0;
  let exited = false;
  const closed = new Promise<void>((resolve) =>
    child.on('exit', (code) => {
      exited = true;
      for (const p of pending.values()) p.reject(new Error(`The built main process stopped (exit code ${code}):\n${output}`));
      pending.clear();
      resolve();
    }),
  );
  child.on('message', (m: { id: number; value?: unknown; error?: string }) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.error !== undefined) p?.reject(new Error(`${m.error}\n--- main process output ---\n${output}`));
    else p?.resolve(m.value);
  });
  const call = <T>(op: string, params: Record<string, unknown> = {}) =>
    new Promise<T>((resolve, reject) => {
      if (exited) return reject(new Error(`The built main process has stopped:\n${output}`));
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, op, ...params });
    });
  const standIn: StandIn = {
    call,
    ipc: (method, arg, frameUrl) => call('ipc', { channel: CALL_CHANNEL, method, arg, frameUrl }),
    quit: async () => {
      if (!exited) await call('quit').catch(() => undefined);
      await closed;
    },
  };
  launched.push(standIn);
  return standIn;
}

/** Every item of a menu template, submenus included. */
function allItems(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? allItems(i.submenu) : [])]);
}

function value<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

describe('the built desktop app (production build)', () => {
  let app: StandIn;
  let recorded: Recorded;

  beforeAll(async () => {
    requireBuild();
    app = launch(BUILT.main);
    recorded = await app.call<Recorded>('started');
  });

  it('starts without an error, sandboxed, with the app:// scheme privileged', () => {
    expect(recorded.errorBoxes).toEqual([]);
    expect(recorded.exits).toEqual([]);
    expect(recorded.appName).toBe('Tresse');
    expect(recorded.sandboxEnabled).toBe(true);
    expect(recorded.privilegedSchemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
  });

  it('opens the demo project on the very first start, built from demo/ beside the bundle', async () => {
    const session = value(await app.ipc<{ project: { path: string } | null; shell: string }>('getSession'));
    expect(session.shell).toBe('desktop');
    expect(session.project?.path).toBe(join(homes[0]!, 'userData', 'demo.tresse'));
    const sources = value(await app.ipc<unknown[]>('listSources'));
    expect(sources.length).toBeGreaterThan(0);
  });

  it('opens one window, hardened, without developer tools, on the app page and the built preload', () => {
    expect(recorded.windows).toHaveLength(1);
    const { options, loaded } = recorded.windows[0]!;
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
      preload: BUILT.preload,
    });
    expect(loaded).toEqual([APP_URL]);
  });

  it('denies window.open, refuses navigation away and swallows the developer-tools keys, in any contents', async () => {
    for (const which of ['window', 'created later']) {
      expect(await app.call('openWindow', { which, url: 'https://example.org/' })).toEqual({ action: 'deny' });
      expect(await app.call('navigate', { which, event: 'will-navigate', url: 'https://evil.example/' })).toBe(true);
      expect(await app.call('navigate', { which, event: 'will-redirect', url: 'file:///etc/passwd' })).toBe(true);
      expect(await app.call('navigate', { which, event: 'will-navigate', url: `${APP_URL}#/sources` })).toBe(false);
      const f12 = { type: 'keyDown', key: 'F12', code: 'F12', control: false, shift: false, alt: false, meta: false };
      expect(await app.call('key', { which, input: f12 })).toBe(true);
      expect(await app.call('key', { which, input: { ...f12, key: 'I', code: 'KeyI', control: true, shift: true } })).toBe(true);
      expect(await app.call('key', { which, input: { ...f12, key: 'a', code: 'KeyA' } })).toBe(false);
      expect(await app.call('devToolsOpened', { which })).toBe(1);
    }
  });

  it('has a French menu with no reload or developer-tools item', () => {
    const menu = recorded.menus.at(-1)!;
    expect(menu.map((i) => i.label)).toEqual(['Fichier', 'Édition', 'Affichage', 'Aide']);
    const roles = allItems(menu).map((i) => i.role);
    expect(roles).toContain('quit');
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
  });

  it('lets the page reach only its own files and grants no permission but the clipboard', async () => {
    expect(await app.call('request', { url: 'https://example.org/tracker.js' })).toBe(true);
    expect(await app.call('request', { url: 'file:///etc/passwd' })).toBe(true);
    expect(await app.call('request', { url: `${APP_URL}` })).toBe(false);
    expect(await app.call('permission', { permission: 'media', origin: 'app://tresse' })).toBe(false);
    expect(await app.call('permission', { permission: 'clipboard-sanitized-write', origin: 'app://tresse' })).toBe(true);
    expect(await app.call('permission', { permission: 'clipboard-sanitized-write', origin: 'https://example.org' })).toBe(false);
    expect(await app.call('permissionRequest', { permission: 'geolocation', url: APP_URL })).toBe(false);
    expect(await app.call('device')).toBe(false);
    const headers = await app.call<Record<string, string[]>>('responseHeaders', { url: APP_URL, headers: {} });
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });

  it('serves the built page through app:// with its strict CSP, and nothing outside dist/', async () => {
    expect(recorded.protocolSchemes).toEqual(['app']);
    type Served = { status: number; headers: Record<string, string>; body: string };
    const page = await app.call<Served>('fetch', { url: APP_URL });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(page.body).toBe(readFileSync(BUILT.page, 'utf8'));

    const script = /<script[^>]*\ssrc="(?:\.\/|\/)?([^"]+)"/.exec(page.body)?.[1];
    expect(script, 'the built page loads its script').toBeDefined();
    const js = await app.call<Served>('fetch', { url: `app://tresse/${script}` });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);

    expect((await app.call<Served>('fetch', { url: 'app://tresse/..%2F..%2Fpackage.json' })).status).toBe(404);
    expect((await app.call<Served>('fetch', { url: 'app://elsewhere/index.html' })).status).toBe(404);
  });

  it('answers every API method through the IPC handler, and refuses unknown methods and other pages', async () => {
    expect(recorded.ipcChannels).toEqual([CALL_CHANNEL]);
    // No project open, so the methods that take no argument cannot change anything.
    value(await app.ipc('closeProject'));
    const notServed: string[] = [];
    for (const method of API_METHODS) {
      const r = await app.ipc(method, undefined);
      const takesNoArgument = contract[method].args.safeParse(undefined).success;
      // Without an argument, a method either runs (ok, or the service's own error such as "no
      // project open"), or is stopped by its own argument check, which names it.
      const served = r.ok
        ? takesNoArgument
        : !['api.unknownMethod', 'api.forbidden', 'internal'].includes(r.error.code) &&
          (r.error.code === 'value.invalid' ? !takesNoArgument && new RegExp(`^${method}(\\.|$)`).test(String(r.error.params.field)) : true);
      if (!served) notServed.push(`${method}: ${r.ok ? 'ok' : `${r.error.code} ${r.error.message}`}`);
    }
    expect(notServed).toEqual([]);

    const unknown = await app.ipc('readFile', { path: '/etc/passwd' });
    expect(unknown.ok === false && unknown.error.code).toBe('api.unknownMethod');
    const elsewhere = await app.ipc('getSession', undefined, 'https://evil.example/');
    expect(elsewhere.ok === false && elsewhere.error.code).toBe('api.forbidden');
  });

  it('creates a project and codes a passage through the IPC handler, into a real SQLite file', async () => {
    const folder = join(homes[0]!, 'Mémoire');
    mkdirSync(folder);
    const path = join(folder, 'étude.tresse');
    // The page may only name a file the user picked in the native dialog.
    const typed = await app.ipc('createProject', { path, name: 'Étude CLSM', grid: 'six-themes', coder: 'Camille' });
    expect(typed.ok === false && typed.error.code).toBe('api.pathNotChosen');
    await app.call('dialogAnswer', { path });
    expect(value(await app.ipc('chooseProjectPath', { mode: 'create' }))).toBe(path);
    value(await app.ipc('createProject', { path, name: 'Étude CLSM', grid: 'six-themes', coder: 'Camille' }));
    const transcript =
      'Enquêteur : Comment partagez-vous les informations sur une situation ?\n' +
      'Infirmière : Le secret partagé ne pose aucun problème entre nous, on se connaît bien.\n';
    const imported = value(
      await app.ipc<{ source: { id: number } }>('importSource', {
        fileName: 'entretien-01.txt',
        bytes: new TextEncoder().encode(transcript),
        kind: 'interview',
      }),
    );
    const source = value(await app.ipc<{ text: string }>('getSource', { id: imported.source.id }));
    const passage = 'Le secret partagé ne pose aucun problème';
    const at = source.text.indexOf(passage);
    expect(at).toBeGreaterThan(0);
    const start = [...source.text.slice(0, at)].length;
    const codes = value(await app.ipc<{ id: number; abbrev: string | null }[]>('listCodes'));
    const cl1 = codes.find((c) => c.abbrev === 'CL1')!;
    value(await app.ipc('addCoding', { sourceId: imported.source.id, codeId: cl1.id, start, end: start + [...passage].length }));
    value(await app.ipc('closeProject'));

    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const rows = db
        .prepare(
          `SELECT codes.abbrev, coders.name AS coder, substr(sources.text, codings.start + 1, codings.end - codings.start) AS passage
           FROM codings JOIN codes ON codes.id = codings.code_id JOIN coders ON coders.id = codings.coder_id
           JOIN sources ON sources.id = codings.source_id`,
        )
        .all();
      expect(rows).toEqual([{ abbrev: 'CL1', coder: 'Camille', passage }]);
    } finally {
      db.close();
    }
  });

  it('imports a PDF with pdf.js, which the bundle loads from node_modules at run time, in the import worker', async () => {
    await app.call('dialogAnswer', { path: join(homes[0]!, 'pdf.tresse') });
    value(await app.ipc('chooseProjectPath', { mode: 'create' }));
    value(await app.ipc('createProject', { path: join(homes[0]!, 'pdf.tresse'), grid: 'empty', coder: 'Camille' }));
    const imported = value(await app.ipc<{ source: { id: number } }>('importSource', { fileName: 'rapport.pdf', bytes: await makePdf(), kind: 'document' }));
    const source = value(await app.ipc<{ text: string }>('getSource', { id: imported.source.id }));
    expect(source.text).toContain(PDF_PAGES[1]![1]);
    value(await app.ipc('closeProject'));
    // Parsed in the import worker built beside main.cjs, started once and reused.
    const worker = pathToFileURL(BUILT.worker).href;
    expect(readFileSync(join(homes[0]!, 'workers.log'), 'utf8').trim().split('\n')).toEqual([`started ${worker}`, `ready ${worker}`]);
  });

  it('loads the built preload, which exposes one call function and the shell, and nothing else', async () => {
    const exposed = await app.call<{ keys: string[]; methods: string[]; notFunctions: string[]; shell: { keys: string[]; kind: string } }>('preload', {
      path: BUILT.preload,
    });
    expect(exposed.keys.sort()).toEqual(['tresse', 'tresseShell']);
    expect(exposed.methods).toEqual(['call']);
    expect(exposed.notFunctions).toEqual([]);
    expect({ ...exposed.shell, keys: exposed.shell.keys.sort() }).toEqual({ keys: ['kind', 'onMenu'], kind: 'desktop' });
    // A call from the page goes through the preload to the main process's handler and back.
    const session = await app.call<ApiResult<{ lang: string }>>('bridge', { method: 'getSession' });
    expect(value(session).lang).toBe('fr');
  });
});

describe('the development build (npm start)', () => {
  it('keeps the developer tools: window preference, menu item and keys', async () => {
    requireBuild();
    // Inside the repository so the bundle finds node_modules; not under dist-electron/, which is packaged.
    const outdir = join(repo, 'node_modules', '.cache', 'tresse-smoke-dev-build');
    rmSync(outdir, { recursive: true, force: true });
    try {
      const { buildElectron } = (await import(pathToFileURL(join(repo, 'scripts', 'build-electron.mjs')).href)) as {
        buildElectron(o: { dev: boolean; outdir: string }): Promise<string[]>;
      };
      await buildElectron({ dev: true, outdir });
      const dev = launch(join(outdir, 'main.cjs'));
      const recorded = await dev.call<Recorded>('started');
      expect(recorded.windows[0]!.options.webPreferences.devTools).toBe(true);
      expect(allItems(recorded.menus.at(-1)!).map((i) => i.role)).toContain('toggleDevTools');
      const f12 = { type: 'keyDown', key: 'F12', code: 'F12', control: false, shift: false, alt: false, meta: false };
      expect(await dev.call('key', { which: 'window', input: f12 })).toBe(false);
      await dev.quit();
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
