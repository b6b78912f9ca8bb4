// "Passages like this one", from a coding or a selection: the corpus's passages not coded yet,
// most alike first, the words each shares with the starting passage marked. The researcher ticks
// the ones that belong and codes them in one call: a refusal codes none, one undo takes them back.
import { useState } from 'react';
import type { SimilarPassage } from '../../../service/contract/index.ts';
import { codeLabel } from '../../app/code-tree.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { CodeChoice } from '../../coding/CodeChoice.tsx';
import { addCodingsCommand } from '../../coding/history.ts';
import { useHistory } from '../../coding/useHistory.tsx';
import { useApiQuery } from '../../data/hooks.ts';
import { useCodes } from '../../data/lists.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { errorText } from '../../ui/error-text.ts';
import './similar.css';

/** A coding (its code is the one to apply), or a selection (the code is chosen when coding). */
export type SimilarFrom = { codingId: number } | { sourceId: number; start: number; end: number };

const keyOf = (p: SimilarPassage) => `${p.sourceId}:${p.start}`;

function Snippet({ passage }: { passage: SimilarPassage }) {
  const parts = [];
  let at = 0;
  for (const m of passage.marks) {
    parts.push(passage.snippet.slice(at, m.start), <mark key={m.start}>{passage.snippet.slice(m.start, m.end)}</mark>);
    at = m.end;
  }
  parts.push(passage.snippet.slice(at));
  return <span className="snippet">{parts}</span>;
}

export function SimilarPassagesDialog({ from, onClose }: { from: SimilarFrom; onClose: () => void }) {
  const t = useT();
  const { report, noteRecentCode } = useWorkbench();
  const codes = useCodes();
  const { run, busy } = useHistory();
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [said, setSaid] = useState<string | null>(null);
  const query = useApiQuery('similarPassages', from, { ownErrors: true, keepPrevious: true });
  const result = query.data;
  const fixedCode = result?.query.codeId != null ? codes.find((c) => c.id === result.query.codeId) : undefined;
  const chosen = result?.passages.filter((p) => checked.has(keyOf(p))) ?? [];

  const apply = async (codeId: number) => {
    const code = codes.find((c) => c.id === codeId);
    try {
      const coded = await run(
        addCodingsCommand(
          chosen.map((p) => ({ sourceId: p.sourceId, codeId, start: p.start, end: p.end })),
          code?.name ?? '',
        ),
      );
      noteRecentCode(codeId);
      setChecked(new Set());
      setSaid(t('similar.coded', { count: coded?.length ?? 0, code: code?.name ?? '' }));
    } catch (e) {
      report(e);
    }
  };

  const toggle = (key: string, on: boolean) =>
    setChecked((prev) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  return (
    <Dialog title={t('similar.title')} onClose={onClose}>
      <div className="similar" data-testid="similar-passages">
        <ErrorNotice message={query.error ? errorText(query.error, t) : null} />
        {!result && !query.error && (
          <p className="muted" aria-busy="true">
            {t('similar.loading')}
          </p>
        )}
        {result && (
          <>
            <p className="similar-from">
              {t('similar.from', { source: result.query.sourceName, start: result.query.start, end: result.query.end, words: result.query.words.join(', ') })}
            </p>
            <p className="muted similar-explain">{t(result.query.codeId !== null ? 'similar.explain' : 'similar.explainUncoded')}</p>
            {result.nothing === 'onlyStopWords' && <p className="status">{t('similar.onlyStopWords')}</p>}
            {result.nothing === 'noSharedWords' && <p className="status">{t('similar.none')}</p>}
            {result.passages.length > 0 && (
              <ul className="similar-list" aria-label={t('similar.list')}>
                {result.passages.map((p) => (
                  <li key={keyOf(p)}>
                    <label className="check">
                      <input type="checkbox" checked={checked.has(keyOf(p))} onChange={(e) => toggle(keyOf(p), e.target.checked)} />
                      <span>
                        <strong>{p.sourceName}</strong>
                        <span className="muted">
                          {p.turn !== null && ` · ${t('similar.turn', { turn: p.turn, speaker: p.speaker ?? '' })}`} · [{p.start}–{p.end}] ·{' '}
                          {t('similar.score', { score: p.score.toFixed(2) })}
                        </span>
                        <br />
                        <Snippet passage={p} />
                        <br />
                        <span className="muted similar-words">{t('similar.shared', { words: p.words.join(', ') })}</span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        {said && (
          <p className="status" role="status">
            {said}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('common.close')}
          </button>
          {fixedCode ? (
            <button type="button" className="primary" disabled={chosen.length === 0 || busy} onClick={() => void apply(fixedCode.id)}>
              {t('similar.code', { count: chosen.length, code: codeLabel(fixedCode) })}
            </button>
          ) : (
            <CodeChoice
              codes={codes}
              label={t('similar.codePicker')}
              className="primary"
              disabled={chosen.length === 0 || busy}
              onChoose={(codeId) => void apply(codeId)}
            >
              {t('similar.codeWith', { count: chosen.length })}
            </CodeChoice>
          )}
        </div>
      </div>
    </Dialog>
  );
}
