// The current matrix as a file for the supervisor: spreadsheet, word-processor annex, CSV or a
// self-contained HTML report; optionally the whole analysis grid at once.
import { useState } from 'react';
import type { MatrixRequest } from '../../../analysis/matrix/types.ts';
import type { MatrixExportFormat } from '../../../service/contract/index.ts';
import { useApiCall } from '../../data/hooks.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { CitationFormatForm } from './CitationFormatForm.tsx';
import { TextLanguageForm } from './TextLanguageForm.tsx';
import { fileBase, MIME, saveFile } from '../team/download.ts';
import { useTask } from '../team/use-task.ts';

const FORMATS: Array<{ format: MatrixExportFormat; mime: string }> = [
  { format: 'xlsx', mime: MIME.xlsx },
  { format: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  { format: 'csv', mime: MIME.csv },
  { format: 'html', mime: MIME.html },
];

export function ExportButtons({ request, baseName }: { request: MatrixRequest; baseName: string }) {
  const t = useT();
  const [all, setAll] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, clearError, run } = useTask();
  const call = useApiCall();
  const exportAs = (format: MatrixExportFormat, mime: string) =>
    run(async () => {
      setSaved(null);
      const bytes = await call('exportMatrix', { request, format, ...(all ? { all } : {}) });
      const file = `${fileBase(all ? `${baseName}-grille-complete` : baseName)}.${format}`;
      saveFile(bytes, file, mime);
      setSaved(t('analysis.export.saved', { file }));
    });
  return (
    <div className="analysis-export" role="group" aria-label={t('analysis.export.label')}>
      <span className="export-label">{t('analysis.export.label')}</span>
      {FORMATS.map((f) => (
        <button key={f.format} type="button" disabled={busy || (all && f.format === 'csv')} onClick={() => void exportAs(f.format, f.mime)}>
          {f.format.toUpperCase()}
        </button>
      ))}
      <label className="check">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
        {t('analysis.export.all')}
      </label>
      <span role="status" className="status">
        {saved}
      </span>
      <ErrorNotice message={error} onDismiss={clearError} />
      <CitationFormatForm />
      <TextLanguageForm />
    </div>
  );
}
