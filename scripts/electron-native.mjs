// better-sqlite3's addon built for Electron's ABI, kept in .native/ next to the Node build in
// node_modules (which tests and the command line keep using), so neither runtime needs a rebuild
// when switching to the other. Used by `npm start` and by the installer build.
// Dependency-free on purpose: node: modules only.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const modules = join(root, 'node_modules');

/** Where the Electron build of the addon is kept (gitignored), one per Electron version and machine. */
export function nativeBindingPath(electronVersion) {
  return join(root, '.native', `electron-${electronVersion}-${process.platform}-${process.arch}`, 'better_sqlite3.node');
}

/** npm passes its configuration as npm_config_* variables (here nodedir=/usr): keep them away from builds for Electron. */
function cleanEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|build_from_source)$/i.test(key)) delete env[key];
  }
  return env;
}

/** Runs a package's own script with this Node; returns true on success. */
function runNode(script, scriptArgs, options = {}) {
  const r = spawnSync(process.execPath, [script, ...scriptArgs], { cwd: root, stdio: 'inherit', ...options });
  return r.status === 0;
}

/** better-sqlite3's published prebuilt binary for this Electron, fetched with its own prebuild-install. */
function fetchPrebuilt(work, electronVersion) {
  copyFileSync(join(modules, 'better-sqlite3', 'package.json'), join(work, 'package.json'));
  const bin = join(modules, 'prebuild-install', 'bin.js');
  const ok = runNode(
    bin,
    ['--runtime', 'electron', '--target', electronVersion, '--arch', process.arch, '--platform', process.platform, '--verbose'],
    { cwd: work, env: cleanEnv(), timeout: 2 * 60_000 },
  );
  return ok ? join(work, 'build', 'Release', 'better_sqlite3.node') : null;
}

/** Compiles the addon against Electron's headers (needs a C++ toolchain and Python). */
function compileForElectron(work, electronVersion) {
  const source = join(modules, 'better-sqlite3');
  for (const entry of ['package.json', 'binding.gyp', 'src', 'deps']) {
    cpSync(join(source, entry), join(work, entry), { recursive: true });
  }
  const gyp = join(modules, 'node-gyp', 'bin', 'node-gyp.js');
  const ok = runNode(
    gyp,
    ['rebuild', '--release', `--target=${electronVersion}`, `--arch=${process.arch}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
    { cwd: work, env: cleanEnv(), timeout: 20 * 60_000 },
  );
  return ok ? join(work, 'build', 'Release', 'better_sqlite3.node') : null;
}

/** Makes sure the Electron build of the addon exists: prebuilt download first, then compilation. */
export function ensureNativeBinding(electronVersion, { say }) {
  const nativeBinding = nativeBindingPath(electronVersion);
  if (existsSync(nativeBinding)) return true;
  say('Préparation de SQLite pour Electron (une seule fois)…', 'Preparing SQLite for Electron (once)…');
  for (const attempt of [fetchPrebuilt, compileForElectron]) {
    const work = mkdtempSync(join(tmpdir(), 'tresse-native-'));
    try {
      const built = attempt(work, electronVersion);
      if (built && existsSync(built)) {
        mkdirSync(dirname(nativeBinding), { recursive: true });
        copyFileSync(built, nativeBinding);
        return true;
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return false;
}
