// What the built outputs (dist-electron/, dist-node/) load from node_modules at run time, and the
// check that package.json's "dependencies" are exactly those packages: everything else is bundled
// by esbuild (or by vite for the renderer) and belongs in devDependencies.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

/**
 * Packages every bundle leaves to require()/import() at run time: native addons (one build per
 * runtime, unpacked from the asar), pdf.js (ESM with top-level await and a worker file it loads by
 * path) and the fonts the PNG renderer reads as files.
 */
export const RUNTIME_PACKAGES = ['better-sqlite3', '@resvg/resvg-js', 'pdfjs-dist', 'dejavu-fonts-ttf'];

/** Provided by the runtime itself, never installed from npm at run time. */
const PROVIDED = new Set(['electron']);

/**
 * esbuild plugin for every bundle: bundled CommonJS packages require Node's built-ins by bare name
 * ("crypto", "stream"); written as "node:crypto" they cannot be taken for npm packages, by Node or
 * by checkExternals.
 */
export const nodeBuiltinsPlugin = {
  name: 'node-builtins',
  setup(build) {
    const filter = new RegExp(`^(${builtinModules.map((m) => m.replace(/[/.]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: `node:${args.path}`, external: true }));
  },
};

/** Package name of an import path: "pdfjs-dist/legacy/build/pdf.mjs" -> "pdfjs-dist", "@a/b/c" -> "@a/b". */
export function packageOf(path) {
  const parts = path.split('/');
  return path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The packages an esbuild metafile's outputs leave to the runtime (node: built-ins excluded). */
export function externalPackages(metafile) {
  const found = new Set();
  for (const output of Object.values(metafile.outputs)) {
    for (const imp of output.imports ?? []) {
      if (imp.external && !imp.path.startsWith('node:') && !imp.path.startsWith('.')) found.add(packageOf(imp.path));
    }
  }
  return found;
}

/**
 * Throws when a bundle needs a package that is not a production dependency, or needs one the
 * runtime list does not name (so the list, the bundles and package.json cannot drift apart).
 */
export function checkExternals(root, label, metafile) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const production = new Set(Object.keys(pkg.dependencies ?? {}));
  const needed = [...externalPackages(metafile)].filter((p) => !PROVIDED.has(p));
  const notProduction = needed.filter((p) => !production.has(p));
  if (notProduction.length > 0) {
    throw new Error(`${label} needs packages that are not production dependencies: ${notProduction.join(', ')}`);
  }
  const unlisted = needed.filter((p) => !RUNTIME_PACKAGES.includes(p));
  if (unlisted.length > 0) {
    throw new Error(`${label} leaves packages to the runtime that scripts/runtime-packages.mjs does not name: ${unlisted.join(', ')}`);
  }
  return needed.sort();
}

/** Throws when package.json's production dependencies are not exactly RUNTIME_PACKAGES. */
export function checkProductionDependencies(root) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const production = Object.keys(pkg.dependencies ?? {}).sort();
  const expected = [...RUNTIME_PACKAGES].sort();
  const extra = production.filter((p) => !expected.includes(p));
  const missing = expected.filter((p) => !production.includes(p));
  if (extra.length > 0 || missing.length > 0) {
    throw new Error(
      `package.json "dependencies" must be the packages loaded at run time (${expected.join(', ')}): ` +
        `${extra.length ? `bundled, move to devDependencies: ${extra.join(', ')}` : ''}` +
        `${extra.length && missing.length ? '; ' : ''}${missing.length ? `missing: ${missing.join(', ')}` : ''}`,
    );
  }
}
