// Before a .qdpx is imported: what it will bring (counts), what will be adapted, what cannot be
// kept and what is wrong in the file, read by the import's own reader; nothing is written until
// the user imports.
import type { ExchangeReport } from '../../../service/contract/index.ts';
import { isMessageKey } from '../../../i18n/catalogue.ts';
import { useLang } from '../../i18n/lang-context.tsx';

const SECTIONS = [
  ['adapted', 'exchange.report.adapted'],
  ['notKept', 'exchange.report.notKept'],
  ['badInput', 'exchange.report.badInput'],
] as const;

interface Props {
  report: ExchangeReport;
  busy: boolean;
  /** The confirming button's text; "Importer « FILE »" by default. */
  importLabel?: string;
  onImport(): void;
  onCancel(): void;
}

export function ImportPreview({ report, busy, importLabel, onImport, onCancel }: Props) {
  const { t, lang } = useLang();
  const title = t('exchange.report.title', { file: report.file, name: report.name });
  const count = (item: string, n: number) => {
    const key = `exchange.count.${item}`;
    return isMessageKey(key) ? t(key, { count: n }) : `${item}: ${n}`;
  };
  return (
    <section className="team-result import-preview" aria-label={title}>
      <p className="team-result-title">{title}</p>
      {report.origin && <p className="muted">{t('exchange.report.origin', { origin: report.origin })}</p>}
      <h4>{t('exchange.report.imported')}</h4>
      <ul aria-label={t('exchange.report.imported')}>
        {report.counts.map((c) => (
          <li key={c.item}>{count(c.item, c.count)}</li>
        ))}
      </ul>
      {SECTIONS.map(([category, heading]) => (
        <section key={category} className={report[category].length > 0 ? `import-preview-${category}` : undefined} aria-label={t(heading)}>
          <h4>{t(heading)}</h4>
          {report[category].length === 0 ? (
            <p className="muted">{t('exchange.report.nothing')}</p>
          ) : (
            <ul>
              {report[category].map((w, i) => (
                <li key={i}>{w[lang]}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <p className="muted">{t('exchange.report.nothingWritten')}</p>
      <div className="team-actions">
        <button type="button" className="primary" disabled={busy} onClick={onImport}>
          {importLabel ?? t('team.exchange.importButton', { file: report.file })}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </section>
  );
}
