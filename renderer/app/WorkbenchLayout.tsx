// An open project: sources on the left, the chosen view in the centre, the codebook on the right.
import { useHistory, useHistoryShortcuts } from '../coding/useHistory.tsx';
import { useMenuUndo, useShellMenu } from './shell-menu.ts';
import { useT } from '../i18n/lang-context.tsx';
import { CasesTable } from '../panels/cases/CasesTable.tsx';
import { CodebookPanel } from '../panels/codebook/CodebookPanel.tsx';
import { RetrievalPanel } from '../panels/retrieval/RetrievalPanel.tsx';
import { SearchPanel } from '../panels/search/SearchPanel.tsx';
import { SourceView } from '../panels/sources/SourceView.tsx';
import { SourcesPanel } from '../panels/sources/SourcesPanel.tsx';
import { TeamPanel } from '../panels/team/TeamPanel.tsx';
import { AnalysisPanel } from '../panels/analysis/AnalysisPanel.tsx';
import { MethodPage } from '../panels/method/MethodPage.tsx';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { ProjectHeader } from './ProjectHeader.tsx';
import { useWorkbench } from './workbench-context.tsx';

export function WorkbenchLayout({ onClose }: { onClose: () => Promise<void> }) {
  const t = useT();
  const { view, setView, error, clearError, report } = useWorkbench();
  useHistoryShortcuts(report);
  useMenuUndo(useHistory(), report);
  useShellMenu((action) => {
    if (action.action === 'showMethod') setView('method');
  });
  return (
    <div className="workbench">
      <a className="skip-link" href="#centre">
        {t('app.skipToContent')}
      </a>
      <ProjectHeader onClose={onClose} />
      <ErrorNotice message={error} onDismiss={clearError} />
      <div className="workbench-body">
        <nav className="pane pane-left" aria-label={t('sources.title')}>
          <SourcesPanel />
        </nav>
        <main className="pane pane-centre" id="centre" tabIndex={-1}>
          {view === 'source' && <SourceView />}
          {view === 'cases' && <CasesTable />}
          {view === 'method' && <MethodPage />}
          {/* Kept mounted while hidden: a query and its filters survive a visit to the source. */}
          <div hidden={view !== 'retrieval'}>
            <RetrievalPanel active={view === 'retrieval'} />
          </div>
          <div hidden={view !== 'search'}>
            <SearchPanel />
          </div>
          <div hidden={view !== 'team'}>
            <TeamPanel active={view === 'team'} />
          </div>
          <div hidden={view !== 'analysis'}>
            <AnalysisPanel active={view === 'analysis'} />
          </div>
        </main>
        <aside className="pane pane-right" aria-label={t('codebook.title')}>
          <CodebookPanel />
        </aside>
      </div>
    </div>
  );
}
