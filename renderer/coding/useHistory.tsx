// The undo history in React: one History per project window, provided at the top of the app, and
// Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y bound on the window.
import { createContext, type ReactNode, useContext, useEffect, useEffectEvent, useMemo, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Translate } from '../../i18n/catalogue.ts';
import { writingThrough } from '../data/answers.ts';
import { useT } from '../i18n/lang-context.tsx';
import { type Command, History, type HistoryApi, type HistoryEvent, type Label } from './history.ts';

const HistoryContext = createContext<History | null>(null);

export function HistoryProvider(props: {
  api: HistoryApi;
  /** Replaces the window.confirm asked before merges and deletions (e.g. an in-app dialog). */
  confirm?: (command: Command, message: string) => boolean | Promise<boolean>;
  children: ReactNode;
}) {
  const t = useT();
  const { confirm } = props;
  // Its calls' answers go into the cache as they come (a coding is painted from addCoding's answer).
  const client = useQueryClient();
  const history = useMemo(() => new History(writingThrough(client, props.api)), [client, props.api]);
  // Nothing irreversible can be asked before this runs: it takes a user's action after the first render.
  useEffect(() => {
    history.setConfirm((command) => {
      const message = t('history.irreversible', { action: labelText(t, command.label) });
      if (confirm) return confirm(command, message);
      return typeof window !== 'undefined' && typeof window.confirm === 'function' ? window.confirm(message) : false;
    });
  }, [history, t, confirm]);
  return <HistoryContext.Provider value={history}>{props.children}</HistoryContext.Provider>;
}

export function labelText(t: Translate, label: Label): string {
  return t(label.key, label.params);
}

export interface HistoryState {
  history: History;
  run: History['run'];
  undo: () => Promise<Command | null>;
  redo: () => Promise<Command | null>;
  canUndo: boolean;
  canRedo: boolean;
  busy: boolean;
  /** "Annuler : coder avec « SC1 »", for a menu item or a button's title. */
  undoTitle: string;
  redoTitle: string;
}

export function useHistory(): HistoryState {
  const history = useContext(HistoryContext);
  if (!history) throw new Error('useHistory needs a HistoryProvider');
  const t = useT();
  const snapshot = useSyncExternalStore((onChange) => history.subscribe(onChange), history.getSnapshot, history.getSnapshot);
  return useMemo(
    () => ({
      history,
      run: history.run.bind(history),
      undo: () => history.undo(),
      redo: () => history.redo(),
      canUndo: snapshot.undo !== null,
      canRedo: snapshot.redo !== null,
      busy: snapshot.busy,
      undoTitle: snapshot.undo ? t('history.undo', { action: labelText(t, snapshot.undo) }) : t('history.nothingToUndo'),
      redoTitle: snapshot.redo ? t('history.redo', { action: labelText(t, snapshot.redo) }) : t('history.nothingToRedo'),
    }),
    [history, snapshot, t],
  );
}

/** Calls `listener` after every command done, undone or redone (to reload what it affects). */
export function useHistoryEvents(listener: (event: HistoryEvent) => void): void {
  const history = useContext(HistoryContext);
  const handle = useEffectEvent(listener);
  useEffect(() => history?.subscribe((event) => event && handle(event)), [history]);
}

/** True when keys typed there belong to the text being edited, which has its own undo. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(target.type);
  }
  return target.closest('[contenteditable]:not([contenteditable="false"])') !== null;
}

/**
 * Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (Cmd on macOS), except while typing in a field.
 * Failures go to `onError` (the API's error, already worded in the user's language).
 */
export function historyKeyHandler(history: History, onError: (error: unknown) => void = () => {}) {
  return (event: KeyboardEvent): void => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || isTextEntry(event.target)) return;
    const key = event.key.toLowerCase();
    let op: (() => Promise<unknown>) | null = null;
    if (key === 'z' && !event.shiftKey) op = () => history.undo();
    else if ((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)) op = () => history.redo();
    if (!op) return;
    event.preventDefault();
    op().catch(onError);
  };
}

/** Installs historyKeyHandler on the window for as long as the calling component is mounted. */
export function useHistoryShortcuts(onError?: (error: unknown) => void): void {
  const history = useContext(HistoryContext);
  const failed = useEffectEvent((e: unknown) => onError?.(e));
  useEffect(() => {
    if (!history) return;
    const handler = historyKeyHandler(history, (e) => failed(e));
    window.addEventListener('keydown', handler);
    return () => window.removeEventListener('keydown', handler);
  }, [history]);
}
