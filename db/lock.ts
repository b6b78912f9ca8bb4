import { createHash, randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { linkSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { TresseError } from '../i18n/error.ts';
import type { Db } from './open.ts';

// One writer per project file. SQLite's own locks keep each transaction whole, but they cannot
// tell a user that the project is already open in another window, another program or on another
// computer sharing a synced folder. A lock file `<project>.lock` beside the project says who holds
// it: process id, the process's start time, the computer, and a nonce naming this one acquisition.
//
// - Taken atomically and never seen half-written: the content is written to a private file first,
//   then hard-linked to the lock's name, which fails if a lock exists (on a file system without
//   hard links, an O_EXCL create then a write, with a grace period for a lock still empty).
// - Stale only when its process is provably gone on this computer: the pid no longer exists, or it
//   exists with another start time (the pid was reused by an unrelated program). A lock from another
//   computer cannot be checked and is honoured until that computer closes the project or the user
//   deletes the lock file, which the error message names.
// - Taken over atomically: two programs that both find the same stale lock must not both win. Only
//   the one that creates `<lock>.takeover-<hash of that stale content>` (O_EXCL) may replace it, and
//   only after re-reading the lock and finding that exact content still there; a rename then puts
//   the new lock in place. The nonce makes every lock's content unique, so a guard can only ever
//   concern one stale lock.
// - The stale holder is returned (ProjectLock.takenOver) so the user can be told; never silent.

export interface LockHolder {
  pid: number;
  host: string;
  since: string;
  /** This computer's stable id (/etc/machine-id on Linux); absent in older locks and elsewhere. */
  machine?: string;
  /** The process's start time as the OS reports it (see processStartTime); absent when unknown. */
  started?: string;
  nonce?: string;
}

export interface ProjectLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** The holder of the stale lock this one replaced, if any: the user is told about it. */
  readonly takenOver: LockHolder | null;
  release(): void;
}

/** A lock file younger than this and not yet readable is being written, not abandoned. */
const FRESH_MS = 5_000;
/** A takeover guard older than this, whose writer is gone, was left by a crash during a takeover. */
const GUARD_ABANDONED_MS = 10_000;
/** How long to wait, in all, for another program's takeover to finish. */
const RACE_WAIT_MS = 2_000;

export function lockFileOf(projectPath: string): string {
  return `${projectPath}.lock`;
}

/** Takes the project's lock or throws TresseError('project.locked') naming who holds it. */
export function acquireLock(projectPath: string): ProjectLock {
  const file = lockFileOf(projectPath);
  const me = currentHolder();
  const content = JSON.stringify(me);
  const deadline = Date.now() + RACE_WAIT_MS;
  let lastSeen: LockHolder | null = null;
  for (;;) {
    const placed = placeNew(file, content, projectPath);
    if (placed === 'placed') return heldLock(file, me, null);
    if (placed === 'unwritable') return noLock(file, me);
    const seen = readLock(file);
    if (seen) lastSeen = seen.holder ?? lastSeen;
    if (seen?.state === 'live') throw lockedError(file, seen.holder);
    if (seen?.state === 'stale' && takeOver(file, seen.text, content) === 'won') {
      return heldLock(file, me, seen.holder ?? unknownHolder());
    }
    // Released meanwhile, being written, or another program is taking the stale lock over.
    if (Date.now() > deadline) throw lockedError(file, lastSeen);
    if (seen) pause(10 + Math.random() * 20);
  }
}

/** Who holds a project's lock, if anyone (stale locks included: `stale` says so). */
export function lockHolder(projectPath: string): (LockHolder & { stale: boolean }) | null {
  const seen = readLock(lockFileOf(projectPath));
  if (!seen?.holder) return null;
  return { ...seen.holder, stale: seen.state === 'stale' };
}

let ownStart: string | undefined;

/** What this process writes in its locks. */
export function currentHolder(): LockHolder {
  ownStart ??= processStartTime(process.pid) ?? '';
  const started = ownStart;
  const machine = machineId();
  return {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    ...(machine ? { machine } : {}),
    ...(started ? { started } : {}),
    nonce: randomUUID(),
  };
}

/**
 * A process's start time, to tell it from a later process given the same pid.
 * - Linux: field 22 of /proc/<pid>/stat (clock ticks since boot), with the boot id, since ticks
 *   restart at each boot. Readable for any user's processes.
 * - macOS and other Unix: `ps -o lstart=` (one-second resolution), run once for this process and
 *   then only for a lock whose process still exists.
 * - Windows: Node offers no way short of spawning PowerShell; null, so only the pid is checked
 *   there (a reused pid keeps an abandoned lock honoured: refused, never shared).
 */
export function processStartTime(pid: number): string | null {
  if (process.platform === 'linux') {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = fields[22 - 3];
      return ticks ? `linux:${bootId()}:${ticks}` : null;
    } catch {
      return null;
    }
  }
  if (process.platform === 'win32') return null;
  try {
    const out = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8', timeout: 2_000, stdio: ['ignore', 'pipe', 'ignore'] });
    return out.trim() ? `ps:${out.trim()}` : null;
  } catch {
    return null;
  }
}

let cachedBoot: string | undefined;
function bootId(): string {
  if (cachedBoot === undefined) {
    try {
      cachedBoot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    } catch {
      cachedBoot = '';
    }
  }
  return cachedBoot;
}

let cachedMachine: string | null | undefined;
function machineId(): string | null {
  if (cachedMachine === undefined) {
    cachedMachine = null;
    for (const f of ['/etc/machine-id', '/var/lib/dbus/machine-id']) {
      try {
        const id = readFileSync(f, 'utf8').trim();
        if (id) {
          cachedMachine = id;
          break;
        }
      } catch {
        // not this one
      }
    }
  }
  return cachedMachine;
}

/** Puts a new lock in place if none exists. */
function placeNew(file: string, content: string, projectPath: string): 'placed' | 'exists' | 'unwritable' {
  const tmp = `${file}.${process.pid}-${randomUUID().slice(0, 8)}.tmp`;
  try {
    writeFileSync(tmp, content, { flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new TresseError('project.notFound', { path: projectPath });
    // A read-only folder (CD, locked-down share): no lock file can exist, SQLite still guards writes.
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'unwritable';
    throw e;
  }
  try {
    linkSync(tmp, file);
    return 'placed';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return 'exists';
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EOPNOTSUPP') return placeWithoutLink(file, content);
    throw e;
  } finally {
    removeQuietly(tmp);
  }
}

/** File systems without hard links (FAT, some shares): O_EXCL create, then write. */
function placeWithoutLink(file: string, content: string): 'placed' | 'exists' {
  try {
    writeFileSync(file, content, { flag: 'wx' });
    return 'placed';
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
    throw e;
  }
}

interface SeenLock {
  text: string;
  holder: LockHolder | null;
  /** live: honoured; stale: may be taken over; writing: just created, content not there yet. */
  state: 'live' | 'stale' | 'writing';
}

function readLock(file: string): SeenLock | null {
  let text: string;
  let age: number;
  try {
    text = readFileSync(file, 'utf8');
    age = Date.now() - statSync(file).mtimeMs;
  } catch {
    return null;
  }
  const holder = parseHolder(text);
  if (!holder) return { text, holder: null, state: age < FRESH_MS ? 'writing' : 'stale' };
  return { text, holder, state: isStale(holder) ? 'stale' : 'live' };
}

function parseHolder(text: string): LockHolder | null {
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    if (typeof h.pid !== 'number' || typeof h.host !== 'string' || typeof h.since !== 'string') return null;
    const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
    const machine = str(h.machine);
    const started = str(h.started);
    const nonce = str(h.nonce);
    return { pid: h.pid, host: h.host, since: h.since, ...(machine ? { machine } : {}), ...(started ? { started } : {}), ...(nonce ? { nonce } : {}) };
  } catch {
    return null;
  }
}

function sameComputer(holder: LockHolder): boolean {
  const mine = machineId();
  if (holder.machine && mine) return holder.machine === mine;
  return holder.host === hostname();
}

/** Whether a lock's process is provably gone: see the header comment. */
function isStale(holder: LockHolder): boolean {
  if (!sameComputer(holder)) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (e) {
    // EPERM: the process exists and belongs to another user.
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return true;
  }
  if (!holder.started) return false;
  const now = processStartTime(holder.pid);
  return now !== null && now !== holder.started;
}

/**
 * Replaces the stale lock whose content is `staleText` by ours, if this process is the one to do
 * it. 'lost': another program got there first, or the lock changed; the caller looks again.
 */
function takeOver(file: string, staleText: string, content: string): 'won' | 'lost' {
  const guard = takeoverGuardOf(file, staleText);
  try {
    writeFileSync(guard, content, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    clearAbandonedGuard(guard);
    return 'lost';
  }
  try {
    let now: string;
    try {
      now = readFileSync(file, 'utf8');
    } catch {
      return 'lost'; // removed meanwhile: a plain acquisition will do
    }
    if (now !== staleText) return 'lost';
    const tmp = `${file}.${process.pid}-${randomUUID().slice(0, 8)}.tmp`;
    writeFileSync(tmp, content, { flag: 'wx' });
    try {
      renameSync(tmp, file);
    } catch (e) {
      removeQuietly(tmp);
      throw e;
    }
    return 'won';
  } finally {
    removeQuietly(guard);
  }
}

/** The file whose O_EXCL creation entitles one program to replace this exact stale lock. */
export function takeoverGuardOf(lockFile: string, staleText: string): string {
  return `${lockFile}.takeover-${createHash('sha256').update(staleText).digest('hex').slice(0, 16)}`;
}

/**
 * A guard left by a program that crashed in the middle of a takeover would block every later one.
 * Removed once it is old and its writer is gone: a live takeover lasts milliseconds.
 */
function clearAbandonedGuard(guard: string): void {
  try {
    const age = Date.now() - statSync(guard).mtimeMs;
    if (age < GUARD_ABANDONED_MS) return;
    const writer = parseHolder(readFileSync(guard, 'utf8'));
    if (writer && !isStale(writer)) return;
    removeQuietly(guard);
  } catch {
    // gone already
  }
}

function heldLock(file: string, holder: LockHolder, takenOver: LockHolder | null): ProjectLock {
  let released = false;
  return {
    file,
    holder,
    takenOver,
    release() {
      if (released) return;
      released = true;
      // Only our own lock: if it was taken over meanwhile (we were thought dead), leave it.
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        return;
      }
      if (parseHolder(text)?.nonce === holder.nonce) removeQuietly(file);
    },
  };
}

function noLock(file: string, holder: LockHolder): ProjectLock {
  return { file, holder, takenOver: null, release() {} };
}

function unknownHolder(): LockHolder {
  return { pid: 0, host: '?', since: '?' };
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** Opening a project is synchronous; a takeover by another program lasts milliseconds. */
function pause(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
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
const locks = new Map<Db, ProjectLock>();

export function attachLock(db: Db, lock: ProjectLock): void {
  locks.set(db, lock);
}

export function releaseLockOf(db: Db): void {
  locks.get(db)?.release();
  locks.delete(db);
}

/** The stale lock that opening this connection took over, if any: the user must be told. */
export function takenOverBy(db: Db): LockHolder | null {
  return locks.get(db)?.takenOver ?? null;
}

/**
 * Closes every project this process holds open and releases their locks: for a process about to
 * end on an error, so it leaves no lock, -wal or -shm behind (SQLite undoes an unfinished
 * transaction; closing the last connection folds the write-ahead log back into the file).
 */
export function closeHeldProjects(): void {
  for (const [db, lock] of locks) {
    try {
      if (db.open) db.close();
    } catch {
      // already unusable: the lock still goes
    }
    lock.release();
  }
  locks.clear();
}
