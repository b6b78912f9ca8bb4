// `npm start`: builds what is missing, then opens Tresse in Electron, or, where Electron cannot
// run, in the browser mode (a local server on 127.0.0.1; open the printed address).
//
//   npm start [-- --project PATH] [-- --port N]      TRESSE_BROWSER=1 npm start   (browser mode)
//
// Electron mode needs two things npm does not install: the Electron binary (downloaded on first
// use, scripts/electron-download.mjs) and better-sqlite3's addon built for Electron's ABI
// (scripts/electron-native.mjs). Each step says what it does; the first that fails says why in
// plain words (scripts/start-decision.mjs) and the browser mode opens instead.
// Dependency-free on purpose: node: modules only (and the packages Electron installs with itself).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launcherText } from '../i18n/launcher.mjs';
import { ensureElectron, electronVersion } from './electron-download.mjs';
import { nativeBindingPath, prepareNativeBinding } from './electron-native.mjs';
import { newestMtime, nodeBundleStale } from './freshness.mjs';
import { crashCause, decideShell } from './start-decision.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const modules = join(root, 'node_modules');
const args = process.argv.slice(2);

/** Prints a launcher message (i18n/launcher.mjs), French then English. */
function say(key, params) {
  const { fr, en } = launcherText(key, params);
  console.log(fr === en ? fr : `${fr}\n${en}`);
}
say.text = launcherText;

function packageJson(name) {
  return JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8'));
}

/** Runs a script with this Node; returns true on success. */
function runNode(script, scriptArgs, options = {}) {
  const r = spawnSync(process.execPath, [script, ...scriptArgs], { cwd: root, stdio: 'inherit', ...options });
  return r.status === 0;
}

// ---------------------------------------------------------------------------------------------
// Building

/** The renderer is rebuilt when dist/ is missing or older than what it is built from. */
function buildRenderer() {
  const index = join(root, 'dist', 'index.html');
  const sources = ['renderer', 'i18n', 'model', 'service', 'text', 'vite.config.ts', 'index.html'].map((p) => join(root, p));
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(sources)) return true;
  say('build.renderer');
  const vite = join(modules, 'vite', packageJson('vite').bin.vite);
  if (runNode(vite, ['build'])) return true;
  if (existsSync(index)) {
    say('build.rendererKept');
    return true;
  }
  say('build.rendererFailed');
  return false;
}

/**
 * The command that runs the browser-mode server: the bundle of scripts/build-node.mjs (built
 * first when missing or stale), or the TypeScript sources through tsx in a checkout without it.
 */
function browserServerCommand() {
  const bundle = join(root, 'dist-node', 'server.mjs');
  const builder = join(root, 'scripts', 'build-node.mjs');
  if (existsSync(builder)) {
    if (nodeBundleStale(root, bundle)) {
      say('build.server');
      runNode(builder, ['--quiet']);
    }
    if (existsSync(bundle)) return [bundle];
  }
  return [join(modules, 'tsx', packageJson('tsx').bin), join(root, 'server', 'main.ts')];
}

// ---------------------------------------------------------------------------------------------
// Running

/**
 * Runs a child with the terminal, passes Ctrl+C on, and resolves with its exit code, run time and
 * the end of its error output (shown as it comes, and kept to explain a failed start).
 */
function runChild(command, childArgs, env) {
  const started = Date.now();
  const child = spawn(command, childArgs, { cwd: root, stdio: ['inherit', 'inherit', 'pipe'], env });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    process.stderr.write(chunk);
    stderr = (stderr + chunk.toString()).slice(-16_000);
  });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve) => {
    const done = (code) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve({ code, seconds: (Date.now() - started) / 1000, stderr });
    };
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
    child.on('error', (e) => {
      stderr += String(e?.message ?? e);
      done(1);
    });
  });
}

async function startBrowserMode({ message, retry }) {
  console.log(`${message.fr}\n${message.en}`);
  if (retry) say('browser.retry');
  const { code } = await runChild(process.execPath, [...browserServerCommand(), ...args], process.env);
  process.exit(code);
}

async function main() {
  if (!buildRenderer()) process.exit(1);
  const facts = { env: process.env, platform: process.platform };
  const next = () => decideShell(facts);

  let decision = next();
  if (decision.shell === 'browser') return startBrowserMode(decision);

  const electron = await ensureElectron({ say });
  facts.electron = electron;
  decision = next();
  if (decision.shell === 'browser') return startBrowserMode(decision);

  const version = electronVersion();
  facts.native = await prepareNativeBinding(version, { say });
  decision = next();
  if (decision.shell === 'browser') return startBrowserMode(decision);

  if (!runNode(join(root, 'scripts', 'build-electron.mjs'), ['--dev'])) process.exit(1);

  const exit = await runChild(electron.exe, [root, ...args], { ...process.env, TRESSE_NATIVE_BINDING: nativeBindingPath(version) });
  facts.exit = { ...exit, why: crashCause(exit.stderr, { env: process.env, helper: join(dirname(electron.exe), 'chrome-sandbox') }) };
  decision = next();
  if (decision.shell === 'browser') return startBrowserMode(decision);
  process.exit(exit.code);
}

await main();
