// Full-text search over every source (accents and case ignored, the other forms of a word found);
// a query of words too common to search says so rather than listing every passage. Hits open in context, and can
// all be coded at once after the user has reviewed them.
import { useId, useState, type FormEvent } from 'react';
import { useApiQuery } from '../../data/hooks.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { CodeAllHits } from './CodeAllHits.tsx';
import { HitList } from './HitList.tsx';
import './search.css';

export function SearchPanel() {
  const t = useT();
  const [query, setQuery] = useState('');
  // What was asked last: its hits follow the sources (an import, a correction) without asking again.
  const [asked, setAsked] = useState<string | null>(null);
  const result = useApiQuery('search', asked === null ? null : { query: asked, limit: 500 }).data ?? null;
  const [reviewing, setReviewing] = useState(false);
  // What the last "code all" did, said once the review has closed.
  const [said, setSaid] = useState<string | null>(null);
  const helpId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!query.trim()) return;
    setAsked(query.trim());
    setReviewing(false);
    setSaid(null);
  };

  return (
    <section className="search-view" aria-labelledby="search-title">
      <div className="panel-head">
        <h2 id="search-title">{t('search.title')}</h2>
      </div>
      <form role="search" className="search-form" onSubmit={submit}>
        <label className="field grow">
          <span>{t('search.query')}</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('search.hint')} aria-describedby={helpId} />
        </label>
        <button type="submit" className="primary" disabled={!query.trim()}>
          {t('search.submit')}
        </button>
      </form>
      <p id={helpId} className="muted search-help">
        {t('search.help')}
      </p>
      {result && (
        <>
          <div className="result-bar">
            <p className="result-count" aria-live="polite">
              {result.onlyCommonWords ? (
                t('search.onlyCommon', { words: (result.commonWords ?? []).join(' ') })
              ) : (
                <>
                  {t('search.count', { count: result.hits.length, sources: result.sourceCount })}
                  {result.truncated && ` ${t('search.truncated')}`}
                  {result.commonWords && ` ${t('search.commonLeftOut', { words: result.commonWords.join(', ') })}`}
                </>
              )}
            </p>
            {result.hits.length > 0 && !reviewing && (
              <button
                type="button"
                onClick={() => {
                  setReviewing(true);
                  setSaid(null);
                }}
              >
                {t('search.codeAll')}
              </button>
            )}
          </div>
          {said && (
            <p role="status" className="status">
              {said}
            </p>
          )}
          {reviewing ? (
            <CodeAllHits
              hits={result.hits}
              onDone={(done) => {
                setReviewing(false);
                setSaid(done ?? null);
              }}
            />
          ) : result.onlyCommonWords ? null : (
            <HitList hits={result.hits} />
          )}
        </>
      )}
    </section>
  );
}
