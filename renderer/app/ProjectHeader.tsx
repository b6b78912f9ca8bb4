// Which project is open (its file path always in sight), who is coding, and the centre views.
import { useLang } from '../i18n/lang-context.tsx';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { LangSwitch } from './LangSwitch.tsx';
import { PrivacyButton } from '../panels/privacy/PrivacyButton.tsx';
import { UndoButtons } from './UndoButtons.tsx';
import { useWorkbench, type CentreView } from './workbench-context.tsx';

const VIEWS: Array<{ view: CentreView; label: MessageKey }> = [
  { view: 'source', label: 'view.source' },
  { view: 'cases', label: 'view.cases' },
  { view: 'retrieval', label: 'view.retrieval' },
  { view: 'search', label: 'view.search' },
  { view: 'team', label: 'view.team' },
  { view: 'analysis', label: 'view.analysis' },
  { view: 'method', label: 'view.method' },
];

export function ProjectHeader({ onClose }: { onClose: () => Promise<void> }) {
  const { t } = useLang();
  const { project, view, setView } = useWorkbench();
  return (
    <header className="app-header">
      <div className="brand" aria-hidden="true">
        Tresse
      </div>
      <div className="project-id">
        <span className="project-name">{project.name}</span>
        <span className="path" data-testid="project-path" title={project.path}>
          {project.path}
        </span>
      </div>
      <nav className="view-nav" aria-label={t('view.nav')}>
        {VIEWS.map((v) => (
          <button key={v.view} type="button" aria-current={view === v.view ? 'page' : undefined} onClick={() => setView(v.view)}>
            {t(v.label)}
          </button>
        ))}
      </nav>
      <div className="header-tools">
        <UndoButtons />
        <span className="coder" title={t('app.coder')}>
          {t('app.coderIs', { name: project.coder.name })}
        </span>
        <LangSwitch />
        <PrivacyButton />
        <button type="button" onClick={() => void onClose()}>
          {t('app.close')}
        </button>
      </div>
    </header>
  );
}
