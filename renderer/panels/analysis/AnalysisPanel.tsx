// Analyse: the triangulation matrix, the per-participant grid and the other matrices as tabs
// (arrow keys move between them), sharing one set of filters. Each tab stays mounted once seen, so
// its choices survive a visit to a source opened from an excerpt.
import { useMemo, useState } from 'react';
import type { MessageKey } from '../../../i18n/catalogue.ts';
import type { AttributeDef } from '../../../model/types.ts';
import { useApiQuery } from '../../data/hooks.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { TabList } from '../../ui/TabList.tsx';
import { CodeAttributeTab, CodeSourceTab, CooccurrenceTab, FrequencyTab } from './CrosstabTabs.tsx';
import { MatrixFilters } from './MatrixFilters.tsx';
import { filterOf, NO_FILTER, type FilterState } from './matrix-view.ts';
import { ParticipantTab } from './ParticipantTab.tsx';
import { TriangulationTab } from './TriangulationTab.tsx';
import './analysis.css';

type Tab = 'triangulation' | 'participant' | 'code-source' | 'code-attribute' | 'cooccurrence' | 'frequencies';
const TABS: Array<{ tab: Tab; label: MessageKey }> = [
  { tab: 'triangulation', label: 'analysis.tab.triangulation' },
  { tab: 'participant', label: 'analysis.tab.participant' },
  { tab: 'code-source', label: 'analysis.tab.codeSource' },
  { tab: 'code-attribute', label: 'analysis.tab.codeAttribute' },
  { tab: 'cooccurrence', label: 'analysis.tab.cooccurrence' },
  { tab: 'frequencies', label: 'analysis.tab.frequencies' },
];

const ALL_SCOPES = {};
const NO_ATTRIBUTES: AttributeDef[] = [];

export function AnalysisPanel({ active }: { active: boolean }) {
  const t = useT();
  const [tab, setTab] = useState<Tab>('triangulation');
  const [seen, setSeen] = useState<ReadonlySet<Tab>>(new Set());
  const [filters, setFilters] = useState<FilterState>(NO_FILTER);
  // Case and source attributes both make columns (the cases table shows only the case ones).
  const attributes = useApiQuery('listAttributes', ALL_SCOPES, { enabled: active }).data ?? NO_ATTRIBUTES;
  const filter = useMemo(() => filterOf(filters), [filters]);

  if (active && !seen.has(tab)) setSeen(new Set([...seen, tab]));

  if (seen.size === 0) return null;
  const shown = (x: Tab) => active && tab === x;
  return (
    <section className="analysis-view" aria-labelledby="analysis-title">
      <div className="panel-head">
        <h2 id="analysis-title">{t('analysis.title')}</h2>
      </div>
      <TabList idPrefix="analysis" label={t('analysis.sections')} className="analysis-tabs" tabs={TABS} value={tab} onChange={setTab} />
      <MatrixFilters value={filters} onChange={setFilters} attributes={attributes} />
      {TABS.map((x) => (
        <div key={x.tab} role="tabpanel" id={`analysis-panel-${x.tab}`} aria-labelledby={`analysis-tab-${x.tab}`} hidden={tab !== x.tab}>
          {seen.has(x.tab) && x.tab === 'triangulation' && <TriangulationTab active={shown(x.tab)} filter={filter} attributes={attributes} />}
          {seen.has(x.tab) && x.tab === 'participant' && <ParticipantTab active={shown(x.tab)} filter={filter} />}
          {seen.has(x.tab) && x.tab === 'code-source' && <CodeSourceTab active={shown(x.tab)} filter={filter} />}
          {seen.has(x.tab) && x.tab === 'code-attribute' && <CodeAttributeTab active={shown(x.tab)} filter={filter} attributes={attributes} />}
          {seen.has(x.tab) && x.tab === 'cooccurrence' && <CooccurrenceTab active={shown(x.tab)} filter={filter} />}
          {seen.has(x.tab) && x.tab === 'frequencies' && <FrequencyTab active={shown(x.tab)} filter={filter} />}
        </div>
      ))}
    </section>
  );
}
