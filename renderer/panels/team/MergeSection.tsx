// Merging a teammate's project into mine: their .tresse (read from a copy, never touched) or a
// .qdpx; then what was added, found already there, or skipped.
import { useState } from 'react';
import type { TeamOther } from '../../../service/contract/index.ts';
import type { MergeReport } from '../../../service/contract/index.ts';
import { useApiCall } from '../../data/hooks.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { MergeSummary } from './MergeSummary.tsx';
import { OtherChooser } from './OtherChooser.tsx';
import { useTask } from './use-task.ts';

export function MergeSection() {
  const t = useT();
  const call = useApiCall();
  const task = useTask();
  const [other, setOther] = useState<TeamOther | null>(null);
  const [report, setReport] = useState<MergeReport | null>(null);

  const merge = () =>
    task.run(async () => {
      if (!other) return;
      setReport(null);
      setReport(await call('mergeProject', { other }));
    });

  return (
    <div className="team-section">
      <p className="muted">{t('team.merge.hint')}</p>
      <OtherChooser legend={t('team.other.legendProject')} fileExts={['.qdpx']} pathExts={['.tresse', '.qdpx']} testId="merge-input" onChange={setOther} />
      <div className="team-actions">
        <button type="button" className="primary" disabled={!other || task.busy} onClick={() => void merge()}>
          {t('team.merge.run')}
        </button>
      </div>
      {task.busy && <p aria-busy="true">{t('team.busy')}</p>}
      <ErrorNotice message={task.error} onDismiss={task.clearError} />
      {report && <MergeSummary title={t('team.merge.done')} report={report} />}
    </div>
  );
}
