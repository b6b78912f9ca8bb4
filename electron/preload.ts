// Runs sandboxed, before the page: exposes exactly two objects and nothing of Node or IPC itself.
// Bundled to CommonJS (dist-electron/preload.cjs) and may only require 'electron'.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CALL_CHANNEL, MENU_CHANNEL, type MenuAction, type TresseBridge, type TresseShell } from '../service/contract/bridge.ts';
import type { ApiResult } from '../service/contract/index.ts';

const tresse: TresseBridge = {
  call: (method, arg) => ipcRenderer.invoke(CALL_CHANNEL, method, arg) as Promise<ApiResult<unknown>>,
};

const tresseShell = {
  kind: 'desktop',
  onMenu(listener) {
    // The page gets the action only, never the IPC event (which would hand it ipcRenderer).
    const forward = (_event: IpcRendererEvent, action: MenuAction) => listener(action);
    ipcRenderer.on(MENU_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, forward);
    };
  },
} satisfies TresseShell;

contextBridge.exposeInMainWorld('tresse', tresse);
contextBridge.exposeInMainWorld('tresseShell', tresseShell);
