// "Suggest for the uncoded turns": each passage of the source that nothing is coded in yet, with
// its first suggested codes, each accepted in one click (one undo step each).
import { suggestNoteText } from '../../i18n/suggest-notes.ts';
import type { PassageSuggestions, SuggestedCode } from '../../service/contract/index.ts';
import { useApiQuery } from '../data/hooks.ts';
import { useT } from '../i18n/lang-context.tsx';

export function UncodedSuggestions({ sourceId, onAccept }: { sourceId: number; onAccept(p: PassageSuggestions, s: SuggestedCode): void }) {
  const t = useT();
  const result = useApiQuery('suggestForSource', { sourceId }).data;
  if (!result || result.sourceId !== sourceId) return <p className="muted" aria-busy="true" />;
  return (
    <div className="suggest-uncoded" data-testid="suggest-uncoded">
      <p className="muted">{t('suggest.sourceCount', { withSuggestions: result.passages.length, uncoded: result.uncoded })}</p>
      {result.notes.map((n, i) => (
        <p key={i} className="suggest-notes">
          {suggestNoteText(t, n)}
        </p>
      ))}
      <ul>
        {result.passages.map((p) => (
          <li key={p.start}>
            <span className="muted">{p.turn !== null ? t('suggest.forTurn', { turn: p.turn, speaker: p.speaker ?? '' }) : `${p.start}–${p.end}`}</span>{' '}
            {p.suggestions.map((s) => (
              <button key={s.codeId} type="button" title={s.words.join(', ')} onClick={() => onAccept(p, s)}>
                {s.abbrev ?? s.name}
              </button>
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}
