// better-sqlite3's addon built for Electron's ABI, kept in .native/ next to the Node build in
// node_modules (which tests and the command line keep using), so neither runtime needs a rebuild
// when switching to the other. Used by `npm start` (prepareNativeBinding: progress, and a reason
// in plain words when it fails) and by the installer build (ensureNativeBinding).
// Dependency-free on purpose: node: modules only.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { missingToolchain, toolFailure } from './start-decision.mjs';

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

/**
 * The two ways to get the addon, tried in this order: better-sqlite3's published prebuilt binary
 * for this Electron (its own prebuild-install), then compiling it against Electron's headers
 * (node-gyp; needs a C++ toolchain and Python). Each prepares `work` and names the command to run.
 */
const ATTEMPTS = {
  prebuilt: {
    minutes: 2,
    host: 'github.com',
    prepare(work) {
      copyFileSync(join(modules, 'better-sqlite3', 'package.json'), join(work, 'package.json'));
    },
    command: (electronVersion) => [
      join(modules, 'prebuild-install', 'bin.js'),
      '--runtime',
      'electron',
      '--target',
      electronVersion,
      '--arch',
      process.arch,
      '--platform',
      process.platform,
      '--verbose',
    ],
  },
  compile: {
    minutes: 20,
    host: 'electronjs.org',
    prepare(work) {
      const source = join(modules, 'better-sqlite3');
      for (const entry of ['package.json', 'binding.gyp', 'src', 'deps']) {
        cpSync(join(source, entry), join(work, entry), { recursive: true });
      }
    },
    command: (electronVersion) => [
      join(modules, 'node-gyp', 'bin', 'node-gyp.js'),
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${process.arch}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
    ],
  },
};

const builtAddon = (work) => join(work, 'build', 'Release', 'better_sqlite3.node');

function fetchPrebuilt(work, electronVersion) {
  ATTEMPTS.prebuilt.prepare(work);
  const [bin, ...rest] = ATTEMPTS.prebuilt.command(electronVersion);
  const ok = runNode(bin, rest, { cwd: work, env: cleanEnv(), timeout: ATTEMPTS.prebuilt.minutes * 60_000 });
  return ok ? builtAddon(work) : null;
}

function compileForElectron(work, electronVersion) {
  ATTEMPTS.compile.prepare(work);
  const [gyp, ...rest] = ATTEMPTS.compile.command(electronVersion);
  const ok = runNode(gyp, rest, { cwd: work, env: cleanEnv(), timeout: ATTEMPTS.compile.minutes * 60_000 });
  return ok ? builtAddon(work) : null;
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
        copyFileSync(built, `${nativeBinding}.tmp`);
        renameSync(`${nativeBinding}.tmp`, nativeBinding);
        return true;
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return false;
}

/** Whether a program answers `--version` (is installed and on the PATH). */
function runs(program) {
  const r = spawnSync(program, ['--version'], { stdio: 'ignore', timeout: 15_000, shell: false });
  return !r.error && r.status === 0;
}

function duration(ms) {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/**
 * Runs a Node script quietly, keeping the end of its output for the diagnosis, with a line every
 * 30 s so a long compilation does not look stuck.
 */
function runQuietly(args, { cwd, minutes, say }) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk) => {
      output = (output + chunk.toString()).slice(-64_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const limit = setTimeout(() => {
      timedOut = true;
      child.kill();
    }, minutes * 60_000);
    const heartbeat = setInterval(() => say('native.stillRunning', { elapsed: duration(Date.now() - started) }), 30_000);
    const finish = (code) => {
      clearTimeout(limit);
      clearInterval(heartbeat);
      resolve({ ok: code === 0 && !timedOut, output, timedOut, elapsed: duration(Date.now() - started) });
    };
    child.on('error', (e) => {
      keep(String(e?.message ?? e));
      finish(1);
    });
    child.on('close', finish);
  });
}

/** The last lines a failed step printed, for whoever wants the technical detail. */
function tail(output, count = 6) {
  return output
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim())
    .slice(-count)
    .map((l) => `        ${l}`)
    .join('\n');
}

/**
 * Makes sure the Electron build of the addon exists, saying what is tried and how long it may take.
 * Resolves { ok: true } or { ok: false, prebuilt, compile }: why each way failed (reasons of
 * start-decision.mjs). `say(key, params)` prints a message of i18n/launcher.mjs.
 */
export async function prepareNativeBinding(electronVersion, { say, env = process.env }) {
  const nativeBinding = nativeBindingPath(electronVersion);
  if (existsSync(nativeBinding)) return { ok: true };
  say('native.preparing');
  const target = `Electron ${electronVersion} ${process.platform}-${process.arch}`;
  const failures = {};
  for (const [name, attempt] of Object.entries(ATTEMPTS)) {
    say(name === 'prebuilt' ? 'native.prebuilt' : 'native.compile', { version: electronVersion, platform: `${process.platform}-${process.arch}` });
    if (name === 'compile') {
      const missing = missingToolchain(process.platform, runs);
      if (missing) {
        failures[name] = missing;
        say('native.attemptFailed', { why: missing });
        continue;
      }
    }
    const work = mkdtempSync(join(tmpdir(), 'tresse-native-'));
    try {
      attempt.prepare(work);
      const run = await runQuietly(attempt.command(electronVersion), { cwd: work, minutes: attempt.minutes, say });
      if (run.ok && existsSync(builtAddon(work))) {
        mkdirSync(dirname(nativeBinding), { recursive: true });
        // Copied beside its destination, then renamed: an interrupted copy never looks finished.
        copyFileSync(builtAddon(work), `${nativeBinding}.tmp`);
        renameSync(`${nativeBinding}.tmp`, nativeBinding);
        say('native.done', { elapsed: run.elapsed });
        return { ok: true };
      }
      failures[name] = toolFailure(run.output, {
        env,
        platform: process.platform,
        host: attempt.host,
        target,
        timedOut: run.timedOut,
        minutes: attempt.minutes,
      });
      say('native.attemptFailed', { why: failures[name] });
      const detail = tail(run.output);
      if (detail) {
        say('native.detail');
        console.log(detail);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return { ok: false, prebuilt: failures.prebuilt, compile: failures.compile };
}
