// The desktop application menu (File > New, Open, Recent, Import; View > Language) sends its
// actions to the page, which owns the forms and dialogs that follow. The browser mode has no menu.
import { useEffect, useRef } from 'react';
import type { MenuAction, TresseShell } from '../../service/bridge.ts';

/** Asks the sources panel to open its file chooser (from the menu, wherever the focus is). */
export const IMPORT_REQUEST = 'tresse:import-request';

export function useShellMenu(onAction: (action: MenuAction) => void): void {
  const latest = useRef(onAction);
  latest.current = onAction;
  useEffect(() => {
    const shell = (globalThis as { tresseShell?: TresseShell }).tresseShell;
    return shell?.onMenu((action) => latest.current(action));
  }, []);
}
