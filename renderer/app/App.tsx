// The window: the start screen while no project is open, the workbench once one is.
import { useEffect, useState } from 'react';
import type { SessionState } from '../../service/contract/index.ts';
import type { ProjectInfo } from '../../service/contract/index.ts';
import { translator } from '../../i18n/catalogue.ts';
import { api } from '../api/client.ts';
import { HistoryProvider } from '../coding/useHistory.tsx';
import { LangProvider, useLang } from '../i18n/lang-context.tsx';
import { useApiCall, useApiQuery } from '../data/hooks.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { IMPORT_REQUEST, useShellMenu } from './shell-menu.ts';
import { errorText } from '../ui/error-text.ts';
import { CoderDialog } from './CoderDialog.tsx';
import { StartScreen } from './StartScreen.tsx';
import { WorkbenchLayout } from './WorkbenchLayout.tsx';
import { WorkbenchProvider } from './workbench-context.tsx';

export function App() {
  const { data: session, error } = useApiQuery('getSession', undefined);
  const bootLang = session?.lang;
  useEffect(() => {
    if (bootLang) document.documentElement.lang = bootLang;
  }, [bootLang]);

  // Only the first answer can fail here: later ones (after a change) keep this one on screen.
  if (error && !session) {
    return (
      <main className="boot" role="alert">
        {errorText(error, translator('fr'))}
      </main>
    );
  }
  if (!session) return <main className="boot" aria-busy="true" />;
  return (
    <LangProvider initial={session.lang}>
      <Window session={session} />
    </LangProvider>
  );
}

function Window({ session }: { session: SessionState }) {
  const [project, setProject] = useState<ProjectInfo | null>(session.project);
  const call = useApiCall();
  const [menuError, setMenuError] = useState<string | null>(null);
  // The project whose taken-over lock the user has read about (see ProjectInfo.lockTakenOver).
  const [lockNoticeRead, setLockNoticeRead] = useState<ProjectInfo | null>(null);
  // Likewise for what upgrading the project on opening changed (ProjectInfo.upgradeNotices).
  const [upgradeNoticeRead, setUpgradeNoticeRead] = useState<ProjectInfo | null>(null);
  const { t, setLang } = useLang();

  // The recent list comes back with the session, fetched again once the project is closed.
  const closeProject = async () => {
    await call('closeProject', undefined);
    setProject(null);
  };

  useShellMenu((action) => {
    const open = async (path: string | null) => {
      if (path) setProject(await call('openProject', { path }));
    };
    const run = async () => {
      if (action.action === 'newProject') await closeProject();
      else if (action.action === 'openProject') await open(await call('chooseProjectPath', { mode: 'open' }));
      else if (action.action === 'openRecent') await open(action.path);
      else if (action.action === 'importSources') window.dispatchEvent(new Event(IMPORT_REQUEST));
      else if (action.action === 'setLang') await setLang(action.lang);
    };
    setMenuError(null);
    run().catch((e: unknown) => setMenuError(errorText(e, t)));
  });

  if (!project) {
    return (
      <>
        <ErrorNotice message={menuError} onDismiss={() => setMenuError(null)} />
        <StartScreen shell={session.shell} recent={session.recent} onOpened={setProject} />
      </>
    );
  }
  // One undo history per opened project; merges and deletions are confirmed by the codebook's own
  // dialogs (which say how many codings go), so the history does not ask a second time.
  return (
    <HistoryProvider key={project.path} api={api} confirm={() => true}>
      <WorkbenchProvider project={project}>
        <ErrorNotice message={menuError} onDismiss={() => setMenuError(null)} />
        <ErrorNotice
          message={project.lockTakenOver && lockNoticeRead !== project ? t('lock.takenOver', { ...project.lockTakenOver }) : null}
          onDismiss={() => setLockNoticeRead(project)}
        />
        <ErrorNotice
          message={
            project.upgradeNotices && upgradeNoticeRead !== project
              ? project.upgradeNotices.map((n) => t('upgrade.codingsMerged', { count: n.count })).join(' ')
              : null
          }
          onDismiss={() => setUpgradeNoticeRead(project)}
        />
        <WorkbenchLayout onClose={closeProject} />
        {project.askCoder && <CoderDialog project={project} onChosen={setProject} onLeave={() => void closeProject()} />}
      </WorkbenchProvider>
    </HistoryProvider>
  );
}
