// Where a new project goes when the user types a name (the browser mode has no file dialog),
// through the API the start screen calls: the preview (resolveProjectPath) and the creation
// (createProject) follow the same rule, and an existing file is never replaced.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ResolvedProjectPath } from '../../service/contract/index.ts';
import { defaultDocumentsDir, resolveProjectPath } from '../../service/project-path.ts';
import { Workspace } from '../../service/workspace.ts';
import { callerOf, contextOf } from '../helpers/contract.ts';

let dir: string;
let docs: string;
let config: string;
let ws: Workspace;

function startSession(): void {
  ws = new Workspace({ configDir: config, lang: 'fr', autoBackup: false, documentsDir: docs });
}

async function resolvePath(path: string): Promise<ResolvedProjectPath> {
  const result = await callerOf(contextOf(ws))('resolveProjectPath', { path });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ResolvedProjectPath;
}

async function create(path: string) {
  return callerOf(contextOf(ws))('createProject', { path, grid: 'empty', coder: 'Camille' });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tresse-project-path-'));
  docs = join(dir, 'Documents');
  config = join(dir, 'config');
  mkdirSync(docs);
  startSession();
});

afterEach(() => {
  ws.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a new project typed as a name', () => {
  it('goes to the documents folder with .tresse, not to the working directory', async () => {
    expect(await resolvePath('memoire')).toEqual({ path: join(docs, 'memoire.tresse'), exists: false, folderExists: true });

    const created = await create('  memoire ');
    expect(created.ok).toBe(true);
    expect(existsSync(join(docs, 'memoire.tresse'))).toBe(true);
    expect(existsSync(join(process.cwd(), 'memoire'))).toBe(false);
    expect(existsSync(join(process.cwd(), 'memoire.tresse'))).toBe(false);
    expect(ws.project.path).toBe(join(docs, 'memoire.tresse'));
  });

  it('keeps a .tresse the user typed, whatever its case', async () => {
    expect((await resolvePath('memoire.tresse')).path).toBe(join(docs, 'memoire.tresse'));
    expect((await resolvePath('Etude.TRESSE')).path).toBe(join(docs, 'Etude.TRESSE'));
    expect((await resolvePath('etude.v2')).path).toBe(join(docs, 'etude.v2.tresse'));
  });

  it('places a relative path with a folder under the same folder, and refuses a folder that does not exist', async () => {
    mkdirSync(join(docs, 'theses'));
    expect(await resolvePath('theses/memoire')).toEqual({ path: join(docs, 'theses', 'memoire.tresse'), exists: false, folderExists: true });
    expect((await create('theses/memoire')).ok).toBe(true);
    expect(existsSync(join(docs, 'theses', 'memoire.tresse'))).toBe(true);
    ws.close();

    expect(await resolvePath('nulle-part/memoire')).toEqual({
      path: join(docs, 'theses', 'nulle-part', 'memoire.tresse'),
      exists: false,
      folderExists: false,
    });
    const refused = await create('nulle-part/memoire');
    expect(refused).toMatchObject({ ok: false, error: { code: 'project.folderMissing' } });
    if (!refused.ok) expect(refused.error.message).toContain(`Le dossier ${join(docs, 'theses', 'nulle-part')} n’existe pas`);
    expect(existsSync(join(docs, 'theses', 'nulle-part'))).toBe(false);
  });

  it('takes a full path as given, as the desktop dialog and the command line give it', async () => {
    const full = join(dir, 'ailleurs', 'projet-sans-extension');
    mkdirSync(join(dir, 'ailleurs'));
    expect((await resolvePath(full)).path).toBe(full);
    expect((await create(full)).ok).toBe(true);
    expect(existsSync(full)).toBe(true);
  });

  it('reads ~ as the home folder', () => {
    expect(resolveProjectPath('~/theses/memoire', docs, '/home/camille')).toBe('/home/camille/theses/memoire.tresse');
    expect(resolveProjectPath('~/memoire.tresse', docs, '/home/camille')).toBe('/home/camille/memoire.tresse');
  });

  it('remembers the last folder a project was created or opened in, across sessions', async () => {
    const fieldwork = join(dir, 'terrain');
    mkdirSync(fieldwork);
    expect((await create(join(fieldwork, 'premier.tresse'))).ok).toBe(true);
    ws.close();
    expect((await resolvePath('second')).path).toBe(join(fieldwork, 'second.tresse'));

    // A restart: the folder comes from the configuration folder, not from memory.
    startSession();
    expect((await resolvePath('second')).path).toBe(join(fieldwork, 'second.tresse'));

    // Opening a project elsewhere moves the default there.
    expect((await create(join(docs, 'autre.tresse'))).ok).toBe(true);
    ws.close();
    expect((await callerOf(contextOf(ws))('openProject', { path: join(fieldwork, 'premier.tresse') })).ok).toBe(true);
    ws.close();
    expect((await resolvePath('troisieme')).path).toBe(join(fieldwork, 'troisieme.tresse'));
  });

  it('does not count the demo project kept in the configuration folder', async () => {
    mkdirSync(config, { recursive: true });
    expect((await create(join(config, 'demo.tresse'))).ok).toBe(true);
    ws.close();
    expect((await resolvePath('memoire')).path).toBe(join(docs, 'memoire.tresse'));
  });

  it('skips a remembered folder that has since been removed', async () => {
    const gone = join(dir, 'supprime');
    mkdirSync(gone);
    expect((await create(join(gone, 'vieux.tresse'))).ok).toBe(true);
    ws.close();
    rmSync(gone, { recursive: true });
    expect((await resolvePath('memoire')).path).toBe(join(docs, 'memoire.tresse'));
  });

  it('uses the documents folder set in folders.json in the configuration folder', async () => {
    const chosen = join(dir, 'mes-projets');
    mkdirSync(chosen);
    mkdirSync(config, { recursive: true });
    writeFileSync(join(config, 'folders.json'), JSON.stringify({ documents: chosen }));
    expect((await resolvePath('memoire')).path).toBe(join(chosen, 'memoire.tresse'));
  });

  it('refuses to overwrite an existing file, and leaves it as it was', async () => {
    const existing = join(docs, 'memoire.tresse');
    writeFileSync(existing, 'notes précieuses');
    expect(await resolvePath('memoire')).toEqual({ path: existing, exists: true, folderExists: true });

    const refused = await create('memoire');
    expect(refused).toMatchObject({ ok: false, error: { code: 'project.exists' } });
    if (!refused.ok) expect(refused.error.message).toBe(`Un fichier existe déjà à cet endroit : ${existing}`);
    expect(readFileSync(existing, 'utf8')).toBe('notes précieuses');
    expect(existsSync(`${existing}.lock`)).toBe(false);
    expect(ws.ctx).toBeNull();
  });
});

describe('the documents folder', () => {
  it('is the one named in user-dirs.dirs on Linux, with $HOME expanded', () => {
    const home = join(dir, 'home');
    mkdirSync(join(home, '.config'), { recursive: true });
    mkdirSync(join(home, 'Mes documents'));
    mkdirSync(join(home, 'Documents'));
    writeFileSync(join(home, '.config', 'user-dirs.dirs'), 'XDG_DESKTOP_DIR="$HOME/Bureau"\nXDG_DOCUMENTS_DIR="$HOME/Mes documents"\n');
    expect(defaultDocumentsDir({}, 'linux', home)).toBe(join(home, 'Mes documents'));
    // Elsewhere the file means nothing.
    expect(defaultDocumentsDir({}, 'darwin', home)).toBe(join(home, 'Documents'));
  });

  it('is ~/Documents when user-dirs.dirs names none, else the home folder itself', () => {
    const home = join(dir, 'home');
    mkdirSync(home);
    expect(defaultDocumentsDir({ XDG_CONFIG_HOME: join(dir, 'nowhere') }, 'linux', home)).toBe(home);
    mkdirSync(join(home, 'Documents'));
    expect(defaultDocumentsDir({ XDG_CONFIG_HOME: join(dir, 'nowhere') }, 'linux', home)).toBe(join(home, 'Documents'));
  });
});
