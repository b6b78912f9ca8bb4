// Agreement between coders' ratings of cases: the user ticks one case attribute per coder and the
// level of measurement, and reads Krippendorff's alpha with its bootstrap interval and what it was
// computed on. The answer is a cached query, so a rating changed elsewhere is counted on return.
import { useState } from 'react';
import { METRICS, type Metric } from '../../../analysis/agreement/coefficients.ts';
import { ratingSummaryLines } from '../../../i18n/rating-labels.ts';
import { useApiQuery } from '../../data/hooks.ts';
import { useCaseAttributes } from '../../data/lists.ts';
import { useLang } from '../../i18n/lang-context.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { errorText } from '../../ui/error-text.ts';

export function RatingAgreementSection() {
  const { t, lang } = useLang();
  const attributes = useCaseAttributes().filter((a) => a.type !== 'date');
  const [picked, setPicked] = useState<string[]>([]);
  const [metric, setMetric] = useState<Metric>('ordinal');
  const [query, setQuery] = useState<{ attributes: string[]; metric: Metric } | null>(null);
  const [local, setLocal] = useState<string | null>(null);
  const result = useApiQuery('ratingAgreement', query, { ownErrors: true });
  const error = local ?? (result.error ? errorText(result.error, t) : null);
  const lines = result.data ? ratingSummaryLines(result.data, lang) : [];

  return (
    <div className="team-section">
      <p className="muted">{t('team.ratings.intro')}</p>
      <form
        className="agreement-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (picked.length < 2) return setLocal(t('team.ratings.needTwo'));
          setLocal(null);
          setQuery({ attributes: picked, metric });
        }}
      >
        <fieldset>
          <legend>{t('team.ratings.attributes')}</legend>
          {attributes.length === 0 && <p className="muted">{t('team.ratings.noAttribute')}</p>}
          {attributes.map((a) => (
            <label key={a.id} className="check">
              <input
                type="checkbox"
                checked={picked.includes(a.name)}
                onChange={(e) => setPicked((prev) => (e.target.checked ? [...prev, a.name] : prev.filter((n) => n !== a.name)))}
              />
              {a.name}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('team.ratings.metric')}</legend>
          {METRICS.map((m) => (
            <label key={m} className="check">
              <input type="radio" name="rating-metric" checked={metric === m} onChange={() => setMetric(m)} />
              {t(`team.ratings.metric.${m}`)}
            </label>
          ))}
        </fieldset>
        <div className="agreement-fields">
          <button type="submit" className="primary" disabled={result.isFetching}>
            {t('team.ratings.run')}
          </button>
        </div>
      </form>
      {result.isFetching && <p aria-busy="true">{t('team.busy')}</p>}
      <ErrorNotice message={error} onDismiss={() => (local ? setLocal(null) : setQuery(null))} />
      {lines.length > 0 && !error && (
        <section aria-label={t('team.ratings.result')} data-testid="rating-agreement">
          <p>
            <strong>{lines[0]}</strong>
          </p>
          <p>{lines[1]}</p>
          <ul>
            {lines.slice(2, -1).map((line) => (
              <li key={line}>{line.trim()}</li>
            ))}
          </ul>
          <p className="muted">{lines[lines.length - 1]}</p>
        </section>
      )}
    </div>
  );
}
