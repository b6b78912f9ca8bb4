'use strict';
// A stand-in for the 'electron' module, so the BUILT main process (dist-electron/main.cjs) runs
// under plain Node:  node --require stand-in-electron.cjs dist-electron/main.cjs
// It records what the app asks of Electron (window options, IPC and protocol handlers, session
// policy, menus) and answers the test that spawned it over Node's IPC channel: each message
// {id, op, ...} gets {id, value} or {id, error}. The test then plays the page's part: it calls the
// IPC handler, fetches through the app protocol, fires navigation and key events, loads the BUILT
// preload. Nothing here decides whether the app behaves: the test asserts on what comes back.
const Module = require('node:module');
const { EventEmitter } = require('node:events');
const { join } = require('node:path');

const home = process.env.STAND_IN_HOME;
if (!home || !process.send) throw new Error('stand-in-electron: run by tests/build/electron-smoke.test.ts (STAND_IN_HOME, IPC channel)');

const recorded = {
  appName: null,
  sandboxEnabled: false,
  privilegedSchemes: [],
  windows: [],
  menus: [],
  ipcChannels: [],
  protocolSchemes: [],
  errorBoxes: [],
  exits: [],
};
const ipcHandlers = new Map();
const protocolHandlers = new Map();
const sessionHandlers = {};
const exposed = new Map();
const windows = [];
let otherContents = null;

let markStarted;
const started = new Promise((resolve) => (markStarted = resolve));

class WebContents extends EventEmitter {
  constructor() {
    super();
    this.url = '';
    this.openHandler = null;
    this.devToolsClosed = 0;
    this.mainFrame = { url: '', parent: null };
  }
  setWindowOpenHandler(handler) {
    this.openHandler = handler;
  }
  send() {}
  getURL() {
    return this.url;
  }
  closeDevTools() {
    this.devToolsClosed += 1;
  }
}

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.loaded = [];
    this.webContents = new WebContents();
    windows.push(this);
    recorded.windows.push({ options, loaded: this.loaded });
  }
  loadURL(url) {
    this.loaded.push(url);
    this.webContents.url = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  setTitle(title) {
    this.title = title;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  show() {}
}

const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  setName: (name) => void (recorded.appName = name),
  enableSandbox: () => void (recorded.sandboxEnabled = true),
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
  getLocale: () => 'fr-FR',
  getPath: (name) => join(home, name),
  quit: () => void recorded.exits.push('quit'),
  exit: (code) => {
    recorded.exits.push(code);
    markStarted();
  },
});

const electron = {
  app,
  BrowserWindow,
  dialog: {
    showErrorBox: (title, message) => {
      recorded.errorBoxes.push(`${title}: ${message}`);
      markStarted();
    },
    // The user's pick, set by the test with the dialogAnswer op; cancelled otherwise.
    showOpenDialog: () => Promise.resolve(dialogAnswer ? { canceled: false, filePaths: [dialogAnswer] } : { canceled: true, filePaths: [] }),
    showSaveDialog: () => Promise.resolve(dialogAnswer ? { canceled: false, filePath: dialogAnswer } : { canceled: true }),
  },
  ipcMain: {
    handle: (channel, handler) => {
      recorded.ipcChannels.push(channel);
      ipcHandlers.set(channel, handler);
    },
  },
  Menu: {
    buildFromTemplate: (template) => ({ template }),
    // main.ts sets the menu last, once the window exists: the app has started.
    setApplicationMenu: (menu) => {
      recorded.menus.push(withoutFunctions(menu.template));
      markStarted();
    },
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes) => void recorded.privilegedSchemes.push(...schemes),
    handle: (scheme, handler) => {
      recorded.protocolSchemes.push(scheme);
      protocolHandlers.set(scheme, handler);
    },
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h) => void (sessionHandlers.permissionRequest = h),
      setPermissionCheckHandler: (h) => void (sessionHandlers.permissionCheck = h),
      setDevicePermissionHandler: (h) => void (sessionHandlers.devicePermission = h),
      webRequest: {
        onBeforeRequest: (h) => void (sessionHandlers.beforeRequest = h),
        onHeadersReceived: (h) => void (sessionHandlers.headersReceived = h),
      },
    },
  },
  // The preload's side: what it exposes, and its IPC calls handed to the main process's handler
  // as coming from the app page's main frame.
  contextBridge: {
    exposeInMainWorld: (key, value) => void exposed.set(key, value),
  },
  ipcRenderer: {
    invoke: (channel, ...args) => invokeFrom(windows[0]?.webContents.url ?? '', channel, ...args),
    on() {},
    removeListener() {},
  },
};

// Both bundles require('electron'): resolve it to this file, whose exports are the stand-in.
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? __filename : resolveFilename.call(this, request, ...rest);
};
module.exports = electron;

/** Menu templates without their click functions (they cannot cross the IPC channel). */
function withoutFunctions(value) {
  if (Array.isArray(value)) return value.map(withoutFunctions);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => typeof v !== 'function')
        .map(([k, v]) => [k, withoutFunctions(v)]),
    );
  }
  return value;
}

/** An IPC invoke event from the main frame of a page at `url`, or from a frame inside it. */
function invokeFrom(url, channel, ...args) {
  const handler = ipcHandlers.get(channel);
  if (!handler) return Promise.reject(new Error(`No IPC handler for ${channel}`));
  const frame = { url, parent: null };
  return handler({ senderFrame: frame, sender: { mainFrame: frame } }, ...args);
}

function contentsFor(which) {
  if (which === 'window') return windows[0].webContents;
  if (!otherContents) {
    otherContents = new WebContents();
    app.emit('web-contents-created', {}, otherContents);
  }
  return otherContents;
}

/** Emits `name` on the contents; true when a listener called preventDefault(). */
function fire(contents, name, url, input) {
  let prevented = false;
  contents.emit(name, { url, preventDefault: () => (prevented = true) }, input);
  return prevented;
}

let dialogAnswer = null;

const ops = {
  dialogAnswer: ({ path }) => {
    dialogAnswer = path;
    return true;
  },
  started: async () => {
    await started;
    return recorded;
  },
  ipc: ({ channel, method, arg, frameUrl }) => invokeFrom(frameUrl ?? windows[0].webContents.url, channel, method, arg),
  fetch: async ({ url, method }) => {
    const handler = protocolHandlers.get(new URL(url).protocol.replace(/:$/, ''));
    const response = await handler(new Request(url, { method: method ?? 'GET' }));
    return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
  },
  navigate: ({ which, event, url }) => fire(contentsFor(which), event, url),
  key: ({ which, input }) => fire(contentsFor(which), 'before-input-event', '', input),
  openWindow: ({ which, url }) => contentsFor(which).openHandler?.({ url }) ?? null,
  devToolsOpened: ({ which }) => {
    const contents = contentsFor(which);
    contents.emit('devtools-opened');
    return contents.devToolsClosed;
  },
  permission: ({ permission, origin }) => sessionHandlers.permissionCheck(null, permission, origin, {}),
  permissionRequest: ({ permission, url }) => new Promise((resolve) => sessionHandlers.permissionRequest(null, permission, resolve, { requestingUrl: url })),
  device: () => sessionHandlers.devicePermission({}),
  request: ({ url }) => new Promise((resolve) => sessionHandlers.beforeRequest({ url }, (r) => resolve(r.cancel === true))),
  responseHeaders: ({ url, headers }) =>
    new Promise((resolve) => sessionHandlers.headersReceived({ url, responseHeaders: headers }, (r) => resolve(r.responseHeaders))),
  preload: ({ path }) => {
    require(path);
    const tresse = exposed.get('tresse');
    const shell = exposed.get('tresseShell');
    return {
      keys: [...exposed.keys()],
      methods: Object.keys(tresse ?? {}),
      notFunctions: Object.entries(tresse ?? {})
        .filter(([, v]) => typeof v !== 'function')
        .map(([k]) => k),
      shell: shell ? { keys: Object.keys(shell), kind: shell.kind } : null,
    };
  },
  bridge: ({ method, arg }) => exposed.get('tresse').call(method, arg),
  quit: () => {
    // What Electron does on quit: main.ts closes the workspace (and its project) on will-quit.
    app.emit('will-quit');
    setImmediate(() => process.exit(0));
    return true;
  },
};

process.on('message', async (message) => {
  try {
    const value = await ops[message.op](message);
    process.send({ id: message.id, value });
  } catch (e) {
    process.send({ id: message.id, error: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) });
  }
});
