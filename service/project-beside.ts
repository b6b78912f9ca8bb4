// A new project file, all or nothing: built under a temporary name beside its destination and put
// in place only once complete, so a failure or a killed program leaves no file under the
// destination's name, never an empty or half-made project that later runs refuse.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { acquireLock } from '../db/lock.ts';
import { TresseError } from '../i18n/error.ts';
import type { ProjectContext } from './context.ts';
import { closeProject, createProject, openProject, type CreateProjectOptions } from './project.ts';
import { besideName, partialPrefixOf, publishNew } from './write-beside.ts';

/**
 * Creates the project at `path` with `fill` (synchronous: one transaction, never across an await)
 * and returns it open. The destination's lock is held meanwhile, so what a killed earlier run left
 * beside it can be cleared safely.
 */
export function createProjectBeside<T>(path: string, options: CreateProjectOptions, fill: (ctx: ProjectContext) => T): { ctx: ProjectContext; result: T } {
  if (existsSync(path)) throw new TresseError('project.exists', { path });
  const destination = acquireLock(path);
  let result: T;
  try {
    clearPartials(path);
    const partial = besideName(path);
    try {
      const name = options.name?.trim() || basename(path).replace(/\.tresse$/i, '') || 'Projet';
      const ctx = createProject(partial, { ...options, name });
      try {
        result = fill(ctx);
      } finally {
        closeProject(ctx);
      }
      publishNew(partial, path);
    } finally {
      removeProjectFiles(partial);
    }
  } finally {
    destination.release();
  }
  return { ctx: openProject(path, options.coder), result };
}

/** What killed runs left beside `path`: partial projects, with their journals and locks. */
function clearPartials(path: string): void {
  const prefix = partialPrefixOf(path);
  for (const f of readdirSync(dirname(path))) if (f.startsWith(prefix)) rmSync(join(dirname(path), f), { force: true });
}

function removeProjectFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal', '.lock']) rmSync(file + suffix, { force: true });
}
