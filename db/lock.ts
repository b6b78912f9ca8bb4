import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { TresseError } from '../i18n/error.ts';
import type { Db } from './open.ts';

// One writer per project file. SQLite's own locks keep each transaction whole, but they cannot
// tell a user that the project is already open in another window, another program or on another
// computer sharing a synced folder. A lock file `<project>.lock` beside the project says who holds
// it; it is created atomically (O_EXCL) and removed on close. A lock left by a program that died
// on this computer (its process no longer exists) is stale and taken over; a lock from another
// computer cannot be checked and is honoured until that computer closes the project (or the user
// deletes the lock file, which the error message names).

export interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

export interface ProjectLock {
  readonly file: string;
  readonly holder: LockHolder;
  release(): void;
}

/** A lock file younger than this and still empty is being written, not abandoned. */
const FRESH_EMPTY_MS = 5_000;

export function lockFileOf(projectPath: string): string {
  return `${projectPath}.lock`;
}

/** Takes the project's lock or throws TresseError('project.locked') naming who holds it. */
export function acquireLock(projectPath: string): ProjectLock {
  const file = lockFileOf(projectPath);
  const me: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new TresseError('project.notFound', { path: projectPath });
      // A read-only folder (CD, locked-down share): no lock file can exist, SQLite still guards writes.
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return noLock(file, me);
      if (code !== 'EEXIST') throw e;
      const holder = readHolder(file);
      if (holder === 'fresh' || (holder && !isStale(holder))) throw lockedError(file, holder === 'fresh' ? null : holder);
      removeQuietly(file);
      continue;
    }
    try {
      writeSync(fd, JSON.stringify(me));
    } finally {
      closeSync(fd);
    }
    return heldLock(file, me);
  }
  throw lockedError(file, null);
}

/** Who holds a project's lock, if anyone (stale locks included: `stale` says so). */
export function lockHolder(projectPath: string): (LockHolder & { stale: boolean }) | null {
  const holder = readHolder(lockFileOf(projectPath));
  if (!holder || holder === 'fresh') return null;
  return { ...holder, stale: isStale(holder) };
}

function heldLock(file: string, holder: LockHolder): ProjectLock {
  let released = false;
  return {
    file,
    holder,
    release() {
      if (released) return;
      released = true;
      // Only our own lock: if it was taken over meanwhile (we were thought dead), leave it.
      const current = readHolder(file);
      if (current && current !== 'fresh' && current.pid === holder.pid && current.since === holder.since) removeQuietly(file);
    },
  };
}

function noLock(file: string, holder: LockHolder): ProjectLock {
  return { file, holder, release() {} };
}

function readHolder(file: string): LockHolder | 'fresh' | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    if (typeof h.pid === 'number' && typeof h.host === 'string' && typeof h.since === 'string') {
      return { pid: h.pid, host: h.host, since: h.since };
    }
  } catch {
    // fall through: empty or half-written
  }
  try {
    return Date.now() - statSync(file).mtimeMs < FRESH_EMPTY_MS ? 'fresh' : null;
  } catch {
    return null;
  }
}

function isStale(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

function lockedError(file: string, holder: LockHolder | null): TresseError {
  return new TresseError('project.locked', {
    lock: file,
    host: holder?.host ?? '?',
    pid: holder?.pid ?? 0,
    since: holder?.since ?? '?',
  });
}

// The lock travels with the connection, so closing a project releases it without the context
// (service/context.ts) having to carry it.
const locks = new WeakMap<Db, ProjectLock>();

export function attachLock(db: Db, lock: ProjectLock): void {
  locks.set(db, lock);
}

export function releaseLockOf(db: Db): void {
  locks.get(db)?.release();
  locks.delete(db);
}
