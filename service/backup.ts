import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { acquireLock } from '../db/lock.ts';
import { currentNativeBinding } from '../db/native.ts';
import { APPLICATION_ID, openProjectDb } from '../db/open.ts';
import { TresseError } from '../i18n/error.ts';
import type { ProjectContext } from './context.ts';

// Rotating backups, so that nothing is lost to a mistaken merge, a bad import or a damaged disk.
// They are taken with SQLite's online backup (consistent even while the project is open) into
// `<project>.backups/` beside the project file: `etude.tresse` -> `etude.tresse.backups/`,
// one file per backup named `<name>-<UTC time>.tresse` (e.g. etude-2026-11-23T09-30-00-000Z.tresse),
// each a complete project in its own right (rollback journal, no -wal file needed). The newest K
// are kept (default 10). The app calls `startAutoBackup(ctx, { atStart: true })` on opening: one
// backup at once, then one every N minutes of work (default 10; skipped when nothing changed).

export const DEFAULT_KEEP = 10;
export const DEFAULT_MINUTES = 10;

export interface BackupInfo {
  file: string;
  path: string;
  /** ISO time the backup was taken (from its name). */
  takenAt: string;
  size: number;
}

export function backupDirOf(projectPath: string): string {
  return `${projectPath}.backups`;
}

function stem(projectPath: string): string {
  return basename(projectPath).replace(/\.tresse$/i, '');
}

const STAMP = /-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)(?:-\d+)?\.tresse$/;

/** Backups of a project, newest first. */
export function listBackups(projectPath: string): BackupInfo[] {
  const dir = backupDirOf(projectPath);
  if (!existsSync(dir)) return [];
  const prefix = `${stem(projectPath)}-`;
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && STAMP.test(f))
    .sort()
    .reverse()
    .map((file) => {
      const [d, t] = STAMP.exec(file)![1]!.split('T') as [string, string];
      const [h, mi, s, ms] = t.replace('Z', '').split('-');
      const path = join(dir, file);
      return { file, path, takenAt: `${d}T${h}:${mi}:${s}.${ms}Z`, size: statSync(path).size };
    });
}

/** Takes a backup now (outside any transaction) and keeps the newest `keep`. */
export async function backupProject(ctx: ProjectContext, options: { keep?: number } = {}): Promise<BackupInfo> {
  if (ctx.db.inTransaction) throw new TresseError('backup.busy');
  const dir = backupDirOf(ctx.path);
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  let file = `${stem(ctx.path)}-${stamp}.tresse`;
  for (let n = 2; existsSync(join(dir, file)); n++) file = `${stem(ctx.path)}-${stamp}-${n}.tresse`;
  const final = join(dir, file);
  // Written under a temporary name: an interrupted backup never looks like a complete one.
  const partial = `${final}.partial`;
  try {
    await ctx.db.backup(partial);
    const copy = new Database(partial, nativeOptions());
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    renameSync(partial, final);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
  pruneBackups(ctx.path, options.keep ?? DEFAULT_KEEP);
  return listBackups(ctx.path).find((b) => b.file === file)!;
}

/**
 * Deletes backups of the project named as listBackups names them, all or none: a name that is not
 * one of its backups (another file, a path, a backup still being written) deletes nothing. The
 * project itself lives outside the backup folder and cannot be named. Returns the deleted ones.
 */
export function deleteBackups(projectPath: string, files: readonly string[]): BackupInfo[] {
  const backups = listBackups(projectPath);
  const chosen = [...new Set(files)].map((file) => {
    const found = backups.find((b) => b.file === file);
    if (!found) throw new TresseError('backup.notFound', { file });
    return found;
  });
  for (const b of chosen) rmSync(b.path, { force: true });
  return chosen;
}

/**
 * Deletes every backup taken so far, as after pseudonymising, when they all still hold the real
 * names. A backup being written now is left to finish (it copies the current state).
 */
export function deleteAllBackups(projectPath: string): BackupInfo[] {
  const backups = listBackups(projectPath);
  for (const b of backups) rmSync(b.path, { force: true });
  return backups;
}

export function pruneBackups(projectPath: string, keep: number): void {
  for (const old of listBackups(projectPath).slice(Math.max(1, keep))) rmSync(old.path, { force: true });
}

export interface AutoBackup {
  /**
   * Stops the timer. A backup still being copied is abandoned when the project closes under it:
   * its partial file is removed and no error is reported (the project itself is intact).
   */
  stop(): void;
}

/**
 * A backup every `minutes` while the project is open, when something changed since the last one.
 * The timer does not keep the process alive; failures go to `onError` (the app shows them).
 */
export function startAutoBackup(
  ctx: ProjectContext,
  options: { minutes?: number; keep?: number; atStart?: boolean; onError?: (e: unknown) => void } = {},
): AutoBackup {
  const changes = () => (ctx.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  // With atStart (the app, on opening a project), the first backup is taken at once.
  let last = options.atStart ? -1 : changes();
  let running = false;
  let stopped = false;
  const tick = () => {
    if (!ctx.db.open) return clearInterval(timer);
    if (running || ctx.db.inTransaction) return;
    const now = changes();
    if (now === last) return;
    running = true;
    backupProject(ctx, options.keep !== undefined ? { keep: options.keep } : {})
      .then(() => {
        last = now;
      })
      .catch((e) => {
        if (!(stopped && !ctx.db.open)) options.onError?.(e);
      })
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(tick, (options.minutes ?? DEFAULT_MINUTES) * 60_000);
  timer.unref();
  if (options.atStart) tick();
  return {
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}

/**
 * Puts a backup back in place of the project, which must be closed (its lock is taken here, so a
 * project open anywhere is refused). The current file is kept aside as `<project>.before-restore`;
 * the backup is checked first (integrity, Tresse application id) and the restored project again
 * after the copy, the previous file coming back if that check fails.
 */
export function restoreBackup(projectPath: string, backupFile: string): { restored: string; previous: string | null } {
  const source = resolveBackup(projectPath, backupFile);
  verify(source, backupFile);
  const lock = acquireLock(projectPath);
  const aside = `${projectPath}.before-restore`;
  let previous: string | null = null;
  try {
    if (existsSync(projectPath)) {
      checkpoint(projectPath);
      rmSync(aside, { force: true });
      renameSync(projectPath, aside);
      previous = aside;
    }
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(projectPath + suffix, { force: true });
    const incoming = `${projectPath}.restoring`;
    copyFileSync(source, incoming);
    renameSync(incoming, projectPath);
    try {
      const db = openProjectDb(projectPath);
      try {
        const check = db.pragma('integrity_check', { simple: true });
        if (check !== 'ok') throw new TresseError('backup.invalid', { file: backupFile });
      } finally {
        db.close();
      }
    } catch (e) {
      if (previous) renameSync(aside, projectPath);
      else rmSync(projectPath, { force: true });
      throw e;
    }
    return { restored: source, previous };
  } finally {
    lock.release();
  }
}

function resolveBackup(projectPath: string, backupFile: string): string {
  const candidates = isAbsolute(backupFile) ? [backupFile] : [join(backupDirOf(projectPath), backupFile), join(dirname(projectPath), backupFile)];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new TresseError('backup.notFound', { file: backupFile });
  return found;
}

function verify(path: string, label: string): void {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...nativeOptions() });
  } catch {
    throw new TresseError('backup.invalid', { file: label });
  }
  try {
    const appId = db.pragma('application_id', { simple: true });
    if (appId !== APPLICATION_ID) throw new TresseError('backup.invalid', { file: label });
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new TresseError('backup.invalid', { file: label });
  } catch (e) {
    if (e instanceof TresseError) throw e;
    throw new TresseError('backup.invalid', { file: label });
  } finally {
    db.close();
  }
}

/** Folds a leftover write-ahead log into the project file, so the copy kept aside is complete. */
function checkpoint(projectPath: string): void {
  try {
    const db = new Database(projectPath, { fileMustExist: true, ...nativeOptions() });
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
  } catch {
    // A damaged project (the reason for restoring) is kept aside as it is.
  }
}

function nativeOptions(): { nativeBinding?: string } {
  const nativeBinding = currentNativeBinding();
  return nativeBinding ? { nativeBinding } : {};
}
