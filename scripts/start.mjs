// `npm start`: builds what is missing, then opens Tresse in Electron, or, where Electron cannot
// run, in the browser mode (a local server on 127.0.0.1; open the printed address).
//
//   npm start [-- --project PATH] [-- --port N]      TRESSE_BROWSER=1 npm start   (browser mode)
//
// Electron mode needs two things npm does not install: the Electron binary (fetched on first use
// by node_modules/electron/install.js) and better-sqlite3's addon built for Electron's ABI
// (scripts/electron-native.mjs).
// Dependency-free on purpose: node: modules only.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:https';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNativeBinding, nativeBindingPath } from './electron-native.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const modules = join(root, 'node_modules');
const args = process.argv.slice(2);

function say(fr, en) {
  console.log(`${fr}\n${en}`);
}

function packageJson(name) {
  return JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8'));
}

/** Runs a package's own script with this Node; returns true on success. */
function runNode(script, scriptArgs, options = {}) {
  const r = spawnSync(process.execPath, [script, ...scriptArgs], { cwd: root, stdio: 'inherit', ...options });
  return r.status === 0;
}

// ---------------------------------------------------------------------------------------------
// Building

/** Latest modification time under `paths` (files or folders), skipping node_modules. */
function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const entry of readdirSync(p)) if (entry !== 'node_modules') visit(join(p, entry));
    } else newest = Math.max(newest, s.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

/** The renderer is rebuilt when dist/ is missing or older than what it is built from. */
function buildRenderer() {
  const index = join(root, 'dist', 'index.html');
  const sources = ['renderer', 'i18n', 'model', 'service', 'text', 'vite.config.ts', 'index.html'].map((p) => join(root, p));
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(sources)) return true;
  say('Construction de l’interface (vite build)…', 'Building the interface (vite build)…');
  const vite = join(modules, 'vite', packageJson('vite').bin.vite);
  if (runNode(vite, ['build'])) return true;
  if (existsSync(index)) {
    say(
      'La construction de l’interface a échoué : la version précédente (dist/) est utilisée.',
      'Building the interface failed: the previous build (dist/) is used.',
    );
    return true;
  }
  say('La construction de l’interface a échoué (voir ci-dessus).', 'Building the interface failed (see above).');
  return false;
}

// ---------------------------------------------------------------------------------------------
// Electron binary

const electronVersion = packageJson('electron').version;

/** Path of the Electron executable if it is already installed, else null. */
function installedElectron() {
  const pathFile = join(modules, 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const exe = join(modules, 'electron', 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(exe) ? exe : null;
}

/** Whether the Electron download host answers at all (any HTTP status), within `ms`. */
function downloadHostReachable(ms) {
  const mirror = process.env.ELECTRON_MIRROR || 'https://github.com/electron/electron/releases/download/';
  const url = new URL(`v${electronVersion}/electron-v${electronVersion}-${process.platform}-${process.arch}.zip`, mirror);
  return new Promise((resolve) => {
    const req = request(url, { method: 'HEAD', timeout: ms }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(false));
    req.end();
  });
}

/**
 * The Electron executable, fetched by Electron's own installer if needed. A quick probe decides
 * how long the installer may take: a reachable host gets a real download's time, an unreachable
 * one only enough to use a copy already in Electron's download cache.
 */
async function electronBinary() {
  const installed = installedElectron();
  if (installed) return installed;
  const reachable = await downloadHostReachable(5000);
  say(
    reachable ? `Téléchargement d’Electron ${electronVersion}…` : 'Serveur de téléchargement d’Electron injoignable ; recherche dans le cache…',
    reachable ? `Downloading Electron ${electronVersion}…` : 'Electron download server unreachable; looking in the cache…',
  );
  // Offline, the installer's network stack trace would only alarm: it is kept quiet.
  runNode(join(modules, 'electron', 'install.js'), [], reachable ? { timeout: 10 * 60_000 } : { timeout: 20_000, stdio: 'ignore' });
  return installedElectron();
}

// ---------------------------------------------------------------------------------------------
// Running

/** Runs a child with the terminal, passes Ctrl+C on, and resolves with its exit code and run time. */
function runChild(command, childArgs, env) {
  const started = Date.now();
  const child = spawn(command, childArgs, { cwd: root, stdio: 'inherit', env });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve({ code: code ?? (signal ? 1 : 0), seconds: (Date.now() - started) / 1000 });
    });
    child.on('error', () => resolve({ code: 1, seconds: 0 }));
  });
}

async function startBrowserMode(reason) {
  if (reason) say(reason.fr, reason.en);
  const tsx = join(modules, 'tsx', packageJson('tsx').bin);
  const { code } = await runChild(process.execPath, [tsx, join(root, 'server', 'main.ts'), ...args], process.env);
  process.exit(code);
}

/** Why Electron cannot be used here, or null when it can be tried. */
function electronUnavailableReason() {
  if (process.env.TRESSE_BROWSER === '1') {
    return { fr: 'Mode navigateur demandé (TRESSE_BROWSER=1).', en: 'Browser mode requested (TRESSE_BROWSER=1).' };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return {
      fr: 'Aucun écran graphique (ni DISPLAY ni WAYLAND_DISPLAY) : Tresse démarre en mode navigateur.',
      en: 'No graphical display (neither DISPLAY nor WAYLAND_DISPLAY): Tresse starts in browser mode.',
    };
  }
  return null;
}

async function main() {
  if (!buildRenderer()) process.exit(1);

  const unavailable = electronUnavailableReason();
  if (unavailable) return startBrowserMode(unavailable);

  const electron = await electronBinary();
  if (!electron) {
    return startBrowserMode({
      fr: `Electron n’est pas disponible sur cette machine (binaire absent et téléchargement impossible) : Tresse démarre en mode navigateur.`,
      en: `Electron is not available on this machine (no binary and it cannot be downloaded): Tresse starts in browser mode.`,
    });
  }
  if (!ensureNativeBinding(electronVersion, { say })) {
    return startBrowserMode({
      fr: 'Impossible d’obtenir SQLite pour Electron (ni téléchargement ni compilation) : Tresse démarre en mode navigateur.',
      en: 'Could not get SQLite for Electron (neither download nor compilation): Tresse starts in browser mode.',
    });
  }
  if (!runNode(join(root, 'scripts', 'build-electron.mjs'), ['--dev'])) process.exit(1);

  const { code, seconds } = await runChild(electron, [root, ...args], { ...process.env, TRESSE_NATIVE_BINDING: nativeBindingPath(electronVersion) });
  // Electron that dies at once (missing system libraries, no GPU access…) is not the user quitting.
  if (code !== 0 && seconds < 5) {
    return startBrowserMode({
      fr: `Electron s’est arrêté au démarrage (code ${code}) : Tresse démarre en mode navigateur.`,
      en: `Electron stopped at start-up (code ${code}): Tresse starts in browser mode.`,
    });
  }
  process.exit(code);
}

await main();
