// The window: the start screen while no project is open, the workbench once one is.
import { useEffect, useState } from 'react';
import type { SessionState } from '../../service/api.ts';
import type { ProjectInfo } from '../../service/project.ts';
import { api } from '../api/client.ts';
import { translator } from '../../i18n/catalogue.ts';
import { HistoryProvider } from '../coding/useHistory.tsx';
import { LangProvider, useLang } from '../i18n/lang-context.tsx';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { IMPORT_REQUEST, useShellMenu } from './shell-menu.ts';
import { errorText } from '../ui/error-text.ts';
import { StartScreen } from './StartScreen.tsx';
import { WorkbenchLayout } from './WorkbenchLayout.tsx';
import { WorkbenchProvider } from './workbench-context.tsx';

export function App() {
  const [session, setSession] = useState<SessionState | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    api.getSession().then(
      (s) => {
        document.documentElement.lang = s.lang;
        setSession(s);
      },
      (e: unknown) => setFailure(errorText(e, translator('fr'))),
    );
  }, []);

  if (failure) {
    return (
      <main className="boot" role="alert">
        {failure}
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
  const [recent, setRecent] = useState(session.recent);
  const [menuError, setMenuError] = useState<string | null>(null);
  // The project whose taken-over lock the user has read about (see ProjectInfo.lockTakenOver).
  const [lockNoticeRead, setLockNoticeRead] = useState<ProjectInfo | null>(null);
  const { t, setLang } = useLang();

  const closeProject = async () => {
    await api.closeProject();
    setProject(null);
    setRecent((await api.getSession()).recent);
  };

  useShellMenu((action) => {
    const open = async (path: string | null) => {
      if (path) setProject(await api.openProject({ path }));
    };
    const run = async () => {
      if (action.action === 'newProject') await closeProject();
      else if (action.action === 'openProject') await open(await api.chooseProjectPath({ mode: 'open' }));
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
        <StartScreen shell={session.shell} recent={recent} onOpened={setProject} />
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
        <WorkbenchLayout onClose={closeProject} />
      </WorkbenchProvider>
    </HistoryProvider>
  );
}
