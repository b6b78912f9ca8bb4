import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { handleCall, registerIpc } = await import('../../electron/ipc.ts');
const { Workspace } = await import('../../service/workspace.ts');
const { chosenPathsPolicy } = await import('../../service/path-policy.ts');
const { chooseProjectPath } = await import('../../electron/dialogs.ts');

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

/** An IPC event as Electron builds it: the sending frame and the contents it belongs to. */
function eventFrom(url: string, options: { iframe?: boolean } = {}) {
  const top: FakeFrame = { url: options.iframe ? 'app://tresse/index.html' : url, parent: null };
  const frame: FakeFrame = options.iframe ? { url, parent: top } : top;
  return { senderFrame: frame, sender: { mainFrame: top } } as never;
}

describe('IPC entry point', () => {
  let dir: string;
  let ws: InstanceType<typeof Workspace>;
  let deps: Parameters<typeof handleCall>[3];
  let sessionChanges = 0;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tresse-ipc-'));
    ws = new Workspace({ configDir: join(dir, 'config'), lang: 'fr' });
    ws.create(join(dir, 'projet.tresse'), { grid: 'empty', coder: 'Test' });
    deps = { ctx: { ws, hooks: { shell: 'desktop' } }, paths: chosenPathsPolicy(), onSessionChange: () => sessionChanges++ };
  });

  afterAll(() => {
    ws.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers one handler, on tresse:call', () => {
    const channels: string[] = [];
    registerIpc({ handle: (channel: string) => void channels.push(channel) } as never, deps);
    expect(channels).toEqual(['tresse:call']);
  });

  it('dispatches a call from the app page', async () => {
    const made = await handleCall(eventFrom('app://tresse/index.html'), 'createCase', { name: 'Assistante sociale' }, deps);
    expect(made).toMatchObject({ ok: true, value: { name: 'Assistante sociale' } });
    const listed = await handleCall(eventFrom('app://tresse/index.html#/cases'), 'listCases', undefined, deps);
    expect(listed.ok && (listed.value as Array<{ name: string }>).map((c) => c.name)).toContain('Assistante sociale');
  });

  it('refuses calls from another page or from a frame inside the app page', async () => {
    for (const event of [
      eventFrom('https://evil.example/'),
      eventFrom('file:///tmp/page.html'),
      eventFrom('app://tresse/index.html', { iframe: true }),
      { senderFrame: null, sender: { mainFrame: null } } as never,
    ]) {
      const r = await handleCall(event, 'createCase', { name: 'Intrus' }, deps);
      expect(r).toMatchObject({ ok: false, error: { code: 'api.forbidden' } });
    }
    const listed = await handleCall(eventFrom('app://tresse/index.html'), 'listCases', undefined, deps);
    expect(listed.ok && (listed.value as Array<{ name: string }>).map((c) => c.name)).not.toContain('Intrus');
  });

  it('validates arguments against the schemas before running anything', async () => {
    const bad = await handleCall(eventFrom('app://tresse/index.html'), 'createCase', { name: ['x'] }, deps);
    expect(bad).toMatchObject({ ok: false, error: { code: 'value.invalid', params: { field: 'createCase.name' } } });
    if (!bad.ok) expect(bad.error.message).toContain('Valeur invalide');
    const coding = await handleCall(eventFrom('app://tresse/index.html'), 'addCoding', { sourceId: 1, codeId: 1, start: 9, end: 3 }, deps);
    expect(coding).toMatchObject({ ok: false, error: { code: 'value.invalid', params: { field: 'addCoding.end' } } });
  });

  it('refuses names that are not API methods', async () => {
    for (const method of ['constructor', '__proto__', 'toString', 42]) {
      const r = await handleCall(eventFrom('app://tresse/index.html'), method, {}, deps);
      expect(r).toMatchObject({ ok: false, error: { code: 'api.unknownMethod' } });
    }
  });

  it('redraws title and menu after a call that changes the session, not after others', async () => {
    const before = sessionChanges;
    await handleCall(eventFrom('app://tresse/index.html'), 'listCases', undefined, deps);
    expect(sessionChanges).toBe(before);
    await handleCall(eventFrom('app://tresse/index.html'), 'setLang', { lang: 'en' }, deps);
    expect(sessionChanges).toBe(before + 1);
    expect(ws.lang).toBe('en');
    const english = await handleCall(eventFrom('app://tresse/index.html'), 'getSource', { id: 0 }, deps);
    if (!english.ok) expect(english.error.message).toContain('Invalid value');
    await handleCall(eventFrom('app://tresse/index.html'), 'setLang', { lang: 'bogus' }, deps);
    expect(ws.lang).toBe('en');
  });
});

describe('IPC entry point: the files the page may name', () => {
  const page = () => eventFrom('app://tresse/index.html');
  let dir: string;
  let ws: InstanceType<typeof Workspace>;
  let deps: Parameters<typeof handleCall>[3];
  /** What the native dialog answers next, as Electron's dialog would. */
  let dialogAnswer: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tresse-ipc-paths-'));
    ws = new Workspace({ configDir: join(dir, 'config'), lang: 'fr', autoBackup: false });
    const paths = chosenPathsPolicy();
    const dialog = {
      showOpenDialog: async () => ({ canceled: false, filePaths: [dialogAnswer] }),
      showSaveDialog: async () => ({ canceled: false, filePath: dialogAnswer }),
    } as never;
    const hooks = {
      shell: 'desktop' as const,
      chooseProjectPath: (mode: 'open' | 'create') => chooseProjectPath(dialog, {} as never, mode, ws.lang, dir, paths.remember),
    };
    deps = { ctx: { ws, hooks }, paths };
  });

  afterAll(() => {
    ws.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a path the user did not choose, saying how to choose it, and creates nothing', async () => {
    const typed = join(dir, 'injecte.tresse');
    for (const [method, arg] of [
      ['createProject', { path: typed, grid: 'empty' }],
      ['resolveProjectPath', { path: typed }],
    ] as const) {
      const r = await handleCall(page(), method, arg, deps);
      expect(r, method).toMatchObject({ ok: false, error: { code: 'api.pathNotChosen', params: { path: typed } } });
      if (!r.ok) expect(r.error.message).toContain('Choisissez le fichier avec Ouvrir…');
    }
    expect(existsSync(typed)).toBe(false);
    const opened = await handleCall(page(), 'openProject', { path: '/etc/passwd' }, deps);
    expect(opened).toMatchObject({ ok: false, error: { code: 'api.pathNotChosen' } });
    expect(ws.ctx).toBeNull();
  });

  it('creates the project the native dialog returned, then reopens it from the recent projects', async () => {
    dialogAnswer = join(dir, 'Mon étude');
    const chosen = await handleCall(page(), 'chooseProjectPath', { mode: 'create' }, deps);
    expect(chosen).toEqual({ ok: true, value: join(dir, 'Mon étude.tresse') });
    const created = await handleCall(page(), 'createProject', { path: join(dir, 'Mon étude.tresse'), grid: 'empty', coder: 'Camille' }, deps);
    expect(created, JSON.stringify(created)).toMatchObject({ ok: true, value: { path: join(dir, 'Mon étude.tresse') } });
    await handleCall(page(), 'closeProject', undefined, deps);
    const reopened = await handleCall(page(), 'openProject', { path: join(dir, 'Mon étude.tresse') }, deps);
    expect(reopened).toMatchObject({ ok: true, value: { name: 'Mon étude' } });
  });

  it('refuses a teammate’s file that was not chosen, even beside a chosen project', async () => {
    mkdirSync(join(dir, 'ailleurs'));
    for (const path of [join(dir, 'sasha.tresse'), `${dir}/ailleurs/../sasha.qdc`]) {
      const r = await handleCall(page(), 'compareCodebooks', { other: { path } }, deps);
      expect(r, path).toMatchObject({ ok: false, error: { code: 'api.pathNotChosen' } });
    }
  });
});
