// Errors from the file system (Node) and from SQLite that reach the user: turned into catalogue
// messages naming the file, for the command line, the browser server and the desktop dispatch
// alike. Anything else is a bug and stays one.
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TresseError } from './error.ts';
import type { ErrorCode } from './errors.ts';

const BY_NODE_CODE: Record<string, ErrorCode> = {
  ENOENT: 'system.notFound',
  EACCES: 'system.denied',
  EPERM: 'system.denied',
  ENOTDIR: 'system.notADirectory',
  EISDIR: 'file.isDirectory',
  ENOSPC: 'system.diskFull',
  EDQUOT: 'system.diskFull',
  EFBIG: 'system.diskFull',
  EROFS: 'system.readOnly',
  EEXIST: 'system.exists',
  ENAMETOOLONG: 'system.nameTooLong',
  EMFILE: 'system.tooManyFiles',
  ENFILE: 'system.tooManyFiles',
  EBUSY: 'system.busy',
  ETXTBSY: 'system.busy',
  EIO: 'system.io',
  ELOOP: 'system.loop',
};

// SQLite's extended codes start with the primary one: SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED…
const BY_SQLITE_CODE: Array<[prefix: string, key: ErrorCode]> = [
  ['SQLITE_CANTOPEN', 'system.cantOpen'],
  ['SQLITE_FULL', 'system.diskFull'],
  ['SQLITE_READONLY', 'system.readOnly'],
  ['SQLITE_PERM', 'system.denied'],
  ['SQLITE_AUTH', 'system.denied'],
  ['SQLITE_IOERR', 'system.io'],
];

/**
 * The user error for a failed file-system or SQLite operation, or undefined when `e` is neither.
 * `path` stands in when the error names no file (SQLite never does; Node leaves it out for some
 * calls). A temporary file written beside its destination is named by its destination.
 */
export function systemErrorOf(e: unknown, path?: string): TresseError | undefined {
  if (e === null || typeof e !== 'object') return undefined;
  const { code, path: own, syscall } = e as { code?: unknown; path?: unknown; syscall?: unknown };
  if (typeof code !== 'string') return undefined;
  const where = destinationOf(typeof own === 'string' ? own : path);
  if (code.startsWith('SQLITE_')) {
    const key = BY_SQLITE_CODE.find(([prefix]) => code.startsWith(prefix))?.[1];
    return key ? new TresseError(key, { path: where }) : undefined;
  }
  // Only errors of a system call carry one of these codes; anything else is not the file's fault.
  if (typeof syscall !== 'string' && typeof own !== 'string') return undefined;
  // A missing file in an existing folder is said as such; otherwise the folder may be what is missing.
  if (code === 'ENOENT' && where !== '?' && existsSync(dirname(where))) return new TresseError('file.notFound', { path: where });
  const key = BY_NODE_CODE[code];
  if (key) return new TresseError(key, { path: where });
  return /^E[A-Z0-9]+$/.test(code) ? new TresseError('system.other', { path: where, code }) : undefined;
}

/** `.etude.qdpx.partial-123-0a1b2c3d` (service/write-beside.ts) -> `etude.qdpx`, in the same folder. */
function destinationOf(path: string | undefined): string {
  if (path === undefined) return '?';
  const partial = /^\.(.+)\.partial-\d+-[0-9a-f]{8}$/.exec(basename(path));
  return partial ? join(dirname(path), partial[1]!) : path;
}
