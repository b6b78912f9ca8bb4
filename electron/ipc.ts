// The one IPC entry point of the page: ipcRenderer.invoke('tresse:call', method, arg). A call is
// answered only if it comes from the main frame of the app's own page; its argument is checked
// against service/schemas.ts, any path in it against the dialog-chosen files, then it runs
// through the same dispatch as the browser mode.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { TresseError } from '../i18n/error.ts';
import type { ApiMethod, ApiResult, TresseApi } from '../service/api.ts';
import { isApiMethod } from '../service/api-methods.ts';
import { CALL_CHANNEL } from '../service/bridge.ts';
import type { PathPolicy } from '../service/path-policy.ts';
import { callApi, errorResult } from '../service/schemas.ts';
import type { Workspace } from '../service/workspace.ts';
import { isAppPage } from './window.ts';

/** Calls after which the window title and the menu (recent projects, language) are redrawn. */
const SESSION_METHODS: ReadonlySet<ApiMethod> = new Set(['createProject', 'openProject', 'closeProject', 'setLang']);

export interface IpcDeps {
  api: TresseApi;
  ws: Workspace;
  /** The files the page may name: those the user chose in a dialog (service/path-policy.ts). */
  paths: PathPolicy;
  onSessionChange?: () => void;
}

/** True when the event comes from the top frame of the app's page (not an iframe, not elsewhere). */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (event.sender.mainFrame !== frame) return false;
  return isAppPage(frame.url);
}

export async function handleCall(
  event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>,
  method: unknown,
  arg: unknown,
  deps: IpcDeps,
): Promise<ApiResult<unknown>> {
  if (!isTrustedSender(event)) {
    console.warn(`[tresse] IPC refused from ${event.senderFrame?.url ?? 'a closed frame'}`);
    return errorResult(new TresseError('api.forbidden', { reason: event.senderFrame?.url ?? '?' }), deps.ws.lang);
  }
  if (typeof method !== 'string' || !isApiMethod(method)) {
    return errorResult(new TresseError('api.unknownMethod', { method: String(method) }), deps.ws.lang);
  }
  const result = await callApi(deps.api, deps.ws, method, arg, deps.paths);
  if (result.ok && SESSION_METHODS.has(method)) deps.onSessionChange?.();
  return result;
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, deps: IpcDeps): void {
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, arg: unknown) => handleCall(event, method, arg, deps));
}
