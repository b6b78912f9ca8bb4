// The one window and the rules every page in it lives by: the page is the app's own
// (app://tresse/index.html), runs sandboxed and isolated from Node, cannot open windows, cannot
// navigate elsewhere and cannot embed web views.
import { BrowserWindow, type BrowserWindowConstructorOptions, type WebContents } from 'electron';

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

export function windowOptions(preload: string): BrowserWindowConstructorOptions {
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
    },
  };
}

export function createMainWindow(preload: string): BrowserWindow {
  const win = new BrowserWindow(windowOptions(preload));
  hardenContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_URL);
  return win;
}

/** Applied to the window's contents (and, from main.ts, to any other contents ever created). */
export function hardenContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayOnPage = (event: { preventDefault(): void; url: string }) => {
    if (!isAppPage(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnPage);
  contents.on('will-frame-navigate', stayOnPage);
  contents.on('will-redirect', stayOnPage);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function windowTitle(projectPath: string | null | undefined): string {
  return projectPath ? `Tresse — ${projectPath}` : 'Tresse';
}
