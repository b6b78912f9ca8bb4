// "Code all results": the hits are listed with a box each, all ticked; the user unticks the ones
// that are false friends, picks a code, and only the ticked hits are coded: all of them in one
// call, so a refusal codes none, and one undo step takes them all back.
import { useMemo, useState } from 'react';
import type { SearchHit } from '../../../model/types.ts';
import { buildCodeTree, codeLabel, flattenTree } from '../../app/code-tree.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { useCodes } from '../../data/lists.ts';
import { addCodingsCommand } from '../../coding/history.ts';
import { useHistory } from '../../coding/useHistory.tsx';
import { Field } from '../../ui/Field.tsx';
import { useT } from '../../i18n/lang-context.tsx';
import { HitSnippet } from './HitSnippet.tsx';

export function CodeAllHits({ hits, onDone }: { hits: SearchHit[]; onDone: () => void }) {
  const t = useT();
  const { report } = useWorkbench();
  const codes = useCodes();
  const { run } = useHistory();
  const options = useMemo(() => flattenTree(buildCodeTree(codes)).filter((n) => n.code.codable), [codes]);
  const [checked, setChecked] = useState<boolean[]>(() => hits.map(() => true));
  const [codeId, setCodeId] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const count = checked.filter(Boolean).length;

  const codeName = codes.find((c) => String(c.id) === codeId)?.name ?? '';
  const apply = async () => {
    const passages = hits.filter((_, i) => checked[i]).map((h) => ({ sourceId: h.sourceId, codeId: Number(codeId), start: h.start, end: h.end }));
    try {
      const coded = await run(addCodingsCommand(passages, codeName));
      setStatus(t('search.coded', { count: coded?.length ?? 0 }));
    } catch (e) {
      setStatus(null);
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
        <Field label={t('search.codeWith')} className="grow">
          {(id) => (
            <select id={id} value={codeId} onChange={(e) => setCodeId(e.target.value)}>
              <option value="">{t('retrieval.chooseCode')}</option>
              {options.map((n) => (
                <option key={n.code.id} value={n.code.id}>
                  {'\u00a0\u00a0'.repeat(n.depth) + codeLabel(n.code)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="button" onClick={onDone}>
          {t('common.back')}
        </button>
        <button type="button" className="primary" disabled={!codeId || count === 0} onClick={() => void apply()}>
          {t('search.apply', { count })}
        </button>
      </div>
      {status && (
        <p role="status" className="status">
          {status}
        </p>
      )}
    </div>
  );
}
