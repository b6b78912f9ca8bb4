// The project's citation format, set where quotations leave the project (the exports): a template
// typed with its placeholders, a live example, the default one click away. A wrong placeholder is
// named as the researcher types, and refused by the service if saved anyway.
import { useState } from 'react';
import { formatCitation, parseCitationFormat, type CitationValues } from '../../../analysis/quotes/citation.ts';
import { isTresseError } from '../../../i18n/error.ts';
import { useApiCall, useApiQuery } from '../../data/hooks.ts';
import { useLang } from '../../i18n/lang-context.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { errorText } from '../../ui/error-text.ts';

/** The issue's own example: a coordinator's turn in interview E8. */
const EXAMPLE: CitationValues = { source: 'E8', case: 'E8', speaker: 'coordinatrice', turn: '12', paragraph: '12', time: '00:08:55' };

export function CitationFormatForm() {
  const { t, lang } = useLang();
  const call = useApiCall();
  const { data: setting } = useApiQuery('getCitationFormat', undefined);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (!setting) return null;
  const template = draft ?? setting.template;

  let example: string;
  try {
    example = t('citation.example', { example: formatCitation(parseCitationFormat(template), EXAMPLE) });
  } catch (e) {
    example = isTresseError(e) ? e.format(lang) : String(e);
  }

  const save = async (value: string) => {
    setError(null);
    setSaved(null);
    try {
      await call('setCitationFormat', { template: value });
      setDraft(null);
      setSaved(t('citation.saved'));
    } catch (e) {
      setError(errorText(e, t));
    }
  };

  return (
    <details className="export-setting citation-format">
      <summary>{t('citation.title')}</summary>
      <p className="muted">{t('citation.help')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save(template);
        }}
      >
        <label className="field">
          <span>{t('citation.label')}</span>
          <input value={template} spellCheck={false} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <p className="citation-example" aria-live="polite">
          {example}
        </p>
        <button type="submit" className="primary" disabled={template === setting.template}>
          {t('citation.save')}
        </button>
        <button type="button" disabled={template === setting.defaultTemplate} onClick={() => void save(setting.defaultTemplate)}>
          {t('citation.default')}
        </button>
        <span role="status" className="status">
          {saved}
        </span>
      </form>
      <ErrorNotice message={error} onDismiss={() => setError(null)} />
    </details>
  );
}
