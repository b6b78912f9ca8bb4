// The project's backups: when they are taken and where they are, a backup now, a restore
// (confirmed first; the project is closed, replaced by the backup and reopened by the service),
// and deleting one backup or all of them (confirmed first: they cannot be recovered).
import { useRef, useState, type FormEvent } from 'react';
import type { BackupInfo } from '../../../service/contract/index.ts';
import type { ProjectInfo } from '../../../service/contract/index.ts';
import { useApiCall, useApiQuery } from '../../data/hooks.ts';
import { useLang } from '../../i18n/lang-context.tsx';
import { ConfirmInPlace } from './ConfirmInPlace.tsx';
import { asideFile, formatDate, formatSize } from './format.ts';

interface Props {
  projectPath: string;
  report: (e: unknown) => void;
  /** The project was restored and reopened. */
  onRestored: (project: ProjectInfo) => Promise<void>;
}

type Asking = { action: 'restore' | 'delete'; backup: BackupInfo } | { action: 'deleteAll' };

export function BackupsTab({ projectPath, report, onRestored }: Props) {
  const { t, lang } = useLang();
  // Backups are files beside the project, also taken by the clock: asked afresh when the tab opens.
  const { data: list = null, refetch } = useApiQuery('listBackups', undefined, { staleTime: 0 });
  const call = useApiCall();
  const [asking, setAsking] = useState<Asking | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Where the focus goes back when a question closes or an action ends and its button is gone or
  // busy: the button that asked, else "Back up now". Never left on <body>, where keys are lost.
  const nowButton = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const settleFocus = () =>
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active && active !== document.body && active.isConnected) return;
      const back = opener.current?.isConnected && !(opener.current as HTMLButtonElement).disabled ? opener.current : nowButton.current;
      back?.focus();
    });
  const ask = (a: Asking | null, from?: HTMLElement) => {
    if (from) opener.current = from;
    setAsking(a);
    if (!a) settleFocus();
  };

  const run = async (op: () => Promise<void>) => {
    setBusy(true);
    setStatus(null);
    try {
      await op();
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
      // A failure may have left the folder changed (a backup half deleted): show it as it is.
      await refetch();
      settleFocus();
    }
  };

  const backupNow = () =>
    run(async () => {
      const info = await call('backupNow', undefined);
      setStatus(t('backup.done', { file: info.file }));
    });

  const restore = (backup: BackupInfo) =>
    run(async () => {
      ask(null);
      const { project } = await call('restoreBackup', { file: backup.file });
      await onRestored(project);
      setStatus(t('backup.restored', { date: formatDate(backup.takenAt, lang) }));
    });

  const remove = (backup: BackupInfo) =>
    run(async () => {
      ask(null);
      await call('deleteBackup', { file: backup.file });
      setStatus(t('backup.deleted', { date: formatDate(backup.takenAt, lang) }));
    });

  const removeAll = () =>
    run(async () => {
      ask(null);
      const before = list?.backups.length ?? 0;
      const after = await call('deleteAllBackups', undefined);
      setStatus(t('backup.deletedAll', { count: Math.max(0, before - after.backups.length) }));
    });

  const question = (a: Asking) => {
    if (a.action === 'deleteAll') return { message: t('backup.confirmDeleteAll', { dir: list?.dir ?? '' }), label: t('backup.confirmDeleteAllButton') };
    const date = formatDate(a.backup.takenAt, lang);
    return a.action === 'restore'
      ? { message: t('backup.confirm', { date, aside: asideFile(projectPath) }), label: t('backup.confirmButton') }
      : { message: t('backup.confirmDelete', { date, file: a.backup.file }), label: t('backup.confirmDeleteButton') };
  };
  const asked = asking && question(asking);
  const confirmed = (a: Asking) => (a.action === 'deleteAll' ? removeAll() : a.action === 'restore' ? restore(a.backup) : remove(a.backup));

  return (
    <div className="privacy-tab">
      {list && <p className="muted">{t('backup.intro', { minutes: list.everyMinutes, keep: list.keep, dir: list.dir })}</p>}
      <div className="privacy-actions">
        {/* Not disabled while busy: a disabled button loses the focus. */}
        <button ref={nowButton} type="button" className="primary" aria-disabled={busy} onClick={() => void (busy || backupNow())}>
          {t('backup.now')}
        </button>
        <button
          type="button"
          className="danger"
          disabled={busy || !list || list.backups.length === 0}
          onClick={(e) => ask({ action: 'deleteAll' }, e.currentTarget)}
        >
          {t('backup.deleteAll')}
        </button>
        {list && (
          <IntervalForm
            key={list.everyMinutes}
            minutes={list.everyMinutes}
            onSave={(minutes) =>
              run(async () => {
                await call('setBackupInterval', { minutes });
                setStatus(t('backup.intervalSaved', { minutes }));
              })
            }
          />
        )}
      </div>
      {status && (
        <p className="status" role="status">
          {status}
        </p>
      )}
      {asked && (
        <ConfirmInPlace
          key={asking.action === 'deleteAll' ? 'all' : `${asking.action} ${asking.backup.file}`}
          message={asked.message}
          confirmLabel={asked.label}
          onConfirm={() => void confirmed(asking)}
          onCancel={() => ask(null)}
        />
      )}
      <div className="table-scroll">
        <table className="cases-table privacy-table">
          <caption className="privacy-caption">{t('backup.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('backup.date')}</th>
              <th scope="col">{t('backup.size')}</th>
              <th scope="col">{t('backup.file')}</th>
              <th scope="col">{t('pseudo.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list?.backups.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">
                  {t('backup.none')}
                </td>
              </tr>
            )}
            {list?.backups.map((b) => (
              <tr key={b.file}>
                <th scope="row">{formatDate(b.takenAt, lang)}</th>
                <td>{formatSize(b.size, lang)}</td>
                <td className="path">{b.file}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={t('backup.restoreOf', { date: formatDate(b.takenAt, lang) })}
                    onClick={(e) => ask({ action: 'restore', backup: b }, e.currentTarget)}
                  >
                    {t('backup.restore')}
                  </button>
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={t('backup.deleteOf', { date: formatDate(b.takenAt, lang) })}
                    onClick={(e) => ask({ action: 'delete', backup: b }, e.currentTarget)}
                  >
                    {t('backup.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function IntervalForm({ minutes, onSave }: { minutes: number; onSave: (minutes: number) => Promise<void> }) {
  const { t } = useLang();
  const [value, setValue] = useState(String(minutes));
  const parsed = Number(value);
  const valid = Number.isInteger(parsed) && parsed >= 1 && parsed <= 24 * 60;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (valid) void onSave(parsed);
  };
  return (
    <form className="privacy-interval" onSubmit={submit}>
      <label htmlFor="backup-interval">{t('backup.interval')}</label>
      <input id="backup-interval" type="number" min={1} max={24 * 60} step={1} value={value} onChange={(e) => setValue(e.target.value)} />
      <button type="submit" disabled={!valid || parsed === minutes}>
        {t('backup.intervalSave')}
      </button>
    </form>
  );
}
