// The language the project's texts are written in, beside the citation format among the project's
// settings: search finds the other forms of a word (plural, feminine) in this language and leaves
// its stop words out. Saved as soon as it is chosen; the next search follows it.
import { useState } from 'react';
import type { TextLanguage } from '../../../text/word-forms.ts';
import { useApiCall, useApiQuery } from '../../data/hooks.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { errorText } from '../../ui/error-text.ts';

export function TextLanguageForm() {
  const t = useT();
  const call = useApiCall();
  const { data: language } = useApiQuery('getTextLanguage', undefined);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (!language) return null;

  const choose = async (value: TextLanguage) => {
    setError(null);
    setSaved(null);
    try {
      await call('setTextLanguage', { language: value });
      setSaved(t('textLanguage.saved'));
    } catch (e) {
      setError(errorText(e, t));
    }
  };

  return (
    <details className="export-setting text-language">
      <summary>{t('textLanguage.title')}</summary>
      <p className="muted">{t('textLanguage.help')}</p>
      <label className="field">
        <span>{t('textLanguage.label')}</span>
        <select value={language} onChange={(e) => void choose(e.target.value === 'en' ? 'en' : 'fr')}>
          <option value="fr">{t('textLanguage.fr')}</option>
          <option value="en">{t('textLanguage.en')}</option>
        </select>
      </label>
      <span role="status" className="status">
        {saved}
      </span>
      <ErrorNotice message={error} onDismiss={() => setError(null)} />
    </details>
  );
}
