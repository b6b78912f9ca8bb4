// Reading a teammate's project without touching it: opening a project may migrate it or switch its
// journal mode, so we open a temporary copy (with its write-ahead log, which may hold recent changes).
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { TresseError } from '../i18n/error.ts';
import { openProjectDb, type Db } from '../db/open.ts';

export function readProjectCopy<T>(path: string, read: (db: Db) => T): T {
  if (!existsSync(path)) throw new TresseError('project.notFound', { path });
  const dir = mkdtempSync(join(tmpdir(), 'tresse-read-'));
  try {
    const copy = join(dir, basename(path));
    copyFileSync(path, copy);
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
    const db = openProjectDb(copy);
    try {
      return read(db);
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
