// No project open: create one from a grid, open one by its path, or pick a recent one.
import { useState, type FormEvent } from 'react';
import type { RecentProject, ResolvedProjectPath } from '../../service/contract/index.ts';
import type { ProjectInfo } from '../../service/contract/index.ts';
import { useApiCall, useApiQuery } from '../data/hooks.ts';
import { useLang } from '../i18n/lang-context.tsx';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { errorText } from '../ui/error-text.ts';
import { LangSwitch } from './LangSwitch.tsx';
import { PathField } from './PathField.tsx';

interface Props {
  shell: 'desktop' | 'browser' | 'cli';
  recent: RecentProject[];
  onOpened: (project: ProjectInfo) => void;
}

export function StartScreen({ shell, recent, onOpened }: Props) {
  const { t } = useLang();
  const call = useApiCall();
  const [error, setError] = useState<string | null>(null);

  const attempt = async (action: () => Promise<ProjectInfo>) => {
    setError(null);
    try {
      onOpened(await action());
    } catch (e) {
      setError(errorText(e, t));
    }
  };

  return (
    <div className="start">
      <header className="start-header">
        <h1>Tresse</h1>
        <p>{t('start.tagline')}</p>
        <LangSwitch />
      </header>
      <main className="start-main">
        <ErrorNotice message={error} onDismiss={() => setError(null)} />
        <div className="start-columns">
          <CreateProjectForm shell={shell} onCreate={(args) => attempt(() => call('createProject', args))} />
          <div className="start-column">
            <OpenProjectForm shell={shell} onOpen={(path) => attempt(() => call('openProject', { path }))} />
            <RecentProjects recent={recent} onOpen={(path) => attempt(() => call('openProject', { path }))} />
          </div>
        </div>
      </main>
    </div>
  );
}

function CreateProjectForm({
  shell,
  onCreate,
}: {
  shell: 'desktop' | 'browser' | 'cli';
  onCreate: (args: { path: string; name?: string; grid: string; coder?: string }) => Promise<void>;
}) {
  const { t, lang } = useLang();
  // Without the list (it never fails in practice) the form still creates from the default grid.
  const grids = useApiQuery('listGrids', undefined).data ?? [];
  const [grid, setGrid] = useState('six-themes');
  const [path, setPath] = useState('');
  const [coder, setCoder] = useState('');
  const target = useResolvedPath(path.trim());
  const blocked = target !== null && (target.exists || !target.folderExists);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!path.trim() || blocked) return;
    // Sent even when empty: the service refuses it with words the error notice shows.
    void onCreate({ path: path.trim(), grid, coder: coder.trim() });
  };

  return (
    <form className="card start-column" onSubmit={submit} aria-labelledby="create-title">
      <h2 id="create-title">{t('start.create')}</h2>
      <PathField shell={shell} mode="create" value={path} onChange={setPath} id="create-path" describedBy="create-path-target" />
      <TargetPath id="create-path-target" target={path.trim() ? target : null} />
      <fieldset>
        <legend>{t('start.grid')}</legend>
        {grids.map((g) => (
          <label key={g.id} className="choice">
            <input type="radio" name="grid" value={g.id} checked={grid === g.id} onChange={() => setGrid(g.id)} />
            <span>
              <strong>{g.name[lang]}</strong>
              <small>{g.description[lang]}</small>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{t('start.coder')}</span>
        <input value={coder} onChange={(e) => setCoder(e.target.value)} placeholder={t('start.coderHint')} autoComplete="name" aria-required="true" />
      </label>
      <button type="submit" className="primary" disabled={!path.trim() || blocked}>
        {t('start.createButton')}
      </button>
    </form>
  );
}

/**
 * The full path a typed project path stands for (a bare name goes to the documents folder or the
 * last one used, with .tresse), asked of the service as the user types; the answer is the one for
 * the path typed now (each path its own query), never an older keystroke's.
 */
function useResolvedPath(path: string): ResolvedProjectPath | null {
  // The folder may have changed since (a project created there): asked afresh for each new path typed.
  return useApiQuery('resolveProjectPath', path ? { path } : null, { staleTime: 0 }).data ?? null;
}

/** Where the project will be created, shown before anything is written; or why it cannot be. */
function TargetPath({ id, target }: { id: string; target: ResolvedProjectPath | null }) {
  const { t } = useLang();
  if (!target) return <p id={id} className="muted" hidden />;
  if (target.exists) {
    return (
      <p id={id} role="alert" data-testid="create-path-target">
        <strong>{t('start.pathExists', { path: target.path })}</strong>
      </p>
    );
  }
  if (!target.folderExists) {
    return (
      <p id={id} role="alert" data-testid="create-path-target">
        <strong>{t('start.folderMissing', { folder: parentFolder(target.path) })}</strong>
      </p>
    );
  }
  return (
    <p id={id} className="path" aria-live="polite" data-testid="create-path-target">
      {t('start.willCreate', { path: target.path })}
    </p>
  );
}

/** The folder part of a path from the service (either separator: the server may run on Windows). */
function parentFolder(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut > 0 ? path.slice(0, cut) : path;
}

function OpenProjectForm({ shell, onOpen }: { shell: 'desktop' | 'browser' | 'cli'; onOpen: (path: string) => Promise<void> }) {
  const { t } = useLang();
  const [path, setPath] = useState('');
  return (
    <form
      className="card"
      aria-labelledby="open-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (path.trim()) void onOpen(path.trim());
      }}
    >
      <h2 id="open-title">{t('start.open')}</h2>
      <PathField shell={shell} mode="open" value={path} onChange={setPath} id="open-path" />
      <button type="submit" disabled={!path.trim()}>
        {t('start.openButton')}
      </button>
    </form>
  );
}

function RecentProjects({ recent, onOpen }: { recent: RecentProject[]; onOpen: (path: string) => Promise<void> }) {
  const { t, lang } = useLang();
  return (
    <section className="card" aria-labelledby="recent-title">
      <h2 id="recent-title">{t('start.recent')}</h2>
      {recent.length === 0 ? (
        <p className="muted">{t('start.noRecent')}</p>
      ) : (
        <ul className="recent-list">
          {recent.map((r) => (
            <li key={r.path}>
              <button type="button" className="recent" onClick={() => void onOpen(r.path)}>
                <strong>{r.name}</strong>
                <span className="path">{r.path}</span>
                <small>{new Date(r.openedAt).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB')}</small>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
