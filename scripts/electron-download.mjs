// The Electron binary for `npm start`, fetched the way Electron's own installer does
// (@electron/get, same checksums, same cache) but with visible progress and a watchdog on a
// stalled connection; then Electron's installer (node_modules/electron/install.js) unpacks it from
// the cache, so the installed layout stays exactly Electron's.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { downloadFailure, toolFailure } from './start-decision.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');

/** No byte for this long: the connection is treated as lost. */
export const STALL_SECONDS = 30;

export function electronVersion() {
  return JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
}

/** Path of the Electron executable if it is already installed, else null. */
export function installedElectron() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const exe = join(electronDir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(exe) ? exe : null;
}

/** Where the zip comes from (Electron's default, or ELECTRON_MIRROR). */
function downloadHost(env) {
  try {
    return new URL(env.ELECTRON_MIRROR || 'https://github.com/electron/electron/releases/download/').host;
  } catch {
    return String(env.ELECTRON_MIRROR);
  }
}

class StallError extends Error {
  constructor(seconds) {
    super(`no data for ${seconds} s`);
    this.name = 'StallError';
    this.seconds = seconds;
  }
}

/** A progress line: a bar on a terminal, a line every 10 % otherwise (logs, CI). */
function progressPrinter(say) {
  const tty = process.stdout.isTTY;
  let lastTenth = -1;
  const mb = (bytes) => (bytes / 1e6).toFixed(0);
  return {
    update({ transferred, total }) {
      if (!total) {
        if (tty) process.stdout.write(`\r${say.text('electron.progressUnknown', { done: mb(transferred) }).fr}   `);
        return;
      }
      const percent = Math.floor((transferred / total) * 100);
      const filled = Math.round(percent / 5);
      const line = say.text('electron.progress', {
        bar: `[${'#'.repeat(filled)}${'.'.repeat(20 - filled)}]`,
        percent,
        done: mb(transferred),
        total: mb(total),
      }).fr;
      if (tty) process.stdout.write(`\r${line}   `);
      else if (Math.floor(percent / 10) > lastTenth) {
        lastTenth = Math.floor(percent / 10);
        console.log(line);
      }
    },
    end() {
      if (tty) process.stdout.write('\n');
    },
  };
}

/**
 * Installs Electron if needed. Resolves { ok: true, exe } or { ok: false, why } (a reason from
 * start-decision.mjs). `say(key, params)` prints a launcher message; `say.text` words one.
 */
export async function ensureElectron({ say, env = process.env }) {
  const installed = installedElectron();
  if (installed) return { ok: true, exe: installed };
  const version = electronVersion();
  const host = downloadHost(env);

  // Electron's installer gets a proxy from HTTPS_PROXY only when asked to.
  if ((env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy) && !env.ELECTRON_GET_USE_PROXY) {
    process.env.ELECTRON_GET_USE_PROXY = 'true';
  }

  let get;
  try {
    const resolveFromElectron = createRequire(join(electronDir, 'package.json'));
    get = await import(pathToFileURL(resolveFromElectron.resolve('@electron/get')).href);
  } catch {
    get = null; // an Electron whose installer changed: let it download on its own, without progress
  }

  if (get) {
    say('electron.downloading', { version, platform: `${process.platform}-${process.arch}` });
    const progress = progressPrinter(say);
    const abort = new AbortController();
    let watchdog;
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => abort.abort(new StallError(STALL_SECONDS)), STALL_SECONDS * 1000);
    };
    arm();
    try {
      await get.downloadArtifact({
        version,
        artifactName: 'electron',
        platform: process.platform,
        arch: process.arch,
        cacheRoot: env.electron_config_cache,
        checksums: JSON.parse(readFileSync(join(electronDir, 'checksums.json'), 'utf8')),
        downloadOptions: {
          quiet: true,
          signal: abort.signal,
          getProgressCallback: async (p) => {
            arm();
            progress.update(p);
          },
        },
      });
    } catch (e) {
      const error = abort.signal.aborted && abort.signal.reason instanceof StallError ? abort.signal.reason : e;
      if (error?.response?.status === 404) error.target = `Electron ${version} ${process.platform}-${process.arch}`;
      return { ok: false, why: downloadFailure(error, { env, host }) };
    } finally {
      clearTimeout(watchdog);
      progress.end();
    }
    say('electron.extracting');
  }

  // Unpacks from the cache just filled (or downloads, when @electron/get could not be loaded).
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: root,
    env: process.env,
    encoding: 'utf8',
    timeout: 10 * 60_000,
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  const exe = installedElectron();
  if (exe) return { ok: true, exe };
  const target = `Electron ${version} ${process.platform}-${process.arch}`;
  return {
    ok: false,
    why: toolFailure(r.stderr ?? '', { env, platform: process.platform, host, target, timedOut: r.error?.code === 'ETIMEDOUT', minutes: 10 }),
  };
}
