// What every panel of an open project shares: the project, which view fills the centre, which
// source is open (and which passage to show), and a place to report errors. The project's lists
// (sources, codes, cases, attributes) are read through the cache (renderer/data/lists.ts), and
// each change fetches again only what it touched.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ProjectInfo } from '../../service/contract/index.ts';
import { useHistoryEvents } from '../coding/useHistory.tsx';
import { afterPaint } from '../data/after-paint.ts';
import { useApiQuery, useInvalidateAffected, useQueryErrors } from '../data/hooks.ts';
import { useT } from '../i18n/lang-context.tsx';
import { errorText } from '../ui/error-text.ts';

export type CentreView = 'source' | 'cases' | 'retrieval' | 'search' | 'team' | 'analysis' | 'method';

export interface Passage {
  start: number;
  end: number;
}

export interface OpenedSource {
  sourceId: number;
  /** The passage to scroll to and highlight, in code points. */
  focus: Passage | null;
  /** Changes on every request, so asking twice for the same passage scrolls again. */
  nonce: number;
}

export interface Workbench {
  /** The open project as the service last described it (its coders change with merges and imports). */
  project: ProjectInfo;
  view: CentreView;
  setView: (view: CentreView) => void;
  opened: OpenedSource | null;
  openSource: (sourceId: number, focus?: Passage | null) => void;
  /** The code chosen in the codebook, which the retrieval view starts from. */
  selectedCodeId: number | null;
  selectCode: (id: number | null) => void;
  /** Codes applied lately, most recent first: the code picker offers them first. */
  recentCodeIds: number[];
  noteRecentCode: (id: number) => void;
  /** Blind coding: the reading view shows only the current coder's codings. */
  blindCoding: boolean;
  setBlindCoding: (on: boolean) => void;
  error: string | null;
  report: (e: unknown) => void;
  clearError: () => void;
}

const WorkbenchContext = createContext<Workbench | null>(null);

export function useWorkbench(): Workbench {
  const wb = useContext(WorkbenchContext);
  if (!wb) throw new Error('useWorkbench outside WorkbenchProvider');
  return wb;
}

export function WorkbenchProvider({ project: initial, children }: { project: ProjectInfo; children: ReactNode }) {
  const t = useT();
  // The session may still describe the project open before this one, until its new answer comes.
  const described = useApiQuery('getSession', undefined, { select: (s) => s.project }).data;
  const project = described && described.path === initial.path ? described : initial;
  const [view, showView] = useState<CentreView>('source');
  const [opened, setOpened] = useState<OpenedSource | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selectedCodeId, selectCode] = useState<number | null>(null);
  const [recentCodeIds, setRecent] = useState<number[]>([]);
  const [blindCoding, setBlindCoding] = useState(false);
  const noteRecentCode = useCallback((id: number) => setRecent((prev) => [id, ...prev.filter((x) => x !== id)].slice(0, 10)), []);

  const report = useCallback((e: unknown) => setError(errorText(e, t)), [t]);

  // A failed read is reported like any other failure; commands (made, undone, redone) fetch again
  // what they touched, once the change they painted from their answer is on screen.
  useQueryErrors(report);
  const invalidate = useInvalidateAffected();
  useHistoryEvents((event) => void afterPaint().then(() => invalidate(event.command.affects)));

  // An error is about the view that raised it: going to another view (or source) clears it, so a
  // banner never sits over a place it says nothing about. Errors raised by the move itself come after.
  const openedId = opened?.sourceId ?? null;
  const setView = useCallback(
    (next: CentreView) => {
      if (view !== next) setError(null);
      showView(next);
    },
    [view],
  );

  const openSource = useCallback(
    (sourceId: number, focus: Passage | null = null) => {
      if (view !== 'source' || openedId !== sourceId) setError(null);
      setOpened({ sourceId, focus, nonce: Date.now() + Math.random() });
      showView('source');
    },
    [view, openedId],
  );

  const value = useMemo<Workbench>(
    () => ({
      project,
      view,
      setView,
      opened,
      openSource,
      selectedCodeId,
      selectCode,
      recentCodeIds,
      noteRecentCode,
      blindCoding,
      setBlindCoding,
      error,
      report,
      clearError: () => setError(null),
    }),
    [project, view, setView, opened, openSource, selectedCodeId, recentCodeIds, noteRecentCode, blindCoding, error, report],
  );
  return <WorkbenchContext.Provider value={value}>{children}</WorkbenchContext.Provider>;
}
