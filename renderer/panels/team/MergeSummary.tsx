// What a merge did, line by line, then what it could not bring over.
import type { CodebookMergeResult } from '../../../service/contract/index.ts';
import type { MergeReport } from '../../../service/contract/index.ts';
import type { TeamWarning } from '../../../service/contract/index.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { WarningList } from './WarningList.tsx';

type CodebookCounts = Omit<CodebookMergeResult, 'diff' | 'plan'>;

export function CodebookSummary({ counts }: { counts: CodebookCounts }) {
  const t = useT();
  const { added, renamed, moved, updated, mapped, ignored } = counts;
  return <p>{t('team.result.codebook', { added, renamed, moved, updated, mapped, ignored })}</p>;
}

export function MergeSummary({ title, report }: { title: string; report: MergeReport }) {
  const t = useT();
  return (
    <div className="team-result" role="status">
      <p className="team-result-title">{title}</p>
      <CodebookSummary counts={report.codebook} />
      <ul>
        <li>{t('team.result.coders', { names: report.coders.added.length ? report.coders.added.join(', ') : t('team.result.noCoder') })}</li>
        <li>{t('team.result.sources', report.sources)}</li>
        <li>{t('team.result.cases', report.cases)}</li>
        <li>{t('team.result.values', { count: report.attributeValues.added })}</li>
        <li>{t('team.result.codings', { ...report.codings })}</li>
        <li>{t('team.result.memos', report.memos)}</li>
        {report.sets.added + report.sets.matched > 0 && <li>{t('sets.merged', { ...report.sets })}</li>}
      </ul>
      <WarningList warnings={report.warnings} />
    </div>
  );
}

export function CodebookResult({ title, counts, warnings }: { title: string; counts: CodebookCounts; warnings: readonly TeamWarning[] }) {
  return (
    <div className="team-result" role="status">
      <p className="team-result-title">{title}</p>
      <CodebookSummary counts={counts} />
      <WarningList warnings={warnings} />
    </div>
  );
}
