// The contract between the desktop shell and the renderer: what the Electron preload puts on
// `window`, and the channels it uses. No Node code here: the sandboxed preload and the renderer
// import it.
import type { Lang } from '../../i18n/lang.ts';
import type { ApiResult } from './index.ts';

/** IPC channel of every API call: ipcRenderer.invoke(CALL_CHANNEL, method, arg) -> ApiResult. */
export const CALL_CHANNEL = 'tresse:call';
/** IPC channel on which the main process sends menu actions to the page. */
export const MENU_CHANNEL = 'tresse:menu';

/**
 * `window.tresse`: one function that sends a call to the main process, where the contract checks
 * and runs it (service/contract/call.ts). Never rejected for a user error: the renderer's client
 * unwraps the result and raises the error in the user's language. One generic entry, so a method
 * added to the contract needs no change in the preload.
 */
export interface TresseBridge {
  call(method: string, arg: unknown): Promise<ApiResult<unknown>>;
}

/** What a menu item asks the page to do (the page owns the dialogs and forms that follow). */
export type MenuAction =
  | { action: 'newProject' }
  | { action: 'openProject' }
  | { action: 'openRecent'; path: string }
  | { action: 'importSources' }
  | { action: 'setLang'; lang: Lang }
  | { action: 'undo' }
  | { action: 'redo' }
  | { action: 'showMethod' };

/** `window.tresseShell`: present only in the desktop app; the browser mode has no such object. */
export interface TresseShell {
  kind: 'desktop';
  /** Calls `listener` for every menu action; returns a function that stops listening. */
  onMenu(listener: (action: MenuAction) => void): () => void;
}
