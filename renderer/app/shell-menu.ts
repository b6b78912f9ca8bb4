// The desktop application menu (File > New, Open, Recent, Import; View > Language) sends its
// actions to the page, which owns the forms and dialogs that follow. The browser mode has no menu.
import { useEffect, useEffectEvent } from 'react';
import type { MenuAction, TresseShell } from '../../service/contract/bridge.ts';
import { isTextEntry } from '../coding/useHistory.tsx';

/** Asks the sources panel to open its file chooser (from the menu, wherever the focus is). */
export const IMPORT_REQUEST = 'tresse:import-request';

export function useShellMenu(onAction: (action: MenuAction) => void): void {
  // Subscribed once; each action reaches the handler of the latest render.
  const handle = useEffectEvent(onAction);
  useEffect(() => {
    const shell = (globalThis as { tresseShell?: TresseShell }).tresseShell;
    return shell?.onMenu((action) => handle(action));
  }, []);
}

/**
 * Edit > Undo / Redo from the desktop menu: a text field being edited keeps its own undo;
 * anywhere else the coding and codebook history steps back or forward.
 */
export function useMenuUndo(history: { undo(): Promise<unknown>; redo(): Promise<unknown> }, onError: (e: unknown) => void) {
  useShellMenu((action) => {
    if (action.action !== 'undo' && action.action !== 'redo') return;
    if (isTextEntry(document.activeElement)) {
      document.execCommand(action.action);
      return;
    }
    (action.action === 'undo' ? history.undo() : history.redo()).catch(onError);
  });
}
