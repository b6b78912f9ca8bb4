// REFI-QDA exchange: the project as .qdpx and the codebook as .qdc for other programs, and a .qdpx
// or .qdc from them merged into the open project, with what could not be imported listed. A .qdpx
// is first read for its report (ImportPreview): the user imports it, or cancels with nothing written.
import { useState } from 'react';
import type { ExchangeReport, ExportTarget, MergeReport, QdcImport } from '../../../service/contract/index.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { useApiCall } from '../../data/hooks.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { fileBase, MIME, readFileBytes, saveFile } from './download.ts';
import { extensionOf, FileDrop } from './FileDrop.tsx';
import { ImportPreview } from './ImportPreview.tsx';
import { CodebookResult, MergeSummary } from './MergeSummary.tsx';
import { useTask } from './use-task.ts';

/** Programs a .qdpx can be written for (exchange/refi/vendor.ts); names are the same in both languages. */
const TARGETS: [ExportTarget, string | null][] = [
  ['standard', null],
  ['nvivo-windows', 'NVivo (Windows)'],
  ['nvivo-mac', 'NVivo (Mac)'],
  ['atlasti', 'ATLAS.ti'],
  ['maxqda', 'MAXQDA'],
  ['qualcoder', 'QualCoder'],
];

type Outcome = { kind: 'qdpx'; name: string; report: MergeReport } | { kind: 'qdc'; file: string; result: QdcImport };

export function ExchangeSection() {
  const t = useT();
  const { project } = useWorkbench();
  const call = useApiCall();
  const task = useTask();
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, setPending] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [target, setTarget] = useState<ExportTarget>('standard');
  const [preview, setPreview] = useState<{ bytes: Uint8Array; report: ExchangeReport } | null>(null);

  const exportAs = (format: 'qdpx' | 'qdc') =>
    task.run(async () => {
      const fileName = `${fileBase(project.name)}.${format}`;
      const qdpx = () => call('exportQdpx', target === 'standard' ? undefined : { target });
      saveFile(format === 'qdpx' ? await qdpx() : await call('exportQdc', undefined), fileName, MIME[format]);
      setSaved(fileName);
    });

  const choose = (file: File) => {
    setOutcome(null);
    setPreview(null);
    setPending(null);
    task.clearError();
    const ext = extensionOf(file.name);
    if (ext === '.qdpx') {
      void task.run(async () => {
        const bytes = await readFileBytes(file);
        setPreview({ bytes, report: await call('exchangeReport', { other: { fileName: file.name, bytes } }) });
      });
    } else if (ext === '.qdc') setPending(file);
    else task.setError(t('team.exchange.wrongKind', { file: file.name }));
  };

  const importPreviewed = () =>
    task.run(async () => {
      if (!preview) return;
      const { name, ...report } = await call('importQdpx', { fileName: preview.report.file, bytes: preview.bytes });
      setOutcome({ kind: 'qdpx', name, report });
      setPreview(null);
    });

  const importPending = () =>
    task.run(async () => {
      if (!pending) return;
      const bytes = await readFileBytes(pending);
      setOutcome({ kind: 'qdc', file: pending.name, result: await call('importQdc', { fileName: pending.name, bytes }) });
      setPending(null);
    });

  return (
    <div className="team-section">
      <section aria-labelledby="exchange-export">
        <h3 id="exchange-export">{t('team.exchange.export')}</h3>
        <p className="muted">{t('team.exchange.exportHint')}</p>
        <label className="field">
          {t('team.exchange.target')}
          <select value={target} onChange={(e) => setTarget(e.target.value as ExportTarget)} aria-describedby="exchange-target-hint">
            {TARGETS.map(([value, name]) => (
              <option key={value} value={value}>
                {name ?? t('team.exchange.target.standard')}
              </option>
            ))}
          </select>
        </label>
        <p id="exchange-target-hint" className="muted">
          {t('team.exchange.targetHint')}
        </p>
        <div className="team-actions">
          <button type="button" disabled={task.busy} onClick={() => void exportAs('qdpx')}>
            {t('team.exchange.exportQdpx')}
          </button>
          <button type="button" disabled={task.busy} onClick={() => void exportAs('qdc')}>
            {t('team.exchange.exportQdc')}
          </button>
        </div>
        <p role="status" className="team-status">
          {saved ? t('team.saved', { file: saved }) : ''}
        </p>
      </section>
      <section aria-labelledby="exchange-import">
        <h3 id="exchange-import">{t('team.exchange.import')}</h3>
        <p className="muted">{t('team.exchange.importHint')}</p>
        <FileDrop accept=".qdpx,.qdc" hint={t('team.exchange.dropHint')} onFile={choose} testId="refi-input">
          {pending && (
            <div className="team-actions">
              <span>{t('team.exchange.pending', { file: pending.name })}</span>
              <button type="button" className="primary" disabled={task.busy} onClick={() => void importPending()}>
                {t('team.exchange.importButton', { file: pending.name })}
              </button>
              <button type="button" onClick={() => setPending(null)}>
                {t('common.cancel')}
              </button>
            </div>
          )}
        </FileDrop>
        {preview && <ImportPreview report={preview.report} busy={task.busy} onImport={() => void importPreviewed()} onCancel={() => setPreview(null)} />}
        {task.busy && <p aria-busy="true">{t('team.busy')}</p>}
        <ErrorNotice message={task.error} onDismiss={task.clearError} />
        {outcome?.kind === 'qdpx' && <MergeSummary title={t('team.exchange.importedQdpx', { name: outcome.name })} report={outcome.report} />}
        {outcome?.kind === 'qdc' && (
          <CodebookResult title={t('team.exchange.importedQdc', { file: outcome.file })} counts={outcome.result} warnings={outcome.result.warnings} />
        )}
      </section>
    </div>
  );
}
