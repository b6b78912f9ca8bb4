// Which column of the triangulation matrix each kind of source feeds (by default documents and
// event syntheses go to Documents, meetings and the notebook to Observations).
import { useState } from 'react';
import type { KindColumn } from '../../../analysis/matrix/kind-columns.ts';
import type { SourceKind } from '../../../model/types.ts';
import { useApiCall, useApiQuery } from '../../data/hooks.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { KIND_GROUP, SOURCE_KINDS } from '../sources/source-kinds.ts';
import { useTask } from '../team/use-task.ts';

const NEW = '\u0000new';

const NO_COLUMNS: KindColumn[] = [];

export function KindColumnsDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const columns = useApiQuery('listKindColumns', undefined).data ?? NO_COLUMNS;
  const call = useApiCall();
  const [adding, setAdding] = useState<{ kind: SourceKind; label: string } | null>(null);
  const { busy, error, clearError, run } = useTask();

  const apply = (kind: SourceKind, label: string) =>
    run(async () => {
      await call('setKindColumn', { kind, label });
      setAdding(null);
    });
  const reset = () =>
    run(async () => {
      await call('resetKindColumns', undefined);
    });

  return (
    <Dialog title={t('analysis.kinds.title')} onClose={onClose}>
      <p className="muted">{t('analysis.kinds.explain')}</p>
      <ErrorNotice message={error} onDismiss={clearError} />
      {SOURCE_KINDS.map((kind) => {
        const current = columns.find((c) => c.kinds.includes(kind))?.label ?? '';
        return (
          <div key={kind} className="field-row">
            <Field label={t(KIND_GROUP[kind])}>
              {(id) => (
                <select
                  id={id}
                  value={adding?.kind === kind ? NEW : current}
                  disabled={busy}
                  onChange={(e) => (e.target.value === NEW ? setAdding({ kind, label: '' }) : void apply(kind, e.target.value))}
                >
                  {columns.map((c) => (
                    <option key={c.label} value={c.label}>
                      {c.label}
                    </option>
                  ))}
                  <option value={NEW}>{t('analysis.kinds.new')}</option>
                </select>
              )}
            </Field>
            {adding?.kind === kind && (
              <form
                className="inline-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (adding.label.trim()) void apply(kind, adding.label);
                }}
              >
                <label className="field">
                  <span>{t('analysis.kinds.newName')}</span>
                  <input value={adding.label} onChange={(e) => setAdding({ kind, label: e.target.value })} autoFocus />
                </label>
                <button type="submit" disabled={busy || !adding.label.trim()}>
                  {t('analysis.kinds.apply')}
                </button>
              </form>
            )}
          </div>
        );
      })}
      <div className="dialog-actions">
        <button type="button" disabled={busy} onClick={() => void reset()}>
          {t('analysis.kinds.reset')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
