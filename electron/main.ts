// Electron main process: wires the window, the app:// protocol, the IPC entry point and the menu
// around one Workspace. Each part lives (and is tested) in its own module; this file only connects
// them. Bundled to dist-electron/main.cjs by scripts/build-electron.mjs.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { useNativeBinding } from '../db/native.ts';
import { isTresseError } from '../i18n/error.ts';
import { langFrom } from '../i18n/lang.ts';
import { MENU_CHANNEL, type MenuAction } from '../service/contract/bridge.ts';
import type { CallContext } from '../service/contract/index.ts';
import { chosenPathsPolicy } from '../service/path-policy.ts';
import { installStrayErrorHandlers } from '../service/stray-errors.ts';
import { Workspace } from '../service/workspace.ts';
import { openStartupProject } from '../server/first-start.ts';
import { DEV_BUILD } from './build-flags.ts';
import { chooseProjectPath } from './dialogs.ts';
import { registerIpc } from './ipc.ts';
import { menuTemplate } from './menu.ts';
import { chooseNativeBinding } from './native-binding.ts';
import { serveAppRequest } from './protocol.ts';
import { applySessionPolicy } from './session-policy.ts';
import { APP_SCHEME, createMainWindow, hardenContents, windowTitle } from './window.ts';

// Same settings folder as the browser mode (server/config-dir.ts), packaged or not.
app.setName('Tresse');
app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

// dist-electron/main.cjs -> the app's root (the repository, or the packaged app.asar).
const appRoot = join(__dirname, '..');
const distDir = join(appRoot, 'dist');

let win: BrowserWindow | null = null;
let ws: Workspace | null = null;

installStrayErrorHandlers((message, error) => console.error(message, error), { mode: 'serve', lang: () => ws?.lang ?? 'fr' });

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, { devTools: DEV_BUILD }));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => ws?.close());
  app.whenReady().then(start, (e: unknown) => fail(e));
}

async function start(): Promise<void> {
  const lang = langFrom(app.getLocale());
  const binding = chooseNativeBinding({
    isPackaged: app.isPackaged,
    env: process.env,
    exists: existsSync,
    resourcesPath: process.resourcesPath,
  });
  if (!binding.ok) {
    dialog.showErrorBox('Tresse', `${binding.problem.fr}\n\n${binding.problem.en}`);
    app.exit(1);
    return;
  }
  useNativeBinding(binding.path);

  applySessionPolicy(session.defaultSession);
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, distDir));

  const configDir = app.getPath('userData');
  const workspace = new Workspace({ configDir, lang, documentsDir: app.getPath('documents') });
  ws = workspace;
  // The page may use the files chosen in these dialogs, the recent projects and the open one.
  const paths = chosenPathsPolicy();
  const ctx: CallContext = {
    ws: workspace,
    hooks: {
      shell: 'desktop',
      chooseProjectPath: (mode) =>
        win ? chooseProjectPath(dialog, win, mode, workspace.lang, app.getPath('documents'), paths.remember) : Promise.resolve(null),
    },
  };
  const refresh = () => {
    win?.setTitle(windowTitle(workspace.ctx?.path));
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({
          lang: workspace.lang,
          recent: workspace.recent(),
          devTools: DEV_BUILD,
          platform: process.platform,
          send: (action: MenuAction) => win?.webContents.send(MENU_CHANNEL, action),
        }),
      ),
    );
  };
  registerIpc(ipcMain, { ctx, paths, onSessionChange: refresh });

  try {
    await openStartupProject(workspace, { configDir, demoDir: join(appRoot, 'demo') });
  } catch (e) {
    // Tresse still opens: the welcome screen lets the user pick or create a project.
    console.error('[tresse] startup project:', isTresseError(e) ? e.format(lang) : e);
  }

  win = createMainWindow(join(__dirname, 'preload.cjs'), { devTools: DEV_BUILD });
  win.on('closed', () => {
    win = null;
  });
  refresh();
}

function fail(e: unknown): void {
  console.error(e);
  dialog.showErrorBox('Tresse', String(e));
  app.exit(1);
}
