#!/usr/bin/env node
// The `tresse` command: starts the bundled command line, dist-node/tresse.mjs, which `npm install`
// builds (the "prepare" script) along with `npm run build`. Starting from the bundle costs little
// more than starting Node; compiling the TypeScript sources at each call cost over a second.
// A checkout without the build (installed with --ignore-scripts), or whose sources changed since,
// is built first, quietly, so `tresse` never runs stale code.
import module from 'node:module';
import { fileURLToPath } from 'node:url';
import { nodeBundleStale } from '../scripts/freshness.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = `${root}dist-node/tresse.mjs`;

if (nodeBundleStale(root, bundle)) {
  try {
    const { buildNode } = await import('../scripts/build-node.mjs');
    await buildNode({ quiet: true });
  } catch (e) {
    console.error(
      `La ligne de commande n’a pas pu être construite (npm run build:node) : ${e?.message ?? e}\n` +
        `The command line could not be built (npm run build:node): ${e?.message ?? e}`,
    );
    process.exit(1);
  }
}
// A deprecated call inside a bundled library (archiver's `new Buffer`, under exceljs) is ours to
// follow up, not the researcher's: it would print a Node warning above every XLSX export.
process.noDeprecation = true;
// Node 22 and later keep compiled code between runs; Node 20 has no such cache and skips this.
module.enableCompileCache?.();
await import('../dist-node/tresse.mjs');
