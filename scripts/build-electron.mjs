// Bundles the Electron main process and preload into dist-electron/ (CommonJS, as Electron's
// sandboxed preload requires):
//   node scripts/build-electron.mjs
// The main bundle leaves npm packages to node_modules (electron-builder ships the production
// dependencies, rebuilt for Electron); the preload bundle must need nothing but 'electron'.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist-electron');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Package name of an import path: "pdfjs-dist/legacy/build/pdf.mjs" -> "pdfjs-dist", "@a/b/c" -> "@a/b". */
function packageOf(path) {
  const parts = path.split('/');
  return path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The packages a bundle leaves to require() at run time. */
function externalPackages(metafile) {
  const found = new Set();
  for (const output of Object.values(metafile.outputs)) {
    for (const imp of output.imports ?? []) {
      if (imp.external && !imp.path.startsWith('node:')) found.add(packageOf(imp.path));
    }
  }
  return found;
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
};

const main = await build({
  ...common,
  entryPoints: { main: join(root, 'electron/main.ts') },
  outdir,
  outExtension: { '.js': '.cjs' },
  packages: 'external',
  // The service code is ESM and locates files next to itself with import.meta.url; in the CommonJS
  // bundle that is the bundle's own URL (dist-electron/ sits one level below the root, like
  // service/ and exchange/import/… sit below theirs).
  define: { 'import.meta.url': '__tresseModuleUrl' },
  banner: { js: 'const __tresseModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
});

const preload = await build({
  ...common,
  entryPoints: { preload: join(root, 'electron/preload.ts') },
  outdir,
  outExtension: { '.js': '.cjs' },
  external: ['electron'],
});

const builtins = new Set(['electron']);
const runtime = new Set(Object.keys(pkg.dependencies ?? {}));
const missing = [...externalPackages(main.metafile)].filter((p) => !builtins.has(p) && !runtime.has(p));
if (missing.length > 0) {
  throw new Error(`The main process needs packages that are not production dependencies: ${missing.join(', ')}`);
}
// Checked on the output text itself, so nothing added around the bundle can slip through.
const preloadRequires = [...readFileSync(join(outdir, 'preload.cjs'), 'utf8').matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)]
  .map((m) => m[1])
  .filter((name) => name !== 'electron');
if (preloadRequires.length > 0) {
  throw new Error(`The sandboxed preload may only require 'electron'; it requires ${preloadRequires.join(', ')}`);
}
console.log(`dist-electron/main.cjs and preload.cjs built (main requires: ${[...externalPackages(main.metafile)].sort().join(', ')})`);
