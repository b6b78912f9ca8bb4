// Confidentiality and backups, opened from the project header: two tabs (pseudonyms, backups) in
// one dialog. Changes that rewrite the project (names replaced, a backup restored) reload the
// workbench and clear the undo history, whose steps point at text that is no longer there.
import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { useHistory } from '../../coding/useHistory.tsx';
import { useT } from '../../i18n/lang-context.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { errorText } from '../../ui/error-text.ts';
import { BackupsTab } from './BackupsTab.tsx';
import { PseudonymsTab } from './PseudonymsTab.tsx';
import './privacy.css';

type Tab = 'pseudonyms' | 'backups';
const TABS: Tab[] = ['pseudonyms', 'backups'];

export function PrivacyDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { cases, project, refresh } = useWorkbench();
  const { history } = useHistory();
  const [tab, setTab] = useState<Tab>('pseudonyms');
  const [error, setError] = useState<string | null>(null);
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ pseudonyms: null, backups: null });
  const report = useCallback((e: unknown) => setError(errorText(e, t)), [t]);

  const projectChanged = useCallback(async () => {
    history.clear();
    await refresh();
  }, [history, refresh]);

  // Arrow keys move between tabs, as in every tab list.
  const onTabKey = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length]!;
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <Dialog title={t('privacy.title')} onClose={onClose}>
      <div className="privacy">
        <div role="tablist" aria-label={t('privacy.tabs')} className="privacy-tabs" onKeyDown={onTabKey}>
          {TABS.map((id) => (
            <button
              key={id}
              ref={(el) => {
                tabRefs.current[id] = el;
              }}
              type="button"
              role="tab"
              id={`privacy-tab-${id}`}
              aria-selected={tab === id}
              aria-controls={`privacy-panel-${id}`}
              tabIndex={tab === id ? 0 : -1}
              onClick={() => setTab(id)}
            >
              {t(id === 'pseudonyms' ? 'privacy.tab.pseudonyms' : 'privacy.tab.backups')}
            </button>
          ))}
        </div>
        <ErrorNotice message={error} onDismiss={() => setError(null)} />
        <div role="tabpanel" id={`privacy-panel-${tab}`} aria-labelledby={`privacy-tab-${tab}`}>
          {tab === 'pseudonyms' ? (
            <PseudonymsTab cases={cases} report={report} onProjectChanged={projectChanged} />
          ) : (
            <BackupsTab projectPath={project.path} report={report} onRestored={projectChanged} />
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
