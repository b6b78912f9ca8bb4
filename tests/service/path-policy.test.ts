// The files the page may name, checked in the dispatch both shells share (service/contract/call.ts): under the
// workspace folder or a recent project in the browser mode, a file chosen in a dialog on the
// desktop, anything from the command line. Real folders, real links, real projects.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CallContext } from '../../service/contract/index.ts';
import { contract } from '../../service/contract/index.ts';
import { chosenPathsPolicy, UNRESTRICTED, workspacePolicy, type PathPolicy } from '../../service/path-policy.ts';
import { closeProject, createProject } from '../../service/project.ts';
import { Workspace } from '../../service/workspace.ts';
import { callerOf, contextOf } from '../helpers/contract.ts';

let dir: string;
/** The workspace folder (the documents folder: no project yet). */
let docs: string;
/** A folder the page has no business in. */
let outside: string;
let ws: Workspace;
/** The current session's shell (desktop or browser) over its workspace. */
let ctx: CallContext;

function session(shell: 'desktop' | 'browser' = 'browser'): void {
  ws?.close();
  ws = new Workspace({ configDir: join(dir, 'config'), lang: 'fr', autoBackup: false, documentsDir: docs });
  ctx = contextOf(ws, { shell });
}

const call = (method: 'createProject' | 'openProject' | 'resolveProjectPath' | 'compareCodebooks', arg: Record<string, unknown>, policy: PathPolicy) =>
  callerOf(ctx)(method, arg, policy);
const create = (path: string, policy: PathPolicy) => call('createProject', { path, grid: 'empty', coder: 'Camille' }, policy);

/** A project made outside the API, as a teammate's file would be. */
function projectAt(path: string): void {
  closeProject(createProject(path, { grid: 'six-themes', coder: 'Sasha' }));
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tresse-path-policy-'));
  docs = join(dir, 'Documents');
  outside = join(dir, 'ailleurs');
  mkdirSync(docs);
  mkdirSync(outside);
  session();
});

afterEach(() => {
  ws.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('browser mode: the workspace folder', () => {
  const policy = workspacePolicy();

  it('creates a project under the workspace folder, by its full path or by a bare name', async () => {
    expect(await create(join(docs, 'theses', '..', 'etude.tresse'), policy)).toMatchObject({ ok: true, value: { path: join(docs, 'etude.tresse') } });
    mkdirSync(join(docs, 'terrain'));
    expect(await create(join(docs, 'terrain', 'second.tresse'), policy)).toMatchObject({ ok: true });
    expect(await create('memoire', policy)).toMatchObject({ ok: true, value: { path: join(docs, 'terrain', 'memoire.tresse') } });
  });

  it('refuses a path outside it, naming the path and the folder to use, and creates nothing', async () => {
    const target = join(outside, 'etude.tresse');
    const r = await create(target, policy);
    expect(r).toMatchObject({ ok: false, error: { code: 'api.pathOutsideWorkspace', params: { path: target, folder: docs } } });
    if (!r.ok)
      expect(r.error.message).toBe(
        `${target} est en dehors du dossier de travail : le mode navigateur n’utilise que les fichiers de ${docs} et les projets récents. ` +
          `Placez le fichier dans ${docs}, ou ouvrez le projet au démarrage (--project CHEMIN).`,
      );
    expect(existsSync(target)).toBe(false);
    expect(await call('resolveProjectPath', { path: target }, policy)).toMatchObject({ ok: false, error: { code: 'api.pathOutsideWorkspace' } });
    ws.lang = 'en';
    const english = await create(target, policy);
    if (!english.ok) expect(english.error.message).toContain(`Put the file in ${docs}`);
  });

  it('refuses `..` leading out of the folder, typed in full or after a bare name', async () => {
    for (const path of [`${docs}/../ailleurs/etude.tresse`, '../ailleurs/etude', `${docs}/theses/../../ailleurs/x.tresse`]) {
      const r = await create(path, policy);
      expect(r, path).toMatchObject({
        ok: false,
        error: { code: 'api.pathOutsideWorkspace', params: { path: join(outside, path.endsWith('x.tresse') ? 'x.tresse' : 'etude.tresse') } },
      });
    }
    expect(existsSync(join(outside, 'etude.tresse'))).toBe(false);
  });

  it('refuses a link inside the folder that leads out of it, to a folder, a project or a file not yet there', async () => {
    projectAt(join(outside, 'sasha.tresse'));
    const before = readFileSync(join(outside, 'sasha.tresse'));
    symlinkSync(outside, join(docs, 'raccourci'));
    symlinkSync(join(outside, 'sasha.tresse'), join(docs, 'sasha.tresse'));
    symlinkSync(join(outside, 'cree.tresse'), join(docs, 'piege.tresse'));

    expect(await create(join(docs, 'raccourci', 'nouveau.tresse'), policy)).toMatchObject({ ok: false, error: { code: 'api.pathOutsideWorkspace' } });
    expect(await create(join(docs, 'piege.tresse'), policy)).toMatchObject({ ok: false, error: { code: 'api.pathOutsideWorkspace' } });
    expect(await call('openProject', { path: join(docs, 'sasha.tresse') }, policy)).toMatchObject({ ok: false, error: { code: 'api.pathOutsideWorkspace' } });
    expect(await call('openProject', { path: join(docs, 'raccourci', 'sasha.tresse') }, policy)).toMatchObject({ ok: false });
    const other = await call('compareCodebooks', { other: { path: join(docs, 'raccourci', 'sasha.tresse') } }, policy);
    expect(other).toMatchObject({ ok: false, error: { code: 'api.pathOutsideWorkspace' } });

    expect(existsSync(join(outside, 'nouveau.tresse'))).toBe(false);
    expect(existsSync(join(outside, 'cree.tresse'))).toBe(false);
    expect(readFileSync(join(outside, 'sasha.tresse')).equals(before)).toBe(true);
    expect(ws.ctx).toBeNull();
  });

  it('lets a teammate’s file in the folder through to the comparison, and keeps others out', async () => {
    await create(join(docs, 'mien.tresse'), policy);
    projectAt(join(docs, 'sasha.tresse'));
    projectAt(join(outside, 'leo.tresse'));
    const inside = await call('compareCodebooks', { other: { path: join(docs, 'sasha.tresse') } }, policy);
    expect(inside, JSON.stringify(inside)).toMatchObject({ ok: true, value: { b: { label: 'sasha.tresse' } } });
    expect(await call('compareCodebooks', { other: { path: join(outside, 'leo.tresse') } }, policy)).toMatchObject({
      ok: false,
      error: { code: 'api.pathOutsideWorkspace' },
    });
  });

  it('opens a recent project outside the folder (the one given with --project at start-up)', async () => {
    projectAt(join(outside, 'lance.tresse'));
    ws.open(join(outside, 'lance.tresse'));
    ws.close();
    session();
    expect(await call('openProject', { path: join(outside, 'lance.tresse') }, policy)).toMatchObject({ ok: true, value: { name: 'lance' } });
  });

  it('creates only .tresse files, so no other program mistakes a project for its own file', async () => {
    for (const name of ['.bashrc', 'autostart.desktop']) {
      const r = await create(join(docs, name), policy);
      expect(r, name).toMatchObject({ ok: false, error: { code: 'api.projectExtension' } });
      expect(existsSync(join(docs, name))).toBe(false);
    }
  });
});

describe('desktop: files chosen in a dialog', () => {
  it('allows the chosen file and the recent projects, and refuses any other, even in the same folder', async () => {
    session('desktop');
    const policy = chosenPathsPolicy();
    policy.remember(join(docs, 'choisi.tresse'));
    const refused = await create(join(docs, 'autre.tresse'), policy);
    expect(refused).toMatchObject({ ok: false, error: { code: 'api.pathNotChosen', params: { path: join(docs, 'autre.tresse') } } });
    if (!refused.ok) expect(refused.error.message).toContain('Choisissez le fichier avec Ouvrir… (ou Nouveau projet…)');
    expect(await create('autre', policy)).toMatchObject({ ok: false, error: { code: 'api.pathNotChosen' } });
    expect(await create(join(docs, 'choisi.tresse'), policy)).toMatchObject({ ok: true });

    session('desktop');
    const afterRestart = chosenPathsPolicy();
    expect(await call('openProject', { path: join(docs, 'choisi.tresse') }, afterRestart)).toMatchObject({ ok: true });
    expect(existsSync(join(docs, 'autre.tresse'))).toBe(false);
  });
});

describe('command line', () => {
  it('is not restricted: the user at their own shell names any file', async () => {
    const target = join(outside, 'etude.tresse');
    expect(await create(target, UNRESTRICTED)).toMatchObject({ ok: true, value: { path: target } });
    writeFileSync(join(outside, 'notes.txt'), 'x');
    expect(await call('openProject', { path: target }, UNRESTRICTED)).toMatchObject({ ok: true });
  });
});

describe('the methods the rule covers', () => {
  it('are every API method whose argument has a path field, so a new one cannot slip past the rule', () => {
    const withPath = Object.entries(contract)
      .filter(([, spec]) => /"path":\{/.test(JSON.stringify(z.toJSONSchema(spec.args as z.ZodType, { unrepresentable: 'any', io: 'input' }))))
      .map(([method]) => method);
    const declared = Object.entries(contract)
      .filter(([, spec]) => 'path' in spec && spec.path !== undefined)
      .map(([method]) => method);
    expect(withPath.length).toBeGreaterThan(0);
    expect(withPath.sort()).toEqual(declared.sort());
  });
});
