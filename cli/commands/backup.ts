import { existsSync } from 'node:fs';
import { UsageError, type CommandRun } from '../main.ts';
import { TresseError } from '../../i18n/error.ts';
import { type BackupInfo, backupDirOf, backupProject, deleteAllBackups, deleteBackups, listBackups, restoreBackup } from '../../service/backup.ts';

// tresse backup PROJECT [--keep N] | tresse backups PROJECT [--json] | tresse restore PROJECT BACKUP
// | tresse backups PROJECT (--delete BACKUP... | --delete-all)
// A backup only reads the project, so it works while the app has it open; a restore replaces the
// file and is refused while the project is open anywhere. Deleting backups leaves the project
// alone, so it works while the app has it open too.

export async function backup(run: CommandRun): Promise<void> {
  const keep = run.values.keep;
  if (keep !== undefined && !/^[1-9]\d*$/.test(keep)) throw new UsageError(`--keep ${keep}`);
  const info = await run.withProject((ctx) => backupProject(ctx, keep ? { keep: Number(keep) } : {}));
  run.print(info, () => run.say('cli.backupDone', { path: info.path }));
}

export function backups(run: CommandRun): void {
  const { delete: remove, 'delete-all': all } = run.values;
  if (remove && all) throw new UsageError('--delete + --delete-all');
  const path = run.path(0);
  if (!existsSync(path)) throw new TresseError('project.notFound', { path });
  if (remove) return deleted(run, path, deleteBackups(path, remove));
  if (all) return deleted(run, path, deleteAllBackups(path));
  const list = listBackups(path);
  run.print(list, () =>
    list.length === 0
      ? run.say('cli.noBackups')
      : list.map((b) => `${b.file}  ${b.takenAt}  ${Math.round(b.size / 1024)} Kio`).join('\n'),
  );
}

function deleted(run: CommandRun, path: string, gone: BackupInfo[]): void {
  const left = listBackups(path);
  run.print({ deleted: gone, backups: left }, () =>
    [
      ...gone.map((b) => run.say('cli.backupDeleted', { file: b.file })),
      run.say('cli.backupsDeleted', { count: gone.length, left: left.length, dir: backupDirOf(path) }),
    ].join('\n'),
  );
}

export function restore(run: CommandRun): void {
  const result = restoreBackup(run.path(0), run.arg(1, 'SAUVEGARDE / BACKUP'));
  run.print(result, () => run.say('cli.restored', { backup: result.restored, previous: result.previous ?? '—' }));
}
