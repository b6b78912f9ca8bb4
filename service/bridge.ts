// The contract between the desktop shell and the renderer: what the Electron preload puts on
// `window`, and the channels it uses. No Node code here: the sandboxed preload and the renderer
// import it.
import type { Lang } from '../i18n/lang.ts';
import type { ApiMethod, ApiResult, TresseApi } from './api.ts';
import { API_METHODS } from './api-methods.ts';

/** IPC channel of every API call: ipcRenderer.invoke(CALL_CHANNEL, method, arg) -> ApiResult. */
export const CALL_CHANNEL = 'tresse:call';
/** IPC channel on which the main process sends menu actions to the page. */
export const MENU_CHANNEL = 'tresse:menu';

/**
 * `window.tresse`: the API with each result wrapped as ApiResult (never rejected for a user
 * error); the renderer's client unwraps it and raises the error in the user's language.
 */
export type TresseBridge = {
  [M in ApiMethod]: (...args: Parameters<TresseApi[M]>) => Promise<ApiResult<Awaited<ReturnType<TresseApi[M]>>>>;
};

/** What a menu item asks the page to do (the page owns the dialogs and forms that follow). */
export type MenuAction =
  | { action: 'newProject' }
  | { action: 'openProject' }
  | { action: 'openRecent'; path: string }
  | { action: 'importSources' }
  | { action: 'setLang'; lang: Lang }
  | { action: 'undo' }
  | { action: 'redo' };

/** `window.tresseShell`: present only in the desktop app; the browser mode has no such object. */
export interface TresseShell {
  kind: 'desktop';
  /** Calls `listener` for every menu action; returns a function that stops listening. */
  onMenu(listener: (action: MenuAction) => void): () => void;
}

/**
 * Builds `window.tresse` from one generic transport. The loop cannot be typed method by method,
 * hence the one assertion; the method list itself is checked against TresseApi.
 */
export function buildBridge(invoke: (method: ApiMethod, arg: unknown) => Promise<ApiResult<unknown>>): TresseBridge {
  const bridge: Record<string, (arg?: unknown) => Promise<ApiResult<unknown>>> = {};
  for (const method of API_METHODS) bridge[method] = (arg?: unknown) => invoke(method, arg);
  return bridge as TresseBridge;
}
