// The one IPC entry point of the page: ipcRenderer.invoke('tresse:call', method, arg). A call is
// answered only if it comes from the main frame of the app's own page; then it goes through the
// contract's one caller (service/contract/call.ts), with the dialog-chosen files as path policy.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { TresseError } from '../i18n/error.ts';
import { CALL_CHANNEL } from '../service/contract/bridge.ts';
import { callMethod, errorResult } from '../service/contract/call.ts';
import type { ApiMethod, ApiResult, CallContext } from '../service/contract/index.ts';
import type { PathPolicy } from '../service/path-policy.ts';
import { isAppPage } from './window.ts';

/** Calls after which the window title and the menu (recent projects, language) are redrawn. */
const SESSION_METHODS: ReadonlySet<ApiMethod> = new Set(['createProject', 'openProject', 'closeProject', 'setLang']);

export interface IpcDeps {
  ctx: CallContext;
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
    return errorResult(new TresseError('api.forbidden', { reason: event.senderFrame?.url ?? '?' }), deps.ctx.ws.lang);
  }
  const result = await callMethod(String(method), arg, deps.ctx, deps.paths);
  if (result.ok && SESSION_METHODS.has(method as ApiMethod)) deps.onSessionChange?.();
  return result;
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, deps: IpcDeps): void {
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, arg: unknown) => handleCall(event, method, arg, deps));
}
