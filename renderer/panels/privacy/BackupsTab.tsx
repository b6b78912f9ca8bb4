// The project's backups: when they are taken and where they are, a backup now, and a restore
// (confirmed first; the project is closed, replaced by the backup and reopened by the service).
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { BackupList } from '../../../service/api.ts';
import type { BackupInfo } from '../../../service/backup.ts';
import type { ProjectInfo } from '../../../service/project.ts';
import { api } from '../../api/client.ts';
import { useLang } from '../../i18n/lang-context.tsx';
import { asideFile, formatDate, formatSize } from './format.ts';

interface Props {
  projectPath: string;
  report: (e: unknown) => void;
  /** The project was restored and reopened. */
  onRestored: (project: ProjectInfo) => Promise<void>;
}

export function BackupsTab({ projectPath, report, onRestored }: Props) {
  const { t, lang } = useLang();
  const [list, setList] = useState<BackupList | null>(null);
  const [asking, setAsking] = useState<BackupInfo | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setList(await api.listBackups());
    } catch (e) {
      report(e);
    }
  }, [report]);
  useEffect(() => void load(), [load]);

  const run = async (op: () => Promise<void>) => {
    setBusy(true);
    setStatus(null);
    try {
      await op();
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
      await load();
    }
  };

  const backupNow = () =>
    run(async () => {
      const info = await api.backupNow();
      setStatus(t('backup.done', { file: info.file }));
    });

  const restore = (backup: BackupInfo) =>
    run(async () => {
      setAsking(null);
      const { project } = await api.restoreBackup({ file: backup.file });
      await onRestored(project);
      setStatus(t('backup.restored', { date: formatDate(backup.takenAt, lang) }));
    });

  return (
    <div className="privacy-tab">
      {list && (
        <p className="muted">
          {t('backup.intro', { minutes: list.everyMinutes, keep: list.keep, dir: list.dir })}
        </p>
      )}
      <div className="privacy-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void backupNow()}>
          {t('backup.now')}
        </button>
        {list && (
          <IntervalForm
            key={list.everyMinutes}
            minutes={list.everyMinutes}
            onSave={(minutes) =>
              run(async () => {
                await api.setBackupInterval({ minutes });
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
      {asking && (
        <RestoreConfirm
          message={t('backup.confirm', { date: formatDate(asking.takenAt, lang), aside: asideFile(projectPath) })}
          onConfirm={() => void restore(asking)}
          onCancel={() => setAsking(null)}
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
                <td>
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={t('backup.restoreOf', { date: formatDate(b.takenAt, lang) })}
                    onClick={() => setAsking(b)}
                  >
                    {t('backup.restore')}
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

/** Asked in place (the tab is already inside a dialog): the confirm button takes the focus. */
function RestoreConfirm({ message, onConfirm, onCancel }: { message: string; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useLang();
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <div
      className="privacy-confirm"
      role="alertdialog"
      aria-label={t('backup.confirmButton')}
      aria-describedby="restore-message"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <p id="restore-message">{message}</p>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button ref={confirm} type="button" className="danger" onClick={onConfirm}>
          {t('backup.confirmButton')}
        </button>
      </div>
    </div>
  );
}
