// The transcript's code suggestions: for the turn under the caret or the selection, the codes the
// project's own codings point to, each with the words it rests on and its example excerpts
// (shown on hover, or opened). Alt+Enter accepts the chosen suggestion (one undo step), Alt+Delete
// dismisses it (not suggested again there), Alt+1…9 chooses one; none of these is taken by the
// transcript (its Alt+arrows move by word or paragraph) or by the undo history (Ctrl/Cmd).
import { type RefObject, useEffect, useEffectEvent, useState } from 'react';
import { suggestNoteText } from '../../i18n/suggest-notes.ts';
import type { PassageSuggestions, SuggestedCode } from '../../service/contract/index.ts';
import { useWorkbench } from '../app/workbench-context.tsx';
import { acceptSuggestionCommand } from '../coding/history.ts';
import { isTextEntry, useHistory } from '../coding/useHistory.tsx';
import { useApiCall, useApiQuery } from '../data/hooks.ts';
import { useT } from '../i18n/lang-context.tsx';
import { UncodedSuggestions } from './UncodedSuggestions.tsx';
import type { PassageTarget } from './use-passage-at-caret.ts';
import './suggest.css';

const NO_SUGGESTIONS: SuggestedCode[] = [];

export function SuggestPanel({ target, sourceId, scope }: { target: PassageTarget | null; sourceId: number; scope: RefObject<HTMLElement | null> }) {
  const t = useT();
  const { report, noteRecentCode } = useWorkbench();
  const { run } = useHistory();
  const call = useApiCall();
  const args = !target ? null : target.kind === 'passage' ? { sourceId, turn: target.turn } : { sourceId, start: target.start, end: target.end };
  const answer = useApiQuery('suggestCodes', args).data;
  const current = answer && target && answer.start === target.start && answer.end === target.end ? answer : null;
  const suggestions = current?.suggestions ?? NO_SUGGESTIONS;
  const [chosen, setChosen] = useState(0);
  const index = Math.min(chosen, Math.max(suggestions.length - 1, 0));
  const [showUncoded, setShowUncoded] = useState(false);

  const accept = async (p: Pick<PassageSuggestions, 'sourceId' | 'start' | 'end'>, s: SuggestedCode) => {
    try {
      await run(acceptSuggestionCommand({ sourceId: p.sourceId, start: p.start, end: p.end, codeId: s.codeId }, s.name));
      noteRecentCode(s.codeId);
    } catch (e) {
      report(e);
    }
  };
  const dismiss = async (p: Pick<PassageSuggestions, 'sourceId' | 'start' | 'end'>, s: SuggestedCode) => {
    try {
      await call('dismissSuggestion', { sourceId: p.sourceId, start: p.start, end: p.end, codeId: s.codeId });
    } catch (e) {
      report(e);
    }
  };

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || isTextEntry(event.target)) return;
    if (!(event.target instanceof Node) || !scope.current?.contains(event.target)) return;
    const digit = /^Digit([1-9])$/.exec(event.code);
    const s = suggestions[index];
    if (digit) {
      if (Number(digit[1]) > suggestions.length) return;
      event.preventDefault();
      setChosen(Number(digit[1]) - 1);
    } else if (event.key === 'Enter' && s && current) {
      event.preventDefault();
      void accept(current, s);
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && s && current) {
      event.preventDefault();
      void dismiss(current, s);
    }
  });
  useEffect(() => {
    const handler = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', handler);
    return () => window.removeEventListener('keydown', handler);
  }, []);

  return (
    <section className="suggest-panel" aria-labelledby="suggest-title" data-testid="suggest-panel">
      <header className="suggest-head">
        <h3 id="suggest-title">{t('suggest.title')}</h3>
        {target && <span className="muted">{whereText(t, target)}</span>}
        <span className="spacer" />
        <button type="button" aria-pressed={showUncoded} onClick={() => setShowUncoded(!showUncoded)}>
          {t('suggest.forSource')}
        </button>
      </header>
      {!target && <p className="muted">{t('suggest.hintNoPassage')}</p>}
      {current && suggestions.length === 0 && current.notes.length === 0 && <p className="muted">{t('suggest.none')}</p>}
      {suggestions.length > 0 && (
        <ol className="suggest-list" aria-label={t('suggest.title')}>
          {suggestions.map((s, i) => (
            <li key={s.codeId} className="suggest-item" aria-current={i === index ? 'true' : undefined} data-code-id={s.codeId}>
              <button type="button" className="suggest-choose" onClick={() => setChosen(i)} title={examplesTitle(s)}>
                <span className="code-dot" style={{ background: s.color }} aria-hidden="true" />
                <span className="suggest-rank">{i + 1}</span>
                {s.abbrev && <strong>{s.abbrev}</strong>} {s.name}
              </button>
              <span className="muted suggest-words">{s.words.length > 0 && t('suggest.words', { words: s.words.join(', ') })}</span>
              <button type="button" onClick={() => current && void accept(current, s)}>
                {t('suggest.accept')}
              </button>
              <button type="button" onClick={() => current && void dismiss(current, s)}>
                {t('suggest.dismiss')}
              </button>
              {s.examples.length > 0 && (
                <details className="suggest-examples">
                  <summary>
                    {t('suggest.examples')} ({s.examples.length})
                  </summary>
                  {s.examples.map((x) => (
                    <blockquote key={x.codingId}>
                      « {x.text} » <cite>{x.sourceName}</cite>
                    </blockquote>
                  ))}
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
      {current && current.notes.length > 0 && (
        <ul className="suggest-notes">
          {current.notes.map((n, i) => (
            <li key={i}>{suggestNoteText(t, n)}</li>
          ))}
        </ul>
      )}
      <p className="muted suggest-keys">
        {t('suggest.keys')} · {t('suggest.private')}
      </p>
      {showUncoded && <UncodedSuggestions sourceId={sourceId} onAccept={(p, s) => void accept(p, s)} />}
    </section>
  );
}

function whereText(t: ReturnType<typeof useT>, target: PassageTarget): string {
  if (target.kind === 'selection') return t('suggest.forSelection');
  return target.numbered === 'turn'
    ? t('suggest.forTurn', { turn: target.turn, speaker: target.speaker ?? '' })
    : t('suggest.forParagraph', { n: target.turn });
}

/** The excerpts a suggestion rests on, for the hover. */
const examplesTitle = (s: SuggestedCode): string => s.examples.map((x) => `« ${x.text} » — ${x.sourceName}`).join('\n\n');
