import { describe, expect, it, vi } from 'vitest';

const created: Array<{ options: Record<string, unknown>; loaded: string[] }> = [];

vi.mock('electron', () => {
  class BrowserWindow {
    options: Record<string, unknown>;
    loaded: string[] = [];
    webContents = fakeContents();
    constructor(options: Record<string, unknown>) {
      this.options = options;
      created.push(this);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    once() {}
  }
  return { BrowserWindow };
});

type Listener = (event: { url: string; preventDefault(): void }, input?: Record<string, unknown>) => void;

function fakeContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    setWindowOpenHandler(h: (details: { url: string }) => { action: string }) {
      openHandler = h;
    },
    on(name: string, l: Listener) {
      listeners.set(name, [...(listeners.get(name) ?? []), l]);
    },
    /** Fires `name` at `url`; true when a listener prevented it. */
    fire(name: string, url: string, input?: Record<string, unknown>): boolean {
      let prevented = false;
      for (const l of listeners.get(name) ?? []) l({ url, preventDefault: () => (prevented = true) }, input);
      return prevented;
    },
    open(url: string) {
      return openHandler?.({ url });
    },
  };
}

const { createMainWindow, hardenContents, isAppPage, isDevToolsKey, windowOptions, windowTitle, APP_URL } = await import('../../electron/window.ts');

describe('main window', () => {
  it('runs the page isolated, sandboxed and without Node', () => {
    const prefs = windowOptions('/app/dist-electron/preload.cjs').webPreferences!;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.preload).toBe('/app/dist-electron/preload.cjs');
  });

  it('keeps the developer tools shut unless asked for by a development build', () => {
    expect(windowOptions('/p.cjs').webPreferences!.devTools).toBe(false);
    expect(windowOptions('/p.cjs', { devTools: false }).webPreferences!.devTools).toBe(false);
    expect(windowOptions('/p.cjs', { devTools: true }).webPreferences!.devTools).toBe(true);
  });

  it('swallows the developer-tools keys in a production window, and only them', () => {
    const key = (k: Partial<Parameters<typeof isDevToolsKey>[0]>) =>
      isDevToolsKey({ type: 'keyDown', key: '', code: '', control: false, shift: false, alt: false, meta: false, ...k });
    expect(key({ key: 'F12', code: 'F12' })).toBe(true);
    expect(key({ key: 'I', code: 'KeyI', control: true, shift: true })).toBe(true);
    expect(key({ key: 'j', code: 'KeyJ', meta: true, alt: true })).toBe(true);
    expect(key({ key: 'c', code: 'KeyC', control: true })).toBe(false);
    expect(key({ key: 'i', code: 'KeyI', control: true })).toBe(false);
    expect(key({ key: 'F12', code: 'F12', type: 'keyUp' })).toBe(false);

    const production = fakeContents();
    hardenContents(production as never);
    expect(production.fire('before-input-event', '', { type: 'keyDown', key: 'F12', code: 'F12' })).toBe(true);
    expect(production.fire('before-input-event', '', { type: 'keyDown', key: 'a', code: 'KeyA' })).toBe(false);
    const dev = fakeContents();
    hardenContents(dev as never, { devTools: true });
    expect(dev.fire('before-input-event', '', { type: 'keyDown', key: 'F12', code: 'F12' })).toBe(false);
  });

  it('creates the window with those options and loads the app page, not a remote or file URL', () => {
    createMainWindow('/p.cjs');
    const win = created.at(-1)!;
    expect((win.options.webPreferences as Record<string, unknown>).sandbox).toBe(true);
    expect(win.loaded).toEqual([APP_URL]);
    expect(APP_URL.startsWith('app://tresse/')).toBe(true);
  });

  it('denies window.open', () => {
    const contents = fakeContents();
    hardenContents(contents as never);
    expect(contents.open('https://example.org/')).toEqual({ action: 'deny' });
    expect(contents.open(APP_URL)).toEqual({ action: 'deny' });
  });

  it('prevents navigating away from the app page, but not reloading it', () => {
    const contents = fakeContents();
    hardenContents(contents as never);
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.fire('will-navigate', 'app://other/index.html')).toBe(true);
    expect(contents.fire('will-navigate', 'app://tresse/assets/x.js')).toBe(true);
    expect(contents.fire('will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
    expect(contents.fire('will-frame-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-navigate', `${APP_URL}#/sources`)).toBe(false);
    expect(contents.fire('will-attach-webview', APP_URL)).toBe(true);
  });

  it('recognises only the app page as its own', () => {
    expect(isAppPage('app://tresse/index.html')).toBe(true);
    expect(isAppPage('app://tresse/')).toBe(true);
    expect(isAppPage('app://tresse.evil/index.html')).toBe(false);
    expect(isAppPage('http://tresse/index.html')).toBe(false);
    expect(isAppPage('not a url')).toBe(false);
  });

  it('shows the project path in the title', () => {
    expect(windowTitle('/home/camille/thèse.tresse')).toBe('Tresse — /home/camille/thèse.tresse');
    expect(windowTitle(null)).toBe('Tresse');
  });
});
