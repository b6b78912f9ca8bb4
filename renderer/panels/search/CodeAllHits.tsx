// "Code all results": the hits are listed with a box each, all ticked; the user unticks the ones
// that are false friends, picks a code, and only the ticked hits are coded: all of them in one
// call, so a refusal codes none, and one undo step takes them all back.
import { useState } from 'react';
import type { SearchHit } from '../../../model/types.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { useCodes } from '../../data/lists.ts';
import { CodeChoice } from '../../coding/CodeChoice.tsx';
import type { PickExtras } from '../../coding/CodePicker.tsx';
import { addCodingsCommand } from '../../coding/history.ts';
import { useHistory } from '../../coding/useHistory.tsx';
import { useT } from '../../i18n/lang-context.tsx';
import { HitSnippet } from './HitSnippet.tsx';

/** Closes the review; `said` tells what was coded, for the panel to show once it is gone. */
export function CodeAllHits({ hits, onDone }: { hits: SearchHit[]; onDone: (said?: string) => void }) {
  const t = useT();
  const { report, noteRecentCode } = useWorkbench();
  const codes = useCodes();
  const { run, busy } = useHistory();
  const [checked, setChecked] = useState<boolean[]>(() => hits.map(() => true));
  const count = checked.filter(Boolean).length;

  const apply = async (codeId: number, extras: PickExtras) => {
    const code = codes.find((c) => c.id === codeId);
    const passages = hits
      .filter((_, i) => checked[i])
      .map((h) => ({
        sourceId: h.sourceId,
        codeId,
        start: h.start,
        end: h.end,
        ...(extras.valence ? { valence: extras.valence } : {}),
        ...(extras.memo ? { memo: extras.memo } : {}),
      }));
    try {
      const coded = await run(addCodingsCommand(passages, code?.name ?? ''));
      noteRecentCode(codeId);
      onDone(t('search.coded', { count: coded?.length ?? 0, code: code?.name ?? '' }));
    } catch (e) {
      report(e);
    }
  };

  return (
    <div className="code-all">
      <fieldset>
        <legend>{t('search.review')}</legend>
        <ul className="review-list">
          {hits.map((h, i) => (
            <li key={`${h.sourceId}:${h.start}`}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={checked[i] ?? false}
                  onChange={(e) => setChecked((prev) => prev.map((v, j) => (j === i ? e.target.checked : v)))}
                />
                <span>
                  <strong>{h.sourceName}</strong> — <HitSnippet hit={h} />
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="field-row">
        <button type="button" onClick={() => onDone()}>
          {t('common.back')}
        </button>
        <CodeChoice
          codes={codes}
          label={t('search.codeWith')}
          className="primary"
          withExtras
          disabled={count === 0 || busy}
          onChoose={(codeId, extras) => void apply(codeId, extras)}
        >
          {t('search.apply', { count })}
        </CodeChoice>
      </div>
    </div>
  );
}
