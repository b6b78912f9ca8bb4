// The team's view of the project: REFI-QDA exchange, comparing and merging codebooks, merging a
// teammate's project, inter-coder agreement, and agreement between coders' ratings of cases.
// Sections are tabs (arrow keys move between them); each stays mounted while hidden, so a
// comparison or a review survives a visit to a source.
import { useState } from 'react';
import type { MessageKey } from '../../../i18n/catalogue.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { TabList } from '../../ui/TabList.tsx';
import { AgreementSection } from './AgreementSection.tsx';
import { BlindCodingToggle } from './BlindCodingToggle.tsx';
import { CompareSection } from './CompareSection.tsx';
import { ExchangeSection } from './ExchangeSection.tsx';
import { MergeSection } from './MergeSection.tsx';
import { RatingAgreementSection } from './RatingAgreementSection.tsx';
import './team.css';

type Tab = 'exchange' | 'compare' | 'merge' | 'agreement' | 'ratings';
const TABS: Array<{ tab: Tab; label: MessageKey }> = [
  { tab: 'exchange', label: 'team.tab.exchange' },
  { tab: 'compare', label: 'team.tab.compare' },
  { tab: 'merge', label: 'team.tab.merge' },
  { tab: 'agreement', label: 'team.tab.agreement' },
  { tab: 'ratings', label: 'team.tab.ratings' },
];

/** `active`: shown. Built on the first visit only, then kept while hidden. */
export function TeamPanel({ active }: { active: boolean }) {
  const t = useT();
  const [tab, setTab] = useState<Tab>('exchange');
  const [visited, setVisited] = useState(active);
  if (active && !visited) setVisited(true);

  if (!visited) return null;
  return (
    <section className="team-view" aria-labelledby="team-title">
      <div className="panel-head">
        <h2 id="team-title">{t('team.title')}</h2>
        <BlindCodingToggle />
      </div>
      <TabList idPrefix="team" label={t('team.sections')} className="team-tabs" tabs={TABS} value={tab} onChange={setTab} />
      {TABS.map((x) => (
        <div key={x.tab} role="tabpanel" id={`team-panel-${x.tab}`} aria-labelledby={`team-tab-${x.tab}`} hidden={tab !== x.tab}>
          {x.tab === 'exchange' && <ExchangeSection />}
          {x.tab === 'compare' && <CompareSection />}
          {x.tab === 'merge' && <MergeSection />}
          {x.tab === 'agreement' && <AgreementSection />}
          {x.tab === 'ratings' && <RatingAgreementSection />}
        </div>
      ))}
    </section>
  );
}
