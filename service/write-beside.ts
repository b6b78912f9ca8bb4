// All or nothing for every file Tresse creates (exports, a project made from a .qdpx): the file is
// written under a temporary name in the destination's own folder, flushed to disk, and only then
// renamed into place. A program killed half-way, a full disk or a failed export leaves the
// destination as it was (absent, or the previous version), never a truncated file under its name.
// The same folder matters: a rename is atomic only within one file system.
import { closeSync, existsSync, fsyncSync, linkSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { TresseError } from '../i18n/error.ts';

/** A temporary name beside `dest`, hidden and unique to this process and call. */
export function besideName(dest: string): string {
  return join(dirname(dest), `${partialPrefixOf(dest)}${process.pid}-${randomUUID().slice(0, 8)}`);
}

/** How every temporary name for `dest` begins (a file name, without the folder). */
export function partialPrefixOf(dest: string): string {
  return `.${basename(dest)}.partial-`;
}

/** Writes `data` to `dest` in one step: beside it first, then renamed over it. */
export function writeFileBeside(dest: string, data: string | Uint8Array): void {
  const tmp = besideName(dest);
  try {
    const fd = openSync(tmp, 'wx');
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let at = 0; at < bytes.byteLength;) at += writeSync(fd, bytes, at, bytes.byteLength - at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, dest);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Puts a complete file (`ready`, in the same folder) in place under `dest`, refusing to replace a
 * file that appeared there meanwhile: a hard link fails if `dest` exists. Where hard links are not
 * supported, a rename after checking (the window is the time of one system call).
 */
export function publishNew(ready: string, dest: string): void {
  try {
    linkSync(ready, dest);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new TresseError('project.exists', { path: dest });
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
    renameNoReplace(ready, dest);
    return;
  }
  rmSync(ready, { force: true });
}

function renameNoReplace(ready: string, dest: string): void {
  if (existsSync(dest)) throw new TresseError('project.exists', { path: dest });
  renameSync(ready, dest);
}
