// Retrieval: every excerpt coded with a code, narrowed by kind of source, by a set of sources, by a
// case attribute or by coder; a click opens the excerpt in its source.
import { useState } from 'react';
import type { Case, SourceKind } from '../../../model/types.ts';
import type { RetrieveFilter } from '../../../service/contract/index.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { CodeField } from '../../coding/CodeField.tsx';
import { useApiQuery } from '../../data/hooks.ts';
import { useCases, useCodes } from '../../data/lists.ts';
import { Field } from '../../ui/Field.tsx';
import { useT } from '../../i18n/lang-context.tsx';
import { filterValues } from './attribute-filter.ts';
import { ExcerptList } from './ExcerptList.tsx';
import { RetrievalFilters, type FilterState } from './RetrievalFilters.tsx';

/** Excerpts shown at first and added by "more", as in a matrix cell (CellDialog.tsx). */
const PAGE = 50;

const NO_FILTER: FilterState = { includeSubcodes: true, kinds: [], attribute: '', attributeValue: '', coderId: null, sourceSetId: null };

/** `active`: shown. Hidden, it asks nothing; a change made meanwhile is fetched when it comes back. */
export function RetrievalPanel({ active }: { active: boolean }) {
  const t = useT();
  const { selectedCodeId, selectCode } = useWorkbench();
  const codes = useCodes();
  const cases = useCases();
  const [filters, setFilters] = useState<FilterState>(NO_FILTER);
  const yes = t('common.yes');
  const no = t('common.no');
  const filter = selectedCodeId === null ? null : toRetrieveFilter(selectedCodeId, filters, cases, { yes, no });
  // A page at a time: the first is shown without reading every source the code touches. "More"
  // asks for a longer list from the start, so a change meanwhile is never half shown; another code
  // or filter starts again at one page.
  const filterKey = JSON.stringify(filter);
  const [more, setMore] = useState({ filterKey, limit: PAGE });
  const limit = more.filterKey === filterKey ? more.limit : PAGE;
  // Keyed by the whole filter's value: an answer for the previous code or filter is never shown for
  // this one (the previous page is kept only while a longer page of the same list comes).
  const page = useApiQuery('retrievePage', filter && { ...filter, offset: 0, limit }, { enabled: active, keepPrevious: limit > PAGE }).data;
  const excerpts = page?.excerpts ?? null;
  const total = page?.total ?? 0;

  return (
    <section className="retrieval-view" aria-labelledby="retrieval-title">
      <div className="panel-head">
        <h2 id="retrieval-title">{t('retrieval.title')}</h2>
      </div>
      <div className="filters">
        <Field label={t('retrieval.code')}>
          {(id) => <CodeField id={id} codes={codes} value={selectedCodeId} onChange={selectCode} empty={t('retrieval.chooseCode')} />}
        </Field>
        <RetrievalFilters value={filters} onChange={setFilters} />
      </div>
      {excerpts && (
        <p className="result-count" aria-live="polite">
          {t('retrieval.count', { count: total })}
        </p>
      )}
      {excerpts && <ExcerptList excerpts={excerpts} />}
      {excerpts && excerpts.length < total && (
        <button type="button" onClick={() => setMore({ filterKey, limit: excerpts.length + PAGE })}>
          {t('retrieval.more', { count: total - excerpts.length })}
        </button>
      )}
    </section>
  );
}

function toRetrieveFilter(codeId: number, f: FilterState, cases: readonly Case[], yesNo: { yes: string; no: string }): RetrieveFilter {
  const filter: RetrieveFilter = { codeId, includeSubcodes: f.includeSubcodes };
  if (f.kinds.length > 0) filter.sourceKinds = f.kinds as SourceKind[];
  if (f.coderId !== null) filter.coderIds = [f.coderId];
  if (f.sourceSetId !== null) filter.sourceSetId = f.sourceSetId;
  if (f.attribute && f.attributeValue.trim()) {
    filter.caseAttribute = {
      name: f.attribute,
      values: filterValues(f.attributeValue, cases, f.attribute, yesNo),
    };
  }
  return filter;
}
