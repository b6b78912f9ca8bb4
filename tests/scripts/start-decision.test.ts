// What `npm start` does when a step of the first start fails: the browser mode opens instead, and
// the message says why in plain words, French then English. The network failures are real ones
// (a name that cannot resolve, a port nobody listens on); the others are what the tools print.
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

type Why = { key: string; params: Record<string, unknown> };
type Decision = { shell: 'electron' } | { shell: 'browser'; message: { fr: string; en: string }; retry: boolean };
interface Facts {
  env: Record<string, string | undefined>;
  platform: string;
  electron?: { ok: true } | { ok: false; why: Why };
  native?: { ok: true } | { ok: false; prebuilt: Why; compile: Why };
  exit?: { code: number; seconds: number; why: Why };
}
interface StartDecision {
  decideShell(facts: Facts): Decision;
  downloadFailure(error: unknown, context: { env: Facts['env']; host: string }): Why;
  toolFailure(output: string, context: { env: Facts['env']; platform: string; host: string; target: string }): Why;
  missingToolchain(platform: string, runs: (program: string) => boolean): Why | null;
  crashCause(stderr: string, context: { env: Facts['env']; helper: string }): Why;
}

const repo = join(import.meta.dirname, '..', '..');
const start = (await import(pathToFileURL(join(repo, 'scripts', 'start-decision.mjs')).href)) as StartDecision;

const withDisplay = { DISPLAY: ':0' };

function browserMessage(facts: Facts): { fr: string; en: string; retry: boolean } {
  const decision = start.decideShell(facts);
  if (decision.shell !== 'browser') throw new Error('expected the browser mode');
  return { ...decision.message, retry: decision.retry };
}

/** The error fetch throws for a real request that cannot be made. */
async function fetchError(url: string): Promise<unknown> {
  try {
    await fetch(url);
  } catch (e) {
    return e;
  }
  throw new Error(`${url} answered`);
}

/** A loopback port nobody listens on (just released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('npm start on a first start', () => {
  it('opens Electron when every step went through', () => {
    const ok = { ok: true } as const;
    expect(start.decideShell({ env: withDisplay, platform: 'linux', electron: ok, native: ok })).toEqual({ shell: 'electron' });
    // A session the user closes after a while is not a failed start, whatever its exit code.
    const why = start.crashCause('', { env: withDisplay, helper: 'chrome-sandbox' });
    expect(start.decideShell({ env: withDisplay, platform: 'linux', electron: ok, native: ok, exit: { code: 1, seconds: 600, why } })).toEqual({
      shell: 'electron',
    });
  });

  it('without a display, opens the browser mode at once and says why', () => {
    const message = browserMessage({ env: {}, platform: 'linux' });
    expect(message.fr).toBe('Aucun écran graphique (ni DISPLAY ni WAYLAND_DISPLAY) : Tresse démarre en mode navigateur.');
    expect(message.en).toContain('No graphical display');
    expect(message.retry).toBe(false);
    expect(start.decideShell({ env: { WAYLAND_DISPLAY: 'wayland-0' }, platform: 'linux' }).shell).toBe('electron');
    // macOS and Windows always have a display.
    expect(start.decideShell({ env: {}, platform: 'darwin' }).shell).toBe('electron');
    expect(browserMessage({ env: { ...withDisplay, TRESSE_BROWSER: '1' }, platform: 'linux' }).fr).toContain('Mode navigateur demandé');
  });

  it('offline, says there is no connection to the download server and opens the browser mode', async () => {
    const why = start.downloadFailure(await fetchError('https://electron-download.invalid/electron.zip'), { env: {}, host: 'github.com' });
    const message = browserMessage({ env: withDisplay, platform: 'linux', electron: { ok: false, why } });
    expect(message.fr).toBe(
      'Electron n’a pas pu être téléchargé : pas de connexion au serveur de téléchargement (github.com) ; vérifiez la connexion à Internet. Tresse démarre en mode navigateur.',
    );
    expect(message.en).toContain('no connection to the download server (github.com)');
    expect(message.retry).toBe(true);
  });

  it('behind a proxy that does not answer, names the proxy (without its password)', async () => {
    const port = await closedPort();
    const env = { HTTPS_PROXY: `http://camille:secret@127.0.0.1:${port}` };
    const why = start.downloadFailure(await fetchError(`http://127.0.0.1:${port}/electron.zip`), { env, host: 'github.com' });
    const message = browserMessage({ env: { ...env, ...withDisplay }, platform: 'linux', electron: { ok: false, why } });
    expect(message.fr).toContain(`le proxy http://127.0.0.1:${port} ne répond pas ; vérifiez HTTPS_PROXY`);
    expect(message.fr).not.toContain('secret');
    expect(message.en).not.toContain('secret');
  });

  it('behind a proxy that wants credentials, says how to give them', () => {
    const error = Object.assign(new Error('Response code 407 (Proxy Authentication Required) for https://github.com/…'), {
      name: 'HTTPError',
      response: { status: 407 },
    });
    const why = start.downloadFailure(error, { env: {}, host: 'github.com' });
    expect(browserMessage({ env: withDisplay, platform: 'linux', electron: { ok: false, why } }).fr).toContain('le proxy demande une identification (407)');
  });

  it('without a C++ compiler, says what to install on each system and opens the browser mode', () => {
    const offline = start.toolFailure(
      'prebuild-install http request GET https://github.com/WiseLibs/better-sqlite3/releases/download/…\nprebuild-install warn install getaddrinfo ENOTFOUND github.com\n',
      { env: {}, platform: 'linux', host: 'github.com', target: 'Electron 45' },
    );
    const noCompiler = start.missingToolchain('linux', (program) => program === 'python3');
    expect(noCompiler).not.toBeNull();
    const message = browserMessage({
      env: withDisplay,
      platform: 'linux',
      electron: { ok: true },
      native: { ok: false, prebuilt: offline, compile: noCompiler! },
    });
    expect(message.fr).toBe(
      'SQLite n’a pas pu être préparé pour Electron (version précompilée : pas de connexion au serveur de téléchargement (github.com) ; vérifiez la connexion à Internet ; compilation : aucun compilateur C++ trouvé (installez build-essential et python3 : sudo apt install build-essential python3)). Tresse démarre en mode navigateur.',
    );
    expect(message.en).toContain('no C++ compiler found (install build-essential and python3');

    const mac = start.missingToolchain('darwin', () => false);
    expect(browserMessage({ env: {}, platform: 'darwin', native: { ok: false, prebuilt: offline, compile: mac! } }).fr).toContain('xcode-select --install');
    // Windows: node-gyp looks for Visual Studio itself, and says so when it finds none.
    expect(start.missingToolchain('win32', () => false)).toBeNull();
    const windows = start.toolFailure('gyp ERR! find VS could not find any Visual Studio installation to use\ngyp ERR! not ok\n', {
      env: {},
      platform: 'win32',
      host: 'electronjs.org',
      target: 'Electron 45',
    });
    expect(browserMessage({ env: {}, platform: 'win32', native: { ok: false, prebuilt: offline, compile: windows } }).fr).toContain(
      'aucun compilateur C++ trouvé (installez Visual Studio Build Tools avec « Développement Desktop en C++ »',
    );
  });

  it('tells a missing make or Python from a missing compiler', () => {
    expect(start.missingToolchain('linux', (p) => p !== 'make')?.key).toBe('why.noMake');
    expect(start.missingToolchain('linux', (p) => !p.startsWith('python'))?.key).toBe('why.noPython');
    expect(start.missingToolchain('linux', () => true)).toBeNull();
  });

  it('reads node-gyp’s failed header download as no connection, not as a missing Python', () => {
    const output = [
      'gyp info find Python using Python version 3.11.2 found at "/usr/bin/python3"',
      'gyp http GET https://electronjs.org/headers/v45.4.1/node-v45.4.1-headers.tar.gz',
      'gyp ERR! stack Error: This is most likely not a problem with node-gyp or the package itself and',
      'gyp ERR! stack is related to network connectivity. In most cases you are behind a proxy or have bad',
      'gyp ERR! not ok',
    ].join('\n');
    expect(start.toolFailure(output, { env: {}, platform: 'linux', host: 'electronjs.org', target: 'Electron 45' })).toEqual({
      key: 'why.offline',
      params: { host: 'electronjs.org' },
    });
  });

  it('when Electron dies at start-up, names the missing system library and opens the browser mode', () => {
    const stderr =
      '/work/node_modules/electron/dist/electron: error while loading shared libraries: libnss3.so: cannot open shared object file: No such file or directory\n';
    const why = start.crashCause(stderr, { env: withDisplay, helper: 'chrome-sandbox' });
    const message = browserMessage({
      env: withDisplay,
      platform: 'linux',
      electron: { ok: true },
      native: { ok: true },
      exit: { code: 127, seconds: 0.3, why },
    });
    expect(message.fr).toContain('Electron s’est arrêté au démarrage (code 127) : une bibliothèque système manque : libnss3.so');
    expect(message.fr).toContain('sudo apt install libnss3');

    const sandbox = start.crashCause('FATAL:setuid_sandbox_host.cc(163)] The SUID sandbox helper binary was found, but is not configured correctly.', {
      env: withDisplay,
      helper: '/x/chrome-sandbox',
    });
    expect(browserMessage({ env: withDisplay, platform: 'linux', exit: { code: 133, seconds: 1, why: sandbox } }).fr).toContain('chmod 4755 /x/chrome-sandbox');
  });
});
