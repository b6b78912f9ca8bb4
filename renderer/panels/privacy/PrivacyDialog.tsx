// Confidentiality and backups, opened from the project header: two tabs (pseudonyms, backups) in
// one dialog. Changes that rewrite the project (names replaced, a backup restored) fetch the
// workbench's views again (renderer/data/invalidation.ts) and clear the undo history, whose steps
// point at text that is no longer there.
import { useCallback, useState } from 'react';
import type { MessageKey } from '../../../i18n/catalogue.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { useHistory } from '../../coding/useHistory.tsx';
import { useCases } from '../../data/lists.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { TabList } from '../../ui/TabList.tsx';
import { errorText } from '../../ui/error-text.ts';
import { BackupsTab } from './BackupsTab.tsx';
import { PseudonymsTab } from './PseudonymsTab.tsx';
import './privacy.css';

type Tab = 'pseudonyms' | 'backups';
const TABS: Array<{ tab: Tab; label: MessageKey }> = [
  { tab: 'pseudonyms', label: 'privacy.tab.pseudonyms' },
  { tab: 'backups', label: 'privacy.tab.backups' },
];

export function PrivacyDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { project } = useWorkbench();
  const cases = useCases();
  const { history } = useHistory();
  const [tab, setTab] = useState<Tab>('pseudonyms');
  const [error, setError] = useState<string | null>(null);
  const report = useCallback((e: unknown) => setError(errorText(e, t)), [t]);

  // An error belongs to the tab that raised it: another tab starts clean.
  const showTab = (next: Tab) => {
    if (next !== tab) setError(null);
    setTab(next);
  };

  const projectChanged = useCallback(async () => history.clear(), [history]);

  return (
    <Dialog title={t('privacy.title')} onClose={onClose}>
      <div className="privacy">
        <TabList idPrefix="privacy" label={t('privacy.tabs')} className="privacy-tabs" tabs={TABS} value={tab} onChange={showTab} />
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
