// What `npm start` concludes from each step of the first start (display, Electron download,
// SQLite for Electron, Electron's own start): carry on in Electron, or open the browser mode and
// say why in plain words. Pure functions over what the steps report, so every failure path can be
// tested without being offline, without a display or without a compiler.
import { launcherText } from '../i18n/launcher.mjs';

/** A reason: a message key of i18n/launcher.mjs and its parameters. */
const why = (key, params = {}) => ({ key, params });

const OFFLINE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ECONNREFUSED', 'ECONNRESET', 'ENETDOWN']);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT']);
const CERTIFICATE_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_UNTRUSTED',
]);

/** The proxy the download goes through, without any password in it, or null. */
export function proxyOf(env) {
  const raw = env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy;
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}`;
  } catch {
    return raw.replace(/\/\/[^@/]*@/, '//');
  }
}

/** Why Electron cannot be tried at all here, or null. */
export function displayReason(env, platform) {
  if (env.TRESSE_BROWSER === '1') return why('browser.requested');
  if ((platform === 'linux' || platform === 'freebsd' || platform === 'openbsd') && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return why('browser.noDisplay');
  }
  return null;
}

/** The system-specific install hint for a C++ toolchain. */
function compilerHint(platform) {
  return why(`install.compiler.${platform === 'darwin' || platform === 'win32' ? platform : 'linux'}`);
}

/** The error codes of an error and its causes (fetch wraps the network error in `cause`). */
function codesOf(error) {
  const codes = [];
  for (let e = error, depth = 0; e && depth < 5; e = e.cause, depth++) {
    if (typeof e.code === 'string') codes.push(e.code);
    if (typeof e.errno === 'string') codes.push(e.errno);
  }
  return codes;
}

/**
 * Why a download failed, from the error @electron/get (fetch) threw.
 * `host` is the server it was fetching from; a proxy set in the environment gets the blame for a
 * connection that fails, since that is where the connection went.
 */
export function downloadFailure(error, { env, host }) {
  const codes = codesOf(error);
  const status = error?.response?.status;
  const message = String(error?.message ?? error);
  const proxy = proxyOf(env);
  if (error?.name === 'StallError') return why('why.stalled', { seconds: error.seconds });
  if (status === 407 || /\b407\b/.test(message)) return why('why.proxyAuth');
  if (status === 404) return why('why.notPublished', { target: error.target ?? host });
  if (codes.includes('ENOSPC')) return why('why.diskFull');
  if (codes.some((c) => CERTIFICATE_CODES.has(c))) return why('why.certificate');
  if (codes.some((c) => OFFLINE_CODES.has(c) || TIMEOUT_CODES.has(c))) {
    return proxy ? why('why.proxyDown', { proxy }) : why('why.offline', { host });
  }
  if (/checksum/i.test(message)) return why('why.checksum');
  return why('why.other', { detail: firstLine(message) });
}

/**
 * Why prebuild-install or node-gyp failed, from the end of what they printed (they report their
 * errors as text). `timedOut` when the step was stopped after its time limit.
 */
export function toolFailure(output, { env, platform, host, target, timedOut = false, minutes = 0 }) {
  if (timedOut) return why('why.timeout', { minutes });
  const proxy = proxyOf(env);
  if (/\b407\b|Proxy Authentication Required/i.test(output)) return why('why.proxyAuth');
  if (/ENOSPC|no space left/i.test(output)) return why('why.diskFull');
  if (/SELF_SIGNED_CERT|UNABLE_TO_GET_ISSUER_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE/.test(output)) return why('why.certificate');
  // node-gyp words a failed header download as a "network connectivity" problem, without the code.
  if (/ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|network connectivity/.test(output)) {
    return proxy ? why('why.proxyDown', { proxy }) : why('why.offline', { host });
  }
  if (/No prebuilt binaries found|\b404\b/i.test(output)) return why('why.notPublished', { target });
  // Only node-gyp's error lines: its info lines also mention Python ("find Python using …").
  if (/Could not find any Python|python3?: (command )?not found/i.test(output)) {
    return why('why.noPython', { install: compilerHint(platform) });
  }
  if (
    /find any Visual Studio|not found: (make|g\+\+|c\+\+|cc|gcc|clang\+\+)|(make|g\+\+|c\+\+|cc|gcc): (command )?not found|(g\+\+|c\+\+|cc|gcc): No such file or directory|No Xcode or CLT/i.test(
      output,
    )
  ) {
    return why('why.noCompiler', { install: compilerHint(platform) });
  }
  return why('why.other', { detail: lastMeaningfulLine(output) });
}

/** What is missing to compile a Node addon: a C++ compiler, make, Python 3 (checked by running them). */
export function missingToolchain(platform, runs) {
  // Windows: node-gyp finds Visual Studio itself, through the registry; its own report is used.
  if (platform === 'win32') return null;
  const install = compilerHint(platform);
  if (!runs('c++') && !runs('g++') && !runs('clang++')) return why('why.noCompiler', { install });
  if (!runs('make')) return why('why.noMake', { install });
  if (!runs('python3') && !runs('python')) return why('why.noPython', { install });
  return null;
}

/** Why Electron stopped just after starting, from what it printed on stderr. */
export function crashCause(stderr, { env, helper }) {
  const library = /error while loading shared libraries: ([^\s:]+)/.exec(stderr);
  if (library) return why('why.missingLibrary', { library: library[1], install: why('install.libraries') });
  if (/SUID sandbox helper|setuid sandbox|No usable sandbox/i.test(stderr)) return why('why.sandbox', { helper });
  if (/Missing X server|cannot open display|Failed to connect to Wayland|Authorization required, but no authorization protocol/i.test(stderr)) {
    return why('why.display', { display: env.WAYLAND_DISPLAY || env.DISPLAY || '' });
  }
  return why('why.other', { detail: lastMeaningfulLine(stderr) || '—' });
}

/** Electron running for less than this was not closed by the user: it failed to start. */
export const CRASH_SECONDS = 5;

/**
 * The decision after the steps run so far. Each fact is absent until its step has run:
 *   electron: { ok: true } | { ok: false, why }
 *   native:   { ok: true } | { ok: false, prebuilt: why, compile: why }
 *   exit:     { code, seconds, why }
 * Returns { shell: 'electron' } to carry on, or { shell: 'browser', message: { fr, en }, retry }:
 * retry when a step failed (worth another `npm start` once fixed), not when Electron was never
 * meant to run here.
 */
export function decideShell({ env, platform, electron, native, exit }) {
  const browser = (key, params, retry = true) => ({ shell: 'browser', message: launcherText(key, params), retry });
  const unavailable = displayReason(env, platform);
  if (unavailable) return browser(unavailable.key, unavailable.params, false);
  if (electron && !electron.ok) return browser('electron.failed', { why: electron.why });
  if (native && !native.ok) return browser('native.failed', { prebuilt: native.prebuilt, compile: native.compile });
  if (exit && exit.code !== 0 && exit.seconds < CRASH_SECONDS) return browser('electron.crashed', { code: exit.code, why: exit.why });
  return { shell: 'electron' };
}

function firstLine(text) {
  return text.split('\n')[0].trim().slice(0, 200);
}

function lastMeaningfulLine(text) {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^(gyp|npm) (info|verb|http)|^prebuild-install (info|verb|http)/.test(l));
  return (lines.at(-1) ?? '').slice(0, 200);
}
