// Bundles the Electron main process and preload into dist-electron/ (CommonJS, as Electron's
// sandboxed preload requires):
//   node scripts/build-electron.mjs          production: no developer tools, whether packaged or not
//   node scripts/build-electron.mjs --dev    development (scripts/start.mjs): developer tools available
// The main bundle holds every package except the runtime ones (scripts/runtime-packages.mjs), which
// it loads from node_modules; the preload bundle must need nothing but 'electron'.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { checkExternals, nodeBuiltinsPlugin, RUNTIME_PACKAGES } from './runtime-packages.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Builds main.cjs and preload.cjs into `outdir`. `dev` sets electron/build-flags.ts's DEV_BUILD.
 * Returns the packages the main bundle leaves to node_modules.
 */
export async function buildElectron({ dev = false, outdir = join(root, 'dist-electron') } = {}) {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    // Nothing is written until both bundles pass their checks (see the end).
    write: false,
    outdir,
    outExtension: { '.js': '.cjs' },
    define: { __TRESSE_DEV_BUILD__: dev ? 'true' : 'false' },
    plugins: [nodeBuiltinsPlugin],
  };

  const main = await build({
    ...common,
    // The import worker, which exchange/import/worker-host.ts starts beside the bundle: a bundle of
    // its own (no splitting in CommonJS), with the same externals and import.meta.url.
    entryPoints: { main: join(root, 'electron/main.ts'), 'import-worker': join(root, 'exchange/import/import-worker.ts') },
    // A package name also covers its subpaths (pdfjs-dist/legacy/build/pdf.mjs).
    external: ['electron', ...RUNTIME_PACKAGES],
    // The service code is ESM and locates files beside itself with import.meta.url (demo/, and
    // pdf.js through createRequire). In the CommonJS bundle that is the bundle's own URL:
    // dist-electron/ sits one level below the root, as service/ does, so '../demo' still resolves.
    define: { ...common.define, 'import.meta.url': '__tresseModuleUrl' },
    banner: { js: 'const __tresseModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  });
  const needed = checkExternals(root, 'The Electron main process', main.metafile);

  const preload = await build({
    ...common,
    entryPoints: { preload: join(root, 'electron/preload.ts') },
    external: ['electron'],
  });
  // Checked on the output text itself, so nothing added around the bundle can slip through.
  const preloadText = preload.outputFiles.find((f) => f.path.endsWith('.cjs')).text;
  const preloadRequires = [...preloadText.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]).filter((name) => name !== 'electron');
  if (preloadRequires.length > 0) {
    throw new Error(`The sandboxed preload may only require 'electron'; it requires ${preloadRequires.join(', ')}`);
  }

  // Each file is written beside its place and renamed into it, so a running app or an interrupted
  // build never sees half a bundle.
  mkdirSync(outdir, { recursive: true });
  for (const file of [...main.outputFiles, ...preload.outputFiles]) {
    const partial = `${file.path}.partial`;
    writeFileSync(partial, file.contents);
    renameSync(partial, file.path);
  }
  return needed;
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  const dev = process.argv.includes('--dev');
  const needed = await buildElectron({ dev });
  console.log(
    `dist-electron/main.cjs, import-worker.cjs and preload.cjs built (${dev ? 'development' : 'production'}; main loads from node_modules: ${needed.join(', ')})`,
  );
}
