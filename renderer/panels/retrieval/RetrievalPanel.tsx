// Retrieval: every excerpt coded with a code, narrowed by kind of source, by a case attribute or
// by coder; a click opens the excerpt in its source.
import { useEffect, useMemo, useState } from 'react';
import type { Case, Excerpt, SourceKind } from '../../../model/types.ts';
import type { RetrieveFilter } from '../../../service/codings.ts';
import { api } from '../../api/client.ts';
import { buildCodeTree, codeLabel, flattenTree } from '../../app/code-tree.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { Field } from '../../ui/Field.tsx';
import { useT } from '../../i18n/lang-context.tsx';
import { filterValues } from './attribute-filter.ts';
import { ExcerptList } from './ExcerptList.tsx';
import { RetrievalFilters, type FilterState } from './RetrievalFilters.tsx';

const NO_FILTER: FilterState = { includeSubcodes: true, kinds: [], attribute: '', attributeValue: '', coderId: null };

/** `active`: shown. Excerpts are fetched again each time the view comes back (memos may have changed). */
export function RetrievalPanel({ active }: { active: boolean }) {
  const t = useT();
  const { codes, cases, selectedCodeId, selectCode, report } = useWorkbench();
  const options = useMemo(() => flattenTree(buildCodeTree(codes)), [codes]);
  const [filters, setFilters] = useState<FilterState>(NO_FILTER);
  const [excerpts, setExcerpts] = useState<Excerpt[] | null>(null);

  useEffect(() => {
    if (!active) return;
    if (selectedCodeId === null) {
      setExcerpts(null);
      return;
    }
    let live = true;
    const yesNo = { yes: t('common.yes'), no: t('common.no') };
    api.retrieve(toRetrieveFilter(selectedCodeId, filters, cases, yesNo)).then(
      (found) => live && setExcerpts(found),
      (e: unknown) => live && report(e),
    );
    return () => {
      live = false;
    };
  }, [active, selectedCodeId, filters, codes, cases, t, report]);

  return (
    <section className="retrieval-view" aria-labelledby="retrieval-title">
      <div className="panel-head">
        <h2 id="retrieval-title">{t('retrieval.title')}</h2>
      </div>
      <div className="filters">
        <Field label={t('retrieval.code')}>
          {(id) => (
            <select
              id={id}
              value={selectedCodeId ?? ''}
              onChange={(e) => selectCode(e.target.value ? Number(e.target.value) : null)}
            >
              <option value="">{t('retrieval.chooseCode')}</option>
              {options.map((n) => (
                <option key={n.code.id} value={n.code.id}>
                  {'\u00a0\u00a0'.repeat(n.depth) + codeLabel(n.code)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <RetrievalFilters value={filters} onChange={setFilters} />
      </div>
      {excerpts && (
        <p className="result-count" aria-live="polite">
          {t('retrieval.count', { count: excerpts.length })}
        </p>
      )}
      {excerpts && <ExcerptList excerpts={excerpts} />}
    </section>
  );
}

function toRetrieveFilter(codeId: number, f: FilterState, cases: readonly Case[], yesNo: { yes: string; no: string }): RetrieveFilter {
  const filter: RetrieveFilter = { codeId, includeSubcodes: f.includeSubcodes };
  if (f.kinds.length > 0) filter.sourceKinds = f.kinds as SourceKind[];
  if (f.coderId !== null) filter.coderIds = [f.coderId];
  if (f.attribute && f.attributeValue.trim()) {
    filter.caseAttribute = {
      name: f.attribute,
      values: filterValues(f.attributeValue, cases, f.attribute, yesNo),
    };
  }
  return filter;
}
