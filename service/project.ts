import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { createProjectDb, migrationNotices, openProjectDb, type Db } from '../db/open.ts';
import type { MigrationNotice } from '../db/migrations/index.ts';
import { stmt } from '../db/statements.ts';
import { acquireLock, attachLock, releaseLockOf, takenOverBy, type LockHolder } from '../db/lock.ts';
import { loadGrid } from '../codebooks/grids.ts';
import type { Coder } from '../model/types.ts';
import { coderName as checkedCoderName, ensureCoder, findCoder, listCoders } from './coders.ts';
import { TresseError } from '../i18n/error.ts';
import { insertCodeTree } from './codebook.ts';
import { newGuid, nowIso, type ProjectContext } from './context.ts';

export interface ProjectInfo {
  path: string;
  guid: string;
  name: string;
  grid: string;
  createdAt: string;
  coder: Coder;
  coders: Coder[];
  counts: { sources: number; cases: number; codes: number; codings: number; memos: number };
  /** Present when opening took over the lock of a program that had stopped: the user is told. */
  lockTakenOver?: LockHolder;
  /** Present when opening upgraded the project and that changed something the user must hear of. */
  upgradeNotices?: readonly MigrationNotice[];
  /** Present when nobody at this machine has said who codes in this project yet: the interface asks. */
  askCoder?: true;
}

export interface CreateProjectOptions {
  name?: string;
  /** Built-in grid id: 'six-themes' or 'empty'. */
  grid?: string;
  /** Refused when empty (coder.empty); only internal callers may leave it out (the account's name). */
  coder?: string;
}

/** The name a coder gets when a command-line user gives none: the account's user name. */
export function defaultCoderName(): string {
  try {
    return userInfo().username || 'moi';
  } catch {
    return 'moi';
  }
}

export function createProject(path: string, options: CreateProjectOptions = {}): ProjectContext {
  const grid = options.grid ?? 'six-themes';
  const codes = loadGrid(grid);
  // Refused before the file exists: an empty name must leave nothing behind.
  const coderNameGiven = options.coder === undefined ? defaultCoderName() : checkedCoderName(options.coder);
  const lock = path === ':memory:' || existsSync(path) ? null : acquireLock(path);
  let db: Db;
  try {
    db = createProjectDb(path);
  } catch (e) {
    lock?.release();
    throw e;
  }
  if (lock) attachLock(db, lock);
  try {
    let coder!: Coder;
    db.transaction(() => {
      stmt(db, 'INSERT INTO project (id, guid, name, grid, created_at) VALUES (1, ?, ?, ?, ?)').run(
        newGuid(),
        options.name?.trim() || projectNameFromPath(path),
        grid,
        nowIso(),
      );
      coder = ensureCoder(db, coderNameGiven);
      setSetting(db, 'default_coder', coder.name);
      insertCodeTree(db, codes, null);
    })();
    return { db, path, coder };
  } catch (e) {
    db.close();
    releaseLockOf(db);
    throw e;
  }
}

export interface OpenProjectOptions {
  /**
   * false: open without taking the project's lock, for command-line reads while the desktop app
   * has the project open (SQLite lets readers in beside one writer). Default true.
   */
  lock?: boolean;
  /**
   * When a coder not yet in the project is recorded. 'now' (default): at opening, so the desktop
   * app shows and lists them at once. 'on-first-use': only when something is first attributed to
   * them, inside that change's transaction, so a command that fails or only reads leaves the
   * file byte for byte as it was.
   */
  newCoder?: 'now' | 'on-first-use';
  /**
   * SQLite's page cache for this connection, in kB. better-sqlite3 sets 16 MB, which an import
   * fills with pages it will not read again; a one-command process (the command line) keeps
   * SQLite's own default of 2 MB and its peak memory lower. Default: better-sqlite3's.
   */
  pageCacheKb?: number;
}

/** Opens a project as `coder` (created if new), or as the coder who last worked in it. */
export function openProject(path: string, coderName?: string, options: OpenProjectOptions = {}): ProjectContext {
  const lock = options.lock === false || path === ':memory:' || !existsSync(path) ? null : acquireLock(path);
  let db: Db;
  try {
    db = openProjectDb(path);
  } catch (e) {
    lock?.release();
    throw e;
  }
  if (lock) attachLock(db, lock);
  try {
    if (options.pageCacheKb !== undefined) db.pragma(`cache_size = ${-Math.round(options.pageCacheKb)}`);
    const name = coderName ?? getSetting(db, 'default_coder') ?? listCoders(db)[0]?.name ?? defaultCoderName();
    if (options.newCoder === 'on-first-use') return withCoderOnFirstUse(db, path, name);
    const coder = db.transaction(() => ensureCoder(db, name))();
    return { db, path, coder };
  } catch (e) {
    db.close();
    releaseLockOf(db);
    throw e;
  }
}

/**
 * A context whose coder is looked up at each use until it exists outside a transaction: a row
 * inserted inside one may still be rolled back with it, and must then be inserted again.
 */
function withCoderOnFirstUse(db: Db, path: string, name: string): ProjectContext {
  if (!name.trim()) throw new TresseError('value.invalid', { field: 'coder', value: name });
  let known: Coder | undefined = findCoder(db, name);
  return {
    db,
    path,
    get coder(): Coder {
      if (known) return known;
      const coder = ensureCoder(db, name);
      if (!db.inTransaction) known = coder;
      return coder;
    },
    set coder(coder: Coder) {
      known = coder;
    },
  };
}

export function closeProject(ctx: ProjectContext): void {
  if (ctx.db.open) ctx.db.close();
  releaseLockOf(ctx.db);
}

export function projectInfo(ctx: ProjectContext): ProjectInfo {
  const row = stmt(ctx.db, 'SELECT guid, name, grid, created_at AS createdAt FROM project WHERE id = 1').get() as {
    guid: string;
    name: string;
    grid: string;
    createdAt: string;
  };
  const count = (table: string) => (stmt(ctx.db, `SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const stale = takenOverBy(ctx.db);
  const upgrade = migrationNotices(ctx.db);
  return {
    path: ctx.path,
    ...row,
    coder: ctx.coder,
    coders: listCoders(ctx.db),
    counts: {
      sources: count('sources'),
      cases: count('cases'),
      codes: count('codes'),
      codings: count('codings'),
      memos: count('memos'),
    },
    ...(stale ? { lockTakenOver: stale } : {}),
    ...(upgrade.length > 0 ? { upgradeNotices: upgrade } : {}),
  };
}

export function renameProject(ctx: ProjectContext, name: string): void {
  stmt(ctx.db, 'UPDATE project SET name = ? WHERE id = 1').run(name.trim());
}

/** Switches who is coding; remembered as the project's default for the next opening. */
export function switchCoder(ctx: ProjectContext, name: string): Coder {
  ctx.coder = ctx.db.transaction(() => {
    const coder = ensureCoder(ctx.db, name);
    setSetting(ctx.db, 'default_coder', coder.name);
    return coder;
  })();
  return ctx.coder;
}

export function getSetting(db: Db, key: string): string | undefined {
  return (stmt(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function setSetting(db: Db, key: string, value: string): void {
  stmt(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

function projectNameFromPath(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.tresse$/i, '') || 'Projet';
}
