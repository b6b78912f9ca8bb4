// The one window and the rules every page in it lives by: the page is the app's own
// (app://tresse/index.html), runs sandboxed and isolated from Node, cannot open windows, cannot
// navigate elsewhere and cannot embed web views. The developer tools exist only in a development
// build (electron/build-flags.ts), never in what users install.
import { BrowserWindow, type BrowserWindowConstructorOptions, type Input, type WebContents } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'tresse';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** True for a URL of the app's own page (any fragment or query). */
export function isAppPage(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && (u.pathname === '/index.html' || u.pathname === '/');
  } catch {
    return false;
  }
}

/** Whether the developer tools may open: true only in a `--dev` build. Absent means production. */
export interface DevToolsOption {
  devTools?: boolean;
}

export function windowOptions(preload: string, o: DevToolsOption = {}): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Tresse',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      devTools: o.devTools === true,
    },
  };
}

export function createMainWindow(preload: string, o: DevToolsOption = {}): BrowserWindow {
  const win = new BrowserWindow(windowOptions(preload, o));
  hardenContents(win.webContents, o);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_URL);
  return win;
}

/** Applied to the window's contents (and, from main.ts, to any other contents ever created). */
export function hardenContents(contents: WebContents, o: DevToolsOption = {}): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayOnPage = (event: { preventDefault(): void; url: string }) => {
    if (!isAppPage(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnPage);
  contents.on('will-frame-navigate', stayOnPage);
  contents.on('will-redirect', stayOnPage);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  if (o.devTools !== true) {
    // webPreferences.devTools already keeps them shut; the keys are swallowed as well so that no
    // default menu or future accelerator can reach them, and a window that opens anyway is closed.
    contents.on('before-input-event', (event, input) => {
      if (isDevToolsKey(input)) event.preventDefault();
    });
    contents.on('devtools-opened', () => contents.closeDevTools());
  }
}

/** F12, Ctrl+Shift+I/J/C, and Cmd+Option+I/J/C on macOS: the keys that open the developer tools. */
export function isDevToolsKey(input: Pick<Input, 'type' | 'key' | 'code' | 'control' | 'shift' | 'alt' | 'meta'>): boolean {
  if (input.type !== 'keyDown') return false;
  if (input.key === 'F12') return true;
  const letter = ['KeyI', 'KeyJ', 'KeyC'].includes(input.code);
  return letter && ((input.control && input.shift) || (input.meta && input.alt));
}

export function windowTitle(projectPath: string | null | undefined): string {
  return projectPath ? `Tresse — ${projectPath}` : 'Tresse';
}
