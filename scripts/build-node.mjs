// Bundles what runs under plain Node into dist-node/ (ESM, Node 20):
//   dist-node/tresse.mjs   the command line (bin/tresse.mjs starts it)
//   dist-node/server.mjs   the browser mode: node dist-node/server.mjs [--port N] [--project PATH] …
//   dist-node/import-worker.mjs   the worker thread the importers parse in (exchange/import/worker-host.ts)
//   node scripts/build-node.mjs [--quiet]
//
// Without a build, every `tresse` call compiled the TypeScript sources first (about 1.5 s of CPU).
// Code splitting leaves what only some commands need (XLSX/DOCX exports, REFI-QDA, pictures, the
// DOCX/ODT/PDF importers) in chunks loaded by the dynamic import() of those commands.
// The chunks sit in dist-node/ itself, one level below the root as the source folders are, so the
// code's import.meta.url lookups (the demo corpus in demo/, node_modules) resolve the same way.
// Packages loaded at run time (scripts/runtime-packages.mjs) stay in node_modules; the rest is
// bundled. Files are written beside their destination and renamed in place, the entry points
// last, so a `tresse` started during a build runs either the old build or the new one.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkExternals, nodeBuiltinsPlugin, RUNTIME_PACKAGES } from './runtime-packages.mjs';
import { zodEnglishOnly } from './zod-english-only.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUTDIR = join(root, 'dist-node');
/** The first-party sources the last build read, for bin/tresse.mjs to tell a stale build. */
const SOURCES_FILE = join(OUTDIR, 'sources.json');
/** esbuild's account of the build (what each output holds and imports), for tests and analysis. */
const META_FILE = join(OUTDIR, 'meta.json');
// The import worker is an entry of its own: worker-host.ts starts dist-node/import-worker.mjs by path.
const ENTRIES = { tresse: 'cli/entry.ts', server: 'server/main.ts', 'import-worker': 'exchange/import/import-worker.ts' };

/** Builds dist-node/; returns the packages the bundles leave to node_modules. */
export async function buildNode({ quiet = false } = {}) {
  const { build } = await import('esbuild');
  const started = Date.now();
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, path]) => [name, join(root, path)])),
    outdir: OUTDIR,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    external: RUNTIME_PACKAGES,
    plugins: [nodeBuiltinsPlugin, zodEnglishOnly],
    // Bundled CommonJS packages (exceljs, docx…) call require() for Node's built-ins.
    banner: { js: "import { createRequire as __tresseRequire } from 'node:module'; const require = __tresseRequire(import.meta.url);" },
    // Less text for Node to parse at every start; names are kept, so stack traces stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
    legalComments: 'none',
    metafile: true,
    write: false,
    logLevel: quiet ? 'silent' : 'warning', // quiet: a failure is reported once, by the caller
  });
  const needed = checkExternals(root, 'dist-node', result.metafile);

  mkdirSync(OUTDIR, { recursive: true });
  const entryFiles = new Set(Object.keys(ENTRIES).flatMap((name) => [`${name}.mjs`, `${name}.mjs.map`]));
  const place = (file) => {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  };
  const files = result.outputFiles;
  for (const file of files) if (!entryFiles.has(basename(file.path))) place(file);
  for (const file of files) if (entryFiles.has(basename(file.path))) place(file);
  // Only files on disk: a plugin's virtual module (zod-english-only:zod-locales) has no file to
  // stat, and bin/tresse.mjs would take it for a deleted source and rebuild at every call.
  const sources = Object.keys(result.metafile.inputs).filter((p) => !p.includes('node_modules/') && existsSync(join(root, p)));
  place({ path: META_FILE, contents: JSON.stringify(result.metafile) });
  place({ path: SOURCES_FILE, contents: JSON.stringify(sources) });

  // Chunks of earlier builds: their names carry the hash of their content, so they pile up. Those
  // written since this build started belong to another build running beside it (two `tresse`
  // calls after an edit) and stay.
  const kept = new Set([...files.map((f) => basename(f.path)), basename(META_FILE), basename(SOURCES_FILE)]);
  for (const name of readdirSync(OUTDIR)) {
    const path = join(OUTDIR, name);
    const modified = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Infinity;
    if (!kept.has(name) && modified < started) rmSync(path, { force: true });
  }

  if (!quiet) {
    const kB = (name) => `${Math.round(startupBytes(result.metafile, `dist-node/${name}`) / 1000)} kB`;
    const chunks = files.filter((f) => f.path.endsWith('.mjs')).length - Object.keys(ENTRIES).length;
    console.log(
      `dist-node/tresse.mjs (${kB('tresse.mjs')} loaded at start) and server.mjs (${kB('server.mjs')}) built, ` +
        `${chunks} chunks loaded on demand; left to node_modules: ${needed.join(', ') || 'nothing'}`,
    );
  }
  return needed;
}

/** Bytes of JavaScript an entry loads before it runs: itself and its static imports, transitively. */
function startupBytes(metafile, output, seen = new Set()) {
  if (seen.has(output)) return 0;
  seen.add(output);
  const imports = metafile.outputs[output]?.imports ?? [];
  const own = metafile.outputs[output]?.bytes ?? 0;
  return imports.filter((i) => i.kind === 'import-statement' && !i.external).reduce((n, i) => n + startupBytes(metafile, i.path, seen), own);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quiet = process.argv.includes('--quiet');
  try {
    await buildNode({ quiet });
  } catch (e) {
    if (e?.code === 'ERR_MODULE_NOT_FOUND' && !existsSync(join(root, 'node_modules', 'esbuild'))) {
      console.error(
        'esbuild est absent (installation sans les dépendances de développement) : la ligne de commande n’est pas construite.\n' +
          'esbuild is missing (installed without development dependencies): the command line is not built.',
      );
      // An install without development dependencies must not fail for it: only `tresse` needs the build.
      if (process.env.npm_lifecycle_event === 'prepare') process.exit(0);
    } else {
      console.error(e?.message ?? e);
    }
    process.exit(1);
  }
}
