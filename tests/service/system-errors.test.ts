// What the file system and SQLite refuse reaches the user as a catalogue message naming the file,
// in French or English, through the dispatch the desktop and the browser mode share and through
// the command line: never Node's "EISDIR: illegal operation…" nor a stack trace. Root ignores
// permissions, so the failures used here (a folder where a file is expected, a path through a
// file, a missing folder, a link into nowhere) fail for everyone; EACCES is added when not root.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { runCli } from '../../cli/main.ts';
import { systemErrorOf } from '../../i18n/node-errors.ts';
import type { ApiResult } from '../../service/contract/index.ts';
import { closeProject, createProject } from '../../service/project.ts';
import { Workspace } from '../../service/workspace.ts';
import { callerOf, contextOf } from '../helpers/contract.ts';

let dir: string;
let ws: Workspace;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tresse-system-errors-'));
  ws = new Workspace({ configDir: join(dir, 'config'), lang: 'fr', autoBackup: false });
});

afterEach(() => {
  ws.close();
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

/** No English from Node or SQLite, no error code standing in for words. */
function expectWorded(result: ApiResult<unknown>): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.message).not.toMatch(/EISDIR|ENOTDIR|ENOENT|EACCES|illegal operation|no such file|unable to open|Erreur interne/);
}

async function cli(...argv: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const code = await runCli(argv, { out: () => {}, err: (t) => err.push(t), env: { LANG: 'fr_FR.UTF-8' }, cwd: dir });
  return { code, err: err.join('\n') };
}

describe('through the API dispatch', () => {
  it('opening a folder named like a project says it is a folder, and leaves nothing behind', async () => {
    const folder = join(dir, 'etude.tresse');
    mkdirSync(folder);
    const r = await callerOf(contextOf(ws))('openProject', { path: folder });
    expect(r).toMatchObject({ ok: false, error: { code: 'file.isDirectory', message: `${folder} est un dossier, pas un fichier.` } });
    expectWorded(r);
    expect(readdirSync(dir).sort()).toEqual(['etude.tresse']);
    expect(ws.ctx).toBeNull();
  });

  it('creating a project over a link into a missing folder is refused, naming the link, and creates nothing', async () => {
    const link = join(dir, 'lien.tresse');
    symlinkSync(join(dir, 'nulle-part', 'etude.tresse'), link);
    const before = readdirSync(dir).sort();
    // A new project is put in place without replacing whatever entry holds its name, a link included.
    const r = await callerOf(contextOf(ws))('createProject', { path: link, grid: 'empty', coder: 'Camille' });
    expect(r).toMatchObject({ ok: false, error: { code: 'project.exists', params: { path: link } } });
    expectWorded(r);
    expect(existsSync(join(dir, 'nulle-part'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('a project SQLite cannot create is named in each language', () => {
    // The link's folder exists, so SQLite itself is asked, and cannot create the link's target.
    const path = join(dir, 'lien.tresse');
    symlinkSync(join(dir, 'nulle-part', 'etude.tresse'), path);
    let failure: unknown;
    try {
      new Database(path);
    } catch (e) {
      failure = e;
    }
    expect((failure as { code?: string }).code).toBe('SQLITE_CANTOPEN');
    const error = systemErrorOf(failure, path);
    expect(error?.code).toBe('system.cantOpen');
    expect(error?.format('en')).toBe(`Cannot open or create ${path}: its folder does not exist, or you may not write there.`);
    expect(error?.format('fr')).toContain(path);
  });

  it('a backup blocked by a file where its folder goes names that file', async () => {
    const project = join(dir, 'etude.tresse');
    expect(await callerOf(contextOf(ws))('createProject', { path: project, grid: 'empty', coder: 'Camille' })).toMatchObject({ ok: true });
    writeFileSync(`${project}.backups`, 'pas un dossier');
    const r = await callerOf(contextOf(ws))('backupNow', {});
    expect(r).toMatchObject({ ok: false, error: { params: { path: `${project}.backups` } } });
    expectWorded(r);
  });
});

describe('through the command line', () => {
  let project: string;
  beforeEach(() => {
    project = join(dir, 'etude.tresse');
    closeProject(createProject(project, { grid: 'six-themes', coder: 'Camille' }));
  });

  it('an export through a path that crosses a file (ENOTDIR, root included) names the destination, exit 1', async () => {
    writeFileSync(join(dir, 'notes.txt'), 'un fichier');
    const out = join(dir, 'notes.txt', 'grille.json');
    const r = await cli('codebook', 'export', project, '--out', out);
    expect(r).toEqual({ code: 1, err: `Le chemin ${out} passe par un fichier comme si c’était un dossier : vérifiez le chemin.` });
  });

  it('an export into a missing folder (ENOENT) says the folder may be missing, not which temporary file failed', async () => {
    const out = join(dir, 'absent', 'grille.json');
    const r = await cli('codebook', 'export', project, '--out', out);
    expect(r).toEqual({ code: 1, err: `${out} est introuvable : le fichier ou son dossier n’existe pas.` });
    const english = await cli('codebook', 'export', project, '--out', out, '--lang', 'en');
    expect(english.err).toBe(`${out} cannot be found: the file or its folder does not exist.`);
  });

  it.skipIf(process.getuid?.() === 0)('an export into a folder the user may not write to (EACCES) says so, exit 1', async () => {
    const locked = join(dir, 'verrouille');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const out = join(locked, 'grille.json');
    const r = await cli('codebook', 'export', project, '--out', out);
    chmodSync(locked, 0o700);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `Accès refusé à ${out} : vous n’avez pas le droit de lire ou d’écrire à cet endroit. Vérifiez ses permissions, ou choisissez un autre emplacement.`,
    );
  });
});
