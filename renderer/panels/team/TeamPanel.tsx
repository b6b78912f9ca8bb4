// The team's view of the project: REFI-QDA exchange, comparing and merging codebooks, merging a
// teammate's project, and inter-coder agreement. Sections are tabs (arrow keys move between them);
// each stays mounted while hidden, so a comparison or a review survives a visit to a source.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { MessageKey } from '../../../i18n/catalogue.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { AgreementSection } from './AgreementSection.tsx';
import { BlindCodingToggle } from './BlindCodingToggle.tsx';
import { CompareSection } from './CompareSection.tsx';
import { ExchangeSection } from './ExchangeSection.tsx';
import { MergeSection } from './MergeSection.tsx';
import './team.css';

type Tab = 'exchange' | 'compare' | 'merge' | 'agreement';
const TABS: Array<{ tab: Tab; label: MessageKey }> = [
  { tab: 'exchange', label: 'team.tab.exchange' },
  { tab: 'compare', label: 'team.tab.compare' },
  { tab: 'merge', label: 'team.tab.merge' },
  { tab: 'agreement', label: 'team.tab.agreement' },
];

/** `active`: shown. Built on the first visit only, then kept while hidden. */
export function TeamPanel({ active }: { active: boolean }) {
  const t = useT();
  const [tab, setTab] = useState<Tab>('exchange');
  const [visited, setVisited] = useState(active);
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  useEffect(() => {
    if (active) setVisited(true);
  }, [active]);

  const onKeyDown = (e: KeyboardEvent) => {
    const i = TABS.findIndex((x) => x.tab === tab);
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const j = (next + TABS.length) % TABS.length;
    setTab(TABS[j]!.tab);
    buttons.current[j]?.focus();
  };

  if (!visited) return null;
  return (
    <section className="team-view" aria-labelledby="team-title">
      <div className="panel-head">
        <h2 id="team-title">{t('team.title')}</h2>
        <BlindCodingToggle />
      </div>
      <div className="team-tabs" role="tablist" aria-label={t('team.sections')} onKeyDown={onKeyDown}>
        {TABS.map((x, i) => (
          <button
            key={x.tab}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`team-tab-${x.tab}`}
            aria-controls={`team-panel-${x.tab}`}
            aria-selected={tab === x.tab}
            tabIndex={tab === x.tab ? 0 : -1}
            onClick={() => setTab(x.tab)}
          >
            {t(x.label)}
          </button>
        ))}
      </div>
      {TABS.map((x) => (
        <div key={x.tab} role="tabpanel" id={`team-panel-${x.tab}`} aria-labelledby={`team-tab-${x.tab}`} hidden={tab !== x.tab}>
          {x.tab === 'exchange' && <ExchangeSection />}
          {x.tab === 'compare' && <CompareSection />}
          {x.tab === 'merge' && <MergeSection />}
          {x.tab === 'agreement' && <AgreementSection />}
        </div>
      ))}
    </section>
  );
}
