// Merging a teammate's project into mine: their .tresse (read from a copy, never touched) or a
// .qdpx; then what was added, found already there, or skipped. A .qdpx is first read for its
// report (ImportPreview), as in the exchange section: the user merges it or cancels.
import { useState } from 'react';
import type { ExchangeReport, TeamOther } from '../../../service/contract/index.ts';
import type { MergeReport } from '../../../service/contract/index.ts';
import { useApiCall } from '../../data/hooks.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { extensionOf } from './FileDrop.tsx';
import { ImportPreview } from './ImportPreview.tsx';
import { MergeSummary } from './MergeSummary.tsx';
import { OtherChooser } from './OtherChooser.tsx';
import { useTask } from './use-task.ts';

const isQdpx = (other: TeamOther) => extensionOf('path' in other ? other.path : other.fileName) === '.qdpx';

export function MergeSection() {
  const t = useT();
  const call = useApiCall();
  const task = useTask();
  const [other, setOther] = useState<TeamOther | null>(null);
  const [preview, setPreview] = useState<ExchangeReport | null>(null);
  const [report, setReport] = useState<MergeReport | null>(null);

  const choose = (o: TeamOther | null) => {
    setOther(o);
    setPreview(null);
  };

  const merge = () =>
    task.run(async () => {
      if (!other) return;
      setReport(null);
      setReport(await call('mergeProject', { other }));
      setPreview(null);
    });

  const start = () =>
    other && isQdpx(other)
      ? task.run(async () => {
          setReport(null);
          setPreview(await call('exchangeReport', { other }));
        })
      : merge();

  return (
    <div className="team-section">
      <p className="muted">{t('team.merge.hint')}</p>
      <OtherChooser legend={t('team.other.legendProject')} fileExts={['.qdpx']} pathExts={['.tresse', '.qdpx']} testId="merge-input" onChange={choose} />
      <div className="team-actions">
        <button type="button" className="primary" disabled={!other || !!preview || task.busy} onClick={() => void start()}>
          {t('team.merge.run')}
        </button>
      </div>
      {preview && (
        <ImportPreview
          report={preview}
          busy={task.busy}
          importLabel={t('team.merge.confirm', { file: preview.file })}
          onImport={() => void merge()}
          onCancel={() => setPreview(null)}
        />
      )}
      {task.busy && <p aria-busy="true">{t('team.busy')}</p>}
      <ErrorNotice message={task.error} onDismiss={task.clearError} />
      {report && <MergeSummary title={t('team.merge.done')} report={report} />}
    </div>
  );
}
