import { existsSync } from 'node:fs';
import { backupDirOf, listBackups } from './backup.ts';

// After pseudonymising, the project file is rewritten but older copies of it are not: the
// backups taken before (the app takes one each time it opens the project), and the file a restore
// kept aside. They still hold the real names; the user is told where and how many, and offered to
// delete them.

export interface RealNameCopies {
  /** The backup folder, `<project>.backups`. */
  dir: string;
  /** Backups taken so far: all of them predate the pseudonymisation just applied. */
  count: number;
  /** `<project>.before-restore`, when a restore left one. */
  beforeRestore: string | null;
}

export function realNameCopies(projectPath: string): RealNameCopies {
  const aside = `${projectPath}.before-restore`;
  return { dir: backupDirOf(projectPath), count: listBackups(projectPath).length, beforeRestore: existsSync(aside) ? aside : null };
}
