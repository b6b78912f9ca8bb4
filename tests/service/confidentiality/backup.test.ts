import Database from 'better-sqlite3';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { APPLICATION_ID } from '../../../db/open.ts';
import type { TresseError } from '../../../i18n/error.ts';
import type { BackupList } from '../../../service/contract/index.ts';
import { backupDirOf, backupProject, deleteAllBackups, deleteBackups, listBackups, restoreBackup, startAutoBackup } from '../../../service/backup.ts';
import { closeProject, createProject, openProject } from '../../../service/project.ts';
import { deleteSource, listSources } from '../../../service/sources.ts';
import { Workspace } from '../../../service/workspace.ts';
import { addText, tempDir } from '../../helpers/project.ts';
import { tresse } from '../../helpers/cli.ts';
import { apiOf, callerOf, contextOf } from '../../helpers/contract.ts';

function project() {
  const dir = tempDir();
  const path = join(dir, 'etude.tresse');
  const ctx = createProject(path, { grid: 'six-themes', coder: 'Camille' });
  return { dir, path, ctx };
}

describe('rotating backups', () => {
  it('backs up an open project beside it and keeps the newest K', async () => {
    const { path, ctx } = project();
    addText(ctx, 'Entretien 1', 'Premier entretien.');
    for (let i = 0; i < 4; i++) await backupProject(ctx, { keep: 3 });
    const list = listBackups(path);
    expect(list).toHaveLength(3);
    expect(list[0]!.path.startsWith(backupDirOf(path))).toBe(true);
    expect(list[0]!.file).toMatch(/^etude-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z(-\d+)?\.tresse$/);
    expect(list.map((b) => b.takenAt)).toEqual([...list.map((b) => b.takenAt)].sort().reverse());
    // Each backup is a complete project on its own.
    const copy = new Database(list[0]!.path, { readonly: true });
    expect(copy.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT name FROM sources').pluck().all()).toEqual(['Entretien 1']);
    copy.close();
    closeProject(ctx);
  });

  it('restores a backup, keeping the current file aside', async () => {
    const { path, ctx } = project();
    const s = addText(ctx, 'Entretien 1', 'Premier entretien.');
    const backup = await backupProject(ctx);
    deleteSource(ctx, s.id);
    addText(ctx, 'Entretien 2', 'Un autre.');
    // Open: refused, the file is in use.
    expect(() => restoreBackup(path, backup.file)).toThrow(expect.objectContaining({ code: 'project.locked' }));
    closeProject(ctx);
    const result = restoreBackup(path, backup.file);
    expect(result.previous).toBe(`${path}.before-restore`);
    const restored = openProject(path);
    expect(listSources(restored.db).map((x) => x.name)).toEqual(['Entretien 1']);
    closeProject(restored);
    const aside = openProject(`${path}.before-restore`, undefined, { lock: false });
    expect(listSources(aside.db).map((x) => x.name)).toEqual(['Entretien 2']);
    closeProject(aside);
  });

  it('refuses a damaged backup or another program’s file, leaving the project untouched', () => {
    const { dir, path, ctx } = project();
    addText(ctx, 'Entretien 1', 'Premier entretien.');
    closeProject(ctx);
    writeFileSync(join(dir, 'abime.tresse'), Buffer.alloc(8192, 7));
    const other = new Database(join(dir, 'autre.db'));
    other.exec('CREATE TABLE t (x)');
    other.close();
    for (const file of [join(dir, 'abime.tresse'), join(dir, 'autre.db')]) {
      let e: TresseError | undefined;
      try {
        restoreBackup(path, file);
      } catch (x) {
        e = x as TresseError;
      }
      expect(e?.code).toBe('backup.invalid');
    }
    expect(existsSync(`${path}.before-restore`)).toBe(false);
    const again = openProject(path);
    expect(listSources(again.db)).toHaveLength(1);
    closeProject(again);
  });

  it('backs up on opening, then every N minutes only when something changed', async () => {
    // The interval and the clock are fake. The copies are real and watched, not replaced: a backup
    // starts its copy at once, so the count of copies says which ticks backed up.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const copies = vi.spyOn(Database.prototype, 'backup');
    const { path, ctx } = project();
    const auto = startAutoBackup(ctx, { minutes: 10, keep: 10, atStart: true });
    const copied = async () => {
      await Promise.allSettled(copies.mock.results.map((r) => r.value));
      // What follows a copy (checking it, renaming it into place) is promise callbacks: one turn.
      await new Promise((r) => setImmediate(r));
    };
    const sourcesInNewest = () => {
      const newest = new Database(listBackups(path)[0]!.path, { readonly: true });
      try {
        return newest.prepare('SELECT count(*) FROM sources').pluck().get();
      } finally {
        newest.close();
      }
    };
    try {
      expect(copies).toHaveBeenCalledOnce();
      await copied();
      expect(listBackups(path)).toHaveLength(1);
      expect(sourcesInNewest()).toBe(0);
      vi.advanceTimersByTime(30 * 60_000);
      expect(copies).toHaveBeenCalledOnce();
      addText(ctx, 'Entretien 1', 'Premier entretien.');
      vi.advanceTimersByTime(9 * 60_000);
      expect(copies).toHaveBeenCalledOnce();
      vi.advanceTimersByTime(60_000);
      expect(copies).toHaveBeenCalledTimes(2);
      await copied();
      expect(listBackups(path)).toHaveLength(2);
      expect(sourcesInNewest()).toBe(1);
    } finally {
      auto.stop();
      closeProject(ctx);
      copies.mockRestore();
      vi.useRealTimers();
    }
  });

  it('closes quietly while the backup taken on opening is still being copied, leaving no partial file', async () => {
    const { dir, path, ctx } = project();
    for (let i = 0; i < 40; i++) addText(ctx, `Entretien ${i}`, `Entretien ${i}. ${'Le secret partagé aide la cellule. '.repeat(300)}`);
    closeProject(ctx);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    // Watched, not replaced: the test waits for the copy that the close interrupted to settle.
    const copies = vi.spyOn(Database.prototype, 'backup');
    try {
      const ws = new Workspace({ configDir: join(dir, 'config'), lang: 'fr' });
      ws.open(path);
      ws.close();
      expect(copies).toHaveBeenCalledOnce();
      await Promise.allSettled(copies.mock.results.map((r) => r.value));
      // What runs after the copy (cleanup, error report) is promise callbacks: one turn of the loop.
      await new Promise((r) => setImmediate(r));
      expect(errors).not.toHaveBeenCalled();
    } finally {
      copies.mockRestore();
      errors.mockRestore();
    }
    expect(readdirSync(backupDirOf(path)).filter((f) => f.endsWith('.partial'))).toEqual([]);
    const again = openProject(path);
    expect(listSources(again.db)).toHaveLength(40);
    closeProject(again);
  });

  it('deletes chosen backups, and refuses any file that is not one of the project’s backups', async () => {
    const { path, ctx } = project();
    addText(ctx, 'Entretien 1', 'Premier entretien.');
    for (let i = 0; i < 3; i++) await backupProject(ctx);
    const [newest, middle, oldest] = listBackups(path).map((b) => b.file);
    const backups = backupDirOf(path);
    // What sits beside the backups and must survive: a backup being written, another file, another
    // project's backup in the same folder, the project itself.
    writeFileSync(join(backups, `${newest}.partial`), 'en cours');
    writeFileSync(join(backups, 'notes.txt'), 'à garder');
    writeFileSync(join(backups, 'autre-2026-11-23T09-30-00-000Z.tresse'), 'autre projet');
    const refused = (files: string[]) => {
      try {
        deleteBackups(path, files);
      } catch (e) {
        return (e as TresseError).code;
      }
      return 'deleted';
    };
    for (const file of [
      'etude.tresse',
      '../etude.tresse',
      path,
      join(backups, oldest!),
      `${newest}.partial`,
      'notes.txt',
      'autre-2026-11-23T09-30-00-000Z.tresse',
    ]) {
      expect(refused([file]), file).toBe('backup.notFound');
    }
    // All or none: one wrong name in the list deletes nothing.
    expect(refused([middle!, 'etude-2020-01-01T00-00-00-000Z.tresse'])).toBe('backup.notFound');
    expect(listBackups(path).map((b) => b.file)).toEqual([newest, middle, oldest]);

    expect(deleteBackups(path, [middle!]).map((b) => b.file)).toEqual([middle]);
    expect(listBackups(path).map((b) => b.file)).toEqual([newest, oldest]);
    expect(readdirSync(backups).sort()).toEqual(['autre-2026-11-23T09-30-00-000Z.tresse', newest, `${newest}.partial`, 'notes.txt', oldest].sort());
    expect(existsSync(path)).toBe(true);
    expect(listSources(ctx.db)).toHaveLength(1);
    closeProject(ctx);
  });

  it('deletes every backup taken so far, leaving the project and a backup still being written', async () => {
    const { path, ctx } = project();
    addText(ctx, 'Entretien 1', 'Premier entretien.');
    for (let i = 0; i < 2; i++) await backupProject(ctx);
    const partial = join(backupDirOf(path), 'etude-2099-01-01T00-00-00-000Z.tresse.partial');
    writeFileSync(partial, 'en cours');
    expect(deleteAllBackups(path)).toHaveLength(2);
    expect(listBackups(path)).toEqual([]);
    expect(existsSync(partial)).toBe(true);
    // The project goes on, and so do its backups.
    expect(listSources(ctx.db)).toHaveLength(1);
    await backupProject(ctx);
    expect(listBackups(path)).toHaveLength(1);
    closeProject(ctx);
  });

  it('deletes backups through the API, which answers with the new list and takes file names only', async () => {
    const { dir, path, ctx } = project();
    closeProject(ctx);
    const ws = new Workspace({ configDir: join(dir, 'config'), lang: 'fr', autoBackup: false });
    ws.open(path);
    const api = apiOf(contextOf(ws, { shell: 'browser' }));
    for (let i = 0; i < 3; i++) await api.backupNow();
    const middle = (await api.listBackups()).backups[1]!.file;
    expect(await callerOf(contextOf(ws))('deleteBackup', { file: '../etude.tresse' })).toMatchObject({ ok: false, error: { code: 'value.invalid' } });
    const missing = await callerOf(contextOf(ws))('deleteBackup', { file: 'etude.tresse' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'backup.notFound', message: 'Sauvegarde introuvable : etude.tresse' } });
    const one = await callerOf(contextOf(ws))('deleteBackup', { file: middle });
    const left = one.ok ? (one.value as BackupList).backups.map((b) => b.file) : [];
    expect(left).toHaveLength(2);
    expect(left).not.toContain(middle);
    expect((await api.deleteAllBackups()).backups).toEqual([]);
    expect(listBackups(path)).toEqual([]);
    expect(ws.project.path).toBe(path);
    ws.close();
  });

  it('has backup, backups and restore commands', async () => {
    const { dir, path, ctx } = project();
    addText(ctx, 'Entretien 1', 'Premier entretien.');
    // A backup only reads: it works while the project is open elsewhere.
    const made = await tresse(dir, 'backup', 'etude.tresse', '--json');
    expect(made.code).toBe(0);
    const file = JSON.parse(made.out).file as string;
    const listed = await tresse(dir, 'backups', 'etude.tresse', '--json');
    expect(JSON.parse(listed.out).map((b: { file: string }) => b.file)).toEqual([file]);
    expect((await tresse(dir, 'restore', 'etude.tresse', file)).code).toBe(1);
    closeProject(ctx);
    const restored = await tresse(dir, 'restore', 'etude.tresse', file);
    expect(restored.code).toBe(0);
    expect(restored.out).toContain('Sauvegarde restaurée');
    expect(existsSync(`${path}.before-restore`)).toBe(true);
  });

  it('deletes backups from the command line, with --delete FILE or --delete-all, while the project is open', async () => {
    const { dir, path, ctx } = project();
    addText(ctx, 'Entretien 1', 'Premier entretien.');
    for (let i = 0; i < 3; i++) await backupProject(ctx);
    const [newest, middle, oldest] = listBackups(path).map((b) => b.file);
    const one = await tresse(dir, 'backups', 'etude.tresse', '--delete', middle!);
    expect(one.code).toBe(0);
    expect(one.out).toContain(`Sauvegarde supprimée : ${middle}`);
    expect(one.out).toContain(`1 sauvegarde(s) supprimée(s) ; il en reste 2 dans ${backupDirOf(path)}.`);
    expect(listBackups(path).map((b) => b.file)).toEqual([newest, oldest]);

    // Not one of its backups: a user error (exit 1), in the user's language, and nothing deleted.
    const outside = await tresse(dir, 'backups', 'etude.tresse', '--delete', '../etude.tresse', '--lang', 'en');
    expect(outside).toMatchObject({ code: 1, err: 'Backup not found: ../etude.tresse' });
    expect((await tresse(dir, 'backups', 'etude.tresse', '--delete', 'etude.tresse')).code).toBe(1);
    // Both at once is bad usage (exit 2).
    expect((await tresse(dir, 'backups', 'etude.tresse', '--delete', newest!, '--delete-all')).code).toBe(2);
    expect(listBackups(path)).toHaveLength(2);

    const all = await tresse(dir, 'backups', 'etude.tresse', '--delete-all', '--json');
    expect(all.code).toBe(0);
    expect(JSON.parse(all.out)).toMatchObject({ deleted: [{ file: newest }, { file: oldest }], backups: [] });
    expect(listBackups(path)).toEqual([]);
    expect(existsSync(path)).toBe(true);
    expect((await tresse(dir, 'backups', 'etude.tresse')).out).toBe('Aucune sauvegarde.');
    closeProject(ctx);
  });
});
