// Files named on the command line that cannot be read: said plainly, not as a program fault.
import { readFileSync } from 'node:fs';
import { TresseError } from '../i18n/error.ts';

/**
 * The user error for a failed read of a file the user named, or undefined for anything else.
 * `path` stands in when Node leaves it out (reading a folder says EISDIR without a path).
 */
export function fileErrorOf(e: unknown, path?: string): TresseError | undefined {
  const error = e as NodeJS.ErrnoException;
  const where = error?.path ?? path;
  if (typeof where !== 'string') return undefined;
  switch (error.code) {
    case 'ENOENT':
      return new TresseError('file.notFound', { path: where });
    case 'EISDIR':
      return new TresseError('file.isDirectory', { path: where });
    case 'EACCES':
    case 'EPERM':
      return new TresseError('file.unreadable', { path: where, detail: error.code });
    default:
      return undefined;
  }
}

/** Reads a file the user named; a missing or unreadable file is a TresseError. */
export function readUserFile(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    throw fileErrorOf(e, path) ?? e;
  }
}
