import type { BackupInfo } from '../../service/backup.ts';
import { UsageError } from '../io.ts';
import type { CommandRun } from '../run.ts';

// tresse backup PROJECT [--keep N] | tresse backups PROJECT [--json] | tresse restore PROJECT BACKUP
// | tresse backups PROJECT (--delete BACKUP... | --delete-all)
// A backup only reads the project, so it works while the app has it open; a restore replaces the
// file and is refused while the project is open anywhere. Deleting backups leaves the project
// alone, so it works while the app has it open too.

export async function backup(run: CommandRun): Promise<void> {
  const keep = run.values.keep;
  if (keep !== undefined && !/^[1-9]\d*$/.test(keep)) throw new UsageError(`--keep ${keep}`);
  const info = await run.withProject((api) => api.backupNow(keep ? { keep: Number(keep) } : {}));
  run.print(info, () => run.say('cli.backupDone', { path: info.path }));
}

export async function backups(run: CommandRun): Promise<void> {
  const { delete: remove, 'delete-all': all } = run.values;
  if (remove && all) throw new UsageError('--delete + --delete-all');
  if (remove) {
    const after = await run.withProject((api) => api.deleteBackupFiles({ files: remove }));
    return deleted(run, after.deleted, after.backups, after.dir);
  }
  if (all) {
    const { before, after } = await run.withProject(async (api) => ({ before: await api.listBackups(), after: await api.deleteAllBackups() }));
    const left = new Set(after.backups.map((b) => b.file));
    return deleted(
      run,
      before.backups.filter((b) => !left.has(b.file)),
      after.backups,
      after.dir,
    );
  }
  const list = (await run.withProject((api) => api.listBackups())).backups;
  run.print(list, () =>
    list.length === 0 ? run.say('cli.noBackups') : list.map((b) => `${b.file}  ${b.takenAt}  ${Math.round(b.size / 1024)} Kio`).join('\n'),
  );
}

function deleted(run: CommandRun, gone: BackupInfo[], left: BackupInfo[], dir: string): void {
  run.print({ deleted: gone, backups: left }, () =>
    [...gone.map((b) => run.say('cli.backupDeleted', { file: b.file })), run.say('cli.backupsDeleted', { count: gone.length, left: left.length, dir })].join(
      '\n',
    ),
  );
}

export async function restore(run: CommandRun): Promise<void> {
  const path = run.path(0);
  const file = run.arg(1, 'SAUVEGARDE / BACKUP');
  const result = await run.session((api) => api.restoreClosedProject({ path, file }));
  run.print(result, () => run.say('cli.restored', { backup: result.restored, previous: result.previous ?? '—' }));
}
